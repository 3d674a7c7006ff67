package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
)

// The timeline in words: text, Markdown and JSON (the SVG is
// render.TimelineSVG). Reporting time and event time are told in two
// sections, never mixed, so that "reported on 10 January" cannot be read as
// "happened on 10 January".

const (
	reportingHeading = "Reporting time (when it was said)"
	eventHeading     = "Event time (when it happened, as the claims say)"
)

// TimelineText writes the timeline for a terminal or a text file: per
// event, a line with the date, the kind and what happened, then the claim,
// its reading at the time and the quote, indented.
func TimelineText(w io.Writer, t *render.Timeline) error {
	var b strings.Builder
	b.WriteString(Text(t.Heading()) + " — timeline\n")
	if len(t.Events) == 0 {
		b.WriteString("\nNo dated events.\n")
	}
	reporting, event := t.Sections()
	for _, sec := range []struct {
		heading string
		events  []graph.Event
	}{{reportingHeading, reporting}, {eventHeading, event}} {
		if len(sec.events) == 0 {
			continue
		}
		b.WriteString("\n" + sec.heading + "\n")
		for _, e := range sec.events {
			fmt.Fprintf(&b, "%-10s  %-11s  %s\n", e.Date, e.Kind, Text(t.What(e)))
			fmt.Fprintf(&b, "            %s: %s\n", e.Claim, Text(t.Relation(e.Claim)))
			fmt.Fprintf(&b, "            %s\n", Text(e.Reading))
			if e.Quote != "" {
				fmt.Fprintf(&b, "            “%s”\n", Text(e.Quote))
			}
		}
	}
	if cited := t.Cited(); len(cited) > 0 {
		b.WriteString("\nSources\n")
		for _, s := range cited {
			fmt.Fprintf(&b, "  [%d] %s\n", t.SourceNumber(s.ID), Text(render.SourceCitation(s)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TimelineMarkdown writes the timeline for a briefing document: a list per
// section, the claim in bold, the reading and the quote after it.
func TimelineMarkdown(w io.Writer, t *render.Timeline) error {
	var b strings.Builder
	b.WriteString("## " + Markdown(t.Heading(), false) + ": timeline\n")
	if len(t.Events) == 0 {
		b.WriteString("\nNo dated events.\n")
	}
	reporting, event := t.Sections()
	for _, sec := range []struct {
		heading string
		events  []graph.Event
	}{{reportingHeading, reporting}, {eventHeading, event}} {
		if len(sec.events) == 0 {
			continue
		}
		b.WriteString("\n### " + sec.heading + "\n\n")
		for _, e := range sec.events {
			fmt.Fprintf(&b, "- **%s** %s: %s — **%s** (%s); %s", Markdown(e.Date, false), e.Kind, Markdown(t.What(e), false),
				Markdown(t.Relation(e.Claim), false), Markdown(e.Claim, false), Markdown(e.Reading, false))
			if e.Quote != "" {
				fmt.Fprintf(&b, " — “%s”", Markdown(e.Quote, false))
			}
			b.WriteString("\n")
		}
	}
	if cited := t.Cited(); len(cited) > 0 {
		b.WriteString("\n### Sources\n\n")
		for _, s := range cited {
			fmt.Fprintf(&b, "- \\[%d\\] %s\n", t.SourceNumber(s.ID), Markdown(render.SourceCitation(s), false))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TimelineJSON writes {"events": [...]} in the timeline's order, each event
// with date, kind, claim, reading, source and quote.
func TimelineJSON(w io.Writer, t *render.Timeline) error {
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
