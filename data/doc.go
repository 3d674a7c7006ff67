// Package data reads claimgraph datasets: YAML or JSON files, directories of
// them and standard input, merged into one graph.Dataset. It also carries the
// default dataset, embedded in the binary, and writes the canonical JSON form.
//
// Every problem the loader finds is reported with its file:line:col, all of
// them (up to a cap) rather than the first, because a dataset is written by
// hand and fixing one error per run is slow.
package data
