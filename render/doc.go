// Package render draws a claim graph as a briefing diagram: DOT text built
// here in pure Go (DOT), laid out and drawn by Graphviz through
// github.com/goccy/go-graphviz (SVG, PNG).
//
// The picture must be readable in greyscale and by colour-blind readers, so
// every status is carried by three things at once: an Okabe–Ito colour, a
// line style of its own and a word in the edge label. Contested claims
// (someone asserts, someone denies) get a heavy dashed line and a
// "‼ CONTESTED" mark.
//
// Every claim label is built from the claim's graph.Reading, the one reading
// every output shares: mark, status word, who asserts or confirms (or
// reports), who denies, who disputes, then the relation (label.go). How much
// of it the arrow carries is the label mode (full, short, numbers with a
// claims table); the tooltip always has all of it. Parties taking positions
// are tied to the claims they take them on (dotted connectors, or a box).
//
// Every input string is untrusted. DOT is written with every attribute value
// quoted and escaped by one function per kind of string (quoted text,
// HTML-like labels), and the SVG Graphviz produces is re-serialised through
// an allow-list (see sanitize.go) so that no script, event handler, external
// reference or non-http(s) link can reach a browser, whatever the dataset
// says.
//
// Output is deterministic: the graph package hands out entities, claims and
// sources sorted by id, and nothing here iterates over a map to write output.
//
// Graphviz runs as one WebAssembly instance per process that is not safe for
// concurrent use and cannot be cancelled: every call into it holds one mutex,
// and graphs above a size that lays out in reasonable time are refused with a
// hint rather than left to run for minutes.
package render
