package graph

import "slices"

// Selection is the part of a graph a figure, an export or the explorer's
// figure keeps: render's filters. One definition, in Select, so that
// `claimgraph render`, every `export --format` and the explorer's
// /api/figure.svg cut a graph the same way. The zero value keeps everything.
type Selection struct {
	// Focus is an entity id (callers resolve names first, to say "did you
	// mean"), whose Focus claims within Depth are kept: those with both ends
	// within Depth claims of it and those it takes a position on. A claim id
	// that is no entity's focuses on both its ends, without positions.
	Focus string
	Depth int

	Statuses  []Status     // keep only claims with these statuses
	Types     []EntityType // keep only claims between entities of these types
	Contested bool         // keep only contested claims

	// MinCredibility keeps claims graded 1 to MinCredibility and ungraded
	// ones (0: no filter); DropNegated leaves negated claims out. Both apply
	// before the focus is followed, so a dropped claim connects nothing.
	MinCredibility int
	DropNegated    bool

	// AllStanceHolders keeps every entity that takes a stance on a kept
	// claim, so that the result is a dataset whose references resolve (an
	// export). Otherwise only those who assert, confirm, deny or dispute
	// one stay (a figure: no allegation's author vanishes from it).
	AllStanceHolders bool
}

// IsZero reports whether s keeps everything.
func (s Selection) IsZero() bool {
	return s.Focus == "" && len(s.Statuses) == 0 && len(s.Types) == 0 && !s.Contested &&
		s.MinCredibility == 0 && !s.DropNegated
}

// Select returns the part of g that s keeps, or g itself when s keeps
// everything. The focused entity stays even without claims; an unknown
// Focus keeps nothing but the claims the other filters keep between no
// entities, that is nothing. A result with no entities is the caller's to
// report ("nothing to draw").
func Select(g *Graph, s Selection) *Graph {
	if s.IsZero() {
		return g
	}
	holders := func(keep func(*Claim) bool) []string {
		if !s.AllStanceHolders {
			return g.Parties(keep)
		}
		var ids []string
		for _, c := range g.claims {
			if keep == nil || keep(c) {
				for _, st := range c.Stances {
					ids = append(ids, st.By)
				}
			}
		}
		return ids
	}
	if s.MinCredibility != 0 || s.DropNegated {
		belief := Selection{MinCredibility: s.MinCredibility, DropNegated: s.DropNegated}.Keeps(g)
		if slices.ContainsFunc(g.claims, func(c *Claim) bool { return !belief(c) }) {
			// Filtering copies the graph: only when it drops something.
			// The kept claims' parties stay, as for every other filter.
			g = g.Filter(belief, holders(belief)...)
		}
		s.MinCredibility, s.DropNegated = 0, false
		if s.IsZero() {
			return g
		}
	}
	var focus func(*Claim) bool
	var extra []string
	switch c := g.Claim(s.Focus); {
	case s.Focus == "":
	case g.Entity(s.Focus) != nil:
		focus = g.Focus(s.Focus, s.Depth)
		extra = append(extra, s.Focus)
	case c != nil:
		within := g.Within(c.From, s.Depth)
		for id := range g.Within(c.To, s.Depth) {
			within[id] = true
		}
		focus = func(c *Claim) bool { return within[c.From] && within[c.To] }
		extra = append(extra, c.From, c.To)
	default:
		focus = func(*Claim) bool { return false }
	}
	kind := s.Keeps(g)
	keep := func(c *Claim) bool { return (focus == nil || focus(c)) && (kind == nil || kind(c)) }
	return g.Filter(keep, append(extra, holders(keep)...)...)
}

// Keeps returns the claim filter of s without its focus: status, type,
// contested and the belief filters, as one predicate on g's claims; nil
// when it keeps every claim. The explorer's neighbourhood view filters
// with it, and Select through it.
func (s Selection) Keeps(g *Graph) func(*Claim) bool {
	if len(s.Statuses) == 0 && len(s.Types) == 0 && !s.Contested && s.MinCredibility == 0 && !s.DropNegated {
		return nil
	}
	typeOK := func(id string) bool {
		if len(s.Types) == 0 {
			return true
		}
		e := g.Entity(id)
		return e != nil && slices.Contains(s.Types, e.Type)
	}
	return func(c *Claim) bool {
		switch {
		case len(s.Statuses) > 0 && !slices.Contains(s.Statuses, c.Status):
			return false
		case s.Contested && !c.Contested():
			return false
		case s.DropNegated && c.Negated, !c.CredibleAt(s.MinCredibility):
			return false
		}
		return typeOK(c.From) && typeOK(c.To)
	}
}
