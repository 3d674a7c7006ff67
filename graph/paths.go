package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Path search: "how is A connected to B, and how solid is each link?"
//
// Semantics, precisely:
//   - A path is a simple path of entities (no entity twice) of at least one
//     hop. A hop travels from one entity to the next along the claims between
//     them in one direction: forward (claims From → To) or, with Undirected,
//     backward (claims To → From). When claims run both ways between two
//     entities, the forward and the backward hop are two different paths.
//     Self-claims never lie on a simple path.
//   - A hop carries every claim between its two entities in its direction
//     (after the status filter), strongest first.
//   - A claim's strength is the order written once in the package doc
//     (doc.go): by status, a denied claim (denied or disputed, asserted by
//     nobody) just below an undenied one of the same status, and a contested
//     claim (some party asserts it, another denies or disputes it) between
//     alleged and failed whatever its status. A hop is as strong as its
//     strongest claim, its best claim.
//   - A hop is contested when its best claim is contested: no claim on it is
//     both uncontested and at least alleged. A hop carried only by failed or
//     retracted claims is weak, not contested: nobody disputes it.
//   - A path's weakest link is its weakest hop (the first one on ties), named
//     by that hop's best claim.
//   - Ranking (RankStrength, the default): fewest contested hops, then
//     strongest weakest link, then fewer hops, then the entity ids
//     lexicographically, then forward before backward hop by hop. RankHops
//     puts fewer hops first, then contested hops, then the weakest link, so
//     that a direct answer is not buried under long chains.

// MaxHopsLimit bounds PathOptions.MaxHops: a search item stores its path
// inline, and longer simple paths are not a question anyone asks of a claim
// graph.
const MaxHopsLimit = 16

// MaxLimit bounds the paths one search returns: Paths lowers a higher
// PathOptions.Limit to it (and says so in PathStats.Limit) rather than
// refuse. Nobody reads ten thousand paths; a million of them in a clique
// took 34 s and 6 GB to rank.
const MaxLimit = 10_000

// MaxSearchStates bounds the work of one search: the partial paths it takes
// from its queue plus those it queues. A search that reaches it stops with a
// *SearchBoundError. The bound keeps any search within about a second and a
// few hundred megabytes; the million-claim benchmarks use under a thousand
// states, so only pathological shapes (dense cliques with long --max-hops)
// meet it.
const MaxSearchStates = 1_000_000

// SearchBoundError is returned by Paths when a search reaches
// MaxSearchStates before it found Limit paths. The paths found by then are
// returned with it: they are exact, the best ones in rank order, but there
// may be more.
type SearchBoundError struct {
	States  int // partial paths expanded and queued when the search stopped
	Found   int // paths found by then
	MaxHops int // the search's MaxHops
	Limit   int // the search's Limit (after clamping to MaxLimit)
}

func (e *SearchBoundError) Error() string {
	return fmt.Sprintf("path search stopped after %d partial paths of up to %d hops, with %d of at most %d paths found",
		e.States, e.MaxHops, e.Found, e.Limit)
}

// PathOptions direct Paths. The zero value is not useful: set MaxHops and
// Limit.
type PathOptions struct {
	MaxHops        int      // longest path, in hops (1..MaxHopsLimit)
	Limit          int      // at most this many paths, the best ones (≥ 1)
	Undirected     bool     // also walk claims backwards
	AvoidContested bool     // drop paths with a contested hop
	Statuses       []Status // keep only claims of these statuses; nil keeps all
	Rank           Rank     // the ranking order; the zero value is RankStrength
}

// Rank chooses what a path's rank weighs first.
type Rank int

const (
	RankStrength Rank = iota // fewest contested hops, strongest weakest link, fewest hops
	RankHops                 // fewest hops, fewest contested hops, strongest weakest link
)

// Direction is the way a hop travels its claims.
type Direction string

const (
	Forward  Direction = "forward"  // along the claims: From → To
	Backward Direction = "backward" // against them: the hop's To made the claims about its From
)

// Hop is one step of a Path.
type Hop struct {
	From, To  *Entity
	Direction Direction
	Claims    []*Claim // every claim of the hop, strongest first, then by id
	Contested bool     // the best claim, Claims[0], is contested
}

// Path is one connection found by Paths.
type Path struct {
	Entities      []*Entity
	Hops          []Hop
	ContestedHops int
	WeakestHop    int    // index into Hops of the weakest link
	Weakest       *Claim // best claim of the weakest hop
	Reading       string // one line, see ReadPath
}

