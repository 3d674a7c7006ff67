package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Reading is a claim read aloud the one way every output reads it: its
// status, the mark a briefing must not miss, who asserts or confirms it, who
// denies and who disputes it. Figures, tooltips, text, markdown, JSON, diff,
// paths and the explorer all build their sentences from a Reading, so that no
// two outputs can disagree on who claims what.
//
// The parts come in a fixed order, and each output keeps it: the mark, the
// status word, the supporters ("asserted by …", "confirmed by …", or, when no
// stance backs the claim, "reported by" its sources' publishers), the
// opponents ("denied by …", "disputed by …", apart), then the relation. The
// phrases are passive on purpose: "asserted by unnamed U.S. officials" reads
// right whatever the number of the party's name, where "X asserts" would not.
type Reading struct {
	Claim  *Claim
	Status Status

	// Contested keeps the README's definition: at least one party asserts or
	// confirms the claim and at least one denies or disputes it.
	Contested bool
	// Denied is the case Contested leaves out: someone denies or disputes the
	// claim and no stance backs it. Such a claim must not read as settled.
	Denied bool

	AssertedBy  []Party
	ConfirmedBy []Party
	DeniedBy    []Party
	DisputedBy  []Party
	// ReportedBy names, when no stance asserts or confirms the claim, the
	// publishers (or, lacking one, the titles) of the sources it rests on, so
	// that the reader still learns whose word it is.
	ReportedBy []string

	// The belief grades (see belief.go). Basis is "" for the default,
	// "stated", which no output names; Grade is the Admiralty grade as
	// cited ("B2", "B–"), "" when neither half is graded.
	Credibility int
	Grade       string
	Basis       Basis
	Likelihood  Likelihood
	Negated     bool
}

// Party is an entity as a reading names it.
type Party struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Marks that open a claim's reading. They are words, not colours, so that
// they survive greyscale printing and screen readers.
const (
	ContestedMark = "‼ CONTESTED"
	DeniedMark    = "DENIED"
)

// Read returns the reading of c. Parties keep stance order (the order the
// dataset gives, which the loader keeps stable); a party with two stances of
// one kind is named once. Names come from EntityName, so a reading made from
// a filtered graph still names parties the filter left out.
func (g *Graph) Read(c *Claim) Reading {
	r := Reading{Claim: c, Status: c.Status, Contested: c.Contested()}
	r.readBelief(g)
	for _, st := range c.Stances {
		var list *[]Party
		switch st.Position {
		case Asserts:
			list = &r.AssertedBy
		case Confirms:
			list = &r.ConfirmedBy
		case Denies:
			list = &r.DeniedBy
		case Disputes:
			list = &r.DisputedBy
		default:
			continue
		}
		if !slices.ContainsFunc(*list, func(p Party) bool { return p.ID == st.By }) {
			*list = append(*list, Party{ID: st.By, Name: g.EntityName(st.By)})
		}
	}
	backed := len(r.AssertedBy)+len(r.ConfirmedBy) > 0
	r.Denied = isDenied(c)
	if !backed {
		for _, ref := range c.Sources {
			name := ref.Source
			if s := g.Source(ref.Source); s != nil {
				name = s.Publisher
				if name == "" && s.Title != "" {
					// A bare title can pass for a party ("reported by
					// U.S. National Security…"): quote it as a title.
					name = "“" + s.Title + "”"
				}
				name = cmp.Or(name, s.ID)
			}
			if !slices.Contains(r.ReportedBy, name) {
				r.ReportedBy = append(r.ReportedBy, name)
			}
		}
	}
	return r
}

// Mark is ContestedMark, DeniedMark or "".
func (r Reading) Mark() string {
	switch {
	case r.Contested:
		return ContestedMark
	case r.Denied:
		return DeniedMark
	}
	return ""
}

// Supporters returns the ids of the parties that assert or confirm the claim.
func (r Reading) Supporters() []string { return partyIDs(r.AssertedBy, r.ConfirmedBy) }

// Opponents returns the ids of the parties that deny or dispute the claim.
func (r Reading) Opponents() []string { return partyIDs(r.DeniedBy, r.DisputedBy) }

func partyIDs(lists ...[]Party) []string {
	out := []string{}
	for _, l := range lists {
		for _, p := range l {
			if !slices.Contains(out, p.ID) {
				out = append(out, p.ID)
			}
		}
	}
	return out
}

// Phrase is one "verb by parties" part of a reading.
type Phrase struct {
	Verb  string   // "asserted by", "confirmed by", "reported by", "denied by", "disputed by"
	Names []string // every party, in order
}

// Text writes the phrase with every name: "denied by Alibaba Group, X".
func (p Phrase) Text() string { return p.Verb + " " + strings.Join(p.Names, ", ") }

// Short writes the phrase for a figure label, where a long list would bury
// the relation: from max names on, "X and 3 others". A max below 2 means no
// shortening.
func (p Phrase) Short(max int) string {
	if max < 2 || len(p.Names) < max {
		return p.Text()
	}
	if len(p.Names) == 2 {
		return fmt.Sprintf("%s %s and 1 other", p.Verb, p.Names[0])
	}
	return fmt.Sprintf("%s %s and %d others", p.Verb, p.Names[0], len(p.Names)-1)
}

