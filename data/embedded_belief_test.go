package data

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestEmbeddedFaithful pins each correction of the embedded dataset against
// its report (issue: grade belief apart from wording).
func TestEmbeddedFaithful(t *testing.T) {
	ds, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	claim := func(id string) *graph.Claim {
		c := g.Claim(id)
		if c == nil {
			t.Fatalf("claim %q is gone: ids must stay", id)
		}
		return c
	}
	has := func(c *graph.Claim, by string, p graph.Position) bool {
		for _, st := range c.Stances {
			if st.By == by && st.Position == p {
				return true
			}
		}
		return false
	}
	t.Run("report text ships with the source", func(t *testing.T) {
		if s := g.Source("report"); s == nil || !strings.Contains(s.Text, "both companies remain silent") {
			t.Error("source report has no text")
		}
	})
	t.Run("memo claims: both companies silent, one status, waiver with reason", func(t *testing.T) {
		for _, id := range []string{"dod-flags-alibaba", "alibaba-opportunities-to-pla", "alibaba-data-to-pla"} {
			c := claim(id)
			if !has(c, "alibaba", graph.Silent) || !has(c, "apple", graph.Silent) {
				t.Errorf("%s: lacks the silent stances of both companies", id)
			}
			if c.Status != graph.Alleged {
				t.Errorf("%s: status %s, want alleged like the memo's other assertions", id, c.Status)
			}
			if w, ok := c.Waived("conflicting-stances"); !ok || !strings.Contains(w.Reason, "contradicts itself") {
				t.Errorf("%s: no conflicting-stances waiver with the reason", id)
			}
			if c.Credibility == 0 || !strings.Contains(c.CredibilityNote, "unverified memo") {
				t.Errorf("%s: not graded with a note on the report's caveats", id)
			}
		}
	})
	t.Run("reportedly considering is reported", func(t *testing.T) {
		if c := claim("us-gov-considers-apple-ai-ban"); c.Status != graph.Reported || !strings.Contains(c.Relation, "is considering banning") {
			t.Errorf("got %s %q", c.Status, c.Relation)
		}
	})
	t.Run("the critics' warning keeps its actor and its could", func(t *testing.T) {
		c := claim("china-gov-exposes-apple")
		if c.From != "apple" || !strings.Contains(c.Relation, "could") || c.Status == graph.Alleged {
			t.Errorf("got %s —%s (%s)→ %s", c.From, c.Relation, c.Status, c.To)
		}
	})
	t.Run("could bolster is no accusation", func(t *testing.T) {
		if c := claim("apple-deal-bolsters-alibaba"); c.Status == graph.Alleged {
			t.Error("still alleged")
		}
	})
	t.Run("no detail beyond the report", func(t *testing.T) {
		if d := claim("us-gov-manipulates-opinion").Detail; strings.Contains(d, "for it") {
			t.Errorf("detail %q", d)
		}
	})
	t.Run("led is an inference", func(t *testing.T) {
		c := claim("trump-leads-admin")
		if c.Basis != graph.BasisInference || c.Detail == "" || len(c.Sources) == 0 {
			t.Errorf("basis %q, detail %q, %d sources", c.Basis, c.Detail, len(c.Sources))
		}
	})
	t.Run("framing the move is no assertion", func(t *testing.T) {
		if has(claim("trump-admin-tiktok-control"), "trump", graph.Asserts) {
			t.Error("trump still asserts it")
		}
	})
	t.Run("negated relations", func(t *testing.T) {
		for _, id := range []string{"openai-unavailable-in-china", "congress-withheld-tiktok-approval"} {
			if c := claim(id); !c.Negated || strings.Contains(c.Relation, "not") || strings.Contains(c.Relation, "unavailable") {
				t.Errorf("%s: negated %t, relation %q", id, c.Negated, c.Relation)
			}
		}
	})
	t.Run("the memo's name does not settle its authorship", func(t *testing.T) {
		if n := g.Entity("dod-memo").Name; n == "Department of Defense memo" {
			t.Errorf("name %q", n)
		}
	})
	t.Run("the report's caveats are used", func(t *testing.T) {
		var all strings.Builder
		for _, c := range g.Claims() {
			all.WriteString(c.CredibilityNote)
			for _, r := range c.Sources {
				all.WriteString(r.Quote)
			}
			for _, st := range c.Stances {
				all.WriteString(st.Quote + st.Note)
			}
		}
		for _, s := range []string{"Such allegations, if substantiated", "The company has not provided specific evidence to counter the Pentagon’s allegations"} {
			if !strings.Contains(all.String(), s) {
				t.Errorf("unused: %q", s)
			}
		}
	})
	t.Run("check --strict passes", func(t *testing.T) {
		for _, f := range graph.Lint(g) {
			if f.Severity == graph.SevError || f.Severity == graph.SevWarning {
				t.Errorf("%s: %s", f.Severity, f)
			}
		}
	})
}
