package data

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The cypher export writes parameterised queries, each run once per batch
// of rows: NN-name.cypher holds "UNWIND $rows AS row ..." and
// NN-name.BBBB.json the batches. No value is ever spliced into a query: the
// only words of a query that vary (relationship types) come from the fixed
// tables in neo4j.go, one query file per type. load.py runs them in order.

// cypherBatch is the number of rows per JSON file: large enough that a
// million claims make a few hundred transactions, small enough that each
// fits a default Neo4j transaction's memory.
const cypherBatch = 10_000

const cypherConstraints = `CREATE CONSTRAINT claimgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT claimgraph_source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT claimgraph_claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
`

const cypherLoader = `# Load this directory into a running Neo4j:
#   pip install neo4j
#   python3 load.py bolt://localhost:7687 neo4j PASSWORD
# Runs every NN-*.cypher in name order: once with no rows when it has no
# NN-*.NNNN.json beside it, else once per batch file with $rows bound to
# the batch. Written by claimgraph export --format cypher.
import glob, json, sys
from neo4j import GraphDatabase

uri, user, password = sys.argv[1:4]
with GraphDatabase.driver(uri, auth=(user, password)) as driver:
    for query_file in sorted(glob.glob("[0-9][0-9]-*.cypher")):
        text = open(query_file, encoding="utf-8").read()
        batches = sorted(glob.glob(query_file[: -len(".cypher")] + ".[0-9]*.json"))
        for query in [q for q in text.split(";\n") if q.strip()]:
            if not batches:
                driver.execute_query(query)
            for batch in batches:
                with open(batch, encoding="utf-8") as f:
                    driver.execute_query(query, rows=json.load(f))
`

// The rows of the queries, as structs: encoding a struct is several times
// faster than a map, and its field order is fixed.
type cypherClaim struct {
	ID        string       `json:"id"`
	From      string       `json:"from"`
	To        string       `json:"to"`
	Relation  string       `json:"relation"`
	Detail    string       `json:"detail"`
	Status    graph.Status `json:"status"`
	Contested bool         `json:"contested"`
	Reported  string       `json:"reported"`
	Reading   string       `json:"reading"`
}

type cypherCite struct {
	Claim  string `json:"claim"`
	Source string `json:"source"`
	Quote  string `json:"quote"`
}

type cypherLink struct {
	Claim     string `json:"claim"`
	From      string `json:"from"`
	To        string `json:"to"`
	Relation  string `json:"relation"`
	Contested bool   `json:"contested"`
}

type cypherStance struct {
	By     string `json:"by"`
	Claim  string `json:"claim"`
	Quote  string `json:"quote"`
	Source string `json:"source"`
	Note   string `json:"note,omitempty"`
}

// cypherClaimRow is a claim's row: cypherClaim's fields, then those of
// graphDBClaimFields that have a value (a missing key is a null parameter, and
// SET to null leaves no property: an ungraded claim has no credibility).
func cypherClaimRow(g *graph.Graph, c *graph.Claim) json.RawMessage {
	b, _ := json.Marshal(cypherClaim{c.ID, c.From, c.To, c.Relation, c.Detail, c.Status, c.Contested(), c.Reported, g.Read(c).String()})
	b = b[:len(b)-1]
	for _, f := range graphDBClaimFields {
		v := f.value(c)
		if v == "" {
			continue
		}
		b = append(b, `,"`+f.name+`":`...)
		if f.typ != "" {
			b = append(b, v...) // an int or a boolean: JSON as written
		} else {
			q, _ := json.Marshal(v)
			b = append(b, q...)
		}
	}
	return append(b, '}')
}

// cypherClaimSet is the SET clause's part for graphDBClaimFields.
func cypherClaimSet() string {
	var b strings.Builder
	for _, f := range graphDBClaimFields {
		b.WriteString(",\n    c." + f.name + " = row." + f.name)
	}
	return b.String()
}

// cypherQuery is one query file and the rows it runs on.
type cypherQuery struct {
	name  string // without .cypher
	query string
	rows  func(emit func(row any))
}

