package data

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Neo4j holds a claim graph as a property graph: entities, claims and
// sources are nodes; a stance is a relationship from the party to the claim
// (ASSERTS, DENIES, …), a claim points at its ends (FROM, TO) and cites its
// sources (CITES), and each claim is also one direct relationship between
// its entities, typed by status (ALLEGED, …), so that path queries need not
// step through claim nodes. Relationship types and labels come from the
// fixed tables below, never from the data: they are written into Cypher
// and into neo4j-admin's :TYPE column, where a value would be code.

// neo4jStanceTypes gives each position its relationship type.
var neo4jStanceTypes = map[graph.Position]string{
	graph.Asserts: "ASSERTS", graph.Confirms: "CONFIRMS", graph.Denies: "DENIES",
	graph.Disputes: "DISPUTES", graph.Declined: "DECLINED_TO_COMMENT", graph.Silent: "SILENT_ON",
}

// neo4jStatusTypes gives each status the type of the direct relationship.
var neo4jStatusTypes = map[graph.Status]string{
	graph.Established: "ESTABLISHED", graph.Reported: "REPORTED", graph.Alleged: "ALLEGED",
	graph.Proposed: "PROPOSED", graph.Failed: "FAILED", graph.Retracted: "RETRACTED",
}

// neo4jTypeLabels gives each entity type its second label (beside Entity).
var neo4jTypeLabels = map[graph.EntityType]string{
	graph.Company: "Company", graph.Government: "Government", graph.Agency: "Agency",
	graph.Military: "Military", graph.Legislature: "Legislature", graph.Person: "Person",
	graph.Media: "Media", graph.Document: "Document", graph.Product: "Product",
	graph.Country: "Country", graph.OtherType: "Other",
	graph.Group: "Group", graph.Organization: "Organization", graph.Infrastructure: "Infrastructure", graph.Vessel: "Vessel",
}

// neo4jNegatedType is the direct relationship of a negated claim, whatever
// its status: a path query over the status types (as the README's) must not
// follow a claim that the relation does NOT hold, as paths does not.
const neo4jNegatedType = "NEGATED"

// neo4jLinkType is the type of a claim's direct relationship.
func neo4jLinkType(c *graph.Claim) string {
	if c.Negated {
		return neo4jNegatedType
	}
	return neo4jType(neo4jStatusTypes, c.Status, "CLAIMED")
}

// graphDBClaimFields are the claim properties the graph-database exports
// (neo4j, cypher) write beyond the ones every claim has: the belief grades.
// typ is the neo4j-admin type ("" for string); an empty value is no
// property (an ungraded claim has no credibility, not 0). A field the model
// gains is one line here.
var graphDBClaimFields = []struct {
	name, typ string
	value     func(c *graph.Claim) string
}{
	{"credibility", "int", func(c *graph.Claim) string {
		if c.Credibility == 0 {
			return ""
		}
		return strconv.Itoa(int(c.Credibility))
	}},
	{"credibility_note", "", func(c *graph.Claim) string { return c.CredibilityNote }},
	{"negated", "boolean", func(c *graph.Claim) string { return strconv.FormatBool(c.Negated) }},
	{"basis", "", func(c *graph.Claim) string { return string(c.Basis) }},
	{"likelihood", "", func(c *graph.Claim) string { return string(c.Likelihood) }},
	{"lint", "", func(c *graph.Claim) string { return jsonText(c.Lint) }},
}

// neo4jType returns the table's name for k, or fallback for a value the
// table does not know (a dataset the loader did not check).
func neo4jType[K comparable](table map[K]string, k K, fallback string) string {
	if t, ok := table[k]; ok {
		return t
	}
	return fallback
}

// Neo4jFiles are the files WriteNeo4j writes, in order.
var Neo4jFiles = []string{"entities.csv", "sources.csv", "claims.csv", "claim_ends.csv", "claim_links.csv",
	"claim_sources.csv", "stances.csv", "import.sh"}

// neo4jImportScript loads the files with neo4j-admin into a new database.
const neo4jImportScript = `#!/bin/sh
# Load this directory into a new, stopped Neo4j database (default: neo4j):
#   sh import.sh [DATABASE]
# Written by claimgraph export --format neo4j.
set -eu
cd "$(dirname "$0")"
neo4j-admin database import full \
  --nodes=entities.csv --nodes=sources.csv --nodes=claims.csv \
  --relationships=claim_ends.csv --relationships=claim_links.csv \
  --relationships=claim_sources.csv --relationships=stances.csv \
  --multiline-fields=true \
  "${1:-neo4j}"
`

