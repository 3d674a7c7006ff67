// Package synth makes synthetic claimgraph datasets for benchmarks and tests:
// Generate and Write build one of a given size from a seed, Mutate turns a
// dataset into a plausible "new reporting" version of itself for diff.
//
// The shape imitates real investigations rather than a uniform random graph,
// because the costs that matter (path search fan-out, render neighbourhoods,
// diff matching) depend on it: endpoint choice is preferential attachment, so
// a few entities become hubs with thousands of claims while most have a
// handful; some pairs carry parallel claims; a given fraction of claims is
// contested (asserted by one party, denied or disputed by another); sources
// repeat earlier sources through derived_from chains, which point only to
// earlier sources and so cannot form a cycle. Every entity type and status
// appears once the dataset is large enough to hold them (11 entities, 6
// claims).
//
// Output is a function of the options alone: the same seed gives the same
// bytes. Write streams: it holds the entities and sources but never the
// claims, so a million claims cost tens of megabytes, not gigabytes. Its JSON
// is byte for byte the canonical form data.WriteJSON writes for the same
// dataset (the tests hold it to that), so that "claimgraph export" of a
// generated file reproduces it. The names, quotes and URLs are invented
// (example.com addresses); none describes a real party.
//
// This package imports only graph of claimgraph's: it sits beside the loader,
// not inside it.
package synth
