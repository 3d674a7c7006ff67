package render

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func fixtureGraph(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := graph.New(fixture())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestCytoscapeClasses(t *testing.T) {
	g := fixtureGraph(t)
	out := CytoscapeElements(g, CytoscapeOptions{})
	if len(out.Elements.Nodes) != len(g.Entities()) || len(out.Elements.Edges) != len(g.Claims()) || out.Truncated != 0 {
		t.Fatalf("whole graph: %d nodes, %d edges, %d truncated", len(out.Elements.Nodes), len(out.Elements.Edges), out.Truncated)
	}
	classes := map[string]string{}
	for _, n := range out.Elements.Nodes {
		classes[n.Data.ID] = n.Classes
	}
	for _, e := range out.Elements.Edges {
		classes[e.Data.ID] = e.Classes
		if r := g.Read(g.Claim(e.Data.ID)); e.Data.Reading != r.String() || e.Data.Mark != r.Mark() {
			t.Errorf("%s: reading %q mark %q, want %q %q", e.Data.ID, e.Data.Reading, e.Data.Mark, r.String(), r.Mark())
		}
	}
	for id, want := range map[string]string{
		"acme":          "entity company",
		"memo":          "entity document",
		"c-established": "claim established",
		"c-contested":   "claim alleged contested",
		"c-undenied":    "claim alleged",
		"c-retracted":   "claim retracted",
	} {
		if classes[id] != want {
			t.Errorf("%s: classes %q, want %q", id, classes[id], want)
		}
	}
	for _, e := range out.Elements.Edges {
		if e.Data.ID == "c-contested" && !strings.HasPrefix(e.Data.Label, graph.ContestedMark+"\n") {
			t.Errorf("contested label %q", e.Data.Label)
		}
	}
}

func TestCytoscapeDenied(t *testing.T) {
	ds := fixture()
	ds.Claims = append(ds.Claims, graph.Claim{ID: "c-denied", From: "gov-a", To: "gov-b", Relation: "spies on", Status: graph.Alleged,
		Stances: []graph.Stance{{By: "gov-a", Position: graph.Denies}}})
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	out := CytoscapeElements(g, CytoscapeOptions{Seeds: []string{"c-denied"}})
	if len(out.Elements.Edges) != 1 || out.Elements.Edges[0].Classes != "claim alleged denied" {
		t.Fatalf("edges %+v", out.Elements.Edges)
	}
}

// TestCytoscapeLimit checks the limit against a count of everything within
// reach: never more than limit elements, the rest counted, nearer first.
func TestCytoscapeLimit(t *testing.T) {
	g := fixtureGraph(t)
	full := CytoscapeElements(g, CytoscapeOptions{Seeds: []string{"gov-a"}, Depth: 1})
	total := len(full.Elements.Nodes) + len(full.Elements.Edges)
	within := g.Within("gov-a", 1)
	if len(full.Elements.Nodes) != len(within) {
		t.Fatalf("depth 1: %d nodes, want %d", len(full.Elements.Nodes), len(within))
	}
	if full.Elements.Nodes[0].Data.ID != "gov-a" || full.Elements.Nodes[0].Data.Distance != 0 {
		t.Errorf("first node %+v, want the seed", full.Elements.Nodes[0])
	}
	for limit := 1; limit <= total+1; limit++ {
		t.Run("", func(t *testing.T) {
			out := CytoscapeElements(g, CytoscapeOptions{Seeds: []string{"gov-a"}, Depth: 1, Limit: limit})
			n := len(out.Elements.Nodes) + len(out.Elements.Edges)
			if n > limit || n+out.Truncated != total {
				t.Errorf("limit %d: %d elements + %d truncated, want ≤ %d and %d in all", limit, n, out.Truncated, limit, total)
			}
			drawn := map[string]bool{}
			for _, nd := range out.Elements.Nodes {
				drawn[nd.Data.ID] = true
			}
			for _, e := range out.Elements.Edges {
				if !drawn[e.Data.Source] || !drawn[e.Data.Target] {
					t.Errorf("edge %s without both ends", e.Data.ID)
				}
			}
		})
	}
}

func TestCytoscapeKeep(t *testing.T) {
	g := fixtureGraph(t)
	out := CytoscapeElements(g, CytoscapeOptions{Seeds: []string{"acme"}, Depth: 2, Keep: (*graph.Claim).Contested})
	if len(out.Elements.Nodes) != 2 || len(out.Elements.Edges) != 1 || out.Elements.Edges[0].Data.ID != "c-contested" {
		t.Errorf("contested only: %+v", out.Elements)
	}
}

func TestStyleTables(t *testing.T) {
	ss := StatusStyles()
	if len(ss) != len(graph.Statuses)+2 {
		t.Fatalf("%d status styles", len(ss))
	}
	for _, s := range ss {
		if s.Class != "denied" && (s.Line == "" || s.Width <= 0 || s.Arrow == "") || s.Meaning == "" || s.Sample == "" {
			t.Errorf("%s: incomplete style %+v", s.Class, s)
		}
	}
	if len(TypeStyles()) != len(graph.EntityTypes) {
		t.Errorf("%d type styles", len(TypeStyles()))
	}
}

func TestCytoscapeWholeGraphLimit(t *testing.T) {
	g := fixtureGraph(t)
	total := len(g.Entities()) + len(g.Claims())
	for limit := 1; limit <= total+1; limit++ {
		out := CytoscapeElements(g, CytoscapeOptions{Limit: limit})
		n := len(out.Elements.Nodes) + len(out.Elements.Edges)
		if n > limit || n+out.Truncated != total {
			t.Errorf("limit %d: %d elements + %d truncated, want ≤ %d and %d in all", limit, n, out.Truncated, limit, total)
		}
	}
}

func TestCytoscapeNegated(t *testing.T) {
	ds := fixture()
	ds.Claims = append(ds.Claims, graph.Claim{ID: "c-negated", From: "gov-a", To: "gov-b", Relation: "funds", Status: graph.Established, Negated: true})
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	out := CytoscapeElements(g, CytoscapeOptions{Seeds: []string{"c-negated"}})
	for _, e := range out.Elements.Edges {
		if e.Data.ID != "c-negated" {
			continue
		}
		if e.Classes != "claim established negated" || e.Data.Relation != "not: funds" || e.Data.Label != "established: not: funds" {
			t.Errorf("negated claim: classes %q, relation %q, label %q", e.Classes, e.Data.Relation, e.Data.Label)
		}
		return
	}
	t.Fatal("negated claim not drawn")
}
