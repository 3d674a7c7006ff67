package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
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
	rank           string
	quotes         bool
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

Paths are composed by claimgraph from separate claims; no source states
these chains. Every output says so.

It lists simple paths of entities (none twice) of at most --max-hops hops,
following claims from their subject to their object (with --undirected,
also against them). A hop carries every claim between its two entities in
the direction travelled, strongest first, in the strength order every
command uses:
  established > reported > proposed > alleged > contested > failed, retracted
where a claim graded doubtful or improbable (credibility 4 or 5) ranks
just below the others of its status, a denied claim (denied or disputed,
asserted by nobody) below every undenied one, and a contested claim (asserted by one
party, denied or disputed by another) counts as contested whatever its
status. A hop is contested when its best claim is; a path's weakest link is
its weakest hop. Each claim is read as
every command reads it: its mark (‼ CONTESTED, or DENIED when someone denies
it and nobody asserts it), its status, who asserts and who denies it, then
its relation and the marks [n] of its sources (--quotes adds their
sentences).

Paths are ranked (--rank strength, the default) by fewest contested hops,
then the strongest weakest link, then fewest hops, then entity ids;
--rank hops puts fewest hops first, so that a direct link is not buried
under long chains. The best --limit are shown. The search
stops as soon as it has them: it never lists all paths of a large graph.

--render FILE also draws the subgraph the listed paths span as an SVG,
styled as 'claimgraph render' draws, with the ranking as its caption.

FROM and TO are ids, names or aliases, in any case. When there is no path,
paths exits with status 1.`,
		Example: `  claimgraph paths Apple PLA
  claimgraph paths apple pla --undirected --format json
  claimgraph paths Apple PLA --avoid-contested --quotes
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
	f.StringVar(&opts.rank, "rank", "strength", "rank paths by `strength` (fewest contested hops, strongest weakest link) or hops (fewest first)")
	f.BoolVar(&opts.quotes, "quotes", false, "also print the source sentences each claim rests on")
	f.IntVar(&opts.minCredibility, "min-credibility", 0, "use only claims graded 1 to `N` (1 most credible) and ungraded claims")
	f.BoolVar(&opts.includeNegated, "include-negated", false, "also follow negated claims (claims that a relation does NOT hold)")
	f.BoolVar(&opts.stats, "stats", false, "print load and search times to standard error")
	_ = f.MarkHidden("stats")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "markdown", "json"))
	_ = cmd.RegisterFlagCompletionFunc("status", completeList(graph.Statuses))
	_ = cmd.RegisterFlagCompletionFunc("rank", completeFormats("strength", "hops"))
	return cmd
}

// searchOptions checks the flags and turns them into a search.
func (opts *pathsOptions) searchOptions() (graph.PathOptions, error) {
	switch opts.format {
	case "text", "markdown", "json":
	default:
		return graph.PathOptions{}, usageErrorf("unknown --format %q (want text, markdown or json)", opts.format)
	}
	if opts.maxHops < 1 || opts.maxHops > graph.MaxHopsLimit {
		return graph.PathOptions{}, usageErrorf("--max-hops %d out of range (want 1 to %d)", opts.maxHops, graph.MaxHopsLimit)
	}
	if opts.limit < 1 {
		return graph.PathOptions{}, usageErrorf("--limit %d: want at least 1", opts.limit)
	}
	if opts.render == "-" {
		return graph.PathOptions{}, usageErrorf("--render needs a file name: standard output carries the paths")
	}
	search := graph.PathOptions{MaxHops: opts.maxHops, Limit: opts.limit,
		Undirected: opts.undirected, AvoidContested: opts.avoidContested}
	switch opts.rank {
	case "strength":
	case "hops":
		search.Rank = graph.RankHops
	default:
		return search, usageErrorf("unknown --rank %q (want strength or hops)", opts.rank)
	}
	if opts.status != "" {
		st, err := parseStatuses(opts.status)
		if err != nil {
			return search, &usageError{fmt.Errorf("--status: %w", err)}
		}
		search.Statuses = st
	}
	return search, checkMinCredibility(opts.minCredibility)
}

func runPaths(opts *pathsOptions, stdout, stderr io.Writer) error {
	search, err := opts.searchOptions()
	if err != nil {
		return err
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
	g = filterBelief(g, opts.minCredibility, !opts.includeNegated, search.Statuses, from.ID, to.ID)
	searched := time.Now()
	paths, stats, err := g.Paths(from.ID, to.ID, search)
	if bound := (*graph.SearchBoundError)(nil); errors.As(err, &bound) {
		return withHint(err, "narrow the search: a lower --max-hops, --status to keep only stronger claims, or --avoid-contested")
	}
	if err != nil {
		return err
	}
	if stats.Limit < search.Limit {
		printNote(stderr, fmt.Sprintf("--limit %d lowered to %d, the most one search returns", search.Limit, stats.Limit))
		search.Limit = stats.Limit
	}
	if opts.stats {
		fmt.Fprintf(stderr, "paths: load %.1f ms, search %.3f ms (%d expanded, %d pushed, %d entities within reach)\n",
			ms(searched.Sub(start)), ms(time.Since(searched)), stats.Expanded, stats.Pushed, stats.Reached)
	}
	if len(paths) == 0 {
		return noPathError(g, from, to, search)
	}
	r := &report.Paths{G: g, From: from, To: to, Search: search, Found: paths, Quotes: opts.quotes}
	if opts.render != "" {
		// The picture first: when it fails (too large to lay out), the
		// command fails before printing anything.
		err := writeOutput(opts.render, stdout, r.SVG)
		if h := tooLargeHint(err); h != "" {
			return withHint(err, "draw fewer paths: a lower --limit, or --status", h)
		}
		if err != nil {
			return err
		}
	}
	return r.Write(stdout, opts.format)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// noPathError says that nothing was found and, where a looser search would
// find something, which flag to change. Each check is one more bounded
// search that stops at its first path. An endpoint that is in no claim and
// only takes positions is said to be so: no search reaches it.
func noPathError(g *graph.Graph, from, to *graph.Entity, opts graph.PathOptions) error {
	for _, e := range []*graph.Entity{from, to} {
		if report.Degree(g, e.ID) > 0 {
			continue
		}
		n := 0
		for _, c := range g.Claims() {
			if report.Involves(c, e.ID) {
				n++
			}
		}
		if n > 0 {
			return withHint(fmt.Errorf("%s: in no claim, only in positions on %s; paths follow claims",
				e.Name, report.Plural(n, "claim", "claims")),
				fmt.Sprintf("to see those positions: claimgraph show %s", e.ID))
		}
	}
	what := "no path"
	if opts.AvoidContested {
		what = "no uncontested path"
	}
	err := fmt.Errorf("%s from %s to %s within %s%s", what, from.Name, to.Name,
		report.Plural(opts.MaxHops, "hop", "hops"), report.DescribeSearch(opts))
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
