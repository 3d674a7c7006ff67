package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Listings: one row per entity, claim or source, as a Table (FormatTable,
// FormatTSV) or as JSON ("json").

// Entities lists entities with their claim counts.
func Entities(w io.Writer, format string, st Style, g *graph.Graph, es []*graph.Entity) error {
	if format == "json" {
		out := make([]graph.Entity, len(es))
		for i, e := range es {
			out[i] = *e
			out[i].Aliases = nonNil(e.Aliases)
		}
		return WriteJSON(w, out)
	}
	t := Table{Header: []string{"ID", "NAME", "TYPE", "COUNTRY", "CLAIMS"}}
	for _, e := range es {
		t.Rows = append(t.Rows, []string{e.ID, e.Name, string(e.Type), e.Country, fmt.Sprint(Degree(g, e.ID))})
	}
	return t.Write(w, format, st)
}

// Claims lists claims; the last column is each claim's reading.
func Claims(w io.Writer, format string, st Style, g *graph.Graph, claims []*graph.Claim) error {
	if format == "json" {
		out := make([]Claim, len(claims))
		for i, c := range claims {
			out[i] = ClaimJSON(g, c)
		}
		return WriteJSON(w, out)
	}
	t := Table{Header: []string{"ID", "FROM", "RELATION", "TO", "STATUS", "CONTESTED", "SOURCES", "READING"}}
	for _, c := range claims {
		rd := g.Read(c)
		contested := "no"
		if rd.Contested {
			contested = "yes"
		}
		t.Rows = append(t.Rows, []string{c.ID, c.From, rd.Relation(), c.To, string(c.Status), contested,
			strings.Join(sourceIDs(c), ","), rd.String()})
	}
	return t.Write(w, format, st)
}

// Sources lists sources with the number of claims citing each.
func Sources(w io.Writer, format string, st Style, g *graph.Graph, ss []*graph.Source) error {
	if format == "json" {
		out := make([]graph.Source, len(ss))
		for i, s := range ss {
			out[i] = sourceCopy(s)
		}
		return WriteJSON(w, out)
	}
	citing := map[string]int{}
	for _, c := range g.Claims() {
		for id := range CitedSources([]*graph.Claim{c}) {
			citing[id]++
		}
	}
	t := Table{Header: []string{"ID", "TITLE", "PUBLISHER", "PUBLISHED", "RELIABILITY", "DERIVED_FROM", "CLAIMS"}}
	for _, s := range ss {
		title := s.Title
		if format == FormatTable {
			title = truncate(title, 60)
		}
		t.Rows = append(t.Rows, []string{s.ID, title, s.Publisher, s.Published, s.Reliability,
			strings.Join(s.DerivedFrom, ","), fmt.Sprint(citing[s.ID])})
	}
	return t.Write(w, format, st)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
