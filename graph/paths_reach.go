package graph

// Dead ends. The bound of a partial path (see search.bound) reads distances
// to the target computed over all walks, so it ignores that a path may not
// pass an entity twice. On ordinary graphs that costs nothing; on a clique
// whose only way to the target runs back through FROM it kept every one of
// the clique's millions of simple paths "promising" (a 10 KB dataset took
// 11 s and 3.2 GB). So before a partial path is expanded, alive asks
// whether the target can still be reached from its end, within the hops
// left, without touching the entities already on it. A path that cannot is
// dropped with everything that extends it; results do not change, since no
// extension of it is a result.
//
// The test is a comparison of distances (clear), which settles most cases
// for free, then two searches over the same adjacency path search uses,
// each cheap in the common case:
//   - descend looks for a proof of life: a walk from the end to the target
//     along claims to entities one step closer (by the reverse search's
//     distances), avoiding the path. Distances strictly fall along it, so it
//     is a simple path, of length at most the hops left. On the benchmark
//     graphs it succeeds at once.
//   - reachable, when no such walk exists, is a breadth-first search from
//     the end that avoids the path and entities too far from the target; it
//     proves death when it does not find the target.
//
// Both spend from a per-search budget of adjacency entries; a search that
// runs out treats every later path as alive (sound: nothing is dropped
// wrongly), and MaxSearchStates bounds what is left.

const (
	// reachBudget is the adjacency entries all the tests of one search may
	// scan: a few tens of milliseconds.
	reachBudget = 1 << 24
	// reachPerTest caps one test, so that one hub cannot spend the
	// search's whole budget.
	reachPerTest = 1 << 16
)

// reachState is the scratch space of alive, allocated on first use.
type reachState struct {
	mark   []uint32 // per entity: the stamp of the last walk that marked it
	stamp  uint32
	budget int
	stack  []int32
	next   []int32
}

// alive reports whether the partial path it may still be completed: false
// only when no simple path from its end to the target within the hops left
// avoids the entities already on it.
func (s *search) alive(it *item) bool {
	if s.reach.budget <= 0 || s.clear(it) {
		return true
	}
	if s.reach.mark == nil {
		s.reach.mark = make([]uint32, len(s.g.entities))
	}
	spend := min(s.reach.budget, reachPerTest)
	left := spend
	found, done := s.descend(it, &left)
	if !found && done {
		found, done = s.reachable(it, &left)
	}
	s.reach.budget -= spend - left
	s.stats.Scanned += spend - left
	return found || !done
}

// clear is the free proof of life that settles most tests: every shortest
// walk from the path's end to the target passes only entities nearer the
// target than the end, so when no entity on the path is nearer, the path
// cannot block one. (The distances compared are exact where it matters: an
// entity on the path is needed up to more hops than its end is; see
// search.relax.) It does not hold with AvoidContested, where the shortest
// walk may need a contested hop.
func (s *search) clear(it *item) bool {
	if s.opts.AvoidContested {
		return false
	}
	d := s.dist[it.last()][dAny]
	for _, e := range it.ents[:it.n] {
		if s.dist[e][dAny] < d {
			return false
		}
	}
	return true
}

// begin starts a walk: a new stamp, with the path's entities marked.
func (s *search) begin(it *item) uint32 {
	r := &s.reach
	r.stamp++
	if r.stamp == 0 { // wrapped: old marks could collide
		clear(r.mark)
		r.stamp = 1
	}
	for _, e := range it.ents[:it.n+1] {
		r.mark[e] = r.stamp
	}
	return r.stamp
}

// each calls f for the entities one kept claim away from v in the search's
// direction(s), with the claim's strength, spending one unit of left per
// claim; it stops early when f returns false or left runs out, and reports
// whether it ran to the end.
func (s *search) each(v int32, left *int, f func(x int32, strength int8) bool) bool {
	px := &s.g.paths
	adj := [2][]adjEntry{px.outOf(v), nil}
	if s.opts.Undirected {
		adj[1] = px.into(v)
	}
	for _, list := range adj {
		for _, a := range list {
			if *left <= 0 {
				return false
			}
			*left--
			st, ok := s.kept(a.flags())
			if ok && !f(a.other(), st) {
				return false
			}
		}
	}
	return true
}

// descend looks for a walk from the path's end to the target on which the
// distance to the target (dAny) falls by one at each step and which avoids
// the path. found: there is one; done: the search was not cut by left.
// With AvoidContested only claims above ContestedStrength (uncontested and
// at least alleged) are followed: a hop carrying one is not contested,
// whatever else it carries.
func (s *search) descend(it *item, left *int) (found, done bool) {
	r := &s.reach
	stamp := s.begin(it)
	r.stack = append(r.stack[:0], it.last())
	for len(r.stack) > 0 {
		v := r.stack[len(r.stack)-1]
		r.stack = r.stack[:len(r.stack)-1]
		want := s.dist[v][dAny] - 1
		ran := s.each(v, left, func(x int32, st int8) bool {
			if s.opts.AvoidContested && st <= ContestedStrength || s.dist[x][dAny] != want || r.mark[x] == stamp {
				return true
			}
			if x == s.to {
				found = true
				return false
			}
			r.mark[x] = stamp
			r.stack = append(r.stack, x)
			return true
		})
		if found {
			return true, true
		}
		if !ran {
			return false, false
		}
	}
	return false, true
}

// reachable is a breadth-first search from the path's end that avoids the
// path and every entity whose distance to the target exceeds the hops left
// after reaching it (the distances are exact as far as the search needs
// them; see search.relax). With AvoidContested it skips contested claims
// only, so that it never misses a hop the search could take. found and
// done as for descend.
func (s *search) reachable(it *item, left *int) (found, done bool) {
	r := &s.reach
	stamp := s.begin(it)
	hopsLeft := int8(s.opts.MaxHops) - it.n
	frontier := append(r.stack[:0], it.last())
	for k := int8(1); k <= hopsLeft && len(frontier) > 0; k++ {
		next := r.next[:0]
		for _, v := range frontier {
			ran := s.each(v, left, func(x int32, st int8) bool {
				if s.opts.AvoidContested && st == ContestedStrength || r.mark[x] == stamp {
					return true
				}
				if x == s.to {
					found = true
					return false
				}
				if s.dist[x][dAny] > hopsLeft-k {
					return true
				}
				r.mark[x] = stamp
				next = append(next, x)
				return true
			})
			if found {
				return true, true
			}
			if !ran {
				return false, false
			}
		}
		r.next, r.stack = frontier, next
		frontier = next
	}
	return false, true
}