// WriteNeo4j writes g as CSV files for "neo4j-admin database import full"
// and the import.sh that runs it. Every string cell is quoted; lists
// (aliases, derived_from) are JSON text, since any array delimiter could
// appear in a name. Cells are not guarded against spreadsheet formulas:
// these files are for Neo4j, which would keep the guard.
func WriteNeo4j(g *graph.Graph, create WriteFileFunc) error {
	table := func(name string, header []string, rows func(row func(...string))) error {
		return create(name, func(w io.Writer) error {
			cw := newCSVWriter(w, false)
			cw.row(header...)
			typed := make([]bool, len(header))
			for i, h := range header {
				typed[i] = strings.HasSuffix(h, ":boolean") || strings.HasSuffix(h, ":int")
			}
			cw.quoted = func(i int) bool { return !typed[i] }
			rows(func(cells ...string) { cw.row(cells...) })
			return cw.flush()
		})
	}
	steps := []func() error{
		func() error {
			return table("entities.csv", []string{"id:ID", "name", "type", "aliases", "country", "note", ":LABEL"}, func(row func(...string)) {
				for _, e := range g.Entities() {
					row(e.ID, e.Name, string(e.Type), jsonList(e.Aliases), e.Country, e.Note,
						"Entity;"+neo4jType(neo4jTypeLabels, e.Type, "Other"))
				}
			})
		},
		func() error {
			return table("sources.csv", []string{"id:ID", "title", "publisher", "published", "url", "reliability", "derived_from", "retrieved", "text", ":LABEL"}, func(row func(...string)) {
				for _, s := range g.Sources() {
					row(s.ID, s.Title, s.Publisher, s.Published, s.URL, s.Reliability, jsonList(s.DerivedFrom), s.Retrieved, s.Text, "Source")
				}
			})
		},
		func() error {
			header := []string{"id:ID", "from", "to", "relation", "detail", "status", "contested:boolean", "reported", "reading"}
			for _, f := range graphDBClaimFields {
				if f.typ != "" {
					header = append(header, f.name+":"+f.typ)
				} else {
					header = append(header, f.name)
				}
			}
			header = append(header, ":LABEL")
			var cells []string
			return table("claims.csv", header, func(row func(...string)) {
				for _, c := range g.Claims() {
					cells = append(cells[:0], c.ID, c.From, c.To, c.Relation, c.Detail, string(c.Status), strconv.FormatBool(c.Contested()), c.Reported, g.Read(c).String())
					for _, f := range graphDBClaimFields {
						cells = append(cells, f.value(c))
					}
					row(append(cells, "Claim")...)
				}
			})
		},
		func() error {
			return table("claim_ends.csv", []string{":START_ID", ":END_ID", ":TYPE"}, func(row func(...string)) {
				for _, c := range g.Claims() {
					row(c.ID, c.From, "FROM")
					row(c.ID, c.To, "TO")
				}
			})
		},
		func() error {
			return table("claim_links.csv", []string{":START_ID", ":END_ID", ":TYPE", "claim", "relation", "status", "contested:boolean"}, func(row func(...string)) {
				for _, c := range g.Claims() {
					row(c.From, c.To, neo4jLinkType(c), c.ID, c.Relation, string(c.Status), strconv.FormatBool(c.Contested()))
				}
			})
		},
		func() error {
			return table("claim_sources.csv", []string{":START_ID", ":END_ID", ":TYPE", "quote"}, func(row func(...string)) {
				for _, c := range g.Claims() {
					for _, r := range c.Sources {
						row(c.ID, r.Source, "CITES", r.Quote)
					}
				}
			})
		},
		func() error {
			return table("stances.csv", []string{":START_ID", ":END_ID", ":TYPE", "quote", "source", "note"}, func(row func(...string)) {
				for _, c := range g.Claims() {
					for _, s := range c.Stances {
						row(s.By, c.ID, neo4jType(neo4jStanceTypes, s.Position, "TAKES_A_POSITION_ON"), s.Quote, s.Source, s.Note)
					}
				}
			})
		},
		func() error {
			return create("import.sh", func(w io.Writer) error { _, err := io.WriteString(w, neo4jImportScript); return err })
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// jsonText writes a list as compact JSON text, "" for none.
func jsonText[T any](items []T) string {
	if len(items) == 0 {
		return ""
	}
	b, _ := json.Marshal(items) // strings only: cannot fail
	return string(b)
}

// jsonList writes a list as compact JSON text, [] for none.
func jsonList(items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(items)
	return string(b)
}
