package web

import (
	"bytes"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
)

// TestFigureIsRendersSelection: the explorer's figure is `claimgraph
// render`'s figure of graph.Select with the same parameters, so the two
// cannot disagree on what a focus or a filter keeps (they did: the
// explorer's focus left out the claims the entity takes positions on).
func TestFigureIsRendersSelection(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadEmbedded})
	g, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		sel   graph.Selection
	}{
		{"focus=alibaba&depth=1", graph.Selection{Focus: "alibaba", Depth: 1}},
		{"focus=Alibaba%20Group&depth=0", graph.Selection{Focus: "alibaba", Depth: 0}},
		{"focus=dod-flags-alibaba&depth=0", graph.Selection{Focus: "dod-flags-alibaba", Depth: 0}},
		{"status=alleged,reported&min-credibility=5", graph.Selection{Statuses: []graph.Status{graph.Alleged, graph.Reported}, MinCredibility: 5}},
		{"contested=true&type=company,military", graph.Selection{Contested: true, Types: []graph.EntityType{graph.Company, graph.Military}}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			resp, got := get(t, ts, "/api/figure.svg?"+tt.query)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, got)
			}
			var want bytes.Buffer
			if err := render.SVG(&want, graph.Select(g, tt.sel), render.Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("the figure differs from render's of graph.Select(%+v)", tt.sel)
			}
		})
	}
}
