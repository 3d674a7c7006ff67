package graph

import (
	"fmt"
	"slices"
	"testing"
)

// fuzzDataset decodes a small graph from bytes: the first byte sets the
// number of entities (2..9), then every three bytes make a claim: from, to,
// and status (low 3 bits), contested (bit 3). Any input decodes to
// something, so the fuzzer spends its time on graphs, not on parse errors.
func fuzzDataset(data []byte) *Dataset {
	ds := &Dataset{Title: "fuzz"}
	n := 2
	if len(data) > 0 {
		n += int(data[0] % 8)
		data = data[1:]
	}
	for i := range n {
		ds.Entities = append(ds.Entities, Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("E%d", i), Type: Company})
	}
	for i := 0; i+2 < len(data) && i < 3*40; i += 3 {
		c := Claim{
			ID:       fmt.Sprintf("c%03d", i/3),
			From:     fmt.Sprintf("e%d", int(data[i])%n),
			To:       fmt.Sprintf("e%d", int(data[i+1])%n),
			Relation: "r",
			Status:   Statuses[int(data[i+2]&7)%len(Statuses)],
		}
		if data[i+2]&8 != 0 {
			c.Stances = []Stance{{By: "e0", Position: Asserts}, {By: "e1", Position: Disputes}}
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

// FuzzPaths checks that the search never panics, never exceeds the hop
// bound or the limit, returns only simple paths from FROM to TO whose hops
// carry exactly the claims between their entities, in rank order, and
// agrees with brute-force enumeration.
//
//	go test ./graph -run '^$' -fuzz FuzzPaths -fuzztime 60s
func FuzzPaths(f *testing.F) {
	f.Add([]byte{3, 0, 1, 2, 1, 2, 10, 0, 2, 0}, uint8(6), uint8(20), uint8(0))
	f.Add([]byte{7, 0, 1, 0, 1, 0, 8, 0, 0, 1, 1, 1, 3, 2, 1, 4, 0, 2, 2, 2, 1, 5}, uint8(3), uint8(2), uint8(1))
	// The clique behind FROM of issue 17 (see cliqueBehindSource): e0 → e1
	// directly, and e2..e6 joined both ways to each other and to e0.
	clique := []byte{5, 0, 1, 0}
	for i := byte(2); i <= 6; i++ {
		clique = append(clique, 0, i, 0, i, 0, 0)
		for j := byte(2); j <= 6; j++ {
			if i != j {
				clique = append(clique, i, j, 0)
			}
		}
	}
	f.Add(clique, uint8(5), uint8(1), uint8(0))
	f.Add(clique, uint8(5), uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, maxHops, limit, mode uint8) {
		ds := fuzzDataset(data)
		g, err := New(ds)
		if err != nil {
			t.Fatal(err)
		}
		opts := PathOptions{
			MaxHops:        1 + int(maxHops)%7,
			Limit:          1 + int(limit)%25,
			Undirected:     mode&1 != 0,
			AvoidContested: mode&2 != 0,
		}
		if mode&4 != 0 {
			opts.Statuses = []Status{Established, Alleged, Failed}
		}
		n := len(ds.Entities)
		from, to := ds.Entities[int(mode>>3)%n].ID, ds.Entities[(int(mode>>3)+1)%n].ID
		ps, _, err := g.Paths(from, to, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) > opts.Limit {
			t.Fatalf("%d paths over the limit %d", len(ps), opts.Limit)
		}
		for _, p := range ps {
			checkPath(t, g, p, from, to, opts)
		}
		want := bruteForcePaths(g, from, to, opts)
		if len(want) != len(ps) {
			t.Fatalf("%d paths, brute force finds %d", len(ps), len(want))
		}
		for i := range ps {
			if got, want := describePath(ps[i]), describeRef(want[i]); got != want {
				t.Fatalf("path %d = %s, want %s", i, got, want)
			}
		}
	})
}

func checkPath(t *testing.T, g *Graph, p Path, from, to string, opts PathOptions) {
	t.Helper()
	if len(p.Hops) < 1 || len(p.Hops) > opts.MaxHops || len(p.Entities) != len(p.Hops)+1 {
		t.Fatalf("%s: %d hops, %d entities, bound %d", pathIDs(p), len(p.Hops), len(p.Entities), opts.MaxHops)
	}
	if p.Entities[0].ID != from || p.Entities[len(p.Entities)-1].ID != to {
		t.Fatalf("%s does not run from %s to %s", pathIDs(p), from, to)
	}
	seen := map[string]bool{}
	contested := 0
	for _, e := range p.Entities {
		if seen[e.ID] {
			t.Fatalf("%s is not simple", pathIDs(p))
		}
		seen[e.ID] = true
	}
	for i, h := range p.Hops {
		if h.From != p.Entities[i] || h.To != p.Entities[i+1] {
			t.Fatalf("%s: hop %d does not join its entities", pathIDs(p), i)
		}
		if h.Direction == Backward && !opts.Undirected {
			t.Fatalf("%s: backward hop in a directed search", pathIDs(p))
		}
		var want []string
		for _, c := range g.Claims() {
			if opts.Statuses != nil && !slices.Contains(opts.Statuses, c.Status) {
				continue
			}
			if h.Direction == Forward && c.From == h.From.ID && c.To == h.To.ID ||
				h.Direction == Backward && c.From == h.To.ID && c.To == h.From.ID {
				want = append(want, c.ID)
			}
		}
		got := claimIDs(h.Claims)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: hop %d claims %v, want %v", pathIDs(p), i, got, want)
		}
		if h.Contested != (Strength(h.Claims[0]) == ContestedStrength) {
			t.Fatalf("%s: hop %d contested=%v", pathIDs(p), i, h.Contested)
		}
		if h.Contested {
			contested++
		}
	}
	if contested != p.ContestedHops || opts.AvoidContested && contested > 0 {
		t.Fatalf("%s: %d contested hops, says %d", pathIDs(p), contested, p.ContestedHops)
	}
}
