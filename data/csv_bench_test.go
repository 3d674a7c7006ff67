package data

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/graph"
)

// The exporters' and importers' benchmarks run at the scale target, a
// million claims: go test ./data -run '^$' -bench 'CSV|Export' -benchtime 1x -benchmem

var bigGraph = sync.OnceValues(func() (*graph.Graph, error) {
	dir, err := os.MkdirTemp("", "claimgraph-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "big.json")
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := synth.Write(f, synth.Options{Entities: 100_000, Claims: 1_000_000, Seed: 1, Contested: 0.2}, synth.JSON); err != nil {
		return nil, err
	}
	f.Close()
	ds, err := Load([]string{path}, Options{MaxBytes: 1 << 40})
	if err != nil {
		return nil, err
	}
	return graph.New(ds)
})

// benchGraph is the million-claim graph, built once per test binary.
func benchGraph(b *testing.B) *graph.Graph {
	b.Helper()
	g, err := bigGraph()
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// discardFiles is a WriteFileFunc that writes nowhere.
func discardFiles(_ string, write func(io.Writer) error) error { return write(io.Discard) }

func BenchmarkExportCSV(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		if err := WriteCSV(g, discardFiles); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportCSV(b *testing.B) {
	g := benchGraph(b)
	dir := b.TempDir()
	if err := WriteCSV(g, dirWriter(b, dir)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		ds, err := ReadCSVDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Claims) != 1_000_000 {
			b.Fatalf("%d claims", len(ds.Claims))
		}
	}
}

func BenchmarkExportSTIX(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		if err := WriteSTIX(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportNeo4j(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		if err := WriteNeo4j(g, discardFiles); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportCypher(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		if err := WriteCypher(g, discardFiles); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportFTM(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		if err := WriteFTM(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}
