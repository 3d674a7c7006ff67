package web

import "github.com/claimgraph/claimgraph/graph"

// Script payloads in every field the page shows. The dataset is built in Go,
// not loaded, so that it can hold what the loader refuses (a javascript:
// URL): the page must stay safe on its own.
const (
	payloadImg    = `<img src=x onerror="window.__pwned=1">`
	payloadScript = `<script>window.__pwned=2</script>`
	payloadJS     = `javascript:window.__pwned=3`
)

func loadHostileGraph() (*graph.Graph, error) {
	return graph.New(&graph.Dataset{
		Title: payloadScript,
		Entities: []graph.Entity{
			{ID: "evil", Name: payloadImg, Type: graph.Company, Aliases: []string{payloadJS}, Note: payloadScript},
			{ID: "victim", Name: payloadJS, Type: graph.Person},
		},
		Sources: []graph.Source{{ID: "src", Title: payloadScript, Publisher: payloadImg, URL: payloadJS}},
		Claims: []graph.Claim{{
			ID: "evil-claim", From: "evil", To: "victim", Relation: payloadImg, Status: graph.Alleged, Detail: payloadScript,
			Stances: []graph.Stance{{By: "victim", Position: graph.Asserts, Quote: payloadImg, Source: "src"},
				{By: "evil", Position: graph.Denies, Quote: payloadJS}},
			Sources: []graph.SourceRef{{Source: "src", Quote: payloadScript}},
		}},
	})
}
