package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// ftmSample is written for this test: one of each mapped schema, links of
// several kinds, a Documentation of a link and one of an entity, two
// Sanctions (unmapped), a link to nowhere and a bad country code.
const ftmSample = `{"id":"p1","schema":"Person","properties":{"name":["Jane Roe","J. Roe"],"country":["gb"],"alias":["Janie"]}}
{"id":"c1","schema":"Company","properties":{"name":["Acme Ltd"],"jurisdiction":["cy"]}}
{"id":"pb1","schema":"PublicBody","properties":{"name":["Ministry of Things"],"country":["suhh"]}}
{"id":"o1","schema":"Organization","properties":{"name":["Friends of Acme"]}}
{"id":"le1","schema":"LegalEntity","properties":{"name":["Some Entity"]}}
{"id":"a1","schema":"Article","properties":{"title":["Leak story"],"publisher":["Daily"],"publishedAt":["2024-05-01T10:00:00"],"sourceUrl":["https://example.org/leak"]}}
{"id":"own1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"role":["beneficial owner"],"percentage":["51"],"startDate":["2019"],"sourceUrl":["https://registry.example/c1"],"publisher":["Registry"]}}
{"id":"dir1","schema":"Directorship","properties":{"director":["p1"],"organization":["o1"]}}
{"id":"ul1","schema":"UnknownLink","properties":{"subject":["c1"],"object":["pb1"]}}
{"id":"doc1","schema":"Documentation","properties":{"document":["a1"],"entity":["own1"]}}
{"id":"doc2","schema":"Documentation","properties":{"document":["a1"],"entity":["le1"]}}
{"id":"s1","schema":"Sanction","properties":{"entity":["p1"]}}
{"id":"s2","schema":"Sanction","properties":{"entity":["c1"]}}
{"id":"own2","schema":"Ownership","properties":{"owner":["nobody"],"asset":["c1"]}}
`

func TestReadFTM(t *testing.T) {
	ds, warnings, err := ReadFTM("sample.json", strings.NewReader(ftmSample))
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	wantWarnings := []string{
		"2 Sanction entities not mapped (no claimgraph type for that FtM schema)",
		"1 Ownership link left out: an end resolves to no imported entity",
		"1 country code dropped: not a two-letter code",
	}
	if fmt.Sprint(warnings) != fmt.Sprint(wantWarnings) {
		t.Errorf("warnings:\n%q\nwant\n%q", warnings, wantWarnings)
	}
	entities := map[string]string{"p1": "person GB [J. Roe Janie]", "c1": "company CY []", "pb1": "government  []",
		"o1": "organization  []", "le1": "organization  []", "a1": "document  []"}
	for id, want := range entities {
		e := g.Entity(id)
		if e == nil {
			t.Errorf("no entity %s", id)
			continue
		}
		if got := fmt.Sprintf("%s %s %v", e.Type, e.Country, e.Aliases); got != want {
			t.Errorf("entity %s: %s, want %s", id, got, want)
		}
	}
	claims := map[string]string{
		"own1": "p1 owns (as beneficial owner) c1 reported [startDate: 2019; percentage: 51] sources 2",
		"dir1": "p1 directs o1 reported [] sources 0",
		"ul1":  "c1 linked to pb1 reported [] sources 0",
		"doc2": "a1 documents le1 reported [] sources 1",
	}
	if len(g.Claims()) != len(claims) {
		t.Errorf("%d claims, want %d", len(g.Claims()), len(claims))
	}
	for id, want := range claims {
		c := g.Claim(id)
		if c == nil {
			t.Errorf("no claim %s", id)
			continue
		}
		if got := fmt.Sprintf("%s %s %s %s [%s] sources %d", c.From, c.Relation, c.To, c.Status, c.Detail, len(c.Sources)); got != want {
			t.Errorf("claim %s: %s, want %s", id, got, want)
		}
	}
	if s := g.Source("src-a1"); s == nil || s.Published != "2024-05-01" || s.URL != "https://example.org/leak" {
		t.Errorf("the article's source: %+v", s)
	}
	// The import is a valid dataset: it loads back.
	roundTrip(t, g.Dataset())
}

