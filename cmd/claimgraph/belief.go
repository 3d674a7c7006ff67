package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The belief filters that render and paths share: --min-credibility N keeps
// claims graded 1 to N and ungraded ones; paths also leaves out negated
// claims (a claim that a relation does NOT hold connects nothing) unless
// --include-negated.

func checkMinCredibility(n int) error {
	if n < 0 || n > 6 {
		return usageErrorf("--min-credibility %d out of range (want 1 to 6: 1 keeps only confirmed claims, 6 every graded claim; ungraded claims are always kept)", n)
	}
	return nil
}

// filterBelief returns g without the claims the belief options drop, or g
// itself when they drop none (filtering copies the graph: not worth it for
// nothing). extra entities stay, as in graph.Filter.
// statuses, when set, filters negated claims by status, which path search
// leaves to its caller.
func filterBelief(g *graph.Graph, minCredibility int, dropNegated bool, statuses []graph.Status, extra ...string) *graph.Graph {
	keep := func(c *graph.Claim) bool {
		if c.Negated && (dropNegated || statuses != nil && !slices.Contains(statuses, c.Status)) {
			return false
		}
		return c.CredibleAt(minCredibility)
	}
	for _, c := range g.Claims() {
		if !keep(c) {
			return g.Filter(keep, extra...)
		}
	}
	return g
}

// parseGrades reads --credibility: "4,5" or "ungraded,6". It returns nil
// for no filter; 0 stands for ungraded.
func parseGrades(list string) (map[int8]bool, error) {
	if list == "" {
		return nil, nil
	}
	grades := map[int8]bool{}
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == graph.Ungraded {
			grades[0] = true
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 6 {
			return nil, usageErrorf("--credibility: %q is not a credibility grade (want 1 to 6 or ungraded, comma-separated)", s)
		}
		grades[int8(n)] = true
	}
	return grades, nil
}
