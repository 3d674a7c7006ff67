package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/spf13/cobra"
)

type pathsOptions struct {
	global         *globalOptions
	from, to       string
	maxHops        int
	limit          int
	undirected     bool
	avoidContested bool
	status         string
	format         string
	render         string
	stats          bool

	minCredibility int  // see belief.go
	includeNegated bool // see belief.go
}

func newPathsCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &pathsOptions{global: g}
	cmd := &cobra.Command{
		Use:   "paths FROM TO",
		Short: "List the paths between two entities, ranked by how solid each link is",
		Long: `Paths answers "how is FROM connected to TO, and how solid is each link?".

It lists simple paths of entities (none twice) of at most --max-hops hops,
following claims from their subject to their object (with --undirected,
also against them). A hop carries every claim between its two entities in
the direction travelled, strongest first, where
  established > reported > proposed > alleged > contested > failed, retracted
and a contested claim (asserted by one party, denied or disputed by another)
counts as contested whatever its status. A hop is contested when its best
claim is; a path's weakest link is its weakest hop.

Paths are ranked by fewest contested hops, then the strongest weakest link,
then fewest hops, then entity ids; the best --limit are shown. The search
stops as soon as it has them: it never lists all paths of a large graph.

--render FILE also draws the subgraph the listed paths span as an SVG,
styled as 'claimgraph render' draws, with the ranking as its caption.

FROM and TO are ids, names or aliases, in any case. When there is no path,
paths exits with status 1.`,
		Example: `  claimgraph paths Apple PLA
  claimgraph paths apple pla --undirected --format json
  claimgraph paths Apple PLA --avoid-contested
  claimgraph paths Apple PLA --undirected --render apple-pla.svg
  claimgraph paths us-gov alibaba --status established,reported --max-hops 4`,
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: completeEntityArgs(g, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.from, opts.to = args[0], args[1]
			return runPaths(opts, s.out, s.err)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.maxHops, "max-hops", 6, fmt.Sprintf("longest path, in `hops` (1..%d)", graph.MaxHopsLimit))
	f.IntVar(&opts.limit, "limit", 20, "show at most `N` paths, the best ones")
	f.BoolVar(&opts.undirected, "undirected", false, "also follow claims backwards (from object to subject)")
	f.BoolVar(&opts.avoidContested, "avoid-contested", false, "drop paths with a contested hop")
	f.StringVar(&opts.status, "status", "", "use only claims of these statuses (comma-separated `LIST`)")
	f.StringVar(&opts.format, "format", "text", "output `format`: text, markdown or json")
	f.StringVar(&opts.render, "render", "", "also draw the paths as an SVG diagram to `FILE`")
	f.BoolVar(&opts.stats, "stats", false, "print load and search times to standard error")
	f.IntVar(&opts.minCredibility, "min-credibility", 0, "use only claims graded 1 to `N` (1 most credible) and ungraded claims")
	f.BoolVar(&opts.includeNegated, "include-negated", false, "also follow negated claims (claims that a relation does NOT hold)")
	_ = f.MarkHidden("stats")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "markdown", "json"))
	_ = cmd.RegisterFlagCompletionFunc("status", completeList(graph.Statuses))
	return cmd
}

