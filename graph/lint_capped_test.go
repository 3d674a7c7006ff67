package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLintCappedMatchesLint checks LintCapped against its definition: Lint's
// list, cut into runs of one rule and severity, each run truncated to the
// cap. The random datasets make rules fire several times per claim (ties on
// the subject, decided by the message) and emit subjects out of order.
func TestLintCappedMatchesLint(t *testing.T) {
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 1))
		ds := &Dataset{}
		nSrc := 1 + r.IntN(6)
		for i := range nSrc {
			s := Source{ID: fmt.Sprintf("s%d", i)}
			if r.IntN(3) == 0 {
				s.DerivedFrom = []string{fmt.Sprintf("s%d", r.IntN(nSrc))}
			}
			ds.Sources = append(ds.Sources, s)
		}
		nEnt := 2 + r.IntN(30)
		for i := range nEnt {
			ds.Entities = append(ds.Entities, Entity{ID: fmt.Sprintf("e%02d", i), Name: "E", Type: Person})
		}
		ent := func() string { return fmt.Sprintf("e%02d", r.IntN(nEnt)) }
		for i := range r.IntN(200) {
			c := Claim{ID: fmt.Sprintf("c%d", r.Perm(1000)[0]*1000+i), From: ent(), To: ent(), Relation: "r",
				Status: Statuses[r.IntN(len(Statuses))]}
			for range r.IntN(4) {
				q := ""
				if r.IntN(2) == 0 {
					q = "q"
				}
				c.Sources = append(c.Sources, SourceRef{Source: fmt.Sprintf("s%d", r.IntN(nSrc)), Quote: q})
			}
			for range r.IntN(4) {
				c.Stances = append(c.Stances, Stance{By: ent(), Position: Positions[r.IntN(len(Positions))]})
			}
			ds.Claims = append(ds.Claims, c)
		}
		g, err := New(ds)
		if err != nil {
			t.Fatal(err)
		}
		all := Lint(g)
		for _, limit := range []int{0, 1, 2, 3, 10} {
			var want []LintGroup
			for i := 0; i < len(all); {
				j := i
				for j < len(all) && all[j].Rule == all[i].Rule && all[j].Severity == all[i].Severity {
					j++
				}
				n := j - i
				if limit > 0 {
					n = min(n, limit)
				}
				want = append(want, LintGroup{Rule: all[i].Rule, Severity: all[i].Severity, Total: j - i, Findings: all[i : i+n]})
				i = j
			}
			got := LintCapped(g, limit)
			if !slices.EqualFunc(got, want, func(a, b LintGroup) bool {
				return a.Rule == b.Rule && a.Severity == b.Severity && a.Total == b.Total && slices.Equal(a.Findings, b.Findings)
			}) {
				t.Errorf("seed %d, cap %d:\ngot  %v\nwant %v", seed, limit, got, want)
			}
		}
	}
}
