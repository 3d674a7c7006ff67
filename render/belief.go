package render

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// How the belief grades show in a figure (see graph/belief.go). They add to
// a claim's status style and never replace it: the status keeps its colour,
// line and word, and the grades add words and an arrowhead, so that each
// reads in greyscale.
//
//   - A negated claim (the relation does NOT hold) carries class "negated",
//     "not:" before its relation and a flat "tee" arrowhead: the arrow stops
//     short, as the relation does.
//   - A claim graded doubtful or improbable (credibility 4 or 5) carries
//     class "doubtful" and an open-circle arrowhead, and its grade word.
//   - Credibility, basis (when not the default) and likelihood appear on
//     one line of the label, as Reading.BeliefParts words them: "B4
//     doubtful", "inference", "likely"; "not:" comes with the relation
//     (Reading.Relation), as in every other output.

// beliefUsed records which belief entries the key needs.
type beliefUsed struct {
	negated, doubtful, graded, likelihood bool
}

// beliefClasses returns the classes the grades add to a claim's SVG group,
// and records the key rows the claim's grades need.
func (f *figure) beliefClasses(c *graph.Claim) []string {
	if c.Credibility > 0 {
		f.used.belief.graded = true
	}
	if c.Likelihood != "" {
		f.used.belief.likelihood = true
	}
	var out []string
	if c.Negated {
		out = append(out, "negated")
	}
	if c.Doubtful() {
		out = append(out, "doubtful")
	}
	if b := graph.BasisOf(c); b != graph.BasisStated {
		out = append(out, classToken(string(b)))
	}
	return out
}

// beliefLine returns the label line of the claim's grades, or nil: the
// parts of its Reading after the status word that are grades.
func (f *figure) beliefLine(r graph.Reading) []string {
	parts := r.BeliefParts()
	if len(parts) == 0 {
		return nil
	}
	return wrap(strings.Join(parts, " · "), f.edgeWrap())
}

// beliefArrowhead returns the arrowhead of a negated or doubtful claim, or
// the status's own (def). The line keeps the status's colour, pattern and
// width, so that the status still reads in greyscale.
func (f *figure) beliefArrowhead(c *graph.Claim, def string) string {
	switch {
	case c.Negated:
		f.used.belief.negated = true
		return "tee"
	case c.Doubtful():
		f.used.belief.doubtful = true
		return "odot"
	}
	return def
}

// beliefTooltip returns the tooltip lines of the grades, each starting with
// a newline.
func (f *figure) beliefTooltip(c *graph.Claim) string {
	var b strings.Builder
	if c.Negated {
		b.WriteString("\nnegated: the relation does NOT hold")
	}
	if g := f.g.Grade(c); g != "" {
		fmt.Fprintf(&b, "\ngrade: %s (credibility: %s)", g, graph.CredibilityWord(int(c.Credibility)))
	}
	if c.CredibilityNote != "" {
		fmt.Fprintf(&b, "\ncredibility note: %s", c.CredibilityNote)
	}
	if bs := graph.BasisOf(c); bs != graph.BasisStated {
		fmt.Fprintf(&b, "\nbasis: %s", bs)
	}
	if c.Likelihood != "" {
		fmt.Fprintf(&b, "\nlikelihood: %s", c.Likelihood.Words())
	}
	return b.String()
}

// beliefLegend returns the key's rows for the grades the figure drew.
func (f *figure) beliefLegend(entry func(sample, meaning string) string) []string {
	var rows []string
	if f.used.belief.negated {
		rows = append(rows, entry("──┤", "not: the claim states the relation does NOT hold (flat arrowhead)"))
	}
	if f.used.belief.doubtful {
		rows = append(rows, entry("──○", "doubtful (credibility 4 or 5): open-circle arrowhead"))
	}
	if f.used.belief.graded {
		rows = append(rows, entry("B2", "grade: source reliability A–F, then information credibility 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged (– ungraded)"))
	}
	if f.used.belief.likelihood {
		rows = append(rows, entry("likely", "likelihood (ICD 203): almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain"))
	}
	return rows
}