// PathStats describe the work a search did, for measurements.
type PathStats struct {
	Expanded int // search items taken from the queue
	Pushed   int // search items put on it
	Reached  int // entities the reverse search from the target reached
	Pruned   int // partial paths dropped because the target is out of their reach
	Scanned  int // claims the dead-end tests read (see paths_reach.go)
	Limit    int // the limit applied: PathOptions.Limit, or MaxLimit if that was higher
}

// ErrSameEntity is returned by Paths when from and to are the same entity.
var ErrSameEntity = errors.New("from and to are the same entity")

// Strength ranks claims for path search, from 23 (established) down to 0
// (failed or retracted, denied and doubtful), in the order of the table in
// the package doc: each status has four steps, strength/4 being its place
// (statusStep) — undenied (4·step+3), undenied but doubtful (+2), denied
// (+1), denied and doubtful (+0) — and a contested claim is
// ContestedStrength whatever its status or credibility. Doubtful means
// credibility 4 or 5 (Claim.Doubtful).
func Strength(c *Claim) int { return int(strengthOf[claimFlags(c)]) }

// ContestedStrength is the strength of every contested claim: step 1,
// between alleged (step 2) and failed (step 0).
const ContestedStrength = 7

const (
	contestedFlag = 1 << 3
	deniedFlag    = 1 << 4
	doubtfulFlag  = 1 << 5
	nFlags        = 1 << 6 // the number of flag values
	unknownStatus = 7      // status outside Statuses: kept unless filtered, ranked as failed
	noHop         = 24     // above every strength: the weakest link of a path with no hop yet
)

// claimFlags packs what the search needs of a claim into six bits: the
// index of its status in Statuses, the contested bit, the denied bit and
// the doubtful bit.
func claimFlags(c *Claim) uint8 {
	i := slices.Index(Statuses, c.Status)
	if i < 0 {
		i = unknownStatus
	}
	if c.Negated {
		i = negatedSlot // see belief.go
	}
	f := uint8(i)
	if c.Contested() {
		f |= contestedFlag
	}
	if isDenied(c) {
		f |= deniedFlag
	}
	if c.Doubtful() {
		f |= doubtfulFlag
	}
	return f
}

// StatusesByStrength lists the statuses in the strength order of the
// package doc, strongest first (failed and retracted rank equal).
var StatusesByStrength = []Status{Established, Reported, Proposed, Alleged, Failed, Retracted}

// statusStep is each status's place in the strength order, strength/4; see
// the table in doc.go. Step 1 is the contested claims'.
var statusStep = map[Status]int8{Established: 5, Reported: 4, Proposed: 3, Alleged: 2, Failed: 0, Retracted: 0}

// strengthOf maps claim flags to strength: 4·step+3 undenied, one less
// doubtful, two less denied, three less both; ContestedStrength contested.
var strengthOf = func() [nFlags]int8 {
	var t [nFlags]int8
	for f := range nFlags {
		i := f & 7
		step := int8(0)
		if i < len(Statuses) {
			step = statusStep[Statuses[i]]
		}
		st := 4*step + 3
		if f&deniedFlag != 0 {
			st -= 2
		}
		if f&doubtfulFlag != 0 {
			st--
		}
		if f&contestedFlag != 0 {
			st = ContestedStrength // with denied, cannot happen: contested is backed
		}
		t[f] = st
	}
	return t
}()

// The reverse search from the target computes, for every entity, seven
// distances to the target at once, one per kind of completion the bound in
// search.bound reasons about. Bit t of a mask stands for distance kind t.
// The kinds are by status step (strength/4), the denied and doubtful
// strengths counting with their status: the bound then assumes the best,
// undenied and credible, strength of the step, which keeps it optimistic.
const (
	dEst      = iota // hops of step ≥ 5 only (strength ≥ 20)
	dRep             // ≥ 4
	dProp            // ≥ 3
	dAll2            // ≥ 2: uncontested and at least alleged
	dNoCont          // claims that are not contested (relaxed: see bound)
	dAny1            // ≥ 1
	dAny             // every hop
	nDist            // number of distance kinds
	unreached = 127
)

