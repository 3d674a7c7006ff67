// Package web is claimgraph's browser explorer: an HTTP handler that serves
// one embedded page (plain JavaScript and a vendored Cytoscape.js, no build
// step, no request leaving the machine) and a read-only JSON API over a
// loaded graph. `claimgraph serve` wires it to the command line.
//
// The server only reads. It serves the embedded files and what it computes
// from the graphs its caller loaded; no request parameter names a file or a
// revision. Every response carries a Content-Security-Policy that allows
// scripts and styles from the server alone and nosniff; requests whose Host
// is not the bound address are refused (DNS rebinding), and every method but
// GET is refused.
//
// Dataset text is untrusted. It leaves the server only as JSON strings (and
// in the sanitised briefing SVG), and the page puts it on screen only through
// textContent and Cytoscape.js data, never as HTML.
//
// The readings of claims (who asserts, who denies, the contested and denied
// marks) come from graph.Reading, and the styles from render, so that the
// page, the figures and the text outputs say the same thing.
package web