func runPaths(opts *pathsOptions, stdout, stderr io.Writer) error {
	switch opts.format {
	case "text", "markdown", "json":
	default:
		return usageErrorf("unknown --format %q (want text, markdown or json)", opts.format)
	}
	if opts.maxHops < 1 || opts.maxHops > graph.MaxHopsLimit {
		return usageErrorf("--max-hops %d out of range (want 1 to %d)", opts.maxHops, graph.MaxHopsLimit)
	}
	if opts.limit < 1 {
		return usageErrorf("--limit %d: want at least 1", opts.limit)
	}
	search := graph.PathOptions{
		MaxHops:        opts.maxHops,
		Limit:          opts.limit,
		Undirected:     opts.undirected,
		AvoidContested: opts.avoidContested,
	}
	if opts.status != "" {
		st, err := graph.ParseStatuses(opts.status)
		if err != nil {
			return &usageError{fmt.Errorf("--status: %w", err)}
		}
		search.Statuses = st
	}
	if opts.render == "-" {
		return usageErrorf("--render needs a file name: standard output carries the paths")
	}

	start := time.Now()
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	from, err := resolveEntity(g, opts.from)
	if err != nil {
		return err
	}
	to, err := resolveEntity(g, opts.to)
	if err != nil {
		return err
	}
	if from == to {
		return usageErrorf("from and to are the same entity, %q", from.ID)
	}
	if err := checkMinCredibility(opts.minCredibility); err != nil {
		return err
	}
	g = filterBelief(g, opts.minCredibility, !opts.includeNegated, search.Statuses, from.ID, to.ID)
	searched := time.Now()
	paths, stats, err := g.Paths(from.ID, to.ID, search)
	if err != nil {
		return err
	}
	if opts.stats {
		fmt.Fprintf(stderr, "paths: load %.1f ms, search %.3f ms (%d expanded, %d pushed, %d entities within reach)\n",
			ms(searched.Sub(start)), ms(time.Since(searched)), stats.Expanded, stats.Pushed, stats.Reached)
	}
	if len(paths) == 0 {
		return noPathError(g, from, to, search)
	}
	r := pathsReport{g: g, from: from, to: to, opts: search, paths: paths}
	if opts.render != "" {
		// The picture first: when it fails (too large to lay out), the
		// command fails before printing anything.
		err := writeOutput(opts.render, stdout, r.svg)
		var tl *render.TooLargeError
		if errors.As(err, &tl) {
			return withHint(err, "draw fewer paths: a lower --limit, or --status", tl.Hint())
		}
		if err != nil {
			return err
		}
	}
	switch opts.format {
	case "json":
		return writeJSON(stdout, r.json())
	case "markdown":
		return r.markdown(stdout)
	}
	return r.text(stdout)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// noPathError says that nothing was found and, where a looser search would
// find something, which flag to change. Each check is one more bounded
// search that stops at its first path.
func noPathError(g *graph.Graph, from, to *graph.Entity, opts graph.PathOptions) error {
	what := "no path"
	if opts.AvoidContested {
		what = "no uncontested path"
	}
	err := fmt.Errorf("%s from %s to %s within %s%s", what, from.Name, to.Name, plural(opts.MaxHops, "hop", "hops"), describeSearch(opts))
	found := func(change func(*graph.PathOptions)) bool {
		o := opts
		o.Limit = 1
		change(&o)
		ps, _, err := g.Paths(from.ID, to.ID, o)
		return err == nil && len(ps) > 0
	}
	var hints []string
	if opts.AvoidContested && found(func(o *graph.PathOptions) { o.AvoidContested = false }) {
		hints = append(hints, "every path has a contested hop: drop --avoid-contested to see them")
	}
	if !opts.Undirected && found(func(o *graph.PathOptions) { o.Undirected = true }) {
		hints = append(hints, "--undirected finds one: claims link them when followed both ways")
	}
	if opts.Statuses != nil && found(func(o *graph.PathOptions) { o.Statuses = nil }) {
		hints = append(hints, "claims of other statuses link them: widen or drop --status")
	}
	if opts.MaxHops < graph.MaxHopsLimit && found(func(o *graph.PathOptions) { o.MaxHops = graph.MaxHopsLimit }) {
		hints = append(hints, "a longer path exists: raise --max-hops")
	}
	return withHint(err, hints...)
}

// describeSearch names the non-default parts of a search, for messages.
func describeSearch(opts graph.PathOptions) string {
	var parts []string
	if opts.Undirected {
		parts = append(parts, "following claims both ways")
	}
	if opts.Statuses != nil {
		ss := make([]string, len(opts.Statuses))
		for i, s := range opts.Statuses {
			ss[i] = string(s)
		}
		parts = append(parts, "using only "+strings.Join(ss, ", ")+" claims")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// pathsReport is a search's result, ready to print in each format.
type pathsReport struct {
	g        *graph.Graph
	from, to *graph.Entity
	opts     graph.PathOptions
	paths    []graph.Path
}

type pathsJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Paths []pathJSON `json:"paths"`
}

type pathJSON struct {
	Rank          int         `json:"rank"`
	Entities      []string    `json:"entities"`
	Hops          []hopJSON   `json:"hops"`
	ContestedHops int         `json:"contested_hops"`
	Weakest       weakestJSON `json:"weakest"`
	Reading       string      `json:"reading"`
}

type hopJSON struct {
	From      string   `json:"from"`
	To        string   `json:"to"`
	Direction string   `json:"direction"`
	Claims    []string `json:"claims"`
	Contested bool     `json:"contested"`
}

// weakestJSON names the weakest link by its best claim. status is the
// claim's own status; contested says whether it counts as contested.
type weakestJSON struct {
	Claim     string `json:"claim"`
	Status    string `json:"status"`
	Contested bool   `json:"contested"`
	Hop       int    `json:"hop"` // index into hops
}

func (r *pathsReport) json() pathsJSON {
	out := pathsJSON{From: r.from.ID, To: r.to.ID, Paths: []pathJSON{}}
	for i, p := range r.paths {
		pj := pathJSON{
			Rank:          i + 1,
			Entities:      make([]string, len(p.Entities)),
			Hops:          make([]hopJSON, len(p.Hops)),
			ContestedHops: p.ContestedHops,
			Weakest: weakestJSON{Claim: p.Weakest.ID, Status: string(p.Weakest.Status),
				Contested: p.Weakest.Contested(), Hop: p.WeakestHop},
			Reading: p.Reading,
		}
		for k, e := range p.Entities {
			pj.Entities[k] = e.ID
		}
		for k, h := range p.Hops {
			hj := hopJSON{From: h.From.ID, To: h.To.ID, Direction: string(h.Direction),
				Claims: make([]string, len(h.Claims)), Contested: h.Contested}
			for m, c := range h.Claims {
				hj.Claims[m] = c.ID
			}
			pj.Hops[k] = hj
		}
		out.Paths = append(out.Paths, pj)
	}
	return out
}

// heading is the one-line summary above the paths.
func (r *pathsReport) heading() string {
	n := fmt.Sprintf("%d paths", len(r.paths))
	if len(r.paths) == 1 {
		n = "1 path"
	}
	if len(r.paths) == r.opts.Limit {
		n = fmt.Sprintf("the best %d (--limit %d)", len(r.paths), r.opts.Limit)
	}
	mode := "following claims from subject to object"
	if r.opts.Undirected {
		mode = "following claims both ways"
	}
	if r.opts.AvoidContested {
		mode += ", no contested hop"
	}
	return fmt.Sprintf("%s, at most %s, %s%s", n, plural(r.opts.MaxHops, "hop", "hops"), mode, describeSearch(graph.PathOptions{Statuses: r.opts.Statuses}))
}

// chain is a path as entity names joined by arrows; backward hops point
// back: "Apple ← U.S. government → Alibaba Group".
func chain(p graph.Path) string {
	var b strings.Builder
	b.WriteString(p.Entities[0].Name)
	for _, h := range p.Hops {
		if h.Direction == graph.Backward {
			b.WriteString(" ← ")
		} else {
			b.WriteString(" → ")
		}
		b.WriteString(h.To.Name)
	}
	return b.String()
}

// summaryLine gives a path's hops, contested hops and weakest link.
func (r *pathsReport) summaryLine(p graph.Path, code func(string) string) string {
	return fmt.Sprintf("%s, %d contested; weakest link: %s (%s)",
		plural(len(p.Hops), "hop", "hops"), p.ContestedHops, code(p.Weakest.ID), strengthLabel(p.Weakest))
}

// strengthLabel is a claim's status as it ranks: "alleged", or "alleged,
// contested".
func strengthLabel(c *graph.Claim) string {
	if c.Contested() {
		return string(c.Status) + ", contested"
	}
	return string(c.Status)
}

// hopLabel names a hop by entity ids in travel order, the arrow pointing
// as its claims do: "apple ← us-gov" travels from apple to us-gov along
// claims us-gov made about apple.
func hopLabel(h graph.Hop) string {
	if h.Direction == graph.Backward {
		return fmt.Sprintf("%s ← %s", h.From.ID, h.To.ID)
	}
	return fmt.Sprintf("%s → %s", h.From.ID, h.To.ID)
}

func (r *pathsReport) text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Paths from %s (%s) to %s (%s): %s\n", r.from.Name, r.from.ID, r.to.Name, r.to.ID, r.heading())
	for i, p := range r.paths {
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, chain(p))
		fmt.Fprintf(&b, "   %s\n", r.summaryLine(p, func(s string) string { return s }))
		fmt.Fprintf(&b, "   %s\n", p.Reading)
		for _, h := range p.Hops {
			mark := ""
			if h.Contested {
				mark = "  [contested]"
			}
			fmt.Fprintf(&b, "   %s%s\n", hopLabel(h), mark)
			for _, c := range h.Claims {
				fmt.Fprintf(&b, "     %s: %s (%s)\n", c.ID, graph.RelationText(c), graph.ClaimNote(r.g, c))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// svg draws the subgraph the paths span: their entities and every claim
// of their hops, styled as render draws any graph, with the ranking as the
// caption.
func (r *pathsReport) svg(w io.Writer) error {
	onPath := map[string]bool{}
	var ents []string
	var caption []string
	for i, p := range r.paths {
		for _, e := range p.Entities {
			ents = append(ents, e.ID)
		}
		for _, h := range p.Hops {
			for _, c := range h.Claims {
				onPath[c.ID] = true
			}
		}
		caption = append(caption, fmt.Sprintf("%d. %s — %s, %d contested; weakest link %s",
			i+1, chain(p), plural(len(p.Hops), "hop", "hops"), p.ContestedHops, strengthLabel(p.Weakest)))
	}
	sub := r.g.Filter(func(c *graph.Claim) bool { return onPath[c.ID] }, ents...)
	return render.SVG(w, sub, render.Options{
		Title:   fmt.Sprintf("Paths from %s to %s", r.from.Name, r.to.Name),
		Caption: strings.Join(caption, "\n"),
	})
}

func (r *pathsReport) markdown(w io.Writer) error {
	var b strings.Builder
	code := func(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }
	fmt.Fprintf(&b, "# Paths from %s to %s\n\n", mdText(r.from.Name), mdText(r.to.Name))
	fmt.Fprintf(&b, "%s.\n", mdText(upperFirst(r.heading())))
	for i, p := range r.paths {
		fmt.Fprintf(&b, "\n## %d. %s\n\n", i+1, mdText(chain(p)))
		fmt.Fprintf(&b, "%s.\n\n", r.summaryLine(p, code))
		fmt.Fprintf(&b, "> %s\n\n", mdText(p.Reading))
		b.WriteString("| hop | contested | claims |\n| --- | --- | --- |\n")
		for _, h := range p.Hops {
			contested := "no"
			if h.Contested {
				contested = "**yes**"
			}
			var cs []string
			for _, c := range h.Claims {
				cs = append(cs, fmt.Sprintf("%s %s (%s)", code(c.ID), mdCell(graph.RelationText(c)), mdCell(graph.ClaimNote(r.g, c))))
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCell(hopLabel(h)), contested, strings.Join(cs, "<br>"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdText escapes the characters that would start Markdown markup in running
// text, so that names and relations print as written.
func mdText(s string) string {
	return mdEscaper.Replace(s)
}

// mdCell is mdText for a table cell, where a pipe ends the cell.
func mdCell(s string) string { return strings.ReplaceAll(mdText(s), "|", `\|`) }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "\n", " ")

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
