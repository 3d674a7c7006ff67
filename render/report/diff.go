package report

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Diff is a graph.Diff with what its writers need to say it in words.
type Diff struct {
	D        *graph.Diff
	Old, New *graph.Graph
	// OldName and NewName say where each version came from (the paths or
	// REV:PATH arguments), for the Markdown header.
	OldName, NewName string
	Style            Style // for Text
}

// Summary counts the diff's changes.
func (r *Diff) Summary() graph.Summary { return r.D.Summarize() }

// Write writes r as "text", "markdown" or "json"; "svg" is SVG.
func (r *Diff) Write(w io.Writer, format string) error {
	switch format {
	case "markdown":
		return r.Markdown(w)
	case "json":
		return r.JSON(w)
	case "svg":
		return r.SVG(w)
	}
	return r.Text(w)
}

// A diffSection is one group of the text and Markdown reports; its lines are
// spans, so that each format can mark claims, quotes and old and new values
// in its own way. A line's more are its indented continuation lines.
type diffSection struct {
	title string
	mark  string // "+", "-" or ""
	lines []diffLine
}

type diffLine struct {
	spans []span
	more  [][]span
}

type spanRole int

const (
	spanPlain spanRole = iota
	spanClaim          // a claim as a sentence
	spanName           // an entity or party
	spanQuote          // a quote from a source
	spanOld
	spanNew
	spanMark // a reading's mark: ‼ CONTESTED, DENIED
)

type span struct {
	role spanRole
	text string
}

func sp(role spanRole, text string) span { return span{role, text} }

func line(spans ...span) diffLine { return diffLine{spans: spans} }

// weight orders claims by how much a briefing needs to hear about them:
// contested first, then denied, then alleged or reported, then the rest.
func weight(g *graph.Graph, c *graph.Claim) int {
	switch r := g.Read(c); {
	case r.Contested:
		return 0
	case r.Denied:
		return 1
	case c.Status == graph.Alleged || c.Status == graph.Reported:
		return 2
	}
	return 3
}

// byWeight returns claims sorted by weight in g, then id. Each weight is
// computed once: a diff of a million claims may have many to sort.
func byWeight[T any](g *graph.Graph, xs []T, claim func(T) *graph.Claim) []T {
	type keyed struct {
		w int
		x T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{weight(g, claim(x)), x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.w, b.w), strings.Compare(claim(a.x).ID, claim(b.x).ID))
	})
	out := make([]T, len(ks))
	for i, k := range ks {
		out[i] = k.x
	}
	return out
}

// readingSpans reads a claim, its mark apart so that formats can stress it.
func readingSpans(rd graph.Reading) []span {
	parts := rd.Parts()
	if rd.Mark() == "" {
		return []span{sp(spanPlain, strings.Join(parts, " · "))}
	}
	return []span{sp(spanMark, parts[0]), sp(spanPlain, " · "+strings.Join(parts[1:], " · "))}
}

