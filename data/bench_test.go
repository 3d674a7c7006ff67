package data

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/graph"
)

// BenchmarkLoadJSON loads a 100,000-claim file (about 30 MB); run with
// -benchtime=3x. The MB/s it reports carries over to the million-claim file.
func BenchmarkLoadJSON(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, synth.Options{Entities: 10_000, Claims: 100_000, Seed: 7, Contested: 0.2}, synth.JSON); err != nil {
		b.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		ds, err := Load([]string{path}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Claims) != 100_000 {
			b.Fatalf("%d claims", len(ds.Claims))
		}
	}
}

// BenchmarkLoadBigFile loads the file CLAIMGRAPH_BIG_LOAD names, written
// for instance by "claimgraph synth --entities 100000 --claims 1000000";
// "go run ./data/internal/loadtime FILE" tells the loader's share of a
// check from the graph's.
func BenchmarkLoadBigFile(b *testing.B) {
	path := os.Getenv("CLAIMGRAPH_BIG_LOAD")
	if path == "" {
		b.Skip("set CLAIMGRAPH_BIG_LOAD=file.json")
	}
	for b.Loop() {
		if _, err := Load([]string{path}, Options{MaxBytes: 1 << 40}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckBigFile is what "claimgraph check" costs on the file
// CLAIMGRAPH_BIG_LOAD names: the load, the graph and the lint, at check's
// cap of ten findings per rule. Compare CPU time (-cpuprofile, or user
// seconds under /usr/bin/time) on a busy machine: wall time is noise there.
func BenchmarkCheckBigFile(b *testing.B) {
	path := os.Getenv("CLAIMGRAPH_BIG_LOAD")
	if path == "" {
		b.Skip("set CLAIMGRAPH_BIG_LOAD=file.json")
	}
	for b.Loop() {
		ds, err := Load([]string{path}, Options{MaxBytes: 1 << 40})
		if err != nil {
			b.Fatal(err)
		}
		g, err := graph.New(ds)
		if err != nil {
			b.Fatal(err)
		}
		graph.LintCapped(g, 10)
	}
}
