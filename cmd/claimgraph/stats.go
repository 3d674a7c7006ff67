package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
	"github.com/spf13/cobra"
)

// statsTop is how many of the most connected entities stats lists.
const statsTop = 10

type statsOptions struct {
	global *globalOptions
	format string
}

func newStatsCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &statsOptions{global: g}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count entities, claims and sources, and rank the most connected entities",
		Long: `Stats prints the dataset's totals, entities by type, claims by status,
sources by reliability grade, and the 10 entities taking part in the most
claims (as from or to; ties broken by id).

The text form leaves out zero counts; the JSON form lists every type, status
and grade, zeros included, so that scripts can rely on its keys.`,
		Example: `  claimgraph stats
  claimgraph stats --format json | jq '.claims_by_status'`,
		RunE: func(*cobra.Command, []string) error { return runStats(opts, s.out, s.style()) },
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "json"))
	return cmd
}

// statsJSON is Stats with its breakdowns as objects, so that scripts can
// write .claims_by_status.alleged; encoding/json sorts the keys.
type statsJSON struct {
	Title                string         `json:"title"`
	Entities             int            `json:"entities"`
	Claims               int            `json:"claims"`
	Contested            int            `json:"contested"`
	Denied               int            `json:"denied"` // denied or disputed, asserted by nobody
	Sources              int            `json:"sources"`
	EntitiesByType       map[string]int `json:"entities_by_type"`
	ClaimsByStatus       map[string]int `json:"claims_by_status"`
	SourcesByReliability map[string]int `json:"sources_by_reliability"`
	ClaimsByCredibility  map[string]int `json:"claims_by_credibility"`
	MostConnected        []graph.Degree `json:"most_connected"`
}

func runStats(opts *statsOptions, stdout io.Writer, style report.Style) error {
	if opts.format != "text" && opts.format != "json" {
		return usageErrorf("unknown --format %q (want text or json)", opts.format)
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	st := graph.ComputeStats(g, statsTop)
	if opts.format == "json" {
		return report.WriteJSON(stdout, statsJSON{
			Title:    g.Title(),
			Entities: st.Entities, Claims: st.Claims, Contested: st.Contested, Denied: g.DeniedCount(), Sources: st.Sources,
			EntitiesByType:       countMap(st.EntitiesByType),
			ClaimsByStatus:       countMap(st.ClaimsByStatus),
			SourcesByReliability: countMap(st.SourcesByReliability),
			ClaimsByCredibility:  countMap(st.ClaimsByCredibility),
			MostConnected:        nonNil(st.MostConnected),
		})
	}

	p := &report.Printer{W: stdout, Style: style}
	if g.Title() != "" {
		p.Line(style.Bold(report.Text(g.Title())))
	}
	p.Line(summary(g))
	// Breakdowns are two columns, names flush left and counts flush right;
	// tabwriter aligns a whole table one way, so they are padded by hand.
	section := func(title string, rows []graph.Count) {
		if len(rows) == 0 {
			return
		}
		p.Line("")
		p.Line(style.Bold(title))
		kw, nw := 0, 0
		for _, r := range rows {
			kw, nw = max(kw, len(r.Key)), max(nw, len(fmt.Sprint(r.N)))
		}
		for _, r := range rows {
			p.Line(fmt.Sprintf("  %-*s  %*d", kw, report.Text(r.Key), nw, r.N))
		}
	}
	section("Entities by type", nonZero(st.EntitiesByType))
	section("Claims by status", nonZero(st.ClaimsByStatus))
	section("Sources by reliability", nonZero(st.SourcesByReliability))
	section("Claims by credibility", nonZero(st.ClaimsByCredibility))
	if len(st.MostConnected) > 0 {
		p.Line("")
		p.Line(style.Bold("Most connected entities"))
		t := report.Table{Header: []string{"ID", "NAME", "CLAIMS", "OUT", "IN"}}
		for _, d := range st.MostConnected {
			t.Rows = append(t.Rows, []string{d.ID, d.Name, fmt.Sprint(d.Claims), fmt.Sprint(d.Out), fmt.Sprint(d.In)})
		}
		var b bytes.Buffer
		if err := t.Write(&b, report.FormatTable, report.Style{}); err != nil {
			return err
		}
		for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			p.Line("  " + l)
		}
	}
	return p.Err
}

func countMap(cs []graph.Count) map[string]int {
	m := make(map[string]int, len(cs))
	for _, c := range cs {
		m[c.Key] = c.N
	}
	return m
}

func nonZero(cs []graph.Count) []graph.Count {
	var out []graph.Count
	for _, c := range cs {
		if c.N > 0 {
			out = append(out, c)
		}
	}
	return out
}
