package main

import (
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/pflag"
)

// filterOptions are render's claim filters (--focus, --depth, --status,
// --type, --contested, --min-credibility), which render and export share.
// What they keep is graph.Select's to say, as for the explorer's figure: one
// definition of what a filter keeps.
type filterOptions struct {
	focus          string
	depth          int
	status         string
	contested      bool
	types          string
	minCredibility int
}

// register adds the filter flags; verb ("draw", "keep") starts their help.
func (f *filterOptions) register(fs *pflag.FlagSet, verb string) {
	fs.StringVar(&f.focus, "focus", "", verb+" only the neighbourhood of `ENTITY` (id, name or alias)")
	fs.IntVar(&f.depth, "depth", 1, "with --focus: how many claims away from ENTITY to go")
	fs.StringVar(&f.status, "status", "", verb+" only claims with these statuses (comma-separated `LIST`: "+joinValues(graph.Statuses)+")")
	fs.BoolVar(&f.contested, "contested", false, verb+" only contested claims and their entities")
	fs.StringVar(&f.types, "type", "", verb+" only claims between entities of these types (comma-separated `LIST`)")
	fs.IntVar(&f.minCredibility, "min-credibility", 0, verb+" only claims graded 1 to `N` (1 most credible) and ungraded claims")
}

// check validates the flag values before anything is loaded: bad usage
// exits 2 at once.
func (f *filterOptions) check() error {
	if f.depth < 0 {
		return usageErrorf("--depth must be 0 or more, not %d", f.depth)
	}
	if _, err := parseStatuses(f.status); err != nil {
		return usageErrorf("--status: %w", err)
	}
	if _, err := parseEntityTypes(f.types); err != nil {
		return usageErrorf("--type: %w", err)
	}
	return checkMinCredibility(f.minCredibility)
}

// apply returns the part of g the filters keep (g itself without filters),
// resolving --focus by id, name or alias. A dataset (an export) keeps every
// stance holder of a kept claim, so that every reference still resolves
// and the output loads; a figure names the silent and the declining
// without drawing them.
func (f *filterOptions) apply(g *graph.Graph, dataset bool) (*graph.Graph, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	statuses, _ := parseStatuses(f.status)
	types, _ := parseEntityTypes(f.types)
	sel := graph.Selection{Depth: f.depth, Statuses: statuses, Types: types, Contested: f.contested,
		MinCredibility: f.minCredibility, AllStanceHolders: dataset}
	if f.focus != "" {
		e, err := resolveEntity(g, f.focus)
		if err != nil {
			return nil, fmt.Errorf("--focus: %w", err)
		}
		sel.Focus = e.ID
	}
	sub := graph.Select(g, sel)
	// Belief filters alone may leave nothing: that draws an empty figure.
	narrowed := f.focus != "" || f.status != "" || f.types != "" || f.contested
	if narrowed && len(sub.Entities()) == 0 {
		return nil, withHint(fmt.Errorf("nothing to draw: no claim passes the filters"),
			"loosen --status, --type or --contested, or draw everything without them")
	}
	return sub, nil
}
