package render

import (
	"io"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// The drawing exports at the scale target, a million claims (Mermaid at its
// limit): go test ./render -run '^$' -bench 'Export' -benchtime 1x -benchmem
var millionClaims = sync.OnceValue(func() *graph.Graph {
	g, err := graph.New(synthetic(100_000, 1_000_000, 1))
	if err != nil {
		panic(err)
	}
	return g
})

func BenchmarkExportGraphML(b *testing.B) {
	g := millionClaims()
	for b.Loop() {
		if err := GraphML(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportGEXF(b *testing.B) {
	g := millionClaims()
	for b.Loop() {
		if err := GEXF(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportMermaid(b *testing.B) {
	g := mustGraph(b, synthetic(400, MaxMermaidClaims, 1))
	for b.Loop() {
		if err := Mermaid(io.Discard, g, "LR"); err != nil {
			b.Fatal(err)
		}
	}
}