// passes[s] is the set of distance kinds a claim of strength s can carry.
var passes = func() [noHop]uint8 {
	byStep := [6]uint8{
		0: 1<<dNoCont | 1<<dAny,
		1: 1<<dAny1 | 1<<dAny, // contested
		2: 1<<dAll2 | 1<<dNoCont | 1<<dAny1 | 1<<dAny,
		3: 1<<dProp | 1<<dAll2 | 1<<dNoCont | 1<<dAny1 | 1<<dAny,
		4: 1<<dRep | 1<<dProp | 1<<dAll2 | 1<<dNoCont | 1<<dAny1 | 1<<dAny,
		5: 1<<nDist - 1,
	}
	var t [noHop]uint8
	for s := range t {
		t[s] = byStep[s/4]
	}
	return t
}()

// hop is an edge of the search: the entity reached, the direction, and the
// strength of the hop's best claim.
type hop struct {
	to       int32
	back     bool
	strength int8
}

// pathIndex is the adjacency path search scans, built once in New: for
// every entity, the claims leaving and entering it as (other end, flags)
// pairs stored contiguously (compressed sparse rows). The reverse search
// from the target reads a million of them per query; through Graph.in and
// the claims themselves each would cost a cache miss or two (the claim
// index, then the claim, then its stances), which made the search several
// times slower.
type pathIndex struct {
	flags         []uint8 // per claim, see claimFlags
	outOff, inOff []int32 // entity e's entries are adj[off[e]:off[e+1]]
	outAdj, inAdj []adjEntry
}

// adjEntry is one claim seen from one of its ends: the other end's index
// in the low 26 bits, the claim's flags in the high 6. Four bytes rather
// than eight, because the reverse search is bound by memory bandwidth.
// (2^26 entities, 67 million, would need far more input than the loader
// accepts by default.)
type adjEntry uint32

const entityBits = 26

func (a adjEntry) other() int32 { return int32(a & (1<<entityBits - 1)) }
func (a adjEntry) flags() uint8 { return uint8(a >> entityBits) }

func buildPathIndex(g *Graph) pathIndex {
	if len(g.entities) >= 1<<entityBits {
		// Unreachable through the loader's input cap; say so rather than
		// search a corrupted index.
		panic("graph: more than 2^26 entities")
	}
	px := pathIndex{flags: make([]uint8, len(g.claims))}
	for i, c := range g.claims {
		px.flags[i] = claimFlags(c)
	}
	flatten := func(adj [][]int32, isOut bool) ([]int32, []adjEntry) {
		off := make([]int32, len(adj)+1)
		for e, cs := range adj {
			off[e+1] = off[e] + int32(len(cs))
		}
		flat := make([]adjEntry, off[len(adj)])
		for e, cs := range adj {
			for k, ci := range cs {
				other := g.ends[ci].from
				if isOut {
					other = g.ends[ci].to
				}
				flat[int(off[e])+k] = adjEntry(uint32(other) | uint32(px.flags[ci])<<entityBits)
			}
		}
		return off, flat
	}
	px.outOff, px.outAdj = flatten(g.out, true)
	px.inOff, px.inAdj = flatten(g.in, false)
	return px
}

func (px *pathIndex) outOf(e int32) []adjEntry { return px.outAdj[px.outOff[e]:px.outOff[e+1]] }
func (px *pathIndex) into(e int32) []adjEntry  { return px.inAdj[px.inOff[e]:px.inOff[e+1]] }

// item is a search state: a simple path from the source, its contested
// hops and weakest strength so far, and an optimistic bound on the key of
// every path that extends it.
type item struct {
	bc, bw, bh int8 // bound: contested hops, weakest strength, hops
	c, w       int8 // so far (w = noHop before the first hop)
	n          int8 // hops so far
	back       uint16
	grp        int32 // the group it heads (see run), or -1
	ents       [MaxHopsLimit + 1]int32
}

func (it *item) last() int32 { return it.ents[it.n] }

// less is the search order: the bound key, then the path itself
// (entities, then directions). Both parts only grow as a path is
// extended, which is what makes the order of results exact; see Paths.
func (a *item) less(b *item) bool {
	if a.bc != b.bc {
		return a.bc < b.bc
	}
	if a.bw != b.bw {
		return a.bw > b.bw
	}
	if a.bh != b.bh {
		return a.bh < b.bh
	}
	for i := int8(0); i <= a.n && i <= b.n; i++ {
		if a.ents[i] != b.ents[i] {
			return a.ents[i] < b.ents[i]
		}
	}
	if a.n != b.n {
		return a.n < b.n
	}
	for i := int8(0); i < a.n; i++ {
		ab, bb := a.back>>i&1, b.back>>i&1
		if ab != bb {
			return ab < bb
		}
	}
	return false
}

