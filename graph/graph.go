package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Graph is an indexed, read-only view of a Dataset.
type Graph struct {
	title    string
	entities []*Entity // sorted by id
	claims   []*Claim  // sorted by id
	sources  []*Source // sorted by id

	// Claims are found by binary search in claims: a map of a million
	// ids cost a fifth of New and 40 MB, for lookups only tests make.
	entityIdx map[string]int32
	sourceIdx map[string]*Source

	// out[e] and in[e] hold the indexes (into claims) of the claims leaving
	// and entering entity e, in claim id order. Together they are the
	// compact adjacency the hot loops use instead of the library.
	out, in [][]int32
	// ends[c] holds the entity indexes of claim c's From and To, so that
	// walks need neither a map lookup nor a visit to the claim itself (at
	// a million claims both are cache misses that dominated New).
	ends []claimEnds

	// paths is the compact adjacency path search scans (see paths.go).
	paths pathIndex

	// prov is the source-provenance graph, built on first use (see
	// provenance.go).
	prov provenanceOnce

	// parent is the graph this one was filtered from, if any (see Filter).
	parent *Graph

	quotePlaces map[QuoteRef]string // see Dataset.QuotePlaces
}

type claimEnds struct{ from, to int32 }

// ErrDangling is wrapped by the errors New returns for a claim, stance or
// source that names an id the dataset does not define.
var ErrDangling = errors.New("unknown id")

// New indexes ds. The Dataset must already be valid in the sense the loader
// checks (unique ids, known references); New re-checks only what it needs
// to build a consistent graph, and returns an error rather than panicking.
// New takes ownership of ds's lists: the Graph points into them, and the
// caller must not change ds afterwards. (Copying a million claims cost 300 MB
// and a third of New's time.)
func New(ds *Dataset) (*Graph, error) {
	g := &Graph{
		title:     ds.Title,
		entityIdx: make(map[string]int32, len(ds.Entities)),
		sourceIdx: make(map[string]*Source, len(ds.Sources)),
	}
	// The claims are sorted while the entities are indexed, and resolved
	// in two halves at once: at a million claims these are most of New.
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range ds.Claims {
			if c := &ds.Claims[i]; c.ID == "" {
				c.ID = DeriveClaimID(c.From, c.Relation, c.To)
			}
		}
		g.claims = sortedPointers(ds.Claims, func(c *Claim) string { return c.ID })
	})
	defer wg.Wait() // also on an early return: the goroutine writes g
	g.quotePlaces = ds.QuotePlaces
	g.entities = sortedPointers(ds.Entities, func(e *Entity) string { return e.ID })
	g.sources = sortedPointers(ds.Sources, func(s *Source) string { return s.ID })
	for i, e := range g.entities {
		if _, dup := g.entityIdx[e.ID]; dup {
			return nil, fmt.Errorf("entity %q defined twice", e.ID)
		}
		g.entityIdx[e.ID] = int32(i)
	}
	for _, s := range g.sources {
		if _, dup := g.sourceIdx[s.ID]; dup {
			return nil, fmt.Errorf("source %q defined twice", s.ID)
		}
		g.sourceIdx[s.ID] = s
	}
	wg.Wait()
	g.ends = make([]claimEnds, len(g.claims))
	half := len(g.claims) / 2
	if half < 1<<14 {
		half = len(g.claims) // not worth a goroutine
	}
	var errs [2]error // the first of each half, so the first of all
	wg.Go(func() { errs[1] = g.resolveEnds(half, len(g.claims)) })
	errs[0] = g.resolveEnds(0, half)
	wg.Wait()
	if err := cmp.Or(errs[0], errs[1]); err != nil {
		return nil, err
	}
	g.out, g.in = g.adjacency()
	g.paths = buildPathIndex(g)
	return g, nil
}

// resolveEnds fills ends[lo:hi], checking that claim ids are distinct and
// that From and To name entities. It returns the first problem.
func (g *Graph) resolveEnds(lo, hi int) error {
	for i := lo; i < hi; i++ {
		c := g.claims[i]
		if i > 0 && g.claims[i-1].ID == c.ID {
			return fmt.Errorf("claim %q defined twice", c.ID)
		}
		from, ok := g.entityIdx[c.From]
		if !ok {
			return fmt.Errorf("claim %q: from %q: %w", c.ID, c.From, ErrDangling)
		}
		to, ok := g.entityIdx[c.To]
		if !ok {
			return fmt.Errorf("claim %q: to %q: %w", c.ID, c.To, ErrDangling)
		}
		g.ends[i] = claimEnds{from, to}
	}
	return nil
}

