// Command claimgraph explores graphs of claims between entities: who is
// alleged to do what to whom, who asserts it, who denies it, and on what
// source. It renders briefing diagrams that mark contested claims, lists the
// paths between two entities with the strength of each link, and diffs two
// versions of a dataset.
//
// The command is a thin shell: each subcommand has its own file with a
// constructor, an options struct its flags fill, and a run function that takes
// the options and io.Writers, so tests can call it without cobra. All work is
// done by the data, graph and render packages; the reports in words (paths,
// diff, show, list) are written by render/report. Whether standard output is
// a terminal, and whether to colour, is decided once in Main and carried by
// the streams (root.go). All user-facing error output goes through
// output.go.
package main