// The queue is a bucket queue over the bound key, which takes few values
// (contested hops × weakest strength × hops, all small), each bucket a
// binary heap by path that is only built when the bucket becomes the
// smallest. Most children of a hub go into buckets that are never reached:
// for them a push is an append, not a heap operation.
type queue struct {
	hopsFirst bool // RankHops: the bucket order puts hops first
	buckets   [][]item
	heaped    []bool
	min       int // no non-empty bucket below this index
	size      int
}

// bucketOf numbers the bound keys in rank order: a bucket holds the items
// of one key, so that inside a heap only the path order matters.
func (q *queue) bucketOf(it *item) int {
	const nc, nw, nh = MaxHopsLimit + 1, noHop + 1, MaxHopsLimit + 1
	c, w, h := int(it.bc), int(noHop-it.bw), int(it.bh)
	if q.hopsFirst {
		return (h*nc+c)*nw + w
	}
	return (c*nw+w)*nh + h
}

func (q *queue) push(it item) {
	b := q.bucketOf(&it)
	if b >= len(q.buckets) {
		q.buckets = append(q.buckets, make([][]item, b+1-len(q.buckets))...)
		q.heaped = append(q.heaped, make([]bool, b+1-len(q.heaped))...)
	}
	q.buckets[b] = append(q.buckets[b], it)
	q.size++
	if b < q.min {
		q.min = b
	}
	if q.heaped[b] {
		h := q.buckets[b]
		up(h, len(h)-1)
	}
}

func (q *queue) pop() item {
	for len(q.buckets[q.min]) == 0 {
		q.min++
	}
	h := q.buckets[q.min]
	if !q.heaped[q.min] {
		for i := len(h)/2 - 1; i >= 0; i-- {
			down(h, i)
		}
		q.heaped[q.min] = true
	}
	it := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	down(h, 0)
	q.buckets[q.min] = h
	q.size--
	return it
}

