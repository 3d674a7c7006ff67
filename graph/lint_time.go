package graph

import "fmt"

// The date rules of check (see time.go for the two time axes). A dataset
// that breaks them still loads: dates are often entered as a story is
// written, out of order, and the loader refuses only what cannot be read.
// The checks say where the story's own order does not hold.

// lintStanceBeforeSource finds stances dated before the earliest source of
// their claim: a position taken on something not yet reported is a wrong
// date or a missing source.
func lintStanceBeforeSource(g *Graph, s *sink) {
	for _, c := range g.claims {
		earliest := ""
		for _, r := range c.Sources {
			if p := g.published(r.Source); p != "" && (earliest == "" || CompareDates(p, earliest) < 0) {
				earliest = p
			}
		}
		if earliest == "" {
			continue
		}
		for _, st := range c.Stances {
			// Compared by first day, a stance of "2023" is not before a
			// source of "2023-03": it may be the same day.
			if st.Date != "" && DateKey(st.Date) < DateKey(earliest) && !sameYearOrMonth(st.Date, earliest) {
				s.claim(c, func() string {
					return fmt.Sprintf("%q %s it on %s, before its earliest source (%s)", st.By, st.Position, st.Date, earliest)
				})
			}
		}
	}
}

// sameYearOrMonth reports whether a partial date a may contain b's first day.
func sameYearOrMonth(a, b string) bool {
	return len(a) < len(b) && b[:len(a)] == a
}

// lintWhenOrder finds event spans that end before they start.
func lintWhenOrder(g *Graph, s *sink) {
	for _, c := range g.claims {
		if w := c.When; w != nil && w.Start != "" && w.End != "" && DateKey(w.End) < DateKey(w.Start) {
			s.claim(c, func() string { return fmt.Sprintf("its event time ends (%s) before it starts (%s)", w.End, w.Start) })
		}
	}
}

// lintHistoryOrder finds histories whose dates go back in time: the status
// a claim has is the last entry's, so an entry out of order gives it the
// wrong one.
func lintHistoryOrder(g *Graph, s *sink) {
	for _, c := range g.claims {
		for i := 1; i < len(c.History); i++ {
			prev, cur := c.History[i-1], c.History[i]
			if DateKey(cur.Date) < DateKey(prev.Date) {
				s.claim(c, func() string {
					return fmt.Sprintf("its history goes back in time: %s (%s) after %s (%s)", cur.Status, cur.Date, prev.Status, prev.Date)
				})
			}
		}
	}
}

// lintRetrievedBeforePublished finds sources retrieved before they were
// published: one of the two dates is wrong.
func lintRetrievedBeforePublished(g *Graph, s *sink) {
	for _, src := range g.sources {
		if src.Retrieved != "" && src.Published != "" && DateKey(src.Retrieved) < DateKey(src.Published) &&
			!sameYearOrMonth(src.Retrieved, src.Published) {
			s.add("", "source", src.ID, func() string {
				return fmt.Sprintf("was retrieved on %s, before it was published (%s)", src.Retrieved, src.Published)
			})
		}
	}
}