// sections returns the report's groups, most important first, empty ones
// left out.
func (r *Diff) sections() []diffSection {
	var status, contested, stances, other []diffLine
	changed := byWeight(r.New, r.D.Claims.Changed, func(c graph.Changed[*graph.Claim]) *graph.Claim { return c.New })
	for _, c := range changed {
		sentence := sp(spanClaim, r.sentence(r.New, c.New))
		var fields []span
		for _, ch := range c.Changes {
			switch ch.Field.Kind() {
			case graph.KindContested:
				now := "now contested"
				if !ch.NowContested {
					now = "no longer contested"
				}
				l := []span{sentence, sp(spanPlain, ": "), sp(spanNew, now)}
				if opp := r.New.Read(c.New).Opponents(); len(opp) > 0 && ch.NowContested {
					l = append(l, sp(spanPlain, " (opposed by "), sp(spanName, r.partyList(opp)), sp(spanPlain, ")"))
				}
				contested = append(contested, line(l...))
			case graph.KindStance:
				stances = append(stances, line(r.stanceLine(sentence, ch.OldStance, ch.NewStance)...))
			case graph.KindNegated:
				now := "now negated"
				if !ch.NowNegated {
					now = "no longer negated"
				}
				fields = append(fields, sp(spanNew, now), sp(spanPlain, "; "))
			case graph.KindSource:
				if old := ch.OldSource; old != nil {
					fields = append(fields, sp(spanPlain, "source removed: "), sp(spanOld, sourceRef(old)), sp(spanPlain, "; "))
				} else {
					fields = append(fields, sp(spanPlain, "source added: "), sp(spanNew, sourceRef(ch.NewSource)), sp(spanPlain, "; "))
				}
			default:
				if ch.Field == graph.FieldStatus {
					status = append(status, line(sentence, sp(spanPlain, ": "), sp(spanOld, ch.Old), sp(spanPlain, " → "), sp(spanNew, ch.New)))
					continue
				}
				fields = append(fields, fieldSpans(ch)...)
			}
		}
		if len(fields) > 0 {
			fields[len(fields)-1] = sp(spanPlain, "") // the last "; "
			other = append(other, line(append([]span{sp(spanPlain, "claim "), sentence, sp(spanPlain, ": ")}, fields...)...))
		}
	}
	for _, c := range r.D.Entities.Changed {
		other = append(other, line(changedLine("entity ", displayName(c.New), c.Changes)...))
	}
	for _, s := range r.D.Sources.Added {
		other = append(other, line(sp(spanPlain, "source added: "), sp(spanNew, sourceName(s))))
	}
	for _, s := range r.D.Sources.Removed {
		other = append(other, line(sp(spanPlain, "source removed: "), sp(spanOld, sourceName(s))))
	}
	for _, c := range r.D.Sources.Changed {
		other = append(other, line(changedLine("source ", sourceName(c.New), c.Changes)...))
	}
	if t := r.D.Title; t != nil {
		other = append(other, line(fieldSpans(*t)[:4]...))
	}

	var added, removed, entAdded, entRemoved []diffLine
	for _, c := range byWeight(r.New, r.D.Claims.Added, func(c *graph.Claim) *graph.Claim { return c }) {
		// The news first: the reading (mark, status, who asserts, who
		// denies), then on its own line the claim it is about.
		added = append(added, diffLine{spans: readingSpans(r.New.Read(c)),
			more: [][]span{{sp(spanClaim, r.sentence(r.New, c))}}})
	}
	for _, c := range r.D.Claims.Removed {
		removed = append(removed, line(sp(spanClaim, r.sentence(r.Old, c)), sp(spanPlain, " (was "+string(c.Status)+")")))
	}
	for _, e := range r.D.Entities.Added {
		entAdded = append(entAdded, line(sp(spanName, displayName(e)), sp(spanPlain, " ("+string(e.Type)+")")))
	}
	for _, e := range r.D.Entities.Removed {
		entRemoved = append(entRemoved, line(sp(spanName, displayName(e)), sp(spanPlain, " ("+string(e.Type)+")")))
	}
	var out []diffSection
	for _, s := range []diffSection{
		{"Status changes", "", status},
		{"Contested", "", contested},
		{"Positions", "", stances},
		{"Claims added", "+", added},
		{"Claims removed", "-", removed},
		{"Entities added", "+", entAdded},
		{"Entities removed", "-", entRemoved},
		{"Other changes", "", other},
	} {
		if len(s.lines) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// stanceLine says what a party's change of position means, the claim first
// and the party after a passive verb, so that the sentence reads right
// whatever the number of the party's name ("unnamed U.S. officials"):
// "A — r → B: now denied by X: “quote”", "A — r → B: position withdrawn by
// X (was: silent; “quote”)".
func (r *Diff) stanceLine(sentence span, old, new *graph.Stance) []span {
	switch {
	case new == nil:
		l := []span{sentence, sp(spanPlain, ": position withdrawn by "), sp(spanName, r.party(old.By)),
			sp(spanPlain, " (was: "), sp(spanOld, string(old.Position))}
		if old.Quote != "" {
			l = append(l, sp(spanPlain, "; "), sp(spanQuote, quote(old.Quote)))
		}
		return append(l, sp(spanPlain, ")"))
	case old == nil:
		return append([]span{sentence, sp(spanPlain, ": now "), sp(spanNew, positionPassive(new.Position)), sp(spanPlain, " "),
			sp(spanName, r.party(new.By))}, quoteSpans(new)...)
	case old.Position != new.Position:
		return append([]span{sentence, sp(spanPlain, ": now "), sp(spanNew, positionPassive(new.Position)), sp(spanPlain, " "),
			sp(spanName, r.party(new.By)), sp(spanPlain, " (was: "), sp(spanOld, string(old.Position)), sp(spanPlain, ")")}, quoteSpans(new)...)
	}
	l := []span{sentence, sp(spanPlain, ": "+positionPassive(new.Position)+" "), sp(spanName, r.party(new.By))}
	if old.Quote != new.Quote {
		l = append(l, sp(spanPlain, "; quote "), sp(spanOld, quote(old.Quote)), sp(spanPlain, " → "), sp(spanNew, quote(new.Quote)))
	}
	if old.Source != new.Source {
		l = append(l, sp(spanPlain, "; source "), sp(spanOld, orNone(old.Source)), sp(spanPlain, " → "), sp(spanNew, orNone(new.Source)))
	}
	return l
}

func quoteSpans(s *graph.Stance) []span {
	if s.Quote == "" {
		return nil
	}
	return []span{sp(spanPlain, ": "), sp(spanQuote, quote(s.Quote))}
}

// changedLine reads "entity NAME: field old → new; field old → new".
func changedLine(kind, name string, changes []graph.Change) []span {
	var fields []span
	for _, ch := range changes {
		fields = append(fields, fieldSpans(ch)...)
	}
	fields[len(fields)-1] = sp(spanPlain, "") // the last "; "
	return append([]span{sp(spanPlain, kind), sp(spanName, name), sp(spanPlain, ": ")}, fields...)
}

// fieldSpans says one field change, ending in a "; " separator the caller
// drops after the last one.
func fieldSpans(ch graph.Change) []span {
	old, new := changeValues(ch)
	return []span{sp(spanPlain, string(ch.Field)+" "), sp(spanOld, old), sp(spanPlain, " → "), sp(spanNew, new), sp(spanPlain, "; ")}
}

// changeValues says a text or list change's values: “quoted”, [a, b] or
// (none).
func changeValues(ch graph.Change) (old, new string) {
	switch ch.Field.Kind() {
	case graph.KindList:
		return listText(ch.OldList), listText(ch.NewList)
	case graph.KindCredibility:
		// A grade reads as the digit: "credibility 6 → 2".
		return graph.GradeText(ch.OldCredibility), graph.GradeText(ch.NewCredibility)
	}
	return textValue(ch.Old), textValue(ch.New)
}

func textValue(v string) string {
	if v == "" {
		return "(none)"
	}
	return quote(v)
}

func listText(v []string) string {
	if len(v) == 0 {
		return "(none)"
	}
	return "[" + strings.Join(v, ", ") + "]"
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// positionPassive says a position without verb agreement: "denied by",
// "silence kept by".
func positionPassive(p graph.Position) string {
	switch p {
	case graph.Asserts:
		return "asserted by"
	case graph.Confirms:
		return "confirmed by"
	case graph.Denies:
		return "denied by"
	case graph.Disputes:
		return "disputed by"
	case graph.Declined:
		return "comment declined by"
	case graph.Silent:
		return "silence kept by"
	}
	return string(p) + " by"
}

func positionNoun(p graph.Position) string {
	switch p {
	case graph.Asserts:
		return "assertion"
	case graph.Confirms:
		return "confirmation"
	case graph.Denies:
		return "denial"
	case graph.Disputes:
		return "dispute"
	case graph.Declined:
		return "refusal to comment"
	case graph.Silent:
		return "silence"
	}
	return "position " + string(p)
}

// sentence names a claim as a reader says it: "Alibaba Group — transfers
// customer data to → People's Liberation Army".
func (r *Diff) sentence(g *graph.Graph, c *graph.Claim) string {
	return g.EntityName(c.From) + " — " + graph.RelationText(c) + " → " + g.EntityName(c.To)
}

// party names the author of a stance, from the new version if it is still
// there, else from the old one.
func (r *Diff) party(id string) string {
	if e := r.New.Entity(id); e != nil {
		return displayName(e)
	}
	return r.Old.EntityName(id)
}

func (r *Diff) partyList(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = r.party(id)
	}
	return strings.Join(names, ", ")
}

// sourceRef names a claim's source by id: the source records themselves,
// titles and all, are listed when they change.
func sourceRef(ref *graph.SourceRef) string {
	if ref.Quote == "" {
		return ref.Source
	}
	return ref.Source + " " + quote(ref.Quote)
}

func displayName(e *graph.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.ID
}

func sourceName(s *graph.Source) string {
	if s.Title != "" {
		return s.ID + " (" + s.Title + ")"
	}
	return s.ID
}

// SummaryLine is the text report's last line: "2 status changes, 1 new
// denial, 3 claims added, 1 removed, 2 entities added".
func SummaryLine(s graph.Summary) string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, Plural(n, one, many))
		}
	}
	// pair says "3 claims added, 1 removed", or "1 claim removed" alone.
	pair := func(added, removed int, one, many string) {
		add(added, one+" added", many+" added")
		if added > 0 {
			add(removed, "removed", "removed")
		} else {
			add(removed, one+" removed", many+" removed")
		}
	}
	add(s.StatusChanges, "status change", "status changes")
	add(s.NowContested, "now contested", "now contested")
	add(s.NoLongerContested, "no longer contested", "no longer contested")
	add(s.NewDenials, "new denial", "new denials")
	add(s.NewConfirmations, "new confirmation", "new confirmations")
	add(s.NewAssertions, "new assertion", "new assertions")
	add(s.StancesWithdrawn, "position withdrawn", "positions withdrawn")
	add(s.OtherStanceChanges, "other position change", "other position changes")
	pair(s.ClaimsAdded, s.ClaimsRemoved, "claim", "claims")
	pair(s.EntitiesAdded, s.EntitiesRemoved, "entity", "entities")
	add(s.ClaimsChanged, "claim changed", "claims changed")
	add(s.EntitiesChanged, "entity changed", "entities changed")
	pair(s.SourcesAdded, s.SourcesRemoved, "source", "sources")
	add(s.SourcesChanged, "source changed", "sources changed")
	if s.TitleChanged {
		parts = append(parts, "title changed")
	}
	if len(parts) == 0 {
		return "no differences"
	}
	return strings.Join(parts, ", ")
}

