package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type showOptions struct {
	global *globalOptions
	entity string
	format string
}

func newShowCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &showOptions{global: g}
	cmd := &cobra.Command{
		Use:   "show ENTITY",
		Short: "Show an entity and every claim about it, by it or disputed by it",
		Long: `Show prints an entity's profile, then every claim it is from or to, each as
a sentence with who takes which stance and the marks of the sources it rests
on: contested claims first, then the others grouped by status (most solid
first). Claims the entity only takes a stance on follow, then the sources
cited, numbered as in the whole dataset (sorted by id) so that [1] means the
same source in every command.

ENTITY is an id, a name or an alias, in any case.`,
		Example: `  claimgraph show alibaba
  claimgraph show "Financial Times"
  claimgraph show pla --format json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeEntityArgs(g, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.entity = args[0]
			return runShow(opts, s.out)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "json"))
	return cmd
}

// shownClaim is a claim in show's JSON, with the entity's role in it.
type shownClaim struct {
	data.ClaimJSON
	Role string `json:"role"` // from, to, self (both) or stance
}

type shownSource struct {
	Mark int `json:"mark"`
	graph.Source
}

type showJSON struct {
	Entity  graph.Entity  `json:"entity"`
	Claims  []shownClaim  `json:"claims"`
	Sources []shownSource `json:"sources"`
}

// showGroup is one titled block of claims.
type showGroup struct {
	title  string
	claims []*graph.Claim
}

func runShow(opts *showOptions, stdout io.Writer) error {
	if opts.format != "text" && opts.format != "json" {
		return usageErrorf("unknown --format %q (want text or json)", opts.format)
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	e, err := resolveEntity(g, opts.entity)
	if err != nil {
		return err
	}
	groups := showGroups(g, e.ID)

	var cited []*graph.Source
	for _, gr := range groups {
		for _, c := range gr.claims {
			for id := range citedSources([]*graph.Claim{c}) {
				if s := g.Source(id); s != nil && !slices.Contains(cited, s) {
					cited = append(cited, s)
				}
			}
		}
	}
	slices.SortFunc(cited, func(a, b *graph.Source) int { return g.SourceNumber(a.ID) - g.SourceNumber(b.ID) })

	if opts.format == "json" {
		out := showJSON{Entity: data.EntityJSON(e), Claims: []shownClaim{}, Sources: []shownSource{}}
		for _, gr := range groups {
			for _, c := range gr.claims {
				out.Claims = append(out.Claims, shownClaim{data.NewClaimJSON(c), role(c, e.ID)})
			}
		}
		for _, s := range cited {
			out.Sources = append(out.Sources, shownSource{g.SourceNumber(s.ID), data.SourceJSON(s)})
		}
		return writeJSON(stdout, out)
	}

	p := &printer{w: stdout, color: useColor(stdout)}
	p.line(p.bold(e.Name) + " (" + e.ID + ")")
	p.field("type", string(e.Type))
	p.field("country", e.Country)
	p.field("aliases", strings.Join(e.Aliases, ", "))
	p.field("note", e.Note)
	out, in := len(g.Out(e.ID)), len(g.In(e.ID))
	p.field("claims", fmt.Sprintf("%d out, %d in", out, in))
	if len(groups) == 0 {
		p.line("")
		p.line("No claim mentions it.")
	}
	for _, gr := range groups {
		p.line("")
		title := p.bold(gr.title)
		if gr.title == "Contested" && p.color {
			title = red(title)
		}
		p.line(title)
		for _, c := range gr.claims {
			printClaim(p, g, c)
		}
	}
	if len(cited) > 0 {
		p.line("")
		p.line(p.bold("Sources"))
		for _, s := range cited {
			p.line(fmt.Sprintf("  [%d] %s", g.SourceNumber(s.ID), sourceLine(s)))
		}
	}
	return p.err
}

// showGroups sorts the claims entity id takes part in into show's blocks:
// contested claims it is from or to, then the rest by status in
// graph.Statuses order, then the claims it only takes a stance on. Claims
// keep id order inside a block; empty blocks are left out.
func showGroups(g *graph.Graph, id string) []showGroup {
	var own, stanceOnly []*graph.Claim
	own = append(own, g.Out(id)...)
	for _, c := range g.In(id) {
		if c.From != id {
			own = append(own, c)
		}
	}
	slices.SortFunc(own, func(a, b *graph.Claim) int { return strings.Compare(a.ID, b.ID) })
	for _, c := range g.Claims() {
		if c.From != id && c.To != id && involves(c, id) {
			stanceOnly = append(stanceOnly, c)
		}
	}

	var groups []showGroup
	add := func(title string, keep func(*graph.Claim) bool, from []*graph.Claim) {
		var cs []*graph.Claim
		for _, c := range from {
			if keep(c) {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			groups = append(groups, showGroup{title, cs})
		}
	}
	add("Contested", (*graph.Claim).Contested, own)
	for _, st := range graph.Statuses {
		add(capitalize(string(st)), func(c *graph.Claim) bool { return !c.Contested() && c.Status == st }, own)
	}
	add("Positions on other claims", func(*graph.Claim) bool { return true }, stanceOnly)
	return groups
}

func role(c *graph.Claim, id string) string {
	switch {
	case c.From == id && c.To == id:
		return "self"
	case c.From == id:
		return "from"
	case c.To == id:
		return "to"
	}
	return "stance"
}

// markList formats source numbers as " [1, 3]", or "" for none.
func markList(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return " [" + strings.Join(parts, ", ") + "]"
}

func printClaim(p *printer, g *graph.Graph, c *graph.Claim) {
	p.line("  - " + claimSentence(g, c) + markList(g.SourceNumbers(c)))
	meta := string(c.Status) + graph.BeliefNote(g, c)
	if c.Contested() {
		meta += ", contested"
	}
	meta += "; id " + c.ID
	if c.Reported != "" {
		meta += "; reported " + c.Reported
	}
	p.line("      " + p.dim(meta))
	if c.Detail != "" {
		p.line("      " + c.Detail)
	}
	showBelief(p, c)
	// Stances read as a small table, position first: "asserts  DoD memo:
	// “…”". Position-first needs no verb agreement ("Critics ... asserts").
	for _, s := range c.Stances {
		line := fmt.Sprintf("      %-9s %s", s.Position, entityName(g, s.By))
		if s.Quote != "" {
			line += ": “" + s.Quote + "”"
		}
		if s.Source != "" {
			if n := g.SourceNumber(s.Source); n > 0 {
				line += markList([]int{n})
			}
		}
		p.line(line + stanceNote(s))
	}
}

// claimSentence reads a claim as English: "Alibaba Group transfers customer
// data to People's Liberation Army". Relations are written as verb phrases
// for exactly this.
func claimSentence(g *graph.Graph, c *graph.Claim) string {
	return negatedPrefix(c) + entityName(g, c.From) + " " + c.Relation + " " + entityName(g, c.To)
}

func entityName(g *graph.Graph, id string) string {
	if e := g.Entity(id); e != nil {
		return e.Name
	}
	return id
}

// sourceLine describes a source on one line: its id, title and whatever
// else the dataset records about it.
func sourceLine(s *graph.Source) string {
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

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// printer writes lines, remembering the first error so that a long report
// checks it once, and applies styles only when colour is on.
type printer struct {
	w     io.Writer
	color bool
	err   error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s+"\n")
	}
}

// field prints a profile line, skipping empty values.
func (p *printer) field(name, value string) {
	if value != "" {
		p.line(fmt.Sprintf("  %-8s %s", name+":", value))
	}
}

func (p *printer) bold(s string) string {
	if p.color {
		return bold(s)
	}
	return s
}

func (p *printer) dim(s string) string {
	if p.color {
		return dim(s)
	}
	return s
}
