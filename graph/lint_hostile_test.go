package graph

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// TestLintLongProvenanceChains pins issue 17, item 9: the recursive Tarjan
// overflowed the goroutine stack on a long derived_from chain (a valid 208
// MB dataset), and origin unions grew with the chain. The stack is capped
// here so that a recursion as deep as the chain fails the test at once.
//
//	root0 ◀─ s00000 ◀─ s00001 ◀─ … ◀─ s49999     (each s also ◀─ rootK for odd K)
//	loop00000 ─▶ loop00001 ─▶ … ─▶ loop19999 ─▶ loop00000
func TestLintLongProvenanceChains(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	const n, loop = 50_000, 20_000
	ds := &Dataset{Sources: []Source{{ID: "root0"}}, Entities: []Entity{{ID: "a", Name: "A", Type: Company}}}
	for i := range n {
		s := Source{ID: fmt.Sprintf("s%05d", i), DerivedFrom: []string{"root0"}}
		if i > 0 {
			s.DerivedFrom = []string{fmt.Sprintf("s%05d", i-1)}
		}
		ds.Sources = append(ds.Sources, s)
	}
	for i := range loop {
		ds.Sources = append(ds.Sources, Source{ID: fmt.Sprintf("loop%05d", i), DerivedFrom: []string{fmt.Sprintf("loop%05d", (i+1)%loop)}})
	}
	// Sources with many origins: wide fans of roots under one source.
	wide := Source{ID: "wide"}
	for i := range 3000 {
		id := fmt.Sprintf("w%04d", i)
		ds.Sources = append(ds.Sources, Source{ID: id})
		wide.DerivedFrom = append(wide.DerivedFrom, id)
	}
	ds.Sources = append(ds.Sources, wide)
	ref := func(ids ...string) []SourceRef {
		var rs []SourceRef
		for _, id := range ids {
			rs = append(rs, SourceRef{Source: id, Quote: "q"})
		}
		return rs
	}
	ds.Claims = []Claim{
		{ID: "chain", From: "a", To: "a", Relation: "r", Status: Reported, Sources: ref("s00000", fmt.Sprintf("s%05d", n-1))},
		{ID: "fan", From: "a", To: "a", Relation: "r", Status: Reported, Sources: ref("wide", "w0000")},
	}
	g := mustNew(t, ds)
	var got []string
	for _, f := range Lint(g) {
		if f.Rule == "derived-cycle" || f.Rule == "circular-reporting" {
			msg := f.Message
			if parts := strings.Split(msg, " → "); len(parts) > 4 {
				msg = fmt.Sprintf("%s → … → %s (%d hops)", strings.Join(parts[:3], " → "), parts[len(parts)-1], len(parts)-1)
			}
			got = append(got, f.Subject+": "+msg)
		}
	}
	want := []string{
		`loop00000: derived_from cycle: loop00000 → loop00001 → loop00002 → … → loop00000 (20000 hops)`,
		`chain: its 2 sources (s00000, s49999) all trace back to one origin, "root0"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestDistinct pins documents' deduplication past the short-list cutoff:
// a claim may cite the same few sources thousands of times.
func TestDistinct(t *testing.T) {
	for _, n := range []int{0, 1, 15, 16, 17, 40, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			c := &Claim{}
			var want []string
			for i := range n {
				id := fmt.Sprintf("s%d", (i*7)%(n/2+1))
				c.Sources = append(c.Sources, SourceRef{Source: id})
				if !slices.Contains(want, id) {
					want = append(want, id)
				}
			}
			if got := documents(c); !slices.Equal(got, want) {
				t.Errorf("documents = %v, want %v", got, want)
			}
		})
	}
}
