package graph

import (
	"slices"
	"testing"
)

// The minimal case that misled: a reported claim Gamma asserts, Alpha denies
// and Beta disputes. The old label said "denied by Alpha, Beta" and never
// named Gamma.
func TestRead(t *testing.T) {
	ds := &Dataset{
		Entities: []Entity{
			{ID: "alpha", Name: "Alpha", Type: Government},
			{ID: "beta", Name: "Beta", Type: Government},
			{ID: "gamma", Name: "Gamma", Type: Media},
			{ID: "x", Name: "X", Type: Company},
			{ID: "y", Name: "Y", Type: Company},
		},
		Sources: []Source{
			{ID: "s1", Title: "A long report", Publisher: "Reuters"},
			{ID: "s2", Title: "Untitled memo"},
		},
		Claims: []Claim{
			{ID: "three", From: "x", To: "y", Relation: "attacked", Status: Reported, Sources: []SourceRef{{Source: "s1"}},
				Stances: []Stance{{By: "gamma", Position: Asserts}, {By: "alpha", Position: Denies}, {By: "beta", Position: Disputes}, {By: "gamma", Position: Asserts}}},
			{ID: "denied-only", From: "x", To: "y", Relation: "paid", Status: Alleged, Sources: []SourceRef{{Source: "s1"}, {Source: "s2"}, {Source: "s1"}},
				Stances: []Stance{{By: "x", Position: Denies}}},
			{ID: "plain", From: "y", To: "x", Relation: "owns", Status: Established, Sources: []SourceRef{{Source: "s2"}},
				Stances: []Stance{{By: "alpha", Position: Confirms}, {By: "beta", Position: Silent}}},
		},
	}
	g, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		claim                 string
		want                  string
		contested, denied     bool
		supporters, opponents []string
	}{
		{"three", "‼ CONTESTED · reported · asserted by Gamma · denied by Alpha · disputed by Beta", true, false, []string{"gamma"}, []string{"alpha", "beta"}},
		{"denied-only", "DENIED · alleged · reported by Reuters, “Untitled memo” · denied by X", false, true, []string{}, []string{"x"}},
		{"plain", "established · confirmed by Alpha", false, false, []string{"alpha"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			r := g.Read(g.Claim(tt.claim))
			if got := r.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if r.Contested != tt.contested || r.Denied != tt.denied {
				t.Errorf("contested, denied = %v, %v; want %v, %v", r.Contested, r.Denied, tt.contested, tt.denied)
			}
			if !slices.Equal(r.Supporters(), tt.supporters) || !slices.Equal(r.Opponents(), tt.opponents) {
				t.Errorf("supporters %v opponents %v; want %v %v", r.Supporters(), r.Opponents(), tt.supporters, tt.opponents)
			}
		})
	}
}

func TestPhraseShort(t *testing.T) {
	p := Phrase{Verb: "denied by", Names: []string{"A", "B", "C", "D"}}
	for _, tt := range []struct {
		max  int
		want string
	}{
		{4, "denied by A and 3 others"},
		{5, "denied by A, B, C, D"},
		{0, "denied by A, B, C, D"},
	} {
		if got := p.Short(tt.max); got != tt.want {
			t.Errorf("Short(%d) = %q, want %q", tt.max, got, tt.want)
		}
	}
	// One other is "1 other", not "1 others" (short figure labels).
	if got := (Phrase{Verb: "denied by", Names: []string{"A", "B"}}).Short(2); got != "denied by A and 1 other" {
		t.Errorf("Short(2) of two names = %q", got)
	}
}

// TestDeniedCount: the count agrees with the readings it stands for.
func TestDeniedCount(t *testing.T) {
	g, err := New(&Dataset{
		Entities: []Entity{{ID: "a", Name: "A", Type: Company}, {ID: "b", Name: "B", Type: Company}},
		Claims: []Claim{
			{ID: "plain", From: "a", To: "b", Relation: "r", Status: Reported},
			{ID: "denied", From: "a", To: "b", Relation: "s", Status: Alleged, Stances: []Stance{{By: "b", Position: Denies}, {By: "a", Position: Silent}}},
			{ID: "disputed", From: "b", To: "a", Relation: "r", Status: Alleged, Stances: []Stance{{By: "a", Position: Disputes}}},
			{ID: "contested", From: "b", To: "a", Relation: "s", Status: Alleged, Stances: []Stance{{By: "a", Position: Disputes}, {By: "b", Position: Asserts}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, c := range g.Claims() {
		if g.Read(c).Denied {
			want++
		}
	}
	if got := g.DeniedCount(); got != want || got != 2 {
		t.Errorf("DeniedCount = %d, readings say %d, want 2", got, want)
	}
}