// Text writes the report for a terminal, coloured when r.Style says so.
func (r *Diff) Text(w io.Writer) error {
	st := r.Style
	var b strings.Builder
	spans := func(line []span) {
		for _, p := range line {
			t := Text(p.text)
			switch p.role {
			case spanOld, spanMark:
				t = st.Red(t)
			case spanNew:
				t = st.Green(t)
			case spanQuote:
				t = st.Cyan(t)
			case spanClaim, spanName:
				t = st.Bold(t)
			}
			b.WriteString(t)
		}
		b.WriteString("\n")
	}
	for _, s := range r.sections() {
		b.WriteString(st.Bold(s.title) + "\n")
		mark := "  "
		switch s.mark {
		case "+":
			mark = st.Green("+ ")
		case "-":
			mark = st.Red("- ")
		}
		for _, l := range s.lines {
			b.WriteString("  " + mark)
			spans(l.spans)
			for _, more := range l.more {
				b.WriteString("      ")
				spans(more)
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(st.Yellow(SummaryLine(r.Summary())) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown writes the report as a Markdown section for a briefing. Its
// header names both versions, and their titles when they differ.
func (r *Diff) Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("## What changed since the last briefing\n\n")
	if r.OldName != "" || r.NewName != "" {
		b.WriteString("From " + code(r.OldName) + " to " + code(r.NewName))
		if ot, nt := r.Old.Title(), r.New.Title(); ot != nt {
			b.WriteString(" (*" + md(orNone(ot)) + "* → *" + md(orNone(nt)) + "*)")
		}
		b.WriteString(".\n\n")
	}
	title := r.New.Title()
	if title == "" {
		title = r.Old.Title()
	}
	if title != "" {
		b.WriteString("*" + md(title) + "*: ")
	}
	if r.D.Empty() {
		b.WriteString("no changes.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(md(SummaryLine(r.Summary())) + ".\n")
	spans := func(line []span) {
		for i, p := range line {
			t := Markdown(p.text, i == 0)
			switch {
			case t == "":
			case p.role == spanClaim || p.role == spanMark:
				t = "**" + t + "**"
			case p.role == spanNew:
				t = "*" + t + "*"
			case p.role == spanOld:
				t = "~~" + t + "~~"
			}
			b.WriteString(t)
		}
	}
	for _, s := range r.sections() {
		b.WriteString("\n### " + s.title + "\n\n")
		for _, l := range s.lines {
			b.WriteString("- ")
			spans(l.spans)
			for _, more := range l.more {
				b.WriteString(": ")
				spans(more)
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// claimNote says in a few words what changed on a claim: "was: alleged",
// "now contested", "new denial by Chinese government".
func (r *Diff) claimNote(changes []graph.Change) string {
	var notes, fields []string
	for _, ch := range changes {
		switch ch.Field.Kind() {
		case graph.KindContested:
			if ch.NowContested {
				notes = append(notes, "now contested")
			} else {
				notes = append(notes, "no longer contested")
			}
		case graph.KindStance:
			switch graph.KindOf(ch.OldStance, ch.NewStance) {
			case graph.StanceDenial:
				notes = append(notes, "new denial by "+r.party(ch.NewStance.By))
			case graph.StanceConfirmation:
				notes = append(notes, "new confirmation by "+r.party(ch.NewStance.By))
			case graph.StanceAssertion:
				notes = append(notes, "new assertion by "+r.party(ch.NewStance.By))
			case graph.StanceWithdrawn:
				notes = append(notes, positionNoun(ch.OldStance.Position)+" withdrawn by "+r.party(ch.OldStance.By))
			default:
				fields = appendOnce(fields, "stances")
			}
		case graph.KindSource:
			fields = appendOnce(fields, "sources")
		default:
			if ch.Field == graph.FieldStatus {
				notes = append(notes, "was: "+ch.Old)
				continue
			}
			fields = appendOnce(fields, string(ch.Field))
		}
	}
	if len(fields) > 0 {
		notes = append(notes, strings.Join(fields, ", ")+" changed")
	}
	return strings.Join(notes, "; ")
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
