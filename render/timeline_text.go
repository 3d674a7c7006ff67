package render

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// This file writes a timeline (graph.Timeline) as text, Markdown or JSON.
// Reporting time and event time are told in two sections, never mixed, so
// that "reported on 10 January" cannot be read as "happened on 10
// January". Every line reads its claim with graph.Reading and cites its
// source by the number the figure's footer gives it (its place in the
// id-sorted source list), so a timeline and a briefing figure agree.
// (When render/report lands, these writers move there.)

// Timeline is what the timeline writers draw.
type Timeline struct {
	Graph  *graph.Graph
	Events []graph.Event
	Title  string // default: the graph's title
}

func (t *Timeline) title() string {
	return cmp.Or(t.Title, t.Graph.Title(), "Claims")
}

// sourceNumber returns a source's footer number, 0 for none.
func (t *Timeline) sourceNumber(id string) int {
	i, ok := slices.BinarySearchFunc(t.Graph.Sources(), id, func(s *graph.Source, id string) int { return strings.Compare(s.ID, id) })
	if !ok {
		return 0
	}
	return i + 1
}

// what says what happened, in words, with the source mark.
func (t *Timeline) what(e graph.Event) string {
	mark := ""
	if n := t.sourceNumber(e.Source); n > 0 {
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

// relation is the claim as subject —relation→ object.
func (t *Timeline) relation(id string) string {
	c := t.Graph.Claim(id)
	if c == nil {
		return id
	}
	return fmt.Sprintf("%s —%s→ %s", t.Graph.EntityName(c.From), c.Relation, t.Graph.EntityName(c.To))
}

// sections splits the events into reporting time and event time, each
// keeping the timeline's order.
func (t *Timeline) sections() (reporting, event []graph.Event) {
	for _, e := range t.Events {
		if e.Kind.EventTime() {
			event = append(event, e)
		} else {
			reporting = append(reporting, e)
		}
	}
	return reporting, event
}

// cited returns the sources the events cite, in footer order.
func (t *Timeline) cited() []*graph.Source {
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

func sourceCitation(s *graph.Source) string {
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

const (
	reportingHeading = "Reporting time (when it was said)"
	eventHeading     = "Event time (when it happened, as the claims say)"
)

// TimelineText writes the timeline for a terminal or a text file: per
// event, a line with the date, the kind and what happened, then the claim,
// its reading at the time and the quote, indented.
func TimelineText(w io.Writer, t *Timeline) error {
	var b strings.Builder
	b.WriteString(textSafe(t.title()) + " — timeline\n")
	if len(t.Events) == 0 {
		b.WriteString("\nNo dated events.\n")
	}
	reporting, event := t.sections()
	for _, sec := range []struct {
		heading string
		events  []graph.Event
	}{{reportingHeading, reporting}, {eventHeading, event}} {
		if len(sec.events) == 0 {
			continue
		}
		b.WriteString("\n" + sec.heading + "\n")
		for _, e := range sec.events {
			fmt.Fprintf(&b, "%-10s  %-11s  %s\n", e.Date, e.Kind, textSafe(t.what(e)))
			fmt.Fprintf(&b, "            %s: %s\n", e.Claim, textSafe(t.relation(e.Claim)))
			fmt.Fprintf(&b, "            %s\n", textSafe(e.Reading))
			if e.Quote != "" {
				fmt.Fprintf(&b, "            “%s”\n", textSafe(e.Quote))
			}
		}
	}
	if cited := t.cited(); len(cited) > 0 {
		b.WriteString("\nSources\n")
		for _, s := range cited {
			fmt.Fprintf(&b, "  [%d] %s\n", t.sourceNumber(s.ID), textSafe(sourceCitation(s)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TimelineMarkdown writes the timeline for a briefing document: a list per
// section, the claim in bold, the reading and the quote after it.
func TimelineMarkdown(w io.Writer, t *Timeline) error {
	var b strings.Builder
	b.WriteString("## " + mdSafe(t.title(), false) + ": timeline\n")
	if len(t.Events) == 0 {
		b.WriteString("\nNo dated events.\n")
	}
	reporting, event := t.sections()
	for _, sec := range []struct {
		heading string
		events  []graph.Event
	}{{reportingHeading, reporting}, {eventHeading, event}} {
		if len(sec.events) == 0 {
			continue
		}
		b.WriteString("\n### " + sec.heading + "\n\n")
		for _, e := range sec.events {
			fmt.Fprintf(&b, "- **%s** %s: %s — **%s** (%s); %s", mdSafe(e.Date, false), e.Kind, mdSafe(t.what(e), false),
				mdSafe(t.relation(e.Claim), false), mdSafe(e.Claim, false), mdSafe(e.Reading, false))
			if e.Quote != "" {
				fmt.Fprintf(&b, " — “%s”", mdSafe(e.Quote, false))
			}
			b.WriteString("\n")
		}
	}
	if cited := t.cited(); len(cited) > 0 {
		b.WriteString("\n### Sources\n\n")
		for _, s := range cited {
			fmt.Fprintf(&b, "- \\[%d\\] %s\n", t.sourceNumber(s.ID), mdSafe(sourceCitation(s), false))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TimelineJSON writes {"events": [...]} in the timeline's order, each event
// with date, kind, claim, reading, source and quote.
func TimelineJSON(w io.Writer, t *Timeline) error {
	out := struct {
		Events []graph.Event `json:"events"`
	}{Events: t.Events}
	if out.Events == nil {
		out.Events = []graph.Event{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// textSafe keeps a dataset's text from steering the terminal: control
// characters are shown as \x escapes and line breaks become spaces. It is
// the rule of the command's other text reports.
func textSafe(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdSafe backslash-escapes what Markdown (and the HTML it allows) would
// read as markup, and keeps the text on one line, as the command's other
// Markdown reports do.
func mdSafe(s string, lineStart bool) string {
	var b strings.Builder
	s = textSafe(s)
	if lineStart && s != "" && strings.ContainsRune("-+#=0123456789", rune(s[0])) {
		b.WriteByte('\\')
	}
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
