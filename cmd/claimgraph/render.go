package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/spf13/cobra"
)

type renderOptions struct {
	global  *globalOptions
	output  string
	format  string
	filter  filterOptions // --focus, --depth, --status, --type, --contested, --min-credibility
	layout  string
	rankdir string
	cluster string
	title   string
	labels  string // issue 11: label mode
	stances string // issue 11: how stance holders are drawn

	timelineKey bool // issue 15: first-reported dates on claim labels
}

var renderFormats = []string{"svg", "png", "dot"}

func newRenderCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &renderOptions{global: g}
	cmd := &cobra.Command{
		Use:   "render",
		Short: "Draw the claims as a briefing diagram (SVG, PNG or DOT)",
		Long: `Render draws the claim graph: one arrow per claim, labelled with its relation
and its epistemic status, contested claims in heavy dashed vermilion with
"‼ CONTESTED" and who denies them, a key built from the styles used, and a
numbered source list. Hovering an arrow or a box in the SVG shows the stances,
quotes and sources behind it.

The format comes from --format, else from the -o file's extension (.svg,
.png, .dot or .gv); without -o, SVG goes to standard output.

Filters pick what to draw: --focus keeps the entities within --depth claims of
one entity (by id, name or alias); --status and --type keep claims of those
statuses or between entities of those types; --contested keeps contested
claims. Large graphs are refused rather than laid out for minutes: filter
them, or write --format dot and run Graphviz yourself.`,
		Example: `  claimgraph render -o briefing.svg
  claimgraph render --contested -o contested.png
  claimgraph render --focus Alibaba --depth 1 --rankdir TB
  claimgraph render --status alleged,reported --cluster country -o alleged.svg
  claimgraph render -d mydata/ --format dot | dot -Tpdf > briefing.pdf`,
		RunE: func(*cobra.Command, []string) error { return runRender(opts, s.out) },
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.StringVar(&opts.format, "format", "", "output `format`: svg, png or dot (default: from the -o extension, else svg)")
	opts.filter.register(f, "draw")
	f.StringVar(&opts.layout, "layout", "dot", "Graphviz `layout`: "+strings.Join(render.Layouts, ", "))
	f.StringVar(&opts.rankdir, "rankdir", "LR", "direction of the dot layout: LR or TB")
	f.StringVar(&opts.cluster, "cluster", "", "group entities: country")
	f.StringVar(&opts.title, "title", "", "figure title (default: the dataset's title)")
	f.StringVar(&opts.labels, "labels", "", "arrow labels: full, short or numbers (numbers and a claims table); default: full up to "+fmt.Sprint(render.FullLabelsUpTo)+" claims laid out by dot, else numbers")
	f.BoolVar(&opts.timelineKey, "timeline-key", false, "add each claim's first-reported date to its label (and say so in the key)")
	f.StringVar(&opts.stances, "stances", "connectors", "draw parties taking positions as dotted connectors to the claim's subject, or list them in a box")
	_ = cmd.RegisterFlagCompletionFunc("focus", completeEntities(g))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("svg", "png", "dot"))
	_ = cmd.RegisterFlagCompletionFunc("status", completeList(graph.Statuses))
	_ = cmd.RegisterFlagCompletionFunc("type", completeList(graph.EntityTypes))
	_ = cmd.RegisterFlagCompletionFunc("layout", completeFormats(render.Layouts...))
	_ = cmd.RegisterFlagCompletionFunc("rankdir", completeFormats("LR", "TB"))
	_ = cmd.RegisterFlagCompletionFunc("cluster", completeFormats("country"))
	_ = cmd.RegisterFlagCompletionFunc("labels", completeFormats(render.LabelModes...))
	_ = cmd.RegisterFlagCompletionFunc("stances", completeFormats(render.StanceConnectors, render.StanceBox))
	return cmd
}

func joinValues[T ~string](vs []T) string {
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	return strings.Join(ss, ", ")
}

// renderFormat decides the output format from --format and the -o name.
func renderFormat(format, output string) (string, error) {
	if format != "" {
		format = strings.ToLower(format)
		if !slices.Contains(renderFormats, format) {
			return "", usageErrorf("unknown --format %q (want svg, png or dot)", format)
		}
		return format, nil
	}
	if output == "" || output == "-" {
		return "svg", nil
	}
	switch ext := strings.ToLower(filepath.Ext(output)); ext {
	case ".svg":
		return "svg", nil
	case ".png":
		return "png", nil
	case ".dot", ".gv":
		return "dot", nil
	default:
		return "", usageErrorf("cannot tell the format of %q from its extension %q: use .svg, .png, .dot or --format", output, ext)
	}
}

func runRender(opts *renderOptions, stdout io.Writer) error {
	format, err := renderFormat(opts.format, opts.output)
	if err != nil {
		return err
	}
	ropts := render.Options{Title: opts.title, Layout: opts.layout, RankDir: opts.rankdir, Cluster: opts.cluster,
		AsOf: opts.global.asOf.date()}
	if !slices.Contains(render.Layouts, ropts.Layout) {
		return usageErrorf("unknown --layout %q (want one of: %s)", ropts.Layout, strings.Join(render.Layouts, ", "))
	}
	if !slices.Contains(render.RankDirs, strings.ToUpper(ropts.RankDir)) {
		return usageErrorf("unknown --rankdir %q (want LR or TB)", ropts.RankDir)
	}
	if !slices.Contains(render.Clusters, ropts.Cluster) {
		return usageErrorf("unknown --cluster %q (want country)", ropts.Cluster)
	}
	ropts.Labels, ropts.StanceHolders, ropts.TimelineKey = opts.labels, opts.stances, opts.timelineKey
	if opts.labels != "" && !slices.Contains(render.LabelModes, opts.labels) {
		return usageErrorf("unknown --labels %q (want one of: %s)", opts.labels, strings.Join(render.LabelModes, ", "))
	}
	if !slices.Contains(render.StanceHolderModes, opts.stances) {
		return usageErrorf("unknown --stances %q (want connectors or box)", opts.stances)
	}
	if err := opts.filter.check(); err != nil {
		return err
	}

	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	if g, err = opts.filter.apply(g, false); err != nil {
		return err
	}
	if opts.filter.focus != "" {
		e, _ := resolveEntity(g, opts.filter.focus)
		if e != nil {
			ropts.Focus, ropts.Depth = e.ID, opts.filter.depth
		}
	}

	err = writeOutput(opts.output, stdout, func(w io.Writer) error {
		switch format {
		case "dot":
			return render.DOT(w, g, ropts)
		case "png":
			return render.PNG(w, g, ropts)
		}
		return render.SVG(w, g, ropts)
	})
	if h := tooLargeHint(err); h != "" {
		return withHint(err, h)
	}
	return err
}
