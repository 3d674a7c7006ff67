package main

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/claimgraph/claimgraph/render/report"
	"github.com/spf13/cobra"
)

type timelineOptions struct {
	global   *globalOptions
	focus    string
	from, to string
	format   string
	output   string
}

func newTimelineCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &timelineOptions{global: g}
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Tell the dated events in order: sources published, positions taken, status changes, event times",
		Long: `Timeline lists the dated events of the claims in date order: a source
published, a stance taken (with its quote), a status change (a claim's
history), and when the alleged thing happened (a claim's when). Reporting
time and event time are kept apart: the first is when something was said,
the second when it happened, as the claims say.

Each event carries its claim's reading as it stood on the event's date (an
allegation reads as an allegation until the denial) and its source's number.
A month or a year compares by its first day.

The format comes from --format, else from the -o file's extension (.txt,
.md, .json, .svg); without either, text. The SVG is a horizontal timeline
with one lane for reporting time and one for event time.`,
		Example: `  claimgraph timeline -d story.yaml
  claimgraph timeline --focus Acme --from 2023 --to 2023-06 -o acme.md
  claimgraph timeline --format json | jq '.events[] | select(.kind == "stance")'`,
		RunE: func(*cobra.Command, []string) error { return runTimeline(opts, s.out) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.focus, "focus", "", "only the claims `ENTITY` is in or takes a position on (id, name or alias)")
	f.StringVar(&opts.from, "from", "", "only events on or after `DATE`")
	f.StringVar(&opts.to, "to", "", "only events on or before `DATE` (a month or year counts as its first day)")
	f.StringVar(&opts.format, "format", "", "output `format`: text, markdown, json or svg (default: from the -o extension, else text)")
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("focus", completeEntities(g))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(reportFormats...))
	return cmd
}

var timelineFormats = map[string]func(io.Writer, *render.Timeline) error{
	"text":     report.TimelineText,
	"markdown": report.TimelineMarkdown,
	"json":     report.TimelineJSON,
	"svg":      render.TimelineSVG,
}

func runTimeline(opts *timelineOptions, stdout io.Writer) error {
	format, err := reportFormat("timeline", opts.format, opts.output)
	if err != nil {
		return err
	}
	for _, d := range []struct{ flag, date string }{{"--from", opts.from}, {"--to", opts.to}} {
		if d.date == "" {
			continue
		}
		if msg := data.CheckDate(d.date); msg != "" {
			return usageErrorf("%s %q %s", d.flag, d.date, msg)
		}
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	topts := graph.TimelineOptions{From: opts.from, To: opts.to}
	title := ""
	if opts.focus != "" {
		e, err := resolveEntity(g, opts.focus)
		if err != nil {
			return fmt.Errorf("--focus: %w", err)
		}
		topts.Keep = func(c *graph.Claim) bool { return c.From == e.ID || c.To == e.ID || takesPosition(c, e.ID) }
		title = strings.TrimSpace(g.Title() + " — focused on " + e.Name)
	}
	if d := opts.global.asOf.date(); d != "" {
		title = strings.TrimSpace(cmp.Or(title, g.Title()) + " — as of " + d)
	}
	t := &render.Timeline{Graph: g, Events: g.Timeline(topts), Title: title}
	err = writeOutput(opts.output, stdout, func(w io.Writer) error { return timelineFormats[format](w, t) })
	if err != nil && format == "svg" && strings.Contains(err.Error(), "too large") {
		return withHint(err, "narrow it: --focus ENTITY, --from DATE, --to DATE")
	}
	return err
}

func takesPosition(c *graph.Claim, id string) bool {
	for _, s := range c.Stances {
		if s.By == id {
			return true
		}
	}
	return false
}
