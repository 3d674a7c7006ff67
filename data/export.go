package data

import (
	"encoding/json"
	"io"

	"github.com/claimgraph/claimgraph/graph"
)

// ClaimJSON is a claim in the canonical JSON shape: derived fields filled
// in, every key present. contested is written for readers and scripts; the
// loader accepts it back and checks it against the stances, so a round trip
// loses nothing and adds nothing. Commands that print claims as JSON use it,
// so that every claim in claimgraph's JSON has one shape.
type ClaimJSON struct {
	ID        string            `json:"id"`
	From      string            `json:"from"`
	To        string            `json:"to"`
	Relation  string            `json:"relation"`
	Detail    string            `json:"detail"`
	Status    graph.Status      `json:"status"`
	Contested bool              `json:"contested"`
	Stances   []graph.Stance    `json:"stances"`
	Sources   []graph.SourceRef `json:"sources"`
	Reported  string            `json:"reported"`

	// The belief fields are written only when set, so that a dataset
	// without them exports byte for byte as before.
	Credibility     int8             `json:"credibility,omitempty"`
	CredibilityNote string           `json:"credibility_note,omitempty"`
	Negated         bool             `json:"negated,omitempty"`
	Basis           graph.Basis      `json:"basis,omitempty"`
	Likelihood      graph.Likelihood `json:"likelihood,omitempty"`
	Lint            []graph.Waiver   `json:"lint,omitempty"`
	// The claim in time, written only when set so that a dataset without
	// dates exports byte for byte as before. first_reported and
	// last_reported are derived (graph.ReportedSpan): like contested, the
	// loader accepts them back only when they agree.
	History       []graph.HistoryEntry `json:"history,omitempty"`
	When          *graph.When          `json:"when,omitempty"`
	FirstReported string               `json:"first_reported,omitempty"`
	LastReported  string               `json:"last_reported,omitempty"`
}

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

// NewClaimJSON returns c in the canonical JSON shape.
func NewClaimJSON(c *graph.Claim) ClaimJSON {
	return ClaimJSON{
		ID: c.ID, From: c.From, To: c.To, Relation: c.Relation, Detail: c.Detail,
		Status: c.Status, Contested: c.Contested(),
		Stances: nonNil(c.Stances), Sources: nonNil(c.Sources), Reported: c.Reported,
		Credibility: c.Credibility, CredibilityNote: c.CredibilityNote, Negated: c.Negated,
		Basis: c.Basis, Likelihood: c.Likelihood, Lint: c.Lint,
		History: c.History, When: c.When,
	}
}

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
