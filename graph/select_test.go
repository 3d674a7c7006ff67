package graph

import (
	"strings"
	"testing"
)

// TestSelect: what render, export and the explorer's figure keep, from one
// definition.
//
//	a ──c1──▶ b ──c2──▶ c ──c3──▶ d      critic asserts c3, denier denies c3,
//	          b ──c4──▶ x (a company)   b is silent on c3; c4 graded 5,
//	a ──c5──▶ d  negated, graded 2      quiet declines c1
func TestSelect(t *testing.T) {
	ds := &Dataset{
		Entities: []Entity{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "critic"}, {ID: "denier"},
			{ID: "quiet"}, {ID: "x", Type: Company}, {ID: "lone"}},
		Claims: []Claim{
			{ID: "c1", From: "a", To: "b", Relation: "r", Status: Reported, Stances: []Stance{{By: "quiet", Position: Declined}}},
			{ID: "c2", From: "b", To: "c", Relation: "r", Status: Established},
			{ID: "c3", From: "c", To: "d", Relation: "r", Status: Alleged, Stances: []Stance{
				{By: "critic", Position: Asserts}, {By: "denier", Position: Denies}, {By: "b", Position: Silent}}},
			{ID: "c4", From: "b", To: "x", Relation: "r", Status: Reported, Credibility: 5},
			{ID: "c5", From: "a", To: "d", Relation: "r", Status: Established, Negated: true, Credibility: 2},
		},
	}
	for i := range ds.Entities {
		ds.Entities[i].Name = ds.Entities[i].ID
		if ds.Entities[i].Type == "" {
			ds.Entities[i].Type = Person
		}
	}
	g := mustNew(t, ds)
	tests := []struct {
		name         string
		sel          Selection
		claims, ents string
	}{
		{"zero keeps all (the same graph)", Selection{}, "c1 c2 c3 c4 c5", "a b c critic d denier lone quiet x"},
		{"focus with positions far away", Selection{Focus: "b", Depth: 0}, "c3", "b c critic d denier"},
		{"focus depth 1", Selection{Focus: "b", Depth: 1}, "c1 c2 c3 c4", "a b c critic d denier x"},
		{"focus on a claim: both ends", Selection{Focus: "c2", Depth: 0}, "c2", "b c"},
		{"focus keeps a lone entity", Selection{Focus: "lone"}, "", "lone"},
		{"unknown focus keeps nothing", Selection{Focus: "nobody"}, "", ""},
		{"status", Selection{Statuses: []Status{Alleged}}, "c3", "c critic d denier"},
		{"type", Selection{Types: []EntityType{Person}}, "c1 c2 c3 c5", "a b c critic d denier"},
		{"contested", Selection{Contested: true}, "c3", "c critic d denier"},
		{"min-credibility drops 5, keeps ungraded", Selection{MinCredibility: 3}, "c1 c2 c3 c5", "a b c critic d denier"},
		{"drop negated", Selection{DropNegated: true}, "c1 c2 c3 c4", "a b c critic d denier x"},
		{"belief before focus: c4 connects nothing", Selection{Focus: "x", Depth: 3, MinCredibility: 4}, "", ""},
		{"dataset keeps every stance holder", Selection{Statuses: []Status{Reported}, AllStanceHolders: true}, "c1 c4", "a b quiet x"},
		{"figure keeps only supporters and opponents", Selection{Statuses: []Status{Reported}}, "c1 c4", "a b x"},
		{"dataset with a belief filter", Selection{Statuses: []Status{Alleged}, MinCredibility: 1, AllStanceHolders: true}, "c3", "b c critic d denier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := Select(g, tt.sel)
			if tt.sel.IsZero() != (sub == g) {
				t.Errorf("Select returned the graph itself: %t, want %t", sub == g, tt.sel.IsZero())
			}
			if got := strings.Join(claimIDs(sub.Claims()), " "); got != tt.claims {
				t.Errorf("claims %q, want %q", got, tt.claims)
			}
			if got := strings.Join(ids(sub.Entities(), func(e *Entity) string { return e.ID }), " "); got != tt.ents {
				t.Errorf("entities %q, want %q", got, tt.ents)
			}
		})
	}
}
