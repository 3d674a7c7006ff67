package data

import (
	"encoding/json"
	"io"

	"github.com/claimgraph/claimgraph/graph"
)

// ClaimJSON is a claim in the canonical JSON shape (see graph.ClaimJSON):
// commands that print claims as JSON use it, so that every claim in
// claimgraph's JSON has one shape.
type ClaimJSON = graph.ClaimJSON

type exportDataset struct {
	Title    string         `json:"title"`
	Entities []graph.Entity `json:"entities"`
	Sources  []graph.Source `json:"sources"`
	Claims   []ClaimJSON    `json:"claims"`
}

// WriteJSON writes g in canonical JSON: every list sorted by id (as Graph
// keeps them), every key present, empty lists as [] rather than null, so that
// scripts need no special cases and the same graph gives the same bytes.
func WriteJSON(w io.Writer, g *graph.Graph) error {
	out := exportDataset{
		Title:    g.Title(),
		Entities: make([]graph.Entity, 0, len(g.Entities())),
		Sources:  make([]graph.Source, 0, len(g.Sources())),
		Claims:   make([]ClaimJSON, 0, len(g.Claims())),
	}
	for _, e := range g.Entities() {
		out.Entities = append(out.Entities, EntityJSON(e))
	}
	for _, s := range g.Sources() {
		out.Sources = append(out.Sources, SourceJSON(s))
	}
	for _, c := range g.Claims() {
		out.Claims = append(out.Claims, ClaimJSONIn(g, c))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// NewClaimJSON returns c in the canonical JSON shape, without the fields
// derived from a graph's sources (see ClaimJSONIn).
func NewClaimJSON(c *graph.Claim) ClaimJSON { return graph.NewClaimJSON(c) }

// ClaimJSONIn returns c in the canonical JSON shape with the fields derived
// from g's sources (first_reported, last_reported) filled in.
func ClaimJSONIn(g *graph.Graph, c *graph.Claim) ClaimJSON {
	j := NewClaimJSON(c)
	j.FirstReported, j.LastReported = g.ReportedSpan(c)
	return j
}

// EntityJSON returns a copy of e in the canonical JSON shape (aliases as []
// rather than null).
func EntityJSON(e *graph.Entity) graph.Entity {
	c := *e
	c.Aliases = nonNil(c.Aliases)
	return c
}

// SourceJSON returns a copy of s in the canonical JSON shape (derived_from
// as [] rather than null).
func SourceJSON(s *graph.Source) graph.Source {
	c := *s
	c.DerivedFrom = nonNil(c.DerivedFrom)
	return c
}
