package graph

import (
	"errors"
	"slices"
	"sync"

	dgraph "github.com/dominikbraun/graph"
)

// The provenance graph: one vertex per source, an edge from s to d when s
// derives_from d. It is what the library holds for claimgraph (see doc.go):
// a few thousand sources in real and synthetic datasets, where building it
// costs microseconds, not the million-claim entity graph.
//
// The library stores the graph and folds repeated derived_from entries into
// one edge; its edge list, taken once, is the input of the algorithms
// below (see libraryMaxEdges for the one exception). Those are our own, iterative ones, because the library's would not
// hold on hostile input: its StronglyConnectedComponents recurses once per
// source along a chain (a long chain overflowed the goroutine stack, issue
// 17), and its traversals and cycle prevention copy the whole graph, or
// search it, once per call (once per source: quadratic on a chain).

// provenance is the derived_from graph with its condensation, computed once
// per Graph on first use.
type provenance struct {
	// lib holds the sources that take part in derived_from and one edge per
	// distinct reference; nil above libraryMaxEdges.
	lib dgraph.Graph[string, string]
	// succ[i] holds the sources that source i (in g.sources order) derives
	// from, known ones only, distinct, in id order.
	succ [][]int32
	// sccs are the strongly connected components in emission order (a
	// component after every component it reaches), members ascending.
	sccs [][]int32
	comp []int32 // per source, its component
	// cyclic[k]: component k lies on a cycle (several members, or one that
	// derives from itself).
	cyclic []bool
	// origins[k] are component k's origins (see originSet).
	origins []originSet
}

// originSet is a set of at most two origins: its size tells "no origin"
// (a source that leads only into cycles), "one origin" and "more than one",
// which is all the circular-reporting rule asks. Keeping whole sets made the
// rule cubic along derived_from chains (388 KB took 38 s).
type originSet struct {
	n  uint8    // 0, 1, or 2 meaning two or more
	id [2]int32 // the first n origins found
}

// add puts origin o in the set, unless the set is full.
func (s *originSet) add(o int32) {
	for i := range s.n {
		if s.id[i] == o {
			return
		}
	}
	if s.n < 2 {
		s.id[s.n] = o
		s.n++
	}
}

// union adds t's origins to s.
func (s *originSet) union(t originSet) {
	for i := range t.n {
		if s.n == 2 {
			return
		}
		s.add(t.id[i])
	}
	if t.n == 2 && s.n == 1 {
		s.n = 2 // t knew more than it kept; so does s now
	}
}

type provenanceOnce struct {
	once sync.Once
	p    *provenance
}

// provenance returns g's provenance graph, building it on first use. The
// lint rules run at once and share it.
func (g *Graph) provenance() *provenance {
	g.prov.once.Do(func() { g.prov.p = buildProvenance(g) })
	return g.prov.p
}

// libraryMaxEdges bounds the provenance graph handed to the library. Its
// in-memory store costs about 3 KB and 15 µs of CPU per source on a
// derived_from chain (measured at 200,000 sources: 3 s, 640 MB; at the
// bound, about 0.25 s and 50 MB), which is
// nothing for the few thousand sources of real and synthetic datasets but
// would be tens of gigabytes for the millions of sources a hostile input
// under the size guard can hold. Above the bound the same successor lists
// are built directly (sorted and compacted), for the same algorithms.
var libraryMaxEdges = 1 << 14

