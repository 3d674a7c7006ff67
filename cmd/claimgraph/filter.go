package main

import (
	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/pflag"
)

// filterOptions are render's claim filters (--focus, --depth, --status,
// --type, --contested) for the commands that write a graph other than
// render, so that every output can be cut down the same way. The filtering
// itself stays in render.go's filterForRender, which this calls: one
// definition of what a filter keeps.
type filterOptions struct {
	focus     string
	depth     int
	status    string
	contested bool
	types     string
}

func (f *filterOptions) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.focus, "focus", "", "keep only the neighbourhood of `ENTITY` (id, name or alias)")
	fs.IntVar(&f.depth, "depth", 1, "with --focus: how many claims away from ENTITY to go")
	fs.StringVar(&f.status, "status", "", "keep only claims with these statuses (comma-separated `LIST`: "+joinValues(graph.Statuses)+")")
	fs.BoolVar(&f.contested, "contested", false, "keep only contested claims and their entities")
	fs.StringVar(&f.types, "type", "", "keep only claims between entities of these types (comma-separated `LIST`)")
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
	return nil
}

// apply returns the part of g the filters keep (g itself without filters).
func (f *filterOptions) apply(g *graph.Graph) (*graph.Graph, error) {
	statuses, err := parseStatuses(f.status)
	if err != nil {
		return nil, usageErrorf("--status: %w", err)
	}
	types, err := parseEntityTypes(f.types)
	if err != nil {
		return nil, usageErrorf("--type: %w", err)
	}
	ro := &renderOptions{focus: f.focus, depth: f.depth, status: f.status, contested: f.contested, types: f.types}
	sub, err := filterForRender(g, ro, statuses, types)
	if err != nil || sub == g {
		return sub, err
	}
	// An export is a dataset: the parties that take a stance on a kept
	// claim are kept too, so that every reference still resolves and the
	// output loads. (A figure names them without drawing them.)
	kept := make(map[string]bool, len(sub.Claims()))
	var extra []string
	for _, e := range sub.Entities() {
		extra = append(extra, e.ID) // a focused entity without claims stays
	}
	for _, c := range sub.Claims() {
		kept[c.ID] = true
		for _, st := range c.Stances {
			extra = append(extra, st.By)
		}
	}
	return g.Filter(func(c *graph.Claim) bool { return kept[c.ID] }, extra...), nil
}
