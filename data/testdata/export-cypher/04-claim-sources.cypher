UNWIND $rows AS row
MATCH (c:Claim {id: row.claim}), (s:Source {id: row.source})
CREATE (c)-[:CITES {quote: row.quote}]->(s)