func buildProvenance(g *Graph) *provenance {
	p := &provenance{succ: make([][]int32, len(g.sources))}
	refs := 0
	for _, s := range g.sources {
		refs += len(s.DerivedFrom)
	}
	if refs > libraryMaxEdges {
		for i, s := range g.sources {
			for _, d := range s.DerivedFrom {
				if g.sourceIdx[d] != nil { // the loader rejects unknown references
					p.succ[i] = append(p.succ[i], int32(g.sourceIndex(d)))
				}
			}
			slices.Sort(p.succ[i])
			p.succ[i] = slices.Compact(p.succ[i])
		}
		p.condense()
		return p
	}
	p.lib = dgraph.New(dgraph.StringHash, dgraph.Directed())
	for _, s := range g.sources {
		// Only sources that derive from another or are derived from take
		// part; the rest are their own origins and need no vertex.
		for _, d := range s.DerivedFrom {
			if g.sourceIdx[d] == nil {
				continue // the loader rejects unknown references
			}
			for _, id := range [2]string{s.ID, d} {
				if err := p.lib.AddVertex(id); err != nil && !errors.Is(err, dgraph.ErrVertexAlreadyExists) {
					panic("graph: provenance: " + err.Error()) // the in-memory store does not fail
				}
			}
			if err := p.lib.AddEdge(s.ID, d); err != nil && !errors.Is(err, dgraph.ErrEdgeAlreadyExists) {
				panic("graph: provenance: " + err.Error()) // both ends were added above
			}
		}
	}
	edges, err := p.lib.Edges()
	if err != nil {
		panic("graph: provenance: " + err.Error()) // the in-memory store does not fail
	}
	for _, e := range edges {
		i := g.sourceIndex(e.Source)
		p.succ[i] = append(p.succ[i], int32(g.sourceIndex(e.Target)))
	}
	for i := range p.succ {
		slices.Sort(p.succ[i])
	}
	p.condense()
	return p
}

// sourceIndex returns the place of a known source id in g.sources.
func (g *Graph) sourceIndex(id string) int {
	i, _ := slices.BinarySearchFunc(g.sources, id, func(s *Source, id string) int {
		switch {
		case s.ID < id:
			return -1
		case s.ID > id:
			return 1
		}
		return 0
	})
	return i
}

// condense finds the strongly connected components with Tarjan's algorithm,
// iteratively (an explicit stack of frames, so that chains of any length
// are fine), and then each component's origins, in one pass in emission
// order: a component's successors are complete before it.
func (p *provenance) condense() {
	n := len(p.succ)
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = unvisited
	}
	p.comp = make([]int32, n)
	type frame struct{ v, next int32 }
	var frames []frame
	var stack []int32
	counter := int32(0)
	for root := range int32(n) {
		if index[root] != unvisited {
			continue
		}
		frames = append(frames, frame{v: root})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			v := f.v
			if int(f.next) < len(p.succ[v]) {
				w := p.succ[v][f.next]
				f.next++
				switch {
				case index[w] == unvisited:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					frames = append(frames, frame{v: w})
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				u := frames[len(frames)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			k := int32(len(p.sccs))
			var scc []int32
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[top] = false
				p.comp[top] = k
				scc = append(scc, top)
				if top == v {
					break
				}
			}
			slices.Sort(scc)
			p.sccs = append(p.sccs, scc)
		}
	}
	p.cyclic = make([]bool, len(p.sccs))
	p.origins = make([]originSet, len(p.sccs))
	for k, scc := range p.sccs {
		var os originSet
		cyclic := len(scc) > 1
		derives := false
		for _, v := range scc {
			for _, d := range p.succ[v] {
				derives = true
				if j := p.comp[d]; j == int32(k) {
					cyclic = true
				} else {
					os.union(p.origins[j])
				}
			}
		}
		if !cyclic && !derives {
			os.add(scc[0]) // a source that derives from nothing is its own origin
		}
		p.cyclic[k], p.origins[k] = cyclic, os
	}
}

// originsOf returns the origin set of source i.
func (p *provenance) originsOf(i int) originSet { return p.origins[p.comp[i]] }

// shortestLoop returns the shortest derived_from path from source start back
// to itself inside its component, start at both ends, as source ids.
// Successors are visited in id order, so the loop reported is always the
// same. The work is linear in the component's size.
func (p *provenance) shortestLoop(g *Graph, start int32) []string {
	k := p.comp[start]
	prev := map[int32]int32{}
	queue := []int32{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, d := range p.succ[cur] {
			if p.comp[d] != k {
				continue
			}
			if d == start {
				var path []string
				for at := cur; at != start; at = prev[at] {
					path = append(path, g.sources[at].ID)
				}
				path = append(path, g.sources[start].ID)
				slices.Reverse(path)
				return append(path, g.sources[start].ID)
			}
			if _, seen := prev[d]; !seen {
				prev[d] = cur
				queue = append(queue, d)
			}
		}
	}
	return []string{g.sources[start].ID, g.sources[start].ID} // unreachable for a cycle
}
