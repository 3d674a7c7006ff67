package render

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// synthetic returns a random dataset of n entities and m claims, with
// realistic label lengths and a mix of statuses, types, countries and
// contested claims.
func synthetic(n, m int, seed uint64) *graph.Dataset {
	r := rand.New(rand.NewPCG(seed, seed+1))
	words := []string{"supplies", "funds", "owns a stake in", "lobbies", "hosts servers for", "trains staff of",
		"shares data with", "advises", "licenses technology to", "investigates", "sanctions", "partners with"}
	names := []string{"Holdings", "Ministry of Trade", "Institute", "Bank", "Telecom", "Agency", "Daily News", "Group", "Systems", "Council"}
	countries := []string{"US", "CN", "GB", "DE", "JP", ""}
	ds := &graph.Dataset{Title: fmt.Sprintf("Synthetic network: %d entities, %d claims", n, m),
		Sources: []graph.Source{{ID: "s1", Title: "Synthetic report one", Publisher: "Gen", Published: "2025"},
			{ID: "s2", Title: "Synthetic report two", URL: "https://example.org/two"}}}
	for i := range n {
		ds.Entities = append(ds.Entities, graph.Entity{
			ID:      fmt.Sprintf("e%03d", i),
			Name:    fmt.Sprintf("%c%c %s", 'A'+i%26, 'a'+i*7%26, names[r.IntN(len(names))]),
			Type:    graph.EntityTypes[r.IntN(len(graph.EntityTypes)-1)],
			Country: countries[r.IntN(len(countries))],
		})
	}
	for i := range m {
		from, to := r.IntN(n), r.IntN(n)
		if from == to {
			to = (to + 1) % n
		}
		c := graph.Claim{
			ID: fmt.Sprintf("c%04d", i), From: fmt.Sprintf("e%03d", from), To: fmt.Sprintf("e%03d", to),
			Relation: words[r.IntN(len(words))], Status: graph.Statuses[r.IntN(len(graph.Statuses))],
			Sources: []graph.SourceRef{{Source: []string{"s1", "s2"}[r.IntN(2)]}},
		}
		if r.IntN(6) == 0 {
			c.Stances = []graph.Stance{{By: c.From, Position: graph.Asserts}, {By: c.To, Position: graph.Denies}}
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

// TestSynthetic60 renders a 60-entity graph, the size the README's
// "look at it" bar names. With CLAIMGRAPH_RENDER_OUT=dir it also writes the
// SVG and PNG there for a person to look at.
func TestSynthetic60(t *testing.T) {
	g := mustGraph(t, synthetic(60, 90, 7))
	out := svgOf(t, g, Options{})
	checkSVGSafe(t, out)
	var png bytes.Buffer
	if err := PNG(&png, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("CLAIMGRAPH_RENDER_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "synthetic60.svg"), out, 0o644)
		os.WriteFile(filepath.Join(dir, "synthetic60.png"), png.Bytes(), 0o644)
		var dot bytes.Buffer
		DOT(&dot, g, Options{})
		os.WriteFile(filepath.Join(dir, "synthetic60.dot"), dot.Bytes(), 0o644)
	}
}

// BenchmarkLayout measures SVG rendering by graph size, to set MaxEntities
// and MaxClaims. Run with a small -benchtime: go test ./render -run '^$'
// -bench Layout -benchtime 1x
func BenchmarkLayout(b *testing.B) {
	for _, size := range [][2]int{{15, 16}, {60, 90}, {120, 200}, {200, 400}, {300, 600}} {
		g := mustGraph(b, synthetic(size[0], size[1], 1))
		b.Run(fmt.Sprintf("%de-%dc", size[0], size[1]), func(b *testing.B) {
			for b.Loop() {
				if err := SVG(&bytes.Buffer{}, g, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
