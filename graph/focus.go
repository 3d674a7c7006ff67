package graph

import "slices"

// Focus returns the claims a figure focused on entity id draws: those with
// both ends within depth claims of id (as Within counts), and those id takes
// a position on (asserts, confirms, denies, disputes, declines or stays
// silent), wherever they are, as `show` and `list --involving` count them. It
// returns nil for an unknown id.
func (g *Graph) Focus(id string, depth int) func(*Claim) bool {
	if g.Entity(id) == nil {
		return nil
	}
	within := g.Within(id, depth)
	return func(c *Claim) bool {
		if within[c.From] && within[c.To] {
			return true
		}
		for _, s := range c.Stances {
			if s.By == id {
				return true
			}
		}
		return false
	}
}

// Parties returns the ids of the entities that assert, confirm, deny or
// dispute a claim keep accepts, sorted and each once: the stance holders a
// filtered figure still has to show, so that none of them vanishes. A nil
// keep accepts every claim.
func (g *Graph) Parties(keep func(*Claim) bool) []string {
	seen := make(map[string]bool)
	var ids []string
	for _, c := range g.claims {
		if keep != nil && !keep(c) {
			continue
		}
		for _, s := range c.Stances {
			if (s.Position.Supports() || s.Position.Opposes()) && !seen[s.By] && g.Entity(s.By) != nil {
				seen[s.By] = true
				ids = append(ids, s.By)
			}
		}
	}
	slices.Sort(ids)
	return ids
}
