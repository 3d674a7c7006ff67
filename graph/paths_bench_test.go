package graph

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
)

var (
	synthOut  = flag.String("paths.synth", "", "write the benchmark's synthetic dataset as JSON to `FILE` (for .ci/bench/paths_networkx.py) and exit the test")
	benchIn   = flag.String("paths.data", "", "benchmark on this JSON dataset (claimgraph export shape) instead of the synthetic one")
	benchHops = flag.Int("paths.hops", 6, "BenchmarkPaths: longest path, in hops")
)

// synthDataset makes a dataset of nEnt entities and nClaims claims with
// heavy-tailed degrees: an endpoint is entity perm[⌊n·u^3⌋] for uniform u,
// so the first ranks of perm are hubs (with 100,000 entities the biggest
// takes about 2% of all claim ends, some 20,000 claims) and most entities
// have a handful. Hubs are the same entities for outgoing and incoming
// claims, as in reporting where a few parties are everywhere. Statuses
// follow a rough reporting mix, a fifth of the claims are denied by
// someone, and one claim in twenty repeats its predecessor's pair
// (parallel claims). Same seed, same dataset.
func synthDataset(seed uint64, nEnt, nClaims int) *Dataset {
	r := rand.New(rand.NewPCG(seed, 7))
	ds := &Dataset{Title: "synthetic", Sources: []Source{{ID: "s", Title: "synthetic"}}}
	ds.Entities = make([]Entity, nEnt)
	for i := range ds.Entities {
		ds.Entities[i] = Entity{ID: fmt.Sprintf("e%06d", i), Name: fmt.Sprintf("Entity %d", i), Type: EntityTypes[i%len(EntityTypes)]}
	}
	perm := r.Perm(nEnt)
	pick := func() string { return ds.Entities[perm[int(float64(nEnt)*math.Pow(r.Float64(), 3))]].ID }
	mix := []Status{Established, Established, Established, Established, Reported, Reported, Reported, Reported, Reported,
		Alleged, Alleged, Alleged, Alleged, Alleged, Proposed, Proposed, Proposed, Failed, Failed, Retracted}
	ds.Claims = make([]Claim, nClaims)
	for i := range ds.Claims {
		c := Claim{ID: fmt.Sprintf("c%07d", i), From: pick(), To: pick(), Relation: "relates to",
			Status: mix[r.IntN(len(mix))], Sources: []SourceRef{{Source: "s"}}}
		if i > 0 && r.IntN(20) == 0 {
			c.From, c.To = ds.Claims[i-1].From, ds.Claims[i-1].To
		}
		if r.IntN(5) == 0 {
			c.Stances = []Stance{{By: c.From, Position: Asserts}, {By: c.To, Position: Denies}}
		}
		ds.Claims[i] = c
	}
	return ds
}

var (
	benchOnce  sync.Once
	benchGraph *Graph
	benchErr   error
)

func largeGraph(b testing.TB) *Graph {
	benchOnce.Do(func() {
		var ds *Dataset
		if *benchIn != "" {
			f, err := os.ReadFile(*benchIn)
			if err != nil {
				benchErr = err
				return
			}
			ds = new(Dataset)
			if benchErr = json.Unmarshal(f, ds); benchErr != nil {
				return
			}
		} else {
			ds = synthDataset(1, 100_000, 1_000_000)
		}
		benchGraph, benchErr = New(ds)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchGraph
}

// TestWriteSyntheticDataset writes the benchmark graph for the NetworkX
// comparison when -paths.synth is given; otherwise it is skipped.
func TestWriteSyntheticDataset(t *testing.T) {
	if *synthOut == "" {
		t.Skip("no -paths.synth")
	}
	b, err := json.Marshal(synthDataset(1, 100_000, 1_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*synthOut, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// benchPairs picks the kinds of pairs that stress a path search: two
// hubs (millions of short paths), a hub and a leaf, two leaves, and a
// pair with no directed path.
func benchPairs(g *Graph) map[string][2]string {
	type deg struct {
		id  string
		out int
		in  int
	}
	var hubs, leaves []deg
	for i, e := range g.entities {
		d := deg{e.ID, len(g.out[i]), len(g.in[i])}
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
	for _, name := range []string{"hub-hub", "hub-leaf", "leaf-hub", "leaf-leaf"} {
		pair, ok := benchPairs(g)[name]
		if !ok {
			continue
		}
		for _, undirected := range []bool{false, true} {
			mode := "directed"
			if undirected {
				mode = "undirected"
			}
			opts := PathOptions{MaxHops: *benchHops, Limit: 20, Undirected: undirected}
			b.Run(name+"/"+mode, func(b *testing.B) {
				var st PathStats
				var n int
				for b.Loop() {
					ps, s, err := g.Paths(pair[0], pair[1], opts)
					if err != nil {
						b.Fatal(err)
					}
					st, n = s, len(ps)
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
