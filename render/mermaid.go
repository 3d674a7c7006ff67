package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// MaxMermaidClaims is Mermaid's default maxEdges: above it Mermaid refuses
// to draw, so we refuse to write and say how to draw less.
const MaxMermaidClaims = 500

// MermaidTooLargeError is returned by Mermaid for a graph of more claims
// than MaxMermaidClaims.
type MermaidTooLargeError struct{ Claims int }

func (e *MermaidTooLargeError) Error() string {
	return fmt.Sprintf("%d claims are too many for Mermaid, which draws at most %d (its maxEdges)", e.Claims, MaxMermaidClaims)
}

// Hint says how to get a diagram anyway.
func (e *MermaidTooLargeError) Hint() string {
	return "export part of it: --focus ENTITY --depth 1, --contested, --status or --type"
}

// Mermaid writes g as a Mermaid flowchart for Markdown: one node per entity
// (ids n0, n1, … in id order, so that no entity id can clash with Mermaid's
// keywords), one link per claim, parallel claims kept. Links are dotted for
// alleged and reported claims and end in a cross for failed and retracted
// ones; each has the status colour of the figures (linkStyle), and a
// contested claim the figures' heavy dashed vermilion and "‼ CONTESTED"
// first in its label. rankDir is "LR" or "TB".
func Mermaid(w io.Writer, g *graph.Graph, rankDir string) error {
	if n := len(g.Claims()); n > MaxMermaidClaims {
		return &MermaidTooLargeError{n}
	}
	bw := bufio.NewWriter(w)
	if strings.ToUpper(rankDir) == "TB" {
		bw.WriteString("flowchart TB\n")
	} else {
		bw.WriteString("flowchart LR\n")
	}
	node := make(map[string]string, len(g.Entities()))
	for i, e := range g.Entities() {
		node[e.ID] = fmt.Sprintf("n%d", i)
		fmt.Fprintf(bw, "  n%d[\"%s\"]\n", i, mermaidText(e.Name))
	}
	var styles []string
	for i, c := range g.Claims() {
		link := "-->"
		switch c.Status {
		case graph.Alleged, graph.Reported:
			link = "-.->"
		case graph.Failed, graph.Retracted:
			link = "--x"
		}
		fmt.Fprintf(bw, "  %s %s|\"%s\"| %s\n", node[c.From], link, mermaidText(ClaimLabel(g, c)), node[c.To])
		st := styleOf(c.Status)
		style := fmt.Sprintf("stroke:%s,stroke-width:%spx", st.colour, st.penwidth)
		if c.Contested() {
			style = fmt.Sprintf("stroke:%s,stroke-width:%spx,stroke-dasharray:8 4", contestedStyle.colour, contestedStyle.penwidth)
		}
		styles = append(styles, fmt.Sprintf("  linkStyle %d %s\n", i, style))
	}
	for _, s := range styles {
		bw.WriteString(s)
	}
	return bw.Flush()
}

// ClaimLabel is a claim's one-line label in the exports that draw (Mermaid,
// GraphML, GEXF): its reading (the mark, the status word, the grades
// "B2 probably true", "inference", "likely", who asserts and who denies, a
// long list shortened to "X and 3 others") then the relation ("not: …" when
// negated), apart by " · ".
func ClaimLabel(g *graph.Graph, c *graph.Claim) string { return readingLabel(g.Read(c)) }

func readingLabel(r graph.Reading) string {
	var parts []string
	if m := r.Mark(); m != "" {
		parts = append(parts, m)
	}
	parts = append(parts, string(r.Status))
	parts = append(parts, r.BeliefParts()...)
	for _, p := range r.Phrases() {
		parts = append(parts, p.Short(3))
	}
	return strings.Join(append(parts, r.Relation()), " · ")
}

// mermaidText escapes s for a quoted Mermaid label: Mermaid's own entity
// codes (#quot; for '"', #35; for '#') for what would end the label or
// start an entity, and for what its HTML labels would read as markup (<, >,
// &), its edge-label delimiter '|' and the backtick of its Markdown strings.
// Line breaks become spaces: a label is one line.
func mermaidText(s string) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#':
			b.WriteString("#35;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '&':
			b.WriteString("#amp;")
		case '|':
			b.WriteString("#124;")
		case '`':
			b.WriteString("#96;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
