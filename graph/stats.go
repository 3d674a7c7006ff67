package graph

import (
	"cmp"
	"slices"
)

// Count is one row of a breakdown: how many items have Key.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"count"`
}

// Degree is how many claims an entity takes part in as from or to. A claim
// from an entity to itself counts once.
type Degree struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Claims int    `json:"claims"`
	Out    int    `json:"out"`
	In     int    `json:"in"`
}

// Stats summarises a graph.
type Stats struct {
	Entities  int `json:"entities"`
	Claims    int `json:"claims"`
	Contested int `json:"contested"`
	Sources   int `json:"sources"`

	// The breakdowns list every valid key in documentation order (types
	// as in EntityTypes, statuses as in Statuses, grades A–F then
	// "unrated"), zeros included, so that their shape does not depend on
	// the data. A key outside those (a reliability the loader should have
	// rejected) is still counted, after them.
	EntitiesByType       []Count `json:"entities_by_type"`
	ClaimsByStatus       []Count `json:"claims_by_status"`
	SourcesByReliability []Count `json:"sources_by_reliability"`
	ClaimsByCredibility  []Count `json:"claims_by_credibility"` // "1" to "6", then "ungraded"

	// MostConnected holds the entities with the most claims, most first,
	// ties broken by id; entities with no claim are left out.
	MostConnected []Degree `json:"most_connected"`
}

// Unrated is the SourcesByReliability key for sources without a grade.
const Unrated = "unrated"

// ComputeStats summarises g, keeping the top most connected entities.
func ComputeStats(g *Graph, top int) Stats {
	st := Stats{
		Entities:  len(g.entities),
		Claims:    len(g.claims),
		Contested: g.ContestedCount(),
		Sources:   len(g.sources),
	}

	byType := make(map[EntityType]int)
	for _, e := range g.entities {
		byType[e.Type]++
	}
	st.EntitiesByType = countKeys(byType, EntityTypes)

	byStatus := make(map[Status]int)
	for _, c := range g.claims {
		byStatus[c.Status]++
	}
	st.ClaimsByStatus = countKeys(byStatus, Statuses)

	byGrade := make(map[string]int)
	for _, s := range g.sources {
		grade := s.Reliability
		if grade == "" {
			grade = Unrated
		}
		byGrade[grade]++
	}
	st.SourcesByReliability = countKeys(byGrade, []string{"A", "B", "C", "D", "E", "F", Unrated})
	st.ClaimsByCredibility = claimsByCredibility(g) // see belief.go

	var ds []Degree
	for i, e := range g.entities {
		d := Degree{ID: e.ID, Name: e.Name, Out: len(g.out[i]), In: len(g.in[i])}
		d.Claims = d.Out + d.In
		for _, ci := range g.out[i] {
			if g.claims[ci].To == e.ID {
				d.Claims-- // a self-claim is one claim, not two
			}
		}
		if d.Claims > 0 {
			ds = append(ds, d)
		}
	}
	slices.SortFunc(ds, func(a, b Degree) int {
		return cmp.Or(cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.ID, b.ID))
	})
	if len(ds) > top {
		ds = ds[:top]
	}
	st.MostConnected = ds
	return st
}

// countKeys lists counts for every key of order, then for any other key seen
// (sorted), which only data the loader should have rejected can have.
func countKeys[K ~string](counts map[K]int, order []K) []Count {
	out := make([]Count, 0, len(order))
	for _, k := range order {
		out = append(out, Count{string(k), counts[k]})
	}
	var extra []string
	for k := range counts {
		if !slices.Contains(order, k) {
			extra = append(extra, string(k))
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		out = append(out, Count{k, counts[K(k)]})
	}
	return out
}
