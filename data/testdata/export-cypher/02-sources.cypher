UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.title = row.title, s.publisher = row.publisher, s.published = row.published, s.url = row.url,
    s.reliability = row.reliability, s.derived_from = row.derived_from, s.retrieved = row.retrieved, s.text = row.text