func up(h []item, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h[i].less(&h[p]) {
			return
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func down(h []item, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].less(&h[l]) {
			m = r
		}
		if !h[m].less(&h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

type search struct {
	g      *Graph
	opts   PathOptions
	keep   uint8 // status bits kept (bit i: Statuses[i]; bit 7: unknown)
	from   int32
	to     int32
	dist   [][nDist]int8
	hops   map[int32][]hop // per expanded entity, built on its first expansion
	stats  PathStats
	queue  queue
	groups []group
	result []item
	states int // expanded plus queued, see MaxSearchStates
	reach  reachState
}

// Paths returns the best paths from the entity with id from to the one with
// id to, at most opts.Limit of them, in rank order (see the top of this
// file). It returns an empty slice, not an error, when there is none.
//
// The search is best-first over partial paths, ordered by an optimistic
// bound on the key (contested hops, weakest strength, hops) of any path that
// extends them, then by the partial path itself. The bound comes from one
// reverse breadth-first search from the target that records, per entity,
// its distance to the target over hops of each strength threshold. It is
// admissible: no extension of a partial path ranks better than its bound
// (the distances are those of walks over a superset of the hops a simple
// path could use), and an extension's entity and direction sequences are
// lexicographically greater than its prefix's. So when a complete path
// leaves the queue, every path still to come ranks after it, and the first
// Limit complete paths out of the queue are exactly the top Limit. The
// search stops there: its work is bounded by the partial paths whose bound
// beats the last result, never by the number of all paths, and entities
// farther than the remaining hops from the target are never entered.
//
// The bound ignores that a path may not revisit an entity, so a partial path
// whose only way on runs back through itself would look promising for ever;
// such dead ends are dropped before they are expanded (paths_reach.go). What
// is left is bounded, not by the graph's size but by MaxSearchStates: a
// search that reaches it returns the paths found so far, which are exact and
// in order, with a *SearchBoundError. A Limit above MaxLimit is lowered to
// it; PathStats.Limit tells which limit applied.
func (g *Graph) Paths(from, to string, opts PathOptions) ([]Path, PathStats, error) {
	fi, ok := g.entityIdx[from]
	if !ok {
		return nil, PathStats{}, fmt.Errorf("paths: from %q: %w", from, ErrDangling)
	}
	ti, ok := g.entityIdx[to]
	if !ok {
		return nil, PathStats{}, fmt.Errorf("paths: to %q: %w", to, ErrDangling)
	}
	if fi == ti {
		return nil, PathStats{}, ErrSameEntity
	}
	if opts.MaxHops < 1 || opts.MaxHops > MaxHopsLimit {
		return nil, PathStats{}, fmt.Errorf("paths: max hops %d out of range 1..%d", opts.MaxHops, MaxHopsLimit)
	}
	if opts.Limit < 1 {
		return nil, PathStats{}, fmt.Errorf("paths: limit %d is not positive", opts.Limit)
	}
	opts.Limit = min(opts.Limit, MaxLimit)
	s := &search{g: g, opts: opts, from: fi, to: ti, keep: 0xff}
	if opts.Statuses != nil {
		s.keep = 0
		for _, st := range opts.Statuses {
			if i := slices.Index(Statuses, st); i >= 0 {
				s.keep |= 1 << i
			}
		}
		s.keep |= 1 << negatedSlot // filtered by status with the rest: see belief.go
	}
	s.stats.Limit = opts.Limit
	s.distances()
	err := s.run()
	paths := make([]Path, len(s.result))
	for i := range s.result {
		paths[i] = s.materialise(&s.result[i])
	}
	return paths, s.stats, err
}

// kept reports whether a claim with flags f passes the status filter, and
// its strength.
func (s *search) kept(f uint8) (int8, bool) {
	if s.keep&(1<<(f&7)) == 0 {
		return 0, false
	}
	return strengthOf[f], true
}

// distances computes, for every entity the search may need, seven
// distances to the target at once, one per kind of completion bound
// reasons about. A hop counts for a kind when one of its claims does, so
// the distances are exact for the "≥ strength" kinds and a lower bound for
// dNoCont (a hop whose best claim is contested but which also has a failed
// claim passes) — enough for a sound bound.
//
// An entity first reached after k hops from the source needs its distance
// only when it is at most MaxHops-k. So the work is split between a
// reverse breadth-first search from the target to some depth b, all seven
// kinds in one pass (an entity enters a layer with the kinds that first
// reached it there), and the few entities within L = MaxHops-1-b hops of
// the source, whose distances are then computed from their neighbours'
// (see relax). Each step grows the side whose next step scans fewer
// claims, as a bidirectional search does: the last layers of the reverse
// search are the largest (most of a small-world graph lies 4–6 hops from
// anything), and a source with few claims makes them unnecessary. On the
// benchmark graph this cut the reverse search's cost by half or more.
func (s *search) distances() {
	px := &s.g.paths
	n := len(s.g.entities)
	s.dist = make([][nDist]int8, n)
	for i := range s.dist {
		s.dist[i] = [nDist]int8{unreached, unreached, unreached, unreached, unreached, unreached, unreached}
	}
	// kinds[f] is the set of distance kinds a claim with flags f carries:
	// none when the status filter drops it.
	var kinds [nFlags]uint8
	for f := range kinds {
		if st, ok := s.kept(uint8(f)); ok {
			kinds[f] = passes[st]
		}
	}
	bf := bfs{dist: s.dist, kinds: &kinds, known: make([]uint8, n), fresh: make([]uint8, n)}
	const all = 1<<nDist - 1
	bf.known[s.to] = all
	s.dist[s.to] = [nDist]int8{}
	type entry struct {
		e    int32
		mask uint8 // the kinds that reached e in the last layer
	}
	frontier := []entry{{s.to, all}}
	// The claims a step scans: into an entity for the reverse search, out
	// of it for the near side (both ways when undirected).
	degBack := func(e int32) int {
		d := len(px.into(e))
		if s.opts.Undirected {
			d += len(px.outOf(e))
		}
		return d
	}
	degFwd := func(e int32) int {
		d := len(px.outOf(e))
		if s.opts.Undirected {
			d += len(px.into(e))
		}
		return d
	}
	// near[j] holds the entities first reached j hops from the source.
	// Relaxing them all costs, for every further level, one more pass over
	// the claims of all levels so far (see the end of this function):
	// growing the near side by a level costs its discovery plus cumDeg.
	near := [][]int32{{s.from}}
	inNear := make([]bool, n)
	inNear[s.from] = true
	cumDeg := degFwd(s.from)
	var pending []int32 // the next level, discovered but not yet taken
	pendingDeg := 0
	depth := 0
	for depth+len(near) < s.opts.MaxHops {
		costBack := 0
		for _, x := range frontier {
			costBack += degBack(x.e)
		}
		if pending == nil {
			costFwd := 0
			for _, v := range near[len(near)-1] {
				costFwd += degFwd(v)
			}
			if costFwd < costBack {
				pending = []int32{}
				for _, v := range near[len(near)-1] {
					s.forNeighbours(v, func(x int32, _ int8) {
						if !inNear[x] {
							inNear[x] = true
							pending = append(pending, x)
							pendingDeg += degFwd(x)
						}
					})
				}
			}
		}
		if pending != nil && cumDeg+pendingDeg < costBack {
			near = append(near, pending)
			cumDeg += pendingDeg
			pending, pendingDeg = nil, 0
			continue
		}
		depth++
		bf.next = bf.next[:0]
		for _, x := range frontier {
			// A self-claim passes nothing on: x already knows every kind
			// in its mask.
			bf.scan(px.into(x.e), x.mask, int8(depth))
			if s.opts.Undirected {
				bf.scan(px.outOf(x.e), x.mask, int8(depth))
			}
		}
		frontier = frontier[:0]
		for _, y := range bf.next {
			frontier = append(frontier, entry{y, bf.fresh[y]})
			bf.fresh[y] = 0
		}
	}
	s.stats.Reached = bf.reached + 1
	// Relax the entities near the source, all those within j hops for j
	// from the farthest level down to 0 (the source alone).
	for j := len(near) - 1; j >= 0; j-- {
		for _, level := range near[:j+1] {
			for _, v := range level {
				s.relax(v, int8(depth))
			}
		}
	}
}

// bfs is the state of the reverse search's layers.
type bfs struct {
	dist    [][nDist]int8
	kinds   *[nFlags]uint8
	known   []uint8 // kinds whose distance is set, per entity
	fresh   []uint8 // kinds set in the current layer, per entity
	next    []int32 // entities with fresh kinds
	reached int
}

// scan passes the kinds in mask over the claims adj to their other ends,
// at distance d. It is the innermost loop of a search: one table lookup
// and one load per claim.
func (b *bfs) scan(adj []adjEntry, mask uint8, d int8) {
	for _, a := range adj {
		y := a.other()
		bits := mask & b.kinds[a.flags()] &^ b.known[y]
		if bits == 0 {
			continue
		}
		if b.known[y] == 0 {
			b.reached++
		}
		b.known[y] |= bits
		if b.fresh[y] == 0 {
			b.next = append(b.next, y)
		}
		b.fresh[y] |= bits
		dy := &b.dist[y]
		for t := range nDist {
			if bits&(1<<t) != 0 {
				dy[t] = d
			}
		}
	}
}

// relax lowers v's distances to 1 + its neighbours' least, where the
// reverse search (to depth b) left them above b. Why this is exact as far
// as needed: every value is an upper bound of the true distance (a walk
// exists), and values up to b are exact. Relaxing all entities within j
// hops of the source after all those within j+1 makes each of them exact
// up to b+L+1-j, by induction on j from L: its best neighbour lies within
// j+1 hops and was exact up to one less. An entity first reached k hops
// from the source is needed up to MaxHops-k = b+L+1-k: exactly what it
// gets. Larger values stay upper bounds, which the search treats as out
// of reach, as they are.
func (s *search) relax(v int32, b int8) {
	d := &s.dist[v]
	var open uint8 // kinds above b: only they can improve
	for t := range nDist {
		if d[t] > b {
			open |= 1 << t
		}
	}
	if open == 0 {
		return
	}
	s.forNeighbours(v, func(x int32, st int8) {
		dx := &s.dist[x]
		for t, bits := 0, passes[st]&open; t < nDist; t++ {
			if bits&(1<<t) != 0 && dx[t] != unreached && dx[t]+1 < d[t] {
				d[t] = dx[t] + 1
			}
		}
	})
}

// forNeighbours calls f for every entity one kept claim away from v in the
// search's direction(s), with the claim's strength; once per claim.
func (s *search) forNeighbours(v int32, f func(x int32, strength int8)) {
	px := &s.g.paths
	for _, a := range px.outOf(v) {
		if st, ok := s.kept(a.flags()); ok && a.other() != v {
			f(a.other(), st)
		}
	}
	if s.opts.Undirected {
		for _, a := range px.into(v) {
			if st, ok := s.kept(a.flags()); ok && a.other() != v {
				f(a.other(), st)
			}
		}
	}
}

// bound returns the optimistic key of the best path that extends a partial
// path now at v after depth hops with c contested hops and weakest strength
// w, and false when no extension can reach the target within MaxHops.
// Every extension falls in one of the cases below, each of which bounds it
// from below: an uncontested one whose weakest hop has strength m ≥ 2 uses
// only hops ≥ m (so it is no shorter than that distance), one with m = 0 uses
// no contested hop, and one with a contested hop adds at least one to c.
func (s *search) bound(v int32, c, w, depth int8) (bc, bw, bh int8, ok bool) {
	if v == s.to {
		return c, w, depth, true
	}
	r := int8(s.opts.MaxHops) - depth
	d := &s.dist[v]
	// Each case bounds every component of its extensions' keys, so its key
	// is no worse than theirs in either rank order.
	better := func(cc, ww, hh int8) bool {
		if s.opts.Rank == RankHops {
			return hh < bh || hh == bh && (cc < bc || cc == bc && ww > bw)
		}
		return cc < bc || cc == bc && (ww > bw || ww == bw && hh < bh)
	}
	consider := func(cc, ww, hh int8) {
		if !ok || better(cc, ww, hh) {
			bc, bw, bh, ok = cc, ww, hh, true
		}
	}
	// An extension over hops of step ≥ str is at best undenied and
	// credible at that step: strength 4·str+3.
	for t, str := range [...]int8{5, 4, 3, 2} {
		if d[t] <= r {
			consider(c, min(w, 4*str+3), depth+d[t])
		}
	}
	// The remaining cases hold a hop of step 0 (failed or retracted), at
	// best undenied and credible: strength 3.
	if d[dNoCont] <= r {
		consider(c, min(w, 3), depth+d[dNoCont])
	}
	if !s.opts.AvoidContested {
		if d[dAny1] <= r {
			consider(c+1, min(w, ContestedStrength), depth+d[dAny1])
		}
		if d[dAny] <= r {
			consider(c+1, min(w, 3), depth+d[dAny])
		}
	}
	return bc, bw, bh, ok
}

// neighbours returns the hops out of entity u, built once per search: the
// claims out of u (and into it, undirected) that pass the filter, merged per
// entity and direction, in path order (entity, then forward first).
func (s *search) neighbours(u int32) []hop {
	if hs, ok := s.hops[u]; ok {
		return hs
	}
	// Sort packed keys, not structs through a comparison function: a hub's
	// list has tens of thousands of entries. Key: entity, then direction,
	// then strength, strongest first.
	px := &s.g.paths
	var keys []uint64
	add := func(adj []adjEntry, back uint64) {
		for _, a := range adj {
			st, ok := s.kept(a.flags())
			v := a.other()
			if !ok || v == u || s.dist[v][dAny] == unreached {
				continue
			}
			keys = append(keys, uint64(v)<<16|back<<8|uint64(noHop-st))
		}
	}
	add(px.outOf(u), 0)
	if s.opts.Undirected {
		add(px.into(u), 1)
	}
	slices.Sort(keys)
	// Merge parallel claims: the first of a run is the strongest.
	out := make([]hop, 0, len(keys))
	for i, k := range keys {
		if i > 0 && k>>8 == keys[i-1]>>8 {
			continue
		}
		out = append(out, hop{to: int32(k >> 16), back: k>>8&1 == 1, strength: int8(noHop - k&0xff)})
	}
	s.hops[u] = slices.Clip(out)
	return s.hops[u]
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// A group stands for children of one expanded item that share a bound
// key, in path order. Only its next child is in the queue at any time:
// having the same key, the group's children leave the queue in path order
// anyway, so the search pops exactly what it would if every child had been
// pushed, while a hub's 20,000 children cost 20,000 bound computations and
// a few dozen queue operations instead of 20,000 80-byte pushes.
type group struct {
	parent item
	hops   []hop
	next   int
}

func (s *search) run() error {
	s.hops = make(map[int32][]hop)
	s.reach.budget = reachBudget
	s.queue.hopsFirst = s.opts.Rank == RankHops
	start := item{w: noHop, grp: -1}
	start.ents[0] = s.from
	var ok bool
	start.bc, start.bw, start.bh, ok = s.bound(s.from, 0, noHop, 0)
	if !ok {
		return nil
	}
	s.queue.push(start)
	s.stats.Pushed = 1
	s.states = 1
	var byBucket [][]hop // children of the item being expanded, by bucket
	var touched []int
	for s.queue.size > 0 && len(s.result) < s.opts.Limit {
		if s.states >= MaxSearchStates {
			return &SearchBoundError{States: s.states, Found: len(s.result), MaxHops: s.opts.MaxHops, Limit: s.opts.Limit}
		}
		it := s.queue.pop()
		s.stats.Expanded++
		s.states++
		if it.grp >= 0 {
			if gr := &s.groups[it.grp]; gr.next < len(gr.hops) {
				s.queue.push(s.child(&gr.parent, gr.hops[gr.next], it.grp))
				s.stats.Pushed++
				gr.next++
			}
		}
		u := it.last()
		if u == s.to {
			s.result = append(s.result, it)
			continue
		}
		depth := it.n + 1
		if int(depth) > s.opts.MaxHops {
			continue
		}
		if !s.alive(&it) {
			s.stats.Pruned++
			continue
		}
		r := int8(s.opts.MaxHops) - depth
		touched = touched[:0]
	hops:
		for _, h := range s.neighbours(u) {
			if s.dist[h.to][dAny] > r || s.opts.AvoidContested && h.strength == ContestedStrength {
				continue
			}
			for _, e := range it.ents[:it.n+1] {
				if e == h.to {
					continue hops
				}
			}
			c, w := it.c, min(it.w, h.strength)
			if h.strength == ContestedStrength {
				c++
			}
			bc, bw, bh, ok := s.bound(h.to, c, w, depth)
			if !ok {
				continue
			}
			b := s.queue.bucketOf(&item{bc: bc, bw: bw, bh: bh})
			if b >= len(byBucket) {
				byBucket = append(byBucket, make([][]hop, b+1-len(byBucket))...)
			}
			if len(byBucket[b]) == 0 {
				touched = append(touched, b)
			}
			byBucket[b] = append(byBucket[b], h)
		}
		for _, b := range touched {
			hs := slices.Clone(byBucket[b])
			byBucket[b] = byBucket[b][:0]
			gi := int32(len(s.groups))
			s.groups = append(s.groups, group{parent: it, hops: hs, next: 1})
			s.queue.push(s.child(&it, hs[0], gi))
			s.stats.Pushed++
			// The whole group counts: its children are queued in all
			// but name, and its hops take memory.
			s.states += len(hs)
		}
	}
	return nil
}

// child extends parent by h.
func (s *search) child(parent *item, h hop, grp int32) item {
	next := *parent
	next.grp = grp
	next.n = parent.n + 1
	next.ents[next.n] = h.to
	if h.back {
		next.back |= 1 << parent.n
	}
	next.w = min(parent.w, h.strength)
	if h.strength == ContestedStrength {
		next.c++
	}
	next.bc, next.bw, next.bh, _ = s.bound(h.to, next.c, next.w, next.n)
	return next
}

// materialise turns a search result into a Path with its claims.
func (s *search) materialise(it *item) Path {
	g := s.g
	p := Path{Entities: make([]*Entity, it.n+1), Hops: make([]Hop, it.n)}
	for i := int8(0); i <= it.n; i++ {
		p.Entities[i] = g.entities[it.ents[i]]
	}
	weakest := noHop
	for i := int8(0); i < it.n; i++ {
		u, v := it.ents[i], it.ents[i+1]
		h := Hop{From: g.entities[u], To: g.entities[v], Direction: Forward}
		// g.out[u] and the index's entries for u list the same claims in
		// the same order.
		adj, entries := g.out[u], g.paths.outOf(u)
		if it.back>>i&1 == 1 {
			h.Direction, adj, entries = Backward, g.in[u], g.paths.into(u)
		}
		for k, a := range entries {
			if _, ok := s.kept(a.flags()); ok && a.other() == v {
				h.Claims = append(h.Claims, g.claims[adj[k]])
			}
		}
		sortClaims(h.Claims)
		best := Strength(h.Claims[0])
		h.Contested = best == ContestedStrength
		if h.Contested {
			p.ContestedHops++
		}
		if best < weakest {
			weakest, p.WeakestHop = best, int(i)
		}
		p.Hops[i] = h
	}
	p.Weakest = p.Hops[p.WeakestHop].Claims[0]
	p.Reading = g.ReadPath(p)
	return p
}

// sortClaims orders a hop's claims strongest first, then by id.
func sortClaims(cs []*Claim) {
	slices.SortStableFunc(cs, func(a, b *Claim) int {
		return cmp.Or(CompareStrength(a, b), cmp.Compare(a.ID, b.ID))
	})
}
