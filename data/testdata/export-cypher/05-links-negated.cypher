UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:NEGATED {claim: row.claim}]->(b)
SET r.relation = row.relation, r.contested = row.contested
