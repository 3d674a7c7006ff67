package graph

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// beliefGraph: a ──(reported, several claims)──▶ b, one source graded B.
func beliefGraph(t *testing.T, claims ...Claim) *Graph {
	t.Helper()
	g, err := New(&Dataset{
		Sources:  []Source{{ID: "s", Title: "S", Reliability: "B"}, {ID: "u", Title: "U"}},
		Entities: []Entity{{ID: "a", Name: "A", Type: Company}, {ID: "b", Name: "B", Type: Vessel}},
		Claims:   claims,
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestHopOrdersByCredibility(t *testing.T) {
	g := beliefGraph(t,
		Claim{ID: "a-improbable", From: "a", To: "b", Relation: "r", Status: Reported, Credibility: 5},
		Claim{ID: "b-ungraded", From: "a", To: "b", Relation: "r", Status: Reported},
		Claim{ID: "c-doubtful", From: "a", To: "b", Relation: "r", Status: Reported, Credibility: 4},
		Claim{ID: "d-probable", From: "a", To: "b", Relation: "r", Status: Reported, Credibility: 2},
		Claim{ID: "e-cannot", From: "a", To: "b", Relation: "r", Status: Reported, Credibility: 6},
		Claim{ID: "f-established", From: "a", To: "b", Relation: "r", Status: Established, Credibility: 5},
	)
	ps, _, err := g.Paths("a", "b", PathOptions{MaxHops: 2, Limit: 5})
	if err != nil || len(ps) != 1 {
		t.Fatalf("paths: %v, %d", err, len(ps))
	}
	var got []string
	for _, c := range ps[0].Hops[0].Claims {
		got = append(got, c.ID)
	}
	// Status first (the strength table), then credibility within a status.
	want := []string{"f-established", "d-probable", "b-ungraded", "e-cannot", "c-doubtful", "a-improbable"}
	if !slices.Equal(got, want) {
		t.Errorf("hop claims %v, want %v", got, want)
	}
}

func TestNegatedIsWeakest(t *testing.T) {
	g := beliefGraph(t,
		Claim{ID: "a-negated", From: "a", To: "b", Relation: "r", Status: Established, Negated: true},
		Claim{ID: "b-alleged", From: "a", To: "b", Relation: "r", Status: Alleged, Stances: []Stance{{By: "a", Position: Asserts}}},
	)
	ps, _, err := g.Paths("a", "b", PathOptions{MaxHops: 1, Limit: 1})
	if err != nil || len(ps) != 1 {
		t.Fatalf("paths: %v", err)
	}
	if id := ps[0].Hops[0].Claims[0].ID; id != "b-alleged" {
		t.Errorf("best claim %s, want the alleged one over the negated established one", id)
	}
	if !strings.Contains(ps[0].Reading, "—r (alleged") {
		t.Errorf("reading %q", ps[0].Reading)
	}
	// Negated claims pass a status filter; the caller filters them.
	ps, _, _ = g.Paths("a", "b", PathOptions{MaxHops: 1, Limit: 1, Statuses: []Status{Reported}})
	if len(ps) != 1 || ps[0].Hops[0].Claims[0].ID != "a-negated" {
		t.Errorf("status filter: %v", ps)
	}
}

func TestGradeAndReading(t *testing.T) {
	tests := []struct {
		name  string
		c     Claim
		grade string
		parts string
	}{
		{"ungraded, graded source", Claim{Sources: []SourceRef{{Source: "s"}}}, "B–", "reported · B– · reported by “S”"},
		{"graded, graded source", Claim{Credibility: 2, Sources: []SourceRef{{Source: "u"}, {Source: "s"}}}, "B2", "reported · B2 probably true · reported by “U”, “S”"},
		{"graded, ungraded source", Claim{Credibility: 4, Sources: []SourceRef{{Source: "u"}}}, "–4", "reported · –4 doubtful · reported by “U”"},
		{"nothing graded", Claim{Sources: []SourceRef{{Source: "u"}}}, "", "reported · reported by “U”"},
		{"negated inference, likely", Claim{Negated: true, Basis: BasisInference, Likelihood: "roughly-even-chance"}, "", "reported · inference · roughly even chance"},
		{"stated basis is not named", Claim{Basis: BasisStated}, "", "reported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			c.ID, c.From, c.To, c.Relation, c.Status = "c", "a", "b", "r", Reported
			g := beliefGraph(t, c)
			gc := g.Claim("c")
			if got := g.Grade(gc); got != tt.grade {
				t.Errorf("Grade = %q, want %q", got, tt.grade)
			}
			if got := g.Read(gc).String(); got != tt.parts {
				t.Errorf("Read = %q, want %q", got, tt.parts)
			}
			// "not:" goes with the relation, once, never with the parts.
			wantRel := "r"
			if c.Negated {
				wantRel = "not: r"
			}
			if got := g.Read(gc).Relation(); got != wantRel {
				t.Errorf("Relation = %q, want %q", got, wantRel)
			}
		})
	}
}

func TestCredibleAt(t *testing.T) {
	for _, tt := range []struct {
		cred int8
		n    int
		want bool
	}{{0, 1, true}, {1, 1, true}, {2, 1, false}, {6, 5, false}, {6, 6, true}, {5, 0, true}} {
		if got := (&Claim{Credibility: tt.cred}).CredibleAt(tt.n); got != tt.want {
			t.Errorf("credibility %d at %d = %t", tt.cred, tt.n, got)
		}
	}
}

func TestDiffBelief(t *testing.T) {
	a := Claim{ID: "c", From: "a", To: "b", Relation: "r", Status: Reported, Credibility: 6}
	b := a
	b.Credibility, b.Negated, b.Basis, b.Likelihood = 2, true, BasisInference, "likely"
	var got []string
	for _, ch := range claimChanges(&a, &b) {
		var old, new string
		switch ch.Field.Kind() {
		case KindNegated:
			old, new = strconv.FormatBool(ch.WasNegated), strconv.FormatBool(ch.NowNegated)
		case KindCredibility:
			old, new = GradeText(ch.OldCredibility), GradeText(ch.NewCredibility)
		default:
			old, new = ch.Old, ch.New
		}
		got = append(got, string(ch.Field)+": "+old+" → "+new)
	}
	want := []string{"negated: false → true", "credibility: 6 → 2", "basis: stated → inference", "likelihood:  → likely"}
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n%v\nwant\n%v", got, want)
	}
	if GradeText(0) != "ungraded" {
		t.Error("GradeText(0) should read ungraded")
	}
}
