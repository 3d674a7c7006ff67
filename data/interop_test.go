package data

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

// memFiles is a WriteFileFunc into a map, for tests.
type memFiles map[string][]byte

func (m memFiles) create(name string, write func(io.Writer) error) error {
	if _, dup := m[name]; dup {
		return fmt.Errorf("%s written twice", name)
	}
	var b bytes.Buffer
	err := write(&b)
	m[name] = b.Bytes()
	return err
}

func (m memFiles) names() []string {
	var ns []string
	for n := range m {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

// goldenDir compares files with testdata/dir, or rewrites it under -update.
func goldenDir(t *testing.T, dir string, files memFiles) {
	t.Helper()
	path := filepath.Join("testdata", dir)
	if *update {
		os.RemoveAll(path)
		os.MkdirAll(path, 0o755)
		for n, b := range files {
			if err := os.WriteFile(filepath.Join(path, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, _ := os.ReadDir(path)
	if len(entries) != len(files) {
		t.Errorf("%s has %d files, the export %d (%v); if intended, run: go test ./data -run %s -update", path, len(entries), len(files), files.names(), t.Name())
	}
	for _, n := range files.names() {
		want, err := os.ReadFile(filepath.Join(path, n))
		if err != nil || !bytes.Equal(want, files[n]) {
			t.Errorf("%s/%s differs from the export; if intended, run: go test ./data -run %s -update", path, n, t.Name())
		}
	}
}

func embeddedGraph(t testing.TB) *graph.Graph {
	ds, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// dataExporters are the exports of package data, as many-file writers.
var dataExporters = []struct {
	name  string
	write func(g *graph.Graph, create WriteFileFunc) error
}{
	{"csv", WriteCSV},
	{"neo4j", WriteNeo4j},
	{"cypher", WriteCypher},
	{"stix", func(g *graph.Graph, create WriteFileFunc) error {
		return create("bundle.json", func(w io.Writer) error { return WriteSTIX(w, g) })
	}},
	{"ftm", func(g *graph.Graph, create WriteFileFunc) error {
		return create("entities.ftm.json", func(w io.Writer) error { return WriteFTM(w, g) })
	}},
}

func TestDataExportGoldens(t *testing.T) {
	for _, ex := range dataExporters {
		t.Run(ex.name, func(t *testing.T) {
			a, b := memFiles{}, memFiles{}
			if err := ex.write(embeddedGraph(t), a.create); err != nil {
				t.Fatal(err)
			}
			if err := ex.write(embeddedGraph(t), b.create); err != nil {
				t.Fatal(err)
			}
			for n := range a {
				if !bytes.Equal(a[n], b[n]) {
					t.Fatalf("two runs differ in %s", n)
				}
			}
			goldenDir(t, "export-"+ex.name, a)
		})
	}
}

var relType = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

// TestDataExportProperties: on random hostile datasets, every entity and
// claim appears exactly once, parallel claims survive (genDataset makes
// them), and the output parses.
func TestDataExportProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 200 {
		ds := genDataset(rng, 1+rng.IntN(8), rng.IntN(12))
		g, err := graph.New(ds)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			checkSTIX(t, g)
			checkNeo4j(t, g)
			checkCypher(t, g)
			checkFTM(t, g)
		})
	}
}

func checkSTIX(t *testing.T, g *graph.Graph) {
	var b bytes.Buffer
	if err := WriteSTIX(&b, g); err != nil {
		t.Fatal(err)
	}
	var bundle struct {
		Type    string
		Objects []struct {
			Type       string
			ID         string
			SourceRef  string              `json:"source_ref"`
			ObjectRefs []string            `json:"object_refs"`
			X          struct{ ID string } `json:"x_claimgraph"`
		}
	}
	if err := json.Unmarshal(b.Bytes(), &bundle); err != nil {
		t.Fatalf("STIX is not JSON: %v\n%s", err, b.String())
	}
	seen := map[string]int{}
	ids := map[string]bool{}
	for _, o := range bundle.Objects {
		if ids[o.ID] {
			t.Errorf("STIX id %s twice", o.ID)
		}
		ids[o.ID] = true
		switch o.Type {
		case "identity", "infrastructure", "relationship":
			seen[o.Type[:1]+":"+o.X.ID]++
		}
	}
	for _, e := range g.Entities() {
		if seen["i:"+e.ID] != 1 {
			t.Errorf("entity %q appears %d times", e.ID, seen["i:"+e.ID])
		}
	}
	for _, c := range g.Claims() {
		if seen["r:"+c.ID] != 1 {
			t.Errorf("claim %q has %d relationship objects", c.ID, seen["r:"+c.ID])
		}
	}
	if n := len(seen) - len(g.Entities()) - len(g.Claims()); n != 0 {
		t.Errorf("%d objects beyond one per entity and one relationship per claim", n)
	}
}

func checkNeo4j(t *testing.T, g *graph.Graph) {
	files := memFiles{}
	if err := WriteNeo4j(g, files.create); err != nil {
		t.Fatal(err)
	}
	rows := map[string][][]string{}
	for _, n := range files.names() {
		if !strings.HasSuffix(n, ".csv") {
			continue
		}
		cr := newCSVReader(n, bytes.NewReader(files[n]))
		cr.comma = ','
		for {
			ok, err := cr.next()
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if !ok {
				break
			}
			if len(rows[n]) > 0 && len(cr.cells) != len(rows[n][0]) {
				t.Fatalf("%s row %d has %d cells, the header %d", n, cr.row, len(cr.cells), len(rows[n][0]))
			}
			rows[n] = append(rows[n], slices.Clone(cr.cells))
		}
	}
	if len(rows["entities.csv"])-1 != len(g.Entities()) || len(rows["claims.csv"])-1 != len(g.Claims()) ||
		len(rows["claim_links.csv"])-1 != len(g.Claims()) || len(rows["claim_ends.csv"])-1 != 2*len(g.Claims()) {
		t.Fatalf("row counts: %d entities, %d claims, %d links, %d ends", len(rows["entities.csv"])-1,
			len(rows["claims.csv"])-1, len(rows["claim_links.csv"])-1, len(rows["claim_ends.csv"])-1)
	}
	for i, c := range g.Claims() {
		if r := rows["claims.csv"][i+1]; r[0] != c.ID || r[3] != c.Relation || r[4] != c.Detail {
			t.Errorf("claims.csv row %d = %q, want claim %q", i+2, r, c.ID)
		}
	}
	for _, n := range []string{"claim_ends.csv", "claim_links.csv", "claim_sources.csv", "stances.csv"} {
		for _, r := range rows[n][1:] {
			if !relType.MatchString(r[2]) {
				t.Errorf("%s: relationship type %q", n, r[2])
			}
		}
	}
	// Every string is quoted: a row starts with '"' (checked when no cell
	// holds a line break, so that lines are rows).
	ents := string(files["entities.csv"])
	for _, line := range strings.Split(ents, "\n")[1:] {
		if strings.Count(ents, "\n") == len(rows["entities.csv"]) && line != "" && !strings.HasPrefix(line, `"`) {
			t.Errorf("entities.csv: unquoted cell in %q", line)
		}
	}
}

func checkCypher(t *testing.T, g *graph.Graph) {
	files := memFiles{}
	if err := WriteCypher(g, files.create); err != nil {
		t.Fatal(err)
	}
	claims := 0
	for _, n := range files.names() {
		switch filepath.Ext(n) {
		case ".cypher":
			q := string(files[n])
			for _, e := range g.Entities() {
				if len(e.Name) > 3 && strings.Contains(q, e.Name) {
					t.Errorf("%s holds the value %q", n, e.Name)
				}
			}
			if !strings.HasPrefix(n, "00-") && !strings.HasPrefix(q, "UNWIND $rows AS row\n") {
				t.Errorf("%s does not start with UNWIND $rows", n)
			}
		case ".json":
			var rows []map[string]any
			if err := json.Unmarshal(files[n], &rows); err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if _, ok := files[n[:strings.IndexByte(n, '.')]+".cypher"]; !ok {
				t.Errorf("%s has no query", n)
			}
			if strings.HasPrefix(n, "03-claims.") {
				claims += len(rows)
			}
		}
	}
	if claims != len(g.Claims()) {
		t.Errorf("%d claim rows, want %d", claims, len(g.Claims()))
	}
}