// WriteCypher writes g as parameterised Cypher with JSON batches, and the
// load.py that runs them, through create.
func WriteCypher(g *graph.Graph, create WriteFileFunc) error {
	queries := []cypherQuery{
		{"00-constraints", cypherConstraints, nil},
		{"01-entities", `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.country = row.country, e.note = row.note
`, func(emit func(any)) {
			for _, e := range g.Entities() {
				emit(EntityJSON(e))
			}
		}},
		{"02-sources", `UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.title = row.title, s.publisher = row.publisher, s.published = row.published, s.url = row.url,
    s.reliability = row.reliability, s.derived_from = row.derived_from, s.retrieved = row.retrieved, s.text = row.text
`, func(emit func(any)) {
			for _, s := range g.Sources() {
				emit(SourceJSON(s))
			}
		}},
		{"03-claims", `UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (c:Claim {id: row.id})
SET c.relation = row.relation, c.detail = row.detail, c.status = row.status, c.contested = row.contested,
    c.reported = row.reported, c.reading = row.reading` + cypherClaimSet() + `
MERGE (c)-[:FROM]->(a)
MERGE (c)-[:TO]->(b)
`, func(emit func(any)) {
			for _, c := range g.Claims() {
				emit(cypherClaimRow(g, c))
			}
		}},
		{"04-claim-sources", `UNWIND $rows AS row
MATCH (c:Claim {id: row.claim}), (s:Source {id: row.source})
CREATE (c)-[:CITES {quote: row.quote}]->(s)
`, func(emit func(any)) {
			for _, c := range g.Claims() {
				for _, r := range c.Sources {
					emit(cypherCite{c.ID, r.Source, r.Quote})
				}
			}
		}},
	}
	var linkTypes []string
	for _, st := range graph.Statuses {
		linkTypes = append(linkTypes, neo4jStatusTypes[st])
	}
	for _, typ := range append(linkTypes, neo4jNegatedType) {
		queries = append(queries, cypherQuery{"05-links-" + strings.ToLower(typ), `UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:` + typ + ` {claim: row.claim}]->(b)
SET r.relation = row.relation, r.contested = row.contested
`, func(emit func(any)) {
			for _, c := range g.Claims() {
				if neo4jLinkType(c) == typ {
					emit(cypherLink{c.ID, c.From, c.To, c.Relation, c.Contested()})
				}
			}
		}})
	}
	for _, p := range graph.Positions {
		typ := neo4jStanceTypes[p]
		queries = append(queries, cypherQuery{fmt.Sprintf("06-stances-%s", p), `UNWIND $rows AS row
MATCH (p:Entity {id: row.by}), (c:Claim {id: row.claim})
CREATE (p)-[:` + typ + ` {quote: row.quote, source: row.source, note: row.note}]->(c)
`, func(emit func(any)) {
			for _, c := range g.Claims() {
				for _, s := range c.Stances {
					if s.Position == p {
						emit(cypherStance{s.By, c.ID, s.Quote, s.Source, s.Note})
					}
				}
			}
		}})
	}
	for _, q := range queries {
		if err := writeCypherQuery(q, create); err != nil {
			return err
		}
	}
	return create("load.py", func(w io.Writer) error { _, err := io.WriteString(w, cypherLoader); return err })
}

// writeCypherQuery writes q's query file and its row batches; a query that
// has no rows is not written (load.py would run it once, without $rows).
func writeCypherQuery(q cypherQuery, create WriteFileFunc) error {
	writeQuery := func() error {
		return create(q.name+".cypher", func(w io.Writer) error { _, err := io.WriteString(w, q.query); return err })
	}
	if q.rows == nil {
		return writeQuery()
	}
	var batch []json.RawMessage
	n := 0
	var err error
	flush := func() {
		if err != nil || len(batch) == 0 {
			return
		}
		n++
		if n == 1 {
			if err = writeQuery(); err != nil {
				return
			}
		}
		err = create(fmt.Sprintf("%s.%04d.json", q.name, n), func(w io.Writer) error {
			bw := bufio.NewWriter(w)
			bw.WriteString("[\n")
			for i, r := range batch {
				bw.Write(r)
				if i < len(batch)-1 {
					bw.WriteByte(',')
				}
				bw.WriteByte('\n')
			}
			bw.WriteString("]\n")
			return bw.Flush()
		})
		batch = batch[:0]
	}
	q.rows(func(row any) {
		b, e := json.Marshal(row) // map keys are sorted: the same row gives the same bytes
		if e != nil && err == nil {
			err = e
		}
		batch = append(batch, slices.Clip(b))
		if len(batch) == cypherBatch {
			flush()
		}
	})
	flush()
	return err
}
