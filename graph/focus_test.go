package graph

import (
	"slices"
	"testing"
)

// TestFocus: a focused figure keeps the claims near the entity and the
// claims it takes a position on, however far; Parties names who takes
// positions on the kept claims.
//
//	a ──c1──▶ b ──c2──▶ c ──c3──▶ d      critic asserts c3, denier denies c3
func TestFocus(t *testing.T) {
	ds := &Dataset{
		Entities: []Entity{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "critic"}, {ID: "denier"}},
		Claims: []Claim{
			{ID: "c1", From: "a", To: "b", Relation: "r", Status: Reported},
			{ID: "c2", From: "b", To: "c", Relation: "r", Status: Reported},
			{ID: "c3", From: "c", To: "d", Relation: "r", Status: Alleged, Stances: []Stance{
				{By: "critic", Position: Asserts}, {By: "denier", Position: Denies}, {By: "b", Position: Silent}}},
		},
	}
	for i := range ds.Entities {
		ds.Entities[i].Name, ds.Entities[i].Type = ds.Entities[i].ID, Person
	}
	g, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	kept := func(keep func(*Claim) bool) []string {
		var ids []string
		for _, c := range g.Claims() {
			if keep(c) {
				ids = append(ids, c.ID)
			}
		}
		return ids
	}
	tests := []struct {
		entity string
		depth  int
		want   []string
	}{
		{"a", 1, []string{"c1"}},
		{"critic", 1, []string{"c3"}},        // in no claim: only what it takes a position on
		{"b", 0, []string{"c3"}},             // a silent party's claim counts too
		{"b", 1, []string{"c1", "c2", "c3"}}, // neighbours, and its stance
		{"denier", 0, []string{"c3"}},
	}
	for _, tt := range tests {
		if got := kept(g.Focus(tt.entity, tt.depth)); !slices.Equal(got, tt.want) {
			t.Errorf("Focus(%s, %d) = %v, want %v", tt.entity, tt.depth, got, tt.want)
		}
	}
	if g.Focus("nobody", 1) != nil {
		t.Error("Focus of an unknown id is not nil")
	}
	if got := g.Parties(g.Focus("a", 1)); len(got) != 0 {
		t.Errorf("Parties of c1 = %v", got)
	}
	if got := g.Parties(nil); !slices.Equal(got, []string{"critic", "denier"}) {
		t.Errorf("Parties = %v, want critic and denier (silence is no position)", got)
	}
}
