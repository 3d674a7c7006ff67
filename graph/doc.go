// Package graph is claimgraph's model: entities, the claims made about them,
// the sources those claims rest on, and who takes which stance on each claim.
//
// A Graph is built once from a Dataset and is read-only afterwards. Its
// entity graph lives in claimgraph's own compact index, built once in New:
// per entity, the claims leaving and entering it (Out, In), and the
// adjacency path search scans (paths.go). Parallel claims (several per
// ordered pair of entities) are first-class there.
//
// What github.com/dominikbraun/graph (imported as dgraph) does: it holds the
// source-provenance graph, one vertex per source and one edge per distinct
// derived_from reference (provenance.go), from which lint finds derived_from
// cycles and each claim's independent origins. That graph has a few thousand
// vertices in real and synthetic datasets, where the library's
// map-of-maps store and its copies cost nothing.
//
// Why the million-claim paths (loading, New, path search, compare, the
// neighbourhoods of render --focus) do not use it: every library algorithm
// starts by copying the whole graph through AdjacencyMap, O(V+E) per call,
// and its default store keeps a property map per edge and checks each
// insert with several lookups: filling it with 100,000 entities and
// 1,000,000 claims took about 1.4 s and 500 MB, against tens of milliseconds
// for our index, which those paths need anyway. It also allows one edge per
// ordered pair, where a claim graph has parallel claims. And some of its
// algorithms do not hold on hostile input: StronglyConnectedComponents
// recurses once per vertex along a chain (a long derived_from chain
// overflowed the goroutine stack), so the algorithms run over the
// provenance graph are ours and iterative.
//
// Determinism is part of the contract: every method that returns a list returns
// it in a fixed order (entities, claims and sources sorted by id; adjacency
// sorted by claim id), whatever order the input had. Output code may rely on
// that and must not iterate over Go maps to produce output.
//
// # Strength order
//
// Every command that orders claims by how solid they are uses this one
// order, strongest first (paths ranks hops and weakest links by it, show
// lists an entity's claims by it); Strength returns the number and
// StatusesByStrength lists the statuses in its order. Within a status, a
// doubtful claim (credibility 4, doubtful, or 5, improbable) stands one step
// below the others (graded 1 to 3, 6 or ungraded), and a denied claim
// (denied or disputed, asserted or confirmed by nobody) below every
// undenied one; a contested claim (asserted by one party, denied or
// disputed by another) stands between alleged and failed, whatever its
// status or credibility; a negated claim (one that states the relation does
// NOT hold) connects nothing, and ranks with failed and retracted ones.
// Within one strength, claims are ordered by credibility (see belief.go):
// 1, 2, 3, ungraded, 6, 4, 5.
//
//	strength  status                      denied  credibility  then, within it
//	      23  established                 no      not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      22  established                 no      4 or 5       credibility 4, 5
//	      21  established                 yes     not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      20  established                 yes     4 or 5       credibility 4, 5
//	      19  reported                    no      not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      18  reported                    no      4 or 5       credibility 4, 5
//	      17  reported                    yes     not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      16  reported                    yes     4 or 5       credibility 4, 5
//	      15  proposed                    no      not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      14  proposed                    no      4 or 5       credibility 4, 5
//	      13  proposed                    yes     not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      12  proposed                    yes     4 or 5       credibility 4, 5
//	      11  alleged                     no      not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	      10  alleged                     no      4 or 5       credibility 4, 5
//	       9  alleged                     yes     not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	       8  alleged                     yes     4 or 5       credibility 4, 5
//	       7  contested                   any     any          credibility 1, 2, 3, ungraded, 6, 4, 5
//	       3  failed, retracted, negated  no      not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	       2  failed, retracted, negated  no      4 or 5       credibility 4, 5
//	       1  failed, retracted, negated  yes     not 4 or 5   credibility 1, 2, 3, ungraded, 6
//	       0  failed, retracted, negated  yes     4 or 5       credibility 4, 5
//
// A claim with a status claimgraph does not know (kept by a lenient load)
// ranks as failed; a contested claim cannot be denied (someone asserts
// it). TestStrengthTables checks this table and the README's against
// Strength.
//
// This package imports nothing else of claimgraph's.
package graph
