// Package report writes claimgraph's reports in words: the paths between two
// entities, the differences between two versions of a dataset, one entity,
// claim or source shown whole, and listings of entities, claims and sources,
// each as terminal text, Markdown or JSON (listings as aligned tables or
// tab-separated values).
//
// It is the layer between the model and the command line. The commands
// parse flags, load a graph and call one function here; the writers know
// nothing of flags, files or cobra, so that they are tested on in-memory
// graphs, and the web explorer calls the same functions (ClaimJSON,
// SourceJSON) that `claimgraph show` prints.
//
// Three rules hold for every writer:
//   - every sentence about a claim is built from graph.Read, so that no two
//     outputs disagree on who asserts and who denies it;
//   - every piece of dataset text passes through the one safety path of its
//     output kind (safe.go) at the edge, never escaped per writer: Text for
//     terminals, Markdown for Markdown, TSV for tab-separated cells;
//   - output is deterministic: the same input gives the same bytes.
package report