func TestReadFTMErrors(t *testing.T) {
	_, _, err := ReadFTM("bad.json", strings.NewReader("{\"id\":\"p\",\"schema\":\"Person\"}\nnot json\n{\"schema\":\"Person\"}\n"))
	if err == nil || !strings.Contains(err.Error(), "bad.json:2:1: invalid JSON") || !strings.Contains(err.Error(), "bad.json:3:1: not an FtM entity") {
		t.Errorf("error %v", err)
	}
}

func TestFTMRoundTrip(t *testing.T) {
	g := embeddedGraph(t)
	var b bytes.Buffer
	if err := WriteFTM(&b, g); err != nil {
		t.Fatal(err)
	}
	ds, warnings, err := ReadFTM("export.json", &b)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%v %v", err, warnings)
	}
	if len(ds.Entities) != len(g.Entities()) || len(ds.Claims) != len(g.Claims()) {
		t.Errorf("%d entities, %d claims back; want %d, %d", len(ds.Entities), len(ds.Claims), len(g.Entities()), len(g.Claims()))
	}
}

func TestWriteFTMCollision(t *testing.T) {
	g, err := graph.New(&graph.Dataset{Entities: []graph.Entity{{ID: "a_b", Name: "x", Type: graph.Person}, {ID: "a-b", Name: "y", Type: graph.Person}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFTM(&bytes.Buffer{}, g); err == nil || !strings.Contains(err.Error(), `both "a-b" in FtM`) {
		t.Errorf("error %v, want a collision", err)
	}
}

func TestFTMModel(t *testing.T) {
	if ftmModel.Version == "" || len(ftmModel.Schemata) < 50 {
		t.Fatalf("ftm_model.json: version %q, %d schemata", ftmModel.Version, len(ftmModel.Schemata))
	}
	for _, m := range ftmTypes {
		if _, ok := ftmModel.Schemata[m.schema]; !ok {
			t.Errorf("ftmTypes names %q, not in the FtM model", m.schema)
		}
	}
	for _, s := range ftmExportSchemata {
		if _, ok := ftmModel.Schemata[s]; !ok || ftmModel.Schemata[s].Abstract {
			t.Errorf("ftmExportSchemata names %q, not a concrete FtM schema", s)
		}
	}
}

func checkFTM(t *testing.T, g *graph.Graph) {
	var b bytes.Buffer
	if err := WriteFTM(&b, g); err != nil {
		if strings.Contains(err.Error(), "in FtM") {
			return // a collision of rewritten ids: reported, as it must be
		}
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if line == "" {
			continue
		}
		var e struct{ ID, Schema string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		seen[e.ID]++
	}
	for _, e := range g.Entities() {
		if seen[ftmID(e.ID)] != 1 {
			t.Errorf("entity %s appears %d times", e.ID, seen[ftmID(e.ID)])
		}
	}
	for _, c := range g.Claims() {
		if seen[ftmID(c.ID)] != 1 {
			t.Errorf("claim %s appears %d times", c.ID, seen[ftmID(c.ID)])
		}
	}
}

// FuzzReadFTM checks that any input gives a dataset that indexes, or
// problems, never a panic.
func FuzzReadFTM(f *testing.F) {
	f.Add(ftmSample)
	f.Add("{\"id\":\"x y\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[{\"id\":\"x y\"}],\"asset\":\"x y\"}}\n")
	f.Fuzz(func(t *testing.T, in string) {
		ds, _, err := ReadFTM("f.json", strings.NewReader(in))
		if err != nil {
			return
		}
		if _, err := graph.New(ds); err != nil {
			t.Fatalf("the import does not index: %v", err)
		}
	})
}

func TestReadFTMRepeats(t *testing.T) {
	in := ftmSample + ftmSample // FtM streams repeat fragments of one entity
	ds, _, err := ReadFTM("twice.json", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := graph.New(ds); err != nil {
		t.Fatalf("repeated entities and links: %v", err)
	}
}
