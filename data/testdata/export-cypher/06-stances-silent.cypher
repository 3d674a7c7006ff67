UNWIND $rows AS row
MATCH (p:Entity {id: row.by}), (c:Claim {id: row.claim})
CREATE (p)-[:SILENT_ON {quote: row.quote, source: row.source, note: row.note}]->(c)
