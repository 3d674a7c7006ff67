package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file is a timeline (graph.Timeline) as every writer tells it: the
// SVG here (timeline.go), text, Markdown and JSON in render/report. Every
// line reads its claim with graph.Reading and cites its source by the
// number the figure's footer gives it, so a timeline and a briefing figure
// agree.

// Timeline is what the timeline writers draw.
type Timeline struct {
	Graph  *graph.Graph
	Events []graph.Event
	Title  string // default: the graph's title
}

// Heading is the timeline's title: Title, else the graph's.
func (t *Timeline) Heading() string {
	return cmp.Or(t.Title, t.Graph.Title(), "Claims")
}

// SourceNumber returns a source's footer number (its place in the
// id-sorted source list, as in every figure's footer), 0 for none.
func (t *Timeline) SourceNumber(id string) int {
	i, ok := slices.BinarySearchFunc(t.Graph.Sources(), id, func(s *graph.Source, id string) int { return strings.Compare(s.ID, id) })
	if !ok {
		return 0
	}
	return i + 1
}

// What says what happened, in words, with the source mark:
// "Acme Dredging denies [1]".
func (t *Timeline) What(e graph.Event) string {
	mark := ""
	if n := t.SourceNumber(e.Source); n > 0 {
		mark = fmt.Sprintf(" [%d]", n)
	}
	switch e.Kind {
	case graph.EventPublished:
		s := t.Graph.Source(e.Source)
		return strings.TrimSpace(fmt.Sprintf("%s %s", mark, cmp.Or(s.Title, s.ID)))
	case graph.EventStance:
		return fmt.Sprintf("%s %s%s", t.Graph.EntityName(e.By), e.Position, mark)
	case graph.EventStatus:
		return fmt.Sprintf("status now %s%s", e.Status, mark)
	case graph.EventStart:
		return "began (event time)"
	case graph.EventEnd:
		return "ended (event time)"
	}
	return "happened (event time)"
}

// Relation is the claim as subject —relation→ object.
func (t *Timeline) Relation(id string) string {
	c := t.Graph.Claim(id)
	if c == nil {
		return id
	}
	return fmt.Sprintf("%s —%s→ %s", t.Graph.EntityName(c.From), c.Relation, t.Graph.EntityName(c.To))
}

// Sections splits the events into reporting time and event time, each
// keeping the timeline's order: the two are never told mixed.
func (t *Timeline) Sections() (reporting, event []graph.Event) {
	for _, e := range t.Events {
		if e.Kind.EventTime() {
			event = append(event, e)
		} else {
			reporting = append(reporting, e)
		}
	}
	return reporting, event
}

// Cited returns the sources the events cite, in footer order.
func (t *Timeline) Cited() []*graph.Source {
	seen := make(map[string]bool)
	for _, e := range t.Events {
		if e.Source != "" {
			seen[e.Source] = true
		}
	}
	var out []*graph.Source
	for _, s := range t.Graph.Sources() {
		if seen[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// SourceCitation is a footer line's text: title, publisher, date, grade.
func SourceCitation(s *graph.Source) string {
	parts := []string{cmp.Or(s.Title, s.ID)}
	for _, p := range []string{s.Publisher, s.Published} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if s.Reliability != "" {
		parts = append(parts, "reliability "+s.Reliability)
	}
	return strings.Join(parts, ", ")
}

// withFirstReported adds, for render --timeline-key, the claim's
// first-reported date as its label's last line; an undated claim says so,
// so that no label is read as dated when it is not.
func (f *figure) withFirstReported(c *graph.Claim, lines []string) []string {
	if !f.opts.TimelineKey {
		return lines
	}
	first, _ := f.g.ReportedSpan(c)
	return append(lines, "first reported "+cmp.Or(first, "(undated)"))
}
