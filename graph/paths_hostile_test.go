package graph

import (
	"errors"
	"fmt"
	"testing"
)

// cliqueBehindSource is the shape that made path search explode (issue
// 17, item 4): a direct claim from → to, and a clique of k entities joined
// both ways to each other and to from, so that its only way to to runs back
// through from. With weak set, each clique entity also alleges something
// of to directly, so every clique path is a (poor) way to to.
//
//	      ┌──────── established ─────────┐
//	from ─┤                              ▼
//	  ▲▼  └─ c0 ═ c1 ═ … ═ c(k-1)  ···alleged···▶ to   (weak only)
//	  └────── every ci, both ways
func cliqueBehindSource(k int, weak bool) *Dataset {
	ds := &Dataset{Title: "clique", Entities: []Entity{
		{ID: "from", Name: "From", Type: Company},
		{ID: "to", Name: "To", Type: Company},
	}}
	claim := func(from, to string, st Status) {
		ds.Claims = append(ds.Claims, Claim{ID: from + "-" + to, From: from, To: to, Relation: "r", Status: st})
	}
	claim("from", "to", Established)
	for i := range k {
		ci := fmt.Sprintf("c%02d", i)
		ds.Entities = append(ds.Entities, Entity{ID: ci, Name: ci, Type: Company})
		claim("from", ci, Established)
		claim(ci, "from", Established)
		for j := range k {
			if j != i {
				claim(ci, fmt.Sprintf("c%02d", j), Established)
			}
		}
		if weak {
			ds.Claims = append(ds.Claims, Claim{ID: ci + "-to", From: ci, To: "to", Relation: "r", Status: Alleged,
				Stances: []Stance{{By: ci, Position: Asserts}}})
		}
	}
	return ds
}

// TestPathsCliqueBehindSource pins the dead-end pruning: a 9-clique has
// about a million simple paths from from, all of them dead ends, and the
// search must see that at the clique's door instead of walking them all.
func TestPathsCliqueBehindSource(t *testing.T) {
	g := mustNew(t, cliqueBehindSource(9, false))
	for _, undirected := range []bool{false, true} {
		t.Run(fmt.Sprint("undirected=", undirected), func(t *testing.T) {
			ps, st, err := g.Paths("from", "to", PathOptions{MaxHops: 16, Limit: 2, Undirected: undirected})
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || pathIDs(ps[0]) != "from -> to" {
				t.Fatalf("paths = %v, want only the direct claim", ps)
			}
			// Each clique entity is entered once and found dead.
			if st.Expanded > 50 {
				t.Errorf("expanded %d partial paths, want at most 50", st.Expanded)
			}
		})
	}
}

// TestPathsSearchBound: when every clique path really does reach to (by
// a weak claim), while the bound keeps promising a strong way back through
// from, no pruning can help; the search must stop at MaxSearchStates with a
// SearchBoundError and return the exact best paths it found by then.
func TestPathsSearchBound(t *testing.T) {
	g := mustNew(t, cliqueBehindSource(12, true))
	ps, st, err := g.Paths("from", "to", PathOptions{MaxHops: 16, Limit: 2})
	var be *SearchBoundError
	if !errors.As(err, &be) {
		t.Fatalf("err = %v, want a *SearchBoundError", err)
	}
	if be.Found != 1 || len(ps) != 1 || pathIDs(ps[0]) != "from -> to" {
		t.Errorf("found %d, paths %v: want the direct claim alone", be.Found, ps)
	}
	if be.States < MaxSearchStates || be.States > MaxSearchStates+20 || be.MaxHops != 16 || be.Limit != 2 {
		t.Errorf("error fields %+v", be)
	}
	if st.Expanded+st.Pushed > 2*MaxSearchStates {
		t.Errorf("stats %+v: the bound did not hold", st)
	}
}

// TestPathsLimitClamped: a limit above MaxLimit is lowered, not refused,
// and the stats say so; a 20-clique holding both ends has far more than
// MaxLimit paths.
func TestPathsLimitClamped(t *testing.T) {
	ds := &Dataset{Title: "clique"}
	for i := range 20 {
		ds.Entities = append(ds.Entities, Entity{ID: fmt.Sprintf("e%02d", i), Name: "E", Type: Company})
		for j := range 20 {
			if i != j {
				ds.Claims = append(ds.Claims, Claim{ID: fmt.Sprintf("c%02d-%02d", i, j), From: fmt.Sprintf("e%02d", i),
					To: fmt.Sprintf("e%02d", j), Relation: "r", Status: Established})
			}
		}
	}
	g := mustNew(t, ds)
	ps, st, err := g.Paths("e00", "e19", PathOptions{MaxHops: 16, Limit: 1_000_000})
	var be *SearchBoundError
	if err != nil && !errors.As(err, &be) {
		t.Fatal(err)
	}
	if st.Limit != MaxLimit || len(ps) > MaxLimit {
		t.Errorf("limit applied %d, %d paths: want %d at most", st.Limit, len(ps), MaxLimit)
	}
	if err == nil && len(ps) != MaxLimit {
		t.Errorf("%d paths without an error, want %d", len(ps), MaxLimit)
	}
	_, st, err = g.Paths("e00", "e19", PathOptions{MaxHops: 2, Limit: 5})
	if err != nil || st.Limit != 5 {
		t.Errorf("limit 5: applied %d, err %v", st.Limit, err)
	}
}