// Phrases returns the supporter and opponent phrases in reading order,
// leaving out the empty ones.
func (r Reading) Phrases() []Phrase {
	var out []Phrase
	add := func(verb string, names []string) {
		if len(names) > 0 {
			out = append(out, Phrase{verb, names})
		}
	}
	add("asserted by", names(r.AssertedBy))
	add("confirmed by", names(r.ConfirmedBy))
	add("reported by", r.ReportedBy)
	add("denied by", names(r.DeniedBy))
	add("disputed by", names(r.DisputedBy))
	return out
}

func names(ps []Party) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

// Parts returns the reading's parts before the relation: the mark (when
// there is one), the status word, the grades (BeliefParts), then each
// phrase in full. A negated claim's "not:" is not among them: it belongs to
// the relation (Relation), which every output prints with it.
func (r Reading) Parts() []string {
	var out []string
	if m := r.Mark(); m != "" {
		out = append(out, m)
	}
	out = append(out, string(r.Status))
	out = append(out, r.BeliefParts()...)
	for _, p := range r.Phrases() {
		out = append(out, p.Text())
	}
	return out
}

// NegatedWord opens the relation of a claim that states the relation does
// NOT hold ("not: is available in"). It is a word, like the marks, so that
// a negated claim cannot be read as the relation itself in greyscale.
const NegatedWord = "not:"

func (r *Reading) readBelief(g *Graph) {
	c := r.Claim
	r.Credibility = int(c.Credibility)
	r.Grade = g.Grade(c)
	if BasisOf(c) != BasisStated {
		r.Basis = c.Basis
	}
	r.Likelihood = c.Likelihood
	r.Negated = c.Negated
}

// BeliefParts returns the reading's grades, which follow the status word:
// the basis when it is not the default ("inference", "assessment"), the
// likelihood ("likely"), and the Admiralty grade with its meaning ("B4
// doubtful"). Figure labels set them on a line of their own.
func (r Reading) BeliefParts() []string {
	var out []string
	if r.Basis != "" {
		out = append(out, string(r.Basis))
	}
	if r.Likelihood != "" {
		out = append(out, r.Likelihood.Words())
	}
	if r.Grade != "" {
		if r.Credibility > 0 {
			out = append(out, r.Grade+" "+CredibilityWord(r.Credibility))
		} else {
			out = append(out, r.Grade)
		}
	}
	return out
}

// Relation is the claim's relation as every output prints it (see
// RelationText).
func (r Reading) Relation() string { return RelationText(r.Claim) }

// RelationText is c's relation as every output prints it: "not: is
// available in" for a negated claim, so that no output can show a negated
// claim as the relation itself.
func RelationText(c *Claim) string {
	if c.Negated {
		return NegatedWord + " " + c.Relation
	}
	return c.Relation
}

// String is the reading on one line, parts apart by " · " and without the
// relation, for text and JSON:
//
//	‼ CONTESTED · alleged · asserted by Department of Defense memo · denied by Alibaba Group
func (r Reading) String() string { return strings.Join(r.Parts(), " · ") }

// ReadPath writes a path as one line of prose: each hop's best claim with
// its relation and its reading, and how many other claims the hop carries.
//
//	Apple —is exploring an AI partnership with (proposed · reported by Financial Times; +1 more)→ Alibaba Group
//	—transfers customer data to (‼ CONTESTED · alleged · asserted by Department of Defense memo · denied by Alibaba Group; +1 more)→ People's Liberation Army
//
// A backward hop reads against the arrow: "B ←relation (…)— A" says that A
// made the claim about B.
func (g *Graph) ReadPath(p Path) string {
	var b strings.Builder
	b.WriteString(p.Entities[0].Name)
	for _, h := range p.Hops {
		note := g.Read(h.Claims[0]).String()
		if more := len(h.Claims) - 1; more > 0 {
			note += fmt.Sprintf("; +%d more", more)
		}
		if h.Direction == Backward {
			fmt.Fprintf(&b, " ←%s (%s)— %s", RelationText(h.Claims[0]), note, h.To.Name)
		} else {
			fmt.Fprintf(&b, " —%s (%s)→ %s", RelationText(h.Claims[0]), note, h.To.Name)
		}
	}
	return b.String()
}

// DeniedCount counts the claims whose Reading is Denied, without building
// readings: check and stats count them over a million claims.
func (g *Graph) DeniedCount() int {
	n := 0
	for _, c := range g.claims {
		if isDenied(c) {
			n++
		}
	}
	return n
}

// isDenied reports whether someone denies or disputes c and nobody asserts
// or confirms it: Reading.Denied, and the step below its status in the
// strength order.
func isDenied(c *Claim) bool {
	backed, opposed := false, false
	for _, st := range c.Stances {
		backed = backed || st.Position.Supports()
		opposed = opposed || st.Position.Opposes()
	}
	return opposed && !backed
}
