package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Claim is a claim in claimgraph's JSON outputs: the export shape
// (graph.ClaimJSON, embedded so its keys come first) plus its reading.
type Claim struct {
	graph.ClaimJSON
	Denied     bool     `json:"denied"`
	Reading    string   `json:"reading"`
	Supporters []string `json:"supporters"` // entity ids that assert or confirm it
	Opponents  []string `json:"opponents"`  // entity ids that deny or dispute it
}

// ClaimJSON returns c as `claimgraph show CLAIM --format json` prints it and
// the explorer serves it.
func ClaimJSON(g *graph.Graph, c *graph.Claim) Claim {
	r := g.Read(c)
	j := graph.NewClaimJSON(c)
	j.FirstReported, j.LastReported = g.ReportedSpan(c)
	return Claim{ClaimJSON: j, Denied: r.Denied, Reading: r.String(), Supporters: r.Supporters(), Opponents: r.Opponents()}
}

// Cites reports whether c rests on source id or a stance on it was reported
// by that source.
func Cites(c *graph.Claim, id string) bool {
	return slices.ContainsFunc(c.Sources, func(r graph.SourceRef) bool { return r.Source == id }) ||
		slices.ContainsFunc(c.Stances, func(s graph.Stance) bool { return s.Source == id })
}

// Involves reports whether entity id is c's from or to, or takes a stance on it.
func Involves(c *graph.Claim, id string) bool {
	return c.From == id || c.To == id ||
		slices.ContainsFunc(c.Stances, func(s graph.Stance) bool { return s.By == id })
}

// MentionedEntities returns the ids of the entities claims are from or to
// or that take a stance on them.
func MentionedEntities(claims []*graph.Claim) map[string]bool {
	m := map[string]bool{}
	for _, c := range claims {
		m[c.From], m[c.To] = true, true
		for _, s := range c.Stances {
			m[s.By] = true
		}
	}
	return m
}

// CitedSources returns the ids of the sources claims rest on or their
// stances cite.
func CitedSources(claims []*graph.Claim) map[string]bool {
	m := map[string]bool{}
	for _, c := range claims {
		for _, r := range c.Sources {
			m[r.Source] = true
		}
		for _, s := range c.Stances {
			if s.Source != "" {
				m[s.Source] = true
			}
		}
	}
	return m
}

// Degree counts the claims an entity is from or to, a self-claim once.
func Degree(g *graph.Graph, id string) int {
	n := len(g.Out(id))
	for _, c := range g.In(id) {
		if c.From != id {
			n++
		}
	}
	return n
}

// sentence reads a claim as English: "Alibaba Group transfers customer
// data to People's Liberation Army". Relations are written as verb phrases
// for exactly this. A negated claim opens with "not:" ("not: OpenAI is
// available in China"), so that it never reads as the relation itself.
func sentence(g *graph.Graph, c *graph.Claim) string {
	s := g.EntityName(c.From) + " " + c.Relation + " " + g.EntityName(c.To)
	if c.Negated {
		return graph.NegatedWord + " " + s
	}
	return s
}

// marks formats source numbers as " [1, 3]", or "" for none.
func marks(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return " [" + strings.Join(parts, ", ") + "]"
}

// sourceIDs returns the distinct ids of the sources c rests on, in order.
func sourceIDs(c *graph.Claim) []string {
	out := []string{}
	for _, r := range c.Sources {
		if !slices.Contains(out, r.Source) {
			out = append(out, r.Source)
		}
	}
	return out
}

// quoteLines returns, for --quotes, each source sentence c rests on as
// "[n] “sentence”", in the claim's order.
func quoteLines(g *graph.Graph, c *graph.Claim) []string {
	var out []string
	for _, r := range c.Sources {
		if r.Quote == "" {
			continue
		}
		mark := r.Source
		if n := g.SourceNumber(r.Source); n > 0 {
			mark = fmt.Sprintf("[%d]", n)
		}
		out = append(out, mark+" "+quote(r.Quote))
	}
	return out
}

func quote(s string) string { return "“" + s + "”" }

// strengthLabel is a claim's status as it ranks: "alleged", "alleged,
// contested" or "alleged, denied".
func strengthLabel(g *graph.Graph, c *graph.Claim) string {
	r := g.Read(c)
	switch {
	case r.Contested:
		return string(c.Status) + ", contested"
	case r.Denied:
		return string(c.Status) + ", denied"
	}
	return string(c.Status)
}

// SourceLine describes a source on one line: its id, title and whatever
// else the dataset records about it.
func SourceLine(s *graph.Source) string {
	parts := []string{s.ID}
	if s.Title != "" {
		parts[0] += ": " + s.Title
	}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	if s.Reliability != "" {
		parts = append(parts, "reliability "+s.Reliability)
	}
	if len(s.DerivedFrom) > 0 {
		parts = append(parts, "derived from "+strings.Join(s.DerivedFrom, ", "))
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, "; ")
}