// adjacency builds out and in from ends, each list a window of one shared
// array (counted first, then filled): a million appends to 200,000 small
// slices cost more than the two passes.
func (g *Graph) adjacency() (out, in [][]int32) {
	nOut := make([]int32, len(g.entities))
	nIn := make([]int32, len(g.entities))
	for _, e := range g.ends {
		nOut[e.from]++
		nIn[e.to]++
	}
	window := func(counts []int32) [][]int32 {
		lists := make([][]int32, len(counts))
		flat := make([]int32, len(g.ends))
		at := 0
		for e, n := range counts {
			if n > 0 {
				lists[e] = flat[at : at : at+int(n)]
				at += int(n)
			}
		}
		return lists
	}
	out, in = window(nOut), window(nIn)
	for i, e := range g.ends {
		out[e.from] = append(out[e.from], int32(i))
		in[e.to] = append(in[e.to], int32(i))
	}
	return out, in
}

// sortedPointers returns pointers to the items, sorted by key. Export and
// synth write lists sorted, so the sort is skipped when it has nothing to do.
func sortedPointers[T any](items []T, key func(*T) string) []*T {
	ptrs := make([]*T, len(items))
	for i := range items {
		ptrs[i] = &items[i]
	}
	byKey := func(a, b *T) int { return cmp.Compare(key(a), key(b)) }
	if !slices.IsSortedFunc(ptrs, byKey) {
		slices.SortStableFunc(ptrs, byKey)
	}
	return ptrs
}

// Title is the dataset's title.
func (g *Graph) Title() string { return g.title }

// Entities returns all entities sorted by id. The slice must not be modified.
func (g *Graph) Entities() []*Entity { return g.entities }

// Claims returns all claims sorted by id. The slice must not be modified.
func (g *Graph) Claims() []*Claim { return g.claims }

// Sources returns all sources sorted by id. The slice must not be modified.
func (g *Graph) Sources() []*Source { return g.sources }

// Entity returns the entity with the given id, or nil.
func (g *Graph) Entity(id string) *Entity {
	if i, ok := g.entityIdx[id]; ok {
		return g.entities[i]
	}
	return nil
}

// Claim returns the claim with the given id, or nil.
func (g *Graph) Claim(id string) *Claim {
	if i, ok := slices.BinarySearchFunc(g.claims, id, func(c *Claim, id string) int { return cmp.Compare(c.ID, id) }); ok {
		return g.claims[i]
	}
	return nil
}

// Source returns the source with the given id, or nil.
func (g *Graph) Source(id string) *Source { return g.sourceIdx[id] }

// Out returns the claims made from entity id, sorted by claim id; nil for an
// unknown id.
func (g *Graph) Out(id string) []*Claim { return g.adjacent(g.out, id) }

// In returns the claims made about entity id (those whose To it is), sorted
// by claim id; nil for an unknown id.
func (g *Graph) In(id string) []*Claim { return g.adjacent(g.in, id) }

func (g *Graph) adjacent(adj [][]int32, id string) []*Claim {
	i, ok := g.entityIdx[id]
	if !ok {
		return nil
	}
	cs := make([]*Claim, len(adj[i]))
	for k, ci := range adj[i] {
		cs[k] = g.claims[ci]
	}
	return cs
}

// Dataset returns a copy of the graph's content as a Dataset, every list
// sorted by id and every claim carrying its (possibly derived) id.
func (g *Graph) Dataset() *Dataset {
	ds := &Dataset{
		Title:    g.title,
		Entities: make([]Entity, len(g.entities)),
		Sources:  make([]Source, len(g.sources)),
		Claims:   make([]Claim, len(g.claims)),
	}
	for i, e := range g.entities {
		ds.Entities[i] = *e
	}
	for i, s := range g.sources {
		ds.Sources[i] = *s
	}
	for i, c := range g.claims {
		ds.Claims[i] = *c
	}
	return ds
}

// ContestedCount returns how many claims are contested.
func (g *Graph) ContestedCount() int {
	n := 0
	for _, c := range g.claims {
		if c.Contested() {
			n++
		}
	}
	return n
}
