package graph

// Filter returns the graph made of the claims keep accepts and the entities
// they connect, plus the entities in extra (so that a focused entity stays in
// the picture even when no claim of it passes). Sources are kept whole: a
// numbered source list must not renumber when a filter changes.
// A nil keep accepts every claim.
func (g *Graph) Filter(keep func(*Claim) bool, extra ...string) *Graph {
	ds := &Dataset{Title: g.title}
	used := make(map[string]bool)
	for _, id := range extra {
		used[id] = true
	}
	for _, c := range g.claims {
		if keep == nil || keep(c) {
			ds.Claims = append(ds.Claims, *c)
			used[c.From], used[c.To] = true, true
		}
	}
	for _, e := range g.entities {
		if used[e.ID] {
			ds.Entities = append(ds.Entities, *e)
		}
	}
	for _, s := range g.sources {
		ds.Sources = append(ds.Sources, *s)
	}
	sub, err := New(ds)
	if err != nil {
		// Unreachable: a subset of a valid graph is valid.
		panic("graph: Filter: " + err.Error())
	}
	sub.parent = g
	return sub
}

// EntityName returns the name of entity id. An entity that a Filter left
// out (a party that only takes a stance on a kept claim, say) is looked up
// in the graph it was filtered from, so that "denied by" and "alleged by"
// still read as names; an id no graph knows is returned as it is.
func (g *Graph) EntityName(id string) string {
	for h := g; h != nil; h = h.parent {
		if e := h.Entity(id); e != nil && e.Name != "" {
			return e.Name
		}
	}
	return id
}

// Within returns the set of entity ids at most depth hops from id, following
// claims in either direction. The set includes id itself; it is empty for an
// unknown id.
func (g *Graph) Within(id string, depth int) map[string]bool {
	start, ok := g.entityIdx[id]
	if !ok {
		return map[string]bool{}
	}
	dist := map[int32]int{start: 0}
	frontier := []int32{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []int32
		for _, e := range frontier {
			for _, adj := range [][]int32{g.out[e], g.in[e]} {
				for _, ci := range adj {
					for _, ni := range [2]int32{g.ends[ci].from, g.ends[ci].to} {
						if _, seen := dist[ni]; !seen {
							dist[ni] = d
							next = append(next, ni)
						}
					}
				}
			}
		}
		frontier = next
	}
	set := make(map[string]bool, len(dist))
	for i := range dist {
		set[g.entities[i].ID] = true
	}
	return set
}
