package graph_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
)

// The million-claim benchmarks run on the one synthetic generator's dataset,
// the same bytes `claimgraph synth` writes:
//
//	claimgraph synth --entities 100000 --claims 1000000 --seed 1 -o big.json
//
// (.ci/bench/paths.sh writes it so for the NetworkX comparison). They live
// in an external test package because the generator imports graph.

var (
	benchIn   = flag.String("paths.data", "", "benchmark on this JSON dataset (claimgraph export shape) instead of the synthetic one")
	benchHops = flag.Int("paths.hops", 6, "BenchmarkPaths: longest path, in hops")
)

// bigOptions is the benchmark dataset: 100,000 entities, 1,000,000 claims,
// heavy-tailed degrees (see data/synth), seed 1.
var bigOptions = data.SynthOptions{Entities: 100_000, Claims: 1_000_000, Contested: 0.2, Seed: 1}

func bigDataset(b testing.TB) *graph.Dataset {
	ds, err := data.GenerateSynthetic(bigOptions)
	if err != nil {
		b.Fatal(err)
	}
	return ds
}

var (
	benchOnce  sync.Once
	benchGraph *graph.Graph
	benchErr   error
)

func largeGraph(b testing.TB) *graph.Graph {
	benchOnce.Do(func() {
		var ds *graph.Dataset
		if *benchIn != "" {
			f, err := os.ReadFile(*benchIn)
			if err != nil {
				benchErr = err
				return
			}
			ds = new(graph.Dataset)
			if benchErr = json.Unmarshal(f, ds); benchErr != nil {
				return
			}
		} else {
			ds = bigDataset(b)
		}
		benchGraph, benchErr = graph.New(ds)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchGraph
}

// benchPairs picks the kinds of pairs that stress a path search: two
// hubs (millions of short paths), a hub and a leaf, two leaves, and a
// pair with no directed path. (.ci/bench/paths_networkx.py picks the same.)
func benchPairs(g *graph.Graph) map[string][2]string {
	type deg struct {
		id  string
		out int
		in  int
	}
	var hubs, leaves []deg
	for _, e := range g.Entities() {
		d := deg{e.ID, len(g.Out(e.ID)), len(g.In(e.ID))}
		switch {
		case d.out+d.in > 2000:
			hubs = append(hubs, d)
		case d.out >= 2 && d.in >= 2 && d.out+d.in <= 6:
			leaves = append(leaves, d)
		}
	}
	pairs := map[string][2]string{}
	if len(hubs) >= 2 {
		pairs["hub-hub"] = [2]string{hubs[0].id, hubs[1].id}
	}
	if len(hubs) >= 1 && len(leaves) >= 1 {
		pairs["hub-leaf"] = [2]string{hubs[0].id, leaves[len(leaves)/2].id}
		pairs["leaf-hub"] = [2]string{leaves[len(leaves)/3].id, hubs[0].id}
	}
	if len(leaves) >= 2 {
		pairs["leaf-leaf"] = [2]string{leaves[0].id, leaves[len(leaves)-1].id}
	}
	return pairs
}

// BenchmarkPaths measures top-20 search on the 100,000-entity,
// 1,000,000-claim synthetic graph (building it is not timed):
//
//	go test ./graph -run '^$' -bench Paths -benchtime 20x -benchmem
func BenchmarkPaths(b *testing.B) {
	g := largeGraph(b)
	pairs := benchPairs(g)
	for _, name := range []string{"hub-hub", "hub-leaf", "leaf-hub", "leaf-leaf"} {
		pair, ok := pairs[name]
		if !ok {
			continue
		}
		for _, undirected := range []bool{false, true} {
			mode := "directed"
			if undirected {
				mode = "undirected"
			}
			opts := graph.PathOptions{MaxHops: *benchHops, Limit: 20, Undirected: undirected}
			b.Run(name+"/"+mode, func(b *testing.B) {
				var st graph.PathStats
				var n int
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				cpu0, cpuOK := threadCPU()
				for b.Loop() {
					ps, s, err := g.Paths(pair[0], pair[1], opts)
					if err != nil {
						b.Fatal(err)
					}
					st, n = s, len(ps)
				}
				if cpu1, _ := threadCPU(); cpuOK {
					b.ReportMetric(float64(cpu1-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
				}
				b.ReportMetric(float64(n), "paths")
				b.ReportMetric(float64(st.Expanded), "expanded")
				b.ReportMetric(float64(st.Pushed), "pushed")
				b.ReportMetric(float64(st.Scanned), "scanned")
				b.ReportMetric(float64(st.Pruned), "pruned")
			})
		}
	}
}

// BenchmarkNew indexes the synthetic dataset at two sizes.
func BenchmarkNew(b *testing.B) {
	for _, size := range []data.SynthOptions{{Entities: 1_000, Claims: 10_000, Contested: 0.2, Seed: 1}, bigOptions} {
		ds, err := data.GenerateSynthetic(size)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dx%d", size.Entities, size.Claims), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := graph.New(ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLintCapped is check's lint on the 1M-claim synthetic dataset;
// compare -cpu 1,2 for the rules running at once.
func BenchmarkLintCapped(b *testing.B) {
	g := largeGraph(b)
	b.ResetTimer()
	for b.Loop() {
		graph.LintCapped(g, 10)
	}
}
