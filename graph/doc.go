// Package graph is claimgraph's model: entities, the claims made about them,
// the sources those claims rest on, and who takes which stance on each claim.
//
// A Graph is built once from a Dataset and is read-only afterwards. The
// directed entity graph is held by github.com/dominikbraun/graph, one vertex
// per entity hashed by its id. That library allows a single edge per ordered
// pair of vertices, so an edge stands for "at least one claim from A to B";
// the claims themselves (there may be several per pair: parallel claims) live
// in our own index, reachable through Graph.ClaimsBetween, Out and In.
//
// The library stays behind this package's API: no caller imports it, so it can
// be replaced if it fails a later bar. Hot loops (path search, neighbourhoods)
// never go through it: every library algorithm starts by copying the whole
// graph through AdjacencyMap, which is O(V+E) per call. They use the compact
// adjacency index built once in New.
//
// Determinism is part of the contract: every method that returns a list returns
// it in a fixed order (entities, claims and sources sorted by id; adjacency
// sorted by claim id), whatever order the input had. Output code may rely on
// that and must not iterate over Go maps to produce output.
//
// Strength. Every command that ranks claims (paths, and the order of the
// claims of a hop) uses one order, strongest first:
//
//	rank  claim                                   then, within the rank
//	1     established, not contested              credibility 1, 2, 3, ungraded, 6, 4, 5
//	2     reported, not contested                 likewise
//	3     proposed, not contested                 likewise
//	4     alleged, not contested                  likewise
//	5     contested (asserted and denied), any    likewise
//	6     failed, retracted, negated              likewise
//
// Strength gives the rank, compareCredibility the order within it (see
// belief.go): a credibility of 4 or 5 only ever weakens a claim.
//
// This package imports nothing else of claimgraph's.
package graph
