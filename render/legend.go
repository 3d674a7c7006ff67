package render

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// legendLabel returns the key and the numbered source list as one HTML-like
// label, built only from the styles the figure used: a reader should not
// have to skip entries for things that are not there. It must run after
// every node and edge has been styled. Line samples are text glyphs (an
// HTML label cannot draw a dashed line) in the line's colour; each entry
// also names its word, so the key works in greyscale.
func (f *figure) legendLabel() string {
	// Sections sit side by side, sources below them: a wide, short key
	// suits a slide better than a tall one.
	var columns []string
	column := func(title string, rows []string) {
		if len(rows) > 0 {
			columns = append(columns, fmt.Sprintf(
				`<TD VALIGN="TOP"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD COLSPAN="2" ALIGN="LEFT"><B>%s</B></TD></TR>%s</TABLE></TD>`,
				html(title), strings.Join(rows, "")))
		}
	}
	entry := func(sample, meaning string) string {
		return fmt.Sprintf(`<TR><TD ALIGN="LEFT">%s</TD><TD ALIGN="LEFT">%s</TD></TR>`, sample, html(meaning))
	}

	var claims []string
	for _, s := range graph.Statuses {
		if f.used.statuses[s] {
			st := statusStyles[s]
			claims = append(claims, entry(lineSample(st), st.meaning))
		}
	}
	if f.used.unknown {
		claims = append(claims, entry(lineSample(unknownStyle), unknownStyle.meaning))
	}
	if f.used.contested {
		claims = append(claims, entry(lineSample(contestedStyle), contestedStyle.meaning))
	}
	if f.used.denied {
		claims = append(claims, entry("<B>DENIED</B>", deniedMeaning))
	}
	if f.used.stances {
		claims = append(claims, entry(lineSample(stanceStyle), stanceStyle.meaning))
	}
	if f.untied > 0 {
		claims = append(claims, entry("", fmt.Sprintf("%d positions of parties on claims are not drawn (too many): see each claim's tooltip", f.untied)))
	}
	claims = append(claims, f.beliefLegend(entry)...)
	if f.opts.TimelineKey {
		claims = append(claims, entry("", "first reported: the earliest date of a claim's sources, positions and status changes"))
	}
	if f.opts.AsOf != "" {
		claims = append(claims, entry("", "as of "+f.opts.AsOf+": sources published and positions taken by then"))
	}
	column("Claims (one arrow each)", claims)

	var types []string
	for _, t := range graph.EntityTypes {
		if f.used.types[t] {
			st := typeStyles[t]
			types = append(types, fmt.Sprintf(`<TR><TD BGCOLOR="%s" BORDER="1" COLOR="#444444">%s</TD><TD ALIGN="LEFT">%s</TD></TR>`,
				st.fill, html(string(t)), html(st.shapeName)))
		}
	}
	for t := range f.used.types {
		if !t.Valid() {
			// Any number of unknown types share one entry.
			types = append(types, fmt.Sprintf(`<TR><TD BORDER="1" COLOR="#444444">other</TD><TD ALIGN="LEFT">%s</TD></TR>`, html(unknownTypeStyle.shapeName)))
			break
		}
	}
	column("Entities", types)

	var marks []string
	for _, m := range markLegend {
		if f.used.marks[m.class] {
			marks = append(marks, entry(fmt.Sprintf(`<B>%s</B>`, html(m.sample)), m.meaning))
		}
	}
	column("Changes", marks)

	var sources []string
	for _, s := range f.cited {
		sources = append(sources, sourceLine(f.g.SourceNumber(s.ID), s))
	}
	table := f.claimsTable()
	if len(columns) == 0 && len(sources) == 0 && table == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="1" COLOR="#BBBBBB" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2" BGCOLOR="white">`)
	if table != "" {
		fmt.Fprintf(&b, `<TR><TD COLSPAN="%d" ALIGN="LEFT">%s</TD></TR>`, max(1, len(columns)), table)
	}
	if len(columns) > 0 {
		b.WriteString("<TR>" + strings.Join(columns, "") + "</TR>")
	}
	if len(sources) > 0 {
		fmt.Fprintf(&b, `<TR><TD COLSPAN="%d" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD ALIGN="LEFT"><B>Sources</B></TD></TR>%s</TABLE></TD></TR>`,
			max(1, len(columns)), strings.Join(sources, ""))
	}
	b.WriteString(`</TABLE>>`)
	return b.String()
}

func lineSample(st edgeStyle) string {
	s := fmt.Sprintf(`<FONT COLOR="%s">%s</FONT>`, st.colour, html(st.sample))
	if w, _ := strconv.ParseFloat(st.penwidth, 64); w >= 1.6 {
		s = "<B>" + s + "</B>"
	}
	return s
}

// sourceLine is one footer line, "[7] Title — Publisher, 2023-02-08,
// grade E", linked only when the source's URL is http or https.
func sourceLine(n int, s *graph.Source) string {
	text := fmt.Sprintf("[%d] %s", n, cut(cmp.Or(s.Title, s.ID), maxRelationLabel))
	var parts []string
	for _, p := range []string{cut(s.Publisher, maxPartyName*2), cut(s.Published, 20)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if s.Reliability != "" {
		parts = append(parts, "grade "+cut(s.Reliability, 8))
	}
	if len(parts) > 0 {
		text += " — " + strings.Join(parts, ", ")
	}
	link := ""
	if u := safeURL(s.URL); u != "" {
		link = fmt.Sprintf(` HREF="%s" TARGET="_blank"`, html(u))
	}
	return fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"%s>%s</TD></TR>`, link, html(strings.Join(wrap(text, 110), "\n")))
}

// claimsTable is, in the numbers label mode, the table the arrows' numbers
// point into: number, mark, status, relation between its ends, who asserts
// and who denies (full lists, each name capped), sources.
func (f *figure) claimsTable() string {
	if f.labels != LabelsNumbers || len(f.g.Claims()) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">`)
	b.WriteString(`<TR><TD ALIGN="LEFT"><B>#</B></TD><TD ALIGN="LEFT"><B>Status</B></TD><TD ALIGN="LEFT"><B>Claim</B></TD><TD ALIGN="LEFT"><B>Who asserts, who denies</B></TD><TD ALIGN="LEFT"><B>Sources</B></TD></TR>`)
	for _, c := range f.g.Claims() {
		r := f.readings[c.ID]
		status := statusWord(c)
		if m := r.Mark(); m != "" {
			status = m + " · " + status
		}
		if grades := f.beliefLine(r); len(grades) > 0 {
			status += "\n" + strings.Join(grades, "\n")
		}
		claim := cut(f.name(c.From), maxPartyName) + " → " + cut(r.Relation(), maxRelationLabel) + " → " + cut(f.name(c.To), maxPartyName)
		who := strings.Join(phrases(r, 6, maxPartyName, maxReportedBy), "; ")
		fmt.Fprintf(&b, `<TR><TD ALIGN="RIGHT" VALIGN="TOP">%d</TD><TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT">%s</TD><TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT">%s</TD><TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT">%s</TD><TD ALIGN="LEFT" VALIGN="TOP">%s</TD></TR>`,
			f.claimNumber(c), html(status), html(strings.Join(wrap(claim, 60), "\n")), html(strings.Join(wrap(who, 60), "\n")), html(f.refMarks(c)))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}
