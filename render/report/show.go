package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ShownClaim is a claim in `show ENTITY --format json`, with the entity's
// role in it.
type ShownClaim struct {
	Claim
	Role string `json:"role"` // from, to, self (both) or stance
}

// ShownSource is a source with its dataset-wide mark [n].
type ShownSource struct {
	Mark int `json:"mark"`
	graph.Source
}

// EntityShown is the shape of `show ENTITY --format json`.
type EntityShown struct {
	Entity  graph.Entity  `json:"entity"`
	Claims  []ShownClaim  `json:"claims"`
	Sources []ShownSource `json:"sources"`
}

// SourceShown is a source's export JSON plus what rests on it: `claims`
// (ids of the claims citing it directly), `derived_claims` (claims citing a
// source that derives from it, at any remove, through derived_from) and
// `stance_claims` (claims on which a stance it reports is taken).
type SourceShown struct {
	graph.Source
	Mark          int      `json:"mark"`
	Claims        []string `json:"claims"`
	DerivedClaims []string `json:"derived_claims"`
	StanceClaims  []string `json:"stance_claims"`
}

// group is one titled block of claims.
type group struct {
	title  string
	claims []*graph.Claim
}

// entityGroups sorts the claims entity id takes part in into show's blocks:
// contested claims it is from or to (what a reader must not miss), then the
// rest by status in the strength order every command uses
// (graph.StatusesByStrength; inside a status, undenied before denied, as
// Strength ranks them), then the claims it only takes a stance on. Claims
// keep id order otherwise; empty blocks are left out.
func entityGroups(g *graph.Graph, id string) []group {
	var own, stanceOnly []*graph.Claim
	own = append(own, g.Out(id)...)
	for _, c := range g.In(id) {
		if c.From != id {
			own = append(own, c)
		}
	}
	slices.SortFunc(own, func(a, b *graph.Claim) int { return strings.Compare(a.ID, b.ID) })
	for _, c := range g.Claims() {
		if c.From != id && c.To != id && Involves(c, id) {
			stanceOnly = append(stanceOnly, c)
		}
	}
	var groups []group
	add := func(title string, keep func(*graph.Claim) bool, from []*graph.Claim) {
		var cs []*graph.Claim
		for _, c := range from {
			if keep(c) {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			groups = append(groups, group{title, cs})
		}
	}
	add("Contested", (*graph.Claim).Contested, own)
	slices.SortStableFunc(own, graph.CompareStrength)
	for _, st := range graph.StatusesByStrength {
		add(capitalize(string(st)), func(c *graph.Claim) bool { return !c.Contested() && c.Status == st }, own)
	}
	// A status claimgraph does not know (kept by a lenient load) still shows.
	add("Other", func(c *graph.Claim) bool { return !c.Contested() && !c.Status.Valid() }, own)
	add("Positions on other claims", func(*graph.Claim) bool { return true }, stanceOnly)
	return groups
}

func role(c *graph.Claim, id string) string {
	switch {
	case c.From == id && c.To == id:
		return "self"
	case c.From == id:
		return "from"
	case c.To == id:
		return "to"
	}
	return "stance"
}

// citedBy returns the sources claims rest on or their stances cite, in
// source-number order.
func citedBy(g *graph.Graph, claims []*graph.Claim) []*graph.Source {
	ids := CitedSources(claims)
	var out []*graph.Source
	for _, s := range g.Sources() { // sorted by id, so by number
		if ids[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

func groupClaims(groups []group) []*graph.Claim {
	var out []*graph.Claim
	for _, gr := range groups {
		out = append(out, gr.claims...)
	}
	return out
}

// EntityJSON returns e as `show ENTITY --format json` prints it.
func EntityJSON(g *graph.Graph, e *graph.Entity) EntityShown {
	c := *e
	c.Aliases = nonNil(c.Aliases)
	out := EntityShown{Entity: c, Claims: []ShownClaim{}, Sources: []ShownSource{}}
	groups := entityGroups(g, e.ID)
	for _, cl := range groupClaims(groups) {
		out.Claims = append(out.Claims, ShownClaim{ClaimJSON(g, cl), role(cl, e.ID)})
	}
	for _, s := range citedBy(g, groupClaims(groups)) {
		out.Sources = append(out.Sources, ShownSource{g.SourceNumber(s.ID), sourceCopy(s)})
	}
	return out
}

func sourceCopy(s *graph.Source) graph.Source {
	c := *s
	c.DerivedFrom = nonNil(c.DerivedFrom)
	return c
}

// Entity writes an entity's profile, then every claim it is from or to,
// each read, then the claims it only takes a stance on, then the sources
// cited, numbered as in the whole dataset.
func Entity(w io.Writer, g *graph.Graph, e *graph.Entity, st Style, quotes bool) error {
	p := &Printer{W: w, Style: st}
	groups := entityGroups(g, e.ID)
	p.Line(st.Bold(Text(e.Name)) + " (" + Text(e.ID) + ")")
	p.Field("type", string(e.Type))
	p.Field("country", e.Country)
	p.Field("aliases", strings.Join(e.Aliases, ", "))
	p.Field("note", e.Note)
	p.Field("claims", fmt.Sprintf("%d out, %d in", len(g.Out(e.ID)), len(g.In(e.ID))))
	if len(groups) == 0 {
		p.Line("")
		p.Line("No claim mentions it.")
	}
	for _, gr := range groups {
		p.Line("")
		title := st.Bold(gr.title)
		if gr.title == "Contested" {
			title = st.Red(title)
		}
		p.Line(title)
		for _, c := range gr.claims {
			printClaim(p, g, c, quotes)
		}
	}
	printSources(p, g, citedBy(g, groupClaims(groups)))
	return p.Err
}

// printClaim writes a claim as show lists it: its reading first (mark,
// status, who asserts, who denies), then the claim as a sentence with its
// source marks, then id, detail and every stance.
func printClaim(p *Printer, g *graph.Graph, c *graph.Claim, quotes bool) {
	rd := g.Read(c)
	line := Text(rd.String())
	if m := rd.Mark(); m != "" {
		line = p.Style.Red(m) + Text(strings.TrimPrefix(rd.String(), m))
	}
	p.Line("  - " + line)
	p.Line("    " + Text(sentence(g, c)) + marks(g.SourceNumbers(c)))
	meta := "id " + c.ID
	if c.Reported != "" {
		meta += "; reported " + c.Reported
	}
	p.Line("      " + p.Style.Dim(Text(meta)))
	if c.Detail != "" {
		p.Line("      " + Text(c.Detail))
	}
	if c.CredibilityNote != "" {
		p.Line("      " + Text("credibility: "+c.CredibilityNote))
	}
	printStances(p, g, c, "      ")
	if quotes {
		for _, q := range quoteLines(g, c) {
			p.Line("      " + Text(q))
		}
	}
}

// printStances writes the stances as a small table, position first:
// "asserts   DoD memo: “…” [2]". Position-first needs no verb agreement
// ("Critics ... asserts").
func printStances(p *Printer, g *graph.Graph, c *graph.Claim, indent string) {
	for _, s := range c.Stances {
		line := fmt.Sprintf("%s%-9s %s", indent, s.Position, Text(g.EntityName(s.By)))
		if s.Quote != "" {
			line += ": " + Text(quote(s.Quote))
		}
		if s.Source != "" {
			if n := g.SourceNumber(s.Source); n > 0 {
				line += marks([]int{n})
			}
		}
		if s.Note != "" {
			line += " " + Text("(note: "+s.Note+")")
		}
		p.Line(line)
	}
}

func printSources(p *Printer, g *graph.Graph, ss []*graph.Source) {
	if len(ss) == 0 {
		return
	}
	p.Line("")
	p.Line(p.Style.Bold("Sources"))
	for _, s := range ss {
		p.Line(fmt.Sprintf("  [%d] %s", g.SourceNumber(s.ID), Text(SourceLine(s))))
	}
}

// ShowClaim writes one claim whole: its reading, the claim as a sentence,
// its fields, every stance with its quote, and the sources it rests on with
// the sentences it rests on.
func ShowClaim(w io.Writer, g *graph.Graph, c *graph.Claim, st Style) error {
	p := &Printer{W: w, Style: st}
	rd := g.Read(c)
	line := Text(rd.String())
	if m := rd.Mark(); m != "" {
		line = st.Red(st.Bold(m)) + Text(strings.TrimPrefix(rd.String(), m))
	}
	p.Line(line)
	p.Line(st.Bold(Text(sentence(g, c))) + marks(g.SourceNumbers(c)))
	p.Field("id", c.ID)
	p.Field("from", c.From)
	p.Field("to", c.To)
	p.Field("reported", c.Reported)
	p.Field("detail", c.Detail)
	if c.Credibility > 0 {
		p.Field("credibility", graph.GradeText(c.Credibility)+" ("+graph.CredibilityWord(int(c.Credibility))+")")
	}
	p.Field("credibility note", c.CredibilityNote)
	if b := graph.BasisOf(c); b != graph.BasisStated {
		p.Field("basis", string(b))
	}
	p.Field("likelihood", c.Likelihood.Words())
	if len(c.Stances) > 0 {
		p.Line("")
		p.Line(st.Bold("Positions"))
		printStances(p, g, c, "  ")
	}
	ss := citedBy(g, []*graph.Claim{c})
	if len(ss) > 0 {
		p.Line("")
		p.Line(st.Bold("Sources"))
	}
	for _, s := range ss {
		p.Line(fmt.Sprintf("  [%d] %s", g.SourceNumber(s.ID), Text(SourceLine(s))))
		for _, r := range c.Sources {
			if r.Source == s.ID && r.Quote != "" {
				p.Line("      " + Text(quote(r.Quote)))
			}
		}
	}
	return p.Err
}

// SourceJSON returns s as `show SOURCE --format json` prints it and the
// explorer serves it.
func SourceJSON(g *graph.Graph, s *graph.Source) SourceShown {
	direct, derived, stances := restingOn(g, s.ID)
	return SourceShown{Source: sourceCopy(s), Mark: g.SourceNumber(s.ID),
		Claims: ids(direct), DerivedClaims: ids(derived), StanceClaims: ids(stances)}
}

func ids(cs []*graph.Claim) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// restingOn returns the claims that cite source id directly, those that
// cite a source derived from it (at any remove; derived_from cycles, which
// check reports, are walked once), and those on which a stance reported by
// it is taken. Each list is in claim id order, and a claim in direct is in
// no other list but stances.
func restingOn(g *graph.Graph, id string) (direct, derived, stances []*graph.Claim) {
	// The sources that repeat id, directly or through others.
	from := map[string]bool{}
	queue := []string{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, s := range g.Sources() {
			if !from[s.ID] && s.ID != id && slices.Contains(s.DerivedFrom, cur) {
				from[s.ID] = true
				queue = append(queue, s.ID)
			}
		}
	}
	for _, c := range g.Claims() {
		switch {
		case slices.ContainsFunc(c.Sources, func(r graph.SourceRef) bool { return r.Source == id }):
			direct = append(direct, c)
		case slices.ContainsFunc(c.Sources, func(r graph.SourceRef) bool { return from[r.Source] }):
			derived = append(derived, c)
		}
		if slices.ContainsFunc(c.Stances, func(s graph.Stance) bool { return s.Source == id }) {
			stances = append(stances, c)
		}
	}
	return direct, derived, stances
}

// ShowSource writes one source whole: its record, then what rests on it,
// directly, through sources derived from it, and through the stances it
// reports, each claim read.
func ShowSource(w io.Writer, g *graph.Graph, s *graph.Source, st Style, quotes bool) error {
	p := &Printer{W: w, Style: st}
	title := s.Title
	if title == "" {
		title = s.ID
	}
	p.Line(fmt.Sprintf("[%d] %s (%s)", g.SourceNumber(s.ID), st.Bold(Text(title)), Text(s.ID)))
	p.Field("publisher", s.Publisher)
	p.Field("published", s.Published)
	p.Field("grade", s.Reliability)
	p.Field("url", s.URL)
	p.Field("derived", strings.Join(s.DerivedFrom, ", "))
	direct, derived, stances := restingOn(g, s.ID)
	for _, gr := range []group{
		{"Claims resting on it", direct},
		{"Claims resting on it through sources derived from it", derived},
		{"Claims on which it reports a position", stances},
	} {
		if len(gr.claims) == 0 {
			continue
		}
		p.Line("")
		p.Line(st.Bold(gr.title))
		for _, c := range gr.claims {
			printClaim(p, g, c, quotes)
		}
	}
	if len(direct)+len(derived)+len(stances) == 0 {
		p.Line("")
		p.Line("No claim rests on it.")
	}
	return p.Err
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
