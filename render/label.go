package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Label modes: how much of a claim's reading its arrow carries. Every mode
// keeps the reading's order (mark, status, who asserts, who denies, who
// disputes, relation) and every mode's tooltip has the whole reading.
const (
	// LabelsFull writes the whole reading on the arrow, party lists of
	// four or more shortened to "X and 3 others".
	LabelsFull = "full"
	// LabelsShort writes the same parts, tighter: one name per list
	// ("X and 2 others"), names and relations cut shorter.
	LabelsShort = "short"
	// LabelsNumbers writes a small number (and the mark) on each arrow,
	// and the readings in a numbered claims table beside the key.
	LabelsNumbers = "numbers"
)

// LabelModes are the values Options.Labels accepts ("" picks by size).
var LabelModes = []string{LabelsFull, LabelsShort, LabelsNumbers}

// FullLabelsUpTo is the largest number of claims whose figure gets full
// labels by default, when dot lays it out (either rank direction, clusters
// or not); every other figure gets numbers. Measured with the label-layout
// checker (TestLabelLayout): after placement (place.go), full labels on the
// embedded 16-claim briefing come out apart in every dot layout (neato puts
// labels at arrow midpoints and still crowds them), and on 40–60 claims
// around a hub even short labels crowd the hub.
const FullLabelsUpTo = 20

// DefaultLabels returns the label mode a figure of n claims drawn with opts
// gets when opts.Labels is empty.
func DefaultLabels(n int, opts Options) string {
	// Since labels are placed after layout (place.go), full labels come out
	// clean in every dot layout up to this size; neato's free placement
	// still crowds them.
	dot := opts.Layout == "" || opts.Layout == "dot"
	if n <= FullLabelsUpTo && dot {
		return LabelsFull
	}
	return LabelsNumbers
}

// Caps on text that reaches a figure, so that a dataset of long names
// cannot make a figure of hundreds of megabytes (names and relations are
// cut with "…"; tooltips keep the whole reading up to maxTooltip bytes).
const (
	maxNameLabel     = 60   // an entity's name in its box
	maxRelationLabel = 120  // a relation on a full label
	maxPartyName     = 40   // one party's name in a label's party list
	maxReportedBy    = 28   // a source's publisher or title standing for "reported by"
	maxTooltip       = 4096 // bytes of one tooltip (and of a caption)
	maxTitle         = 300  // the figure's title
	shortName        = 22   // a party name in short labels
	shortRelation    = 48   // a relation in short labels
)

// cut shortens s to at most n runes, ending it with "…" when it was longer.
// It cuts at a space when one is near, so that words stay whole.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))*2/3 {
		return strings.TrimRight(string(r)[:i], " ,;:") + "…"
	}
	return string(r) + "…"
}

// capBytes shortens s to at most n bytes on a rune boundary, saying so.
func capBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const more = "\n… (cut: see the dataset for the rest)"
	i := n - len(more)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + more
}

// claimNumber is a claim's number in numbered figures and in the claims
// table: its place among the figure's claims, which the graph keeps
// sorted by id.
func (f *figure) claimNumber(c *graph.Claim) int { return f.numbers[c.ID] }

// statusWord is the word a label gives c's status.
func statusWord(c *graph.Claim) string { return styleOf(c.Status).word }

// head is a label's first line: the mark, then the status word.
func head(r graph.Reading, c *graph.Claim, short bool) string {
	m := r.Mark()
	if short && m == graph.ContestedMark {
		m = "‼"
	}
	if m == "" {
		return statusWord(c)
	}
	return m + " · " + statusWord(c)
}

// phrases returns the reading's party phrases as a figure shows them: a
// list of max names or more shortened to "X and N others", each name cut
// to nameCap runes.
func phrases(r graph.Reading, max, nameCap, reportedCap int) []string {
	var out []string
	for _, p := range r.Phrases() {
		names := make([]string, len(p.Names))
		for i, n := range p.Names {
			if p.Verb == "reported by" {
				if title, ok := strings.CutPrefix(n, "“"); ok && strings.HasSuffix(title, "”") {
					// Cut inside the quotes, so the title stays quoted.
					names[i] = "“" + cut(strings.TrimSuffix(title, "”"), reportedCap-2) + "”"
				} else {
					names[i] = cut(n, reportedCap)
				}
			} else {
				names[i] = cut(n, nameCap)
			}
		}
		p.Names = names
		out = append(out, p.Short(max))
	}
	return out
}

// claimLabel returns the lines of c's label in the figure's label mode:
// the mark and status word, the grades (basis, likelihood, Admiralty
// grade) on a line of their own, then who asserts or confirms (or reports),
// who denies, who disputes, each on lines of its own, then the relation
// and its source marks on lines of their own.
func (f *figure) claimLabel(c *graph.Claim, r graph.Reading) []string {
	switch f.labels {
	case LabelsNumbers:
		l := strconv.Itoa(f.claimNumber(c))
		switch r.Mark() {
		case graph.ContestedMark:
			l = "‼ " + l
		case graph.DeniedMark:
			l += " DENIED"
		}
		return []string{l}
	case LabelsShort:
		lines := wrap(head(r, c, true), f.edgeWrap())
		lines = append(lines, f.beliefLine(r)...)
		for _, p := range phrases(r, 2, shortName, shortName) {
			lines = append(lines, wrap(p, f.edgeWrap())...)
		}
		return f.withFirstReported(c, append(lines, f.relationLines(r, shortRelation)...))
	}
	lines := wrap(head(r, c, false), f.edgeWrap())
	lines = append(lines, f.beliefLine(r)...)
	for _, p := range phrases(r, 4, maxPartyName, maxReportedBy) {
		lines = append(lines, wrap(p, f.edgeWrap())...)
	}
	return f.withFirstReported(c, append(lines, f.relationLines(r, maxRelationLabel)...))
}

// relationLines is the relation, cut to max runes and wrapped, behind an
// arrow that sets it apart from the party lists, with the source marks on
// its last line (a mark alone on a line would read as a part of its own).
// A negated claim's relation reads "→ not: …".
func (f *figure) relationLines(r graph.Reading, max int) []string {
	lines := wrap("→ "+cut(r.Relation(), max), f.edgeWrap())
	if refs := f.refMarks(r.Claim); refs != "" {
		lines[len(lines)-1] += " " + refs
	}
	return lines
}
