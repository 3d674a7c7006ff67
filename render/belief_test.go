package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestDOTBelief(t *testing.T) {
	g, err := graph.New(&graph.Dataset{
		Sources: []graph.Source{{ID: "s", Title: "S", Reliability: "B"}},
		Entities: []graph.Entity{
			{ID: "a", Name: "A", Type: graph.Vessel}, {ID: "b", Name: "B", Type: graph.Infrastructure},
			{ID: "c", Name: "C", Type: graph.Group}, {ID: "d", Name: "D", Type: graph.Organization},
		},
		Claims: []graph.Claim{
			{ID: "neg", From: "a", To: "b", Relation: "cut", Status: graph.Established, Negated: true, Sources: []graph.SourceRef{{Source: "s"}}},
			{ID: "doubt", From: "c", To: "d", Relation: "funds", Status: graph.Reported, Credibility: 5, CredibilityNote: "one anonymous source"},
			{ID: "likely", From: "a", To: "d", Relation: "will join", Status: graph.Proposed, Likelihood: "likely", Basis: graph.BasisAssessment},
			{ID: "plain", From: "c", To: "b", Relation: "owns", Status: graph.Established},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := DOT(&b, g, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`id="neg", class="claim established negated", label="established\nB–\nreported by “S”\n→ not: cut [1]"`,
		`id="doubt", class="claim reported doubtful", label="reported\n–5 improbable\n→ funds"`,
		`id="likely", class="claim proposed assessment", label="proposed\nassessment · likely\n→ will join"`,
		`id="plain", class="claim established", label="established\n→ owns"`,
		`arrowhead=tee`, `arrowhead=odot`,
		`credibility note: one anonymous source`,
		`negated: the relation does NOT hold`,
		`not: the claim states the relation does NOT hold`,
		`doubtful (credibility 4 or 5)`,
		`likelihood (ICD 203)`,
		`shape=folder`, `shape=house`, `shape=cylinder`, `shape=cds`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	if strings.Count(out, "arrowhead=tee") != 1 || strings.Count(out, "arrowhead=odot") != 1 || strings.Count(out, "arrowhead=normal") != 2 {
		t.Errorf("want the blunt and open-circle arrowheads on the negated and the doubtful claim only:\n%s", out)
	}
}
