package graph

import (
	"cmp"
	"slices"
)

// SourceNumber returns the 1-based place of source id in the id-sorted list
// of sources, or 0 for an unknown id. Figures and listings cite sources by
// this number, so that [2] means the same document in every output made from
// one dataset, whatever filter picked the claims.
func (g *Graph) SourceNumber(id string) int {
	i, found := slices.BinarySearchFunc(g.sources, id, func(s *Source, id string) int { return cmp.Compare(s.ID, id) })
	if !found {
		return 0
	}
	return i + 1
}

// SourceNumbers returns the distinct SourceNumbers of the sources c cites,
// ascending; unknown ids are left out.
func (g *Graph) SourceNumbers(c *Claim) []int {
	var ns []int
	for _, r := range c.Sources {
		if n := g.SourceNumber(r.Source); n > 0 && !slices.Contains(ns, n) {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	return ns
}
