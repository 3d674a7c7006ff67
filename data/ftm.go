package data

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// FollowTheMoney (FtM) is the entity model of Aleph and OpenSanctions.
// ftm_model.json is extracted from its published model by ftm_gen.go (the
// version is in the file): each schema's parents, and for the schemata that
// are links ("edges": Ownership, Directorship, …) which properties hold
// their two ends. Nothing per schema is written by hand but the type table
// below.

//go:embed ftm_model.json
var ftmModelJSON []byte

type ftmEdge struct {
	Label       string   `json:"label"`
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	SourceRange string   `json:"source_range"`
	TargetRange string   `json:"target_range"`
	Caption     []string `json:"caption"`
	Directed    bool     `json:"directed"`
}

type ftmSchema struct {
	Extends  []string `json:"extends"`
	Abstract bool     `json:"abstract"`
	Edge     *ftmEdge `json:"edge"`
}

var ftmModel = func() (m struct {
	Package  string               `json:"package"`
	Version  string               `json:"version"`
	Schemata map[string]ftmSchema `json:"schemata"`
}) {
	if err := json.Unmarshal(ftmModelJSON, &m); err != nil {
		panic("data: ftm_model.json: " + err.Error()) // embedded and tested: cannot happen
	}
	return m
}()

// FtMModelVersion is the FtM model version the mapping was made from.
func FtMModelVersion() string { return ftmModel.Package + " " + ftmModel.Version }

// ftmTypes maps FtM schemata to entity types, most specific first: a schema
// takes the type of its first ancestor (itself included) listed here, so
// Article is a document by way of Document and Airplane nothing (unmapped,
// counted). The export reads it backwards: a type's first schema here.
// LegalEntity, which FtM uses when it cannot tell more, imports as an
// organization with its schema noted (see ImportFtM); claimgraph's "other"
// exports as LegalEntity. A group (unnamed officials, a movement) is the
// nearest FtM has to an organization without legal form; infrastructure is
// an Asset.
var ftmTypes = []struct {
	schema string
	typ    graph.EntityType
}{
	{"Person", graph.Person},
	{"Company", graph.Company},
	{"PublicBody", graph.Government},
	{"Organization", graph.Organization},
	{"LegalEntity", graph.Organization},
	{"Document", graph.Document},
	{"Vessel", graph.Vessel},
	{"Vehicle", graph.Product},
}

// ftmExportSchemata gives the schema an entity type exports as, where it
// is not the type's entry in ftmTypes.
var ftmExportSchemata = map[graph.EntityType]string{
	graph.Agency: "PublicBody", graph.Legislature: "PublicBody", graph.Military: "PublicBody",
	graph.Media: "Organization", graph.Country: "LegalEntity", graph.Product: "LegalEntity",
	graph.OtherType: "LegalEntity", graph.Group: "Organization", graph.Infrastructure: "Asset",
}

// ftmIsA reports whether schema is ancestor or one of its descendants.
func ftmIsA(schema, ancestor string) bool {
	return slices.Contains(ftmAncestors(schema), ancestor)
}

// ftmAncestors lists schema and its ancestors, nearest first (breadth
// first over extends).
func ftmAncestors(schema string) []string {
	out := []string{schema}
	for i := 0; i < len(out) && i < 100; i++ {
		for _, p := range ftmModel.Schemata[out[i]].Extends {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// ftmEntityType returns the type of an FtM schema, or false if unmapped.
func ftmEntityType(schema string) (graph.EntityType, bool) {
	for _, a := range ftmAncestors(schema) {
		for _, t := range ftmTypes {
			if t.schema == a {
				return t.typ, true
			}
		}
	}
	return "", false
}

// ftmSchemaOf is the schema an entity of type t exports as.
func ftmSchemaOf(t graph.EntityType) string {
	if s, ok := ftmExportSchemata[t]; ok {
		return s
	}
	for _, m := range ftmTypes {
		if m.typ == t {
			return m.schema
		}
	}
	return "LegalEntity"
}

// ftmID rewrites an id to FtM's allowed characters (ASCII letters, digits,
// '.' and '-', starting and ending with a letter or digit).
func ftmID(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			b[i] = '-'
		}
	}
	s := strings.Trim(string(b), ".-")
	if s == "" {
		s = "x"
	}
	return s
}
