UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (c:Claim {id: row.id})
SET c.relation = row.relation, c.detail = row.detail, c.status = row.status, c.contested = row.contested,
    c.reported = row.reported, c.reading = row.reading,
    c.credibility = row.credibility,
    c.credibility_note = row.credibility_note,
    c.negated = row.negated,
    c.basis = row.basis,
    c.likelihood = row.likelihood,
    c.lint = row.lint
MERGE (c)-[:FROM]->(a)
MERGE (c)-[:TO]->(b)
