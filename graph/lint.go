package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// This file holds the analytic checks behind "claimgraph check": not whether
// a dataset is well-formed (the loader decides that) but whether what it says
// is well supported. Each rule is a pure function of the Graph, so that the
// CLI, tests and any later tool agree on what a dataset's weaknesses are.

// Severity grades a Finding.
type Severity string

const (
	// SevError marks a dataset that cannot be reasoned about as it stands
	// (a derived_from cycle leaves sources with no origin).
	SevError Severity = "error"
	// SevWarning marks a weakness an analyst should look at; check --strict
	// fails on it.
	SevWarning Severity = "warning"
	// SevNote states a fact about the whole dataset that is worth knowing
	// but is no defect of any one claim; check --strict ignores it.
	SevNote Severity = "note"
)

func (s Severity) rank() int {
	switch s {
	case SevError:
		return 0
	case SevWarning:
		return 1
	}
	return 2
}

// Finding is one result of a lint rule.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`    // "entity", "claim" or "source": what Subject names
	Subject  string   `json:"subject"` // the id the finding is about
	Message  string   `json:"message"` // what is wrong, without the subject
}

// String is the finding as one line: `claim "x": cites no source [no-source]`.
func (f Finding) String() string {
	return fmt.Sprintf("%s %q: %s [%s]", f.Kind, f.Subject, f.Message, f.Rule)
}

// A Rule is one analytic check: its name, usual severity (a rule may grade
// a finding below it) and one line of documentation. Lint and LintCapped run
// exactly the rules in Rules; the check itself is unexported, because it
// writes to the engine's sink (which formats a finding's message only if it
// is kept: check shows ten findings of a rule that may have a million, and
// formatting and sorting the rest cost more than loading the data).
type Rule struct {
	Name     string
	Severity Severity
	Doc      string // one line, for --help and the README

	run func(*Graph, *sink)
}

func rule(name string, sev Severity, doc string, run func(*Graph, *sink)) Rule {
	return Rule{Name: name, Severity: sev, Doc: doc, run: run}
}

// Rules lists every lint rule in the order check reports them.
var Rules = []Rule{
	rule("derived-cycle", SevError,
		"sources whose derived_from chains loop: they have no origin", lintDerivedCycles),
	rule("no-source", SevWarning,
		"claims that cite no source", lintNoSource),
	rule("unquoted-source", SevWarning,
		"claims that cite a source without quoting the sentence they rest on", lintUnquotedSource),
	rule("unquoted-denial", SevWarning,
		"contested claims whose denial or dispute carries no quote", lintUnquotedDenial),
	rule("single-source", SevWarning,
		"claims whose every source reference is the same document (one note instead when the dataset has one source)", lintSingleSource),
	rule("circular-reporting", SevWarning,
		"claims whose several sources all trace back, through derived_from, to one origin", lintCircularReporting),
	rule("status-stance", SevWarning,
		"claims whose status contradicts their stances: established yet opposed, retracted yet confirmed, alleged by no one", lintStatusStance),
	rule("unmentioned-entity", SevWarning,
		"entities no claim mentions as from, to or stance holder", lintUnmentioned),
	rule("confusable-ids", SevWarning,
		"entity or source ids that look like another one but use other characters (Cyrillic а for Latin a)", lintConfusableIDs),
	// Dates (lint_time.go).
	rule("stance-before-source", SevWarning, "stances dated before their claim's earliest source was published", lintStanceBeforeSource),
	rule("when-end-before-start", SevWarning, "claims whose event time ends before it starts", lintWhenOrder),
	rule("history-order", SevWarning, "claims whose history of statuses is not in date order", lintHistoryOrder),
	rule("retrieved-before-published", SevWarning, "sources retrieved before they were published", lintRetrievedBeforePublished),
}

// Lint runs every rule on g and returns the findings sorted by severity
// (errors first), then rule (in Rules order), subject and message.
func Lint(g *Graph) []Finding {
	var all []Finding
	for _, grp := range LintCapped(g, 0) {
		all = append(all, grp.Findings...)
	}
	return all
}

// LintGroup is the findings of one rule at one severity.
type LintGroup struct {
	Rule     string
	Severity Severity
	Total    int       // how many findings the group has
	Findings []Finding // the first of them in Lint's order, at most the cap
}

// LintCapped runs every rule on g and returns its findings grouped by
// severity (errors first) and rule (in Rules order), each group holding at
// most max findings (all when max is 0): the first in Lint's order. Only
// the findings kept are formatted: a caller that shows a few per rule pays
// for a count of the rest, not for a million messages.
func LintCapped(g *Graph, max int) []LintGroup {
	// The rules are independent reads of g: they run at once, each into
	// its own sink, and are gathered in Rules order.
	sinks := make([]*sink, len(Rules))
	var wg sync.WaitGroup
	for i, r := range Rules {
		sinks[i] = &sink{max: max, def: r.Severity, rule: r.Name}
		wg.Go(func() { r.run(g, sinks[i]) })
	}
	wg.Wait()
	var groups [3][]LintGroup // by severity rank
	for i, r := range Rules {
		for _, grp := range sinks[i].groups {
			if grp.total == 0 {
				continue
			}
			fs := grp.kept
			for i := range fs {
				fs[i].Rule = r.Name
			}
			sortGroup(fs)
			if max > 0 && len(fs) > max {
				fs = slices.Clip(fs[:max])
			}
			rank := grp.sev.rank()
			groups[rank] = append(groups[rank], LintGroup{Rule: r.Name, Severity: grp.sev, Total: grp.total, Findings: fs})
		}
	}
	return slices.Concat(groups[0], groups[1], groups[2])
}

// sortGroup sorts one rule's findings of one severity in Lint's order. Rules
// that walk claims or entities emit them sorted already.
func sortGroup(fs []Finding) {
	cmpFinding := func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Message, b.Message))
	}
	if !slices.IsSortedFunc(fs, cmpFinding) {
		slices.SortStableFunc(fs, cmpFinding)
	}
}

// sink collects one rule's findings, per severity. With a cap it formats and
// keeps a finding only if it may be among the first max of its group, which
// it can tell from the subject alone once max findings with smaller
// subjects are kept.
type sink struct {
	max    int
	def    Severity    // the rule's
	rule   string      // the rule's name, for waivers (see lint_belief.go)
	groups []sinkGroup // one per severity the rule emitted, in order of first emission
}

type sinkGroup struct {
	sev   Severity
	total int
	kept  []Finding
	// bound is set once max findings are kept: a finding whose subject
	// sorts after it cannot be among the first max.
	bound    string
	hasBound bool
}

// add records a finding; msg is called only if the finding is kept, and
// is not retained.
func (s *sink) add(sev Severity, kind, subject string, msg func() string) {
	if sev == "" {
		sev = s.def
	}
	var grp *sinkGroup
	for i := range s.groups {
		if s.groups[i].sev == sev {
			grp = &s.groups[i]
		}
	}
	if grp == nil {
		s.groups = append(s.groups, sinkGroup{sev: sev})
		grp = &s.groups[len(s.groups)-1]
	}
	grp.total++
	if grp.hasBound && subject > grp.bound {
		return
	}
	grp.kept = append(grp.kept, Finding{Severity: sev, Kind: kind, Subject: subject, Message: msg()})
	if s.max > 0 && len(grp.kept) >= 2*s.max {
		grp.prune(s.max)
	}
}

// prune drops the kept findings that cannot be among the first max.
func (grp *sinkGroup) prune(max int) {
	sortGroup(grp.kept)
	bound := grp.kept[max-1].Subject
	n := max
	for n < len(grp.kept) && grp.kept[n].Subject == bound {
		n++ // same subject: the message decides, later
	}
	clear(grp.kept[n:])
	grp.kept = grp.kept[:n]
	grp.bound, grp.hasBound = bound, true
}

func (s *sink) claim(c *Claim, msg func() string) {
	if c.Lint != nil || c.Basis == BasisInference {
		if s.exempt(c, msg) {
			return
		}
	}
	s.add("", "claim", c.ID, msg)
}

func lintNoSource(g *Graph, s *sink) {
	for _, c := range g.claims {
		if len(c.Sources) == 0 {
			s.claim(c, func() string { return "cites no source" })
		}
	}
}

func lintUnquotedSource(g *Graph, s *sink) {
	var bare []int
	for _, c := range g.claims {
		bare = bare[:0]
		for i, r := range c.Sources {
			if strings.TrimSpace(r.Quote) == "" {
				bare = append(bare, i)
			}
		}
		if len(bare) == 0 {
			continue
		}
		for _, id := range distinct(len(bare), func(i int) string { return c.Sources[bare[i]].Source }) {
			s.claim(c, func() string { return fmt.Sprintf("cites source %q without a quote", id) })
		}
	}
}

func lintUnquotedDenial(g *Graph, s *sink) {
	for _, c := range g.claims {
		if !c.Contested() {
			continue
		}
		for _, st := range c.Stances {
			if st.Position.Opposes() && strings.TrimSpace(st.Quote) == "" {
				s.claim(c, func() string {
					return fmt.Sprintf("is contested, but %q %s it without a quote", st.By, st.Position)
				})
			}
		}
	}
}

// singleDocument returns the one document c cites, if it cites exactly one
// (perhaps several times). It is documents without the allocation, for
// the rule that runs on every claim.
func singleDocument(c *Claim) (string, bool) {
	if len(c.Sources) == 0 {
		return "", false
	}
	id := c.Sources[0].Source
	for _, r := range c.Sources[1:] {
		if r.Source != id {
			return "", false
		}
	}
	return id, true
}

// documents returns the distinct source ids c cites, in citation order.
func documents(c *Claim) []string {
	return distinct(len(c.Sources), func(i int) string { return c.Sources[i].Source })
}

// distinct returns the distinct values of at(0..n-1), in first-seen order.
// A short list is searched, a long one (a hostile claim may cite the same
// sources thousands of times) goes through a set: quadratic either way
// would be.
func distinct(n int, at func(int) string) []string {
	var ids []string
	var seen map[string]bool
	for i := range n {
		id := at(i)
		if len(ids) < 16 {
			if slices.Contains(ids, id) {
				continue
			}
		} else {
			if seen == nil {
				seen = make(map[string]bool, n)
				for _, x := range ids {
					seen[x] = true
				}
			}
			if seen[id] {
				continue
			}
			seen[id] = true
		}
		ids = append(ids, id)
	}
	return ids
}

// lintSingleSource flags claims resting on one document. When the whole
// dataset has exactly one source (a dataset encoding one article, like the
// embedded one), every claim is single-source by construction: a warning on
// each would repeat one fact N times and make --strict useless for such
// datasets, so the rule states the fact once, as a note on that source.
func lintSingleSource(g *Graph, s *sink) {
	if len(g.sources) == 1 {
		only := g.sources[0].ID
		n := 0
		for _, c := range g.claims {
			if doc, ok := singleDocument(c); ok && doc == only {
				n++
			}
		}
		if n == 0 {
			return
		}
		s.add(SevNote, "source", only, func() string {
			return fmt.Sprintf("is the dataset's only source: %d of %d claims rest on it alone", n, len(g.claims))
		})
		return
	}
	for _, c := range g.claims {
		if doc, ok := singleDocument(c); ok {
			s.claim(c, func() string { return fmt.Sprintf("rests on a single source, %q", doc) })
		}
	}
}

func lintCircularReporting(g *Graph, s *sink) {
	prov := g.provenance()
	for _, c := range g.claims {
		if _, single := singleDocument(c); single || len(c.Sources) == 0 {
			continue // no-source and single-source cover these
		}
		var union originSet
		known := true
		for _, r := range c.Sources {
			if g.sourceIdx[r.Source] == nil {
				known = false // the loader rejects these
				break
			}
			o := prov.originsOf(g.sourceIndex(r.Source))
			if o.n == 0 {
				// Caught in a cycle: the origin is undefined;
				// derived-cycle reports it.
				known = false
				break
			}
			union.union(o)
		}
		if known && union.n == 1 {
			docs := documents(c)
			origin := g.sources[union.id[0]].ID
			s.claim(c, func() string {
				return fmt.Sprintf("its %d sources (%s) all trace back to one origin, %q",
					len(docs), strings.Join(docs, ", "), origin)
			})
		}
	}
}

// lintDerivedCycles reports each derived_from cycle once, on its smallest
// source id, spelling out one concrete loop through it.
func lintDerivedCycles(g *Graph, s *sink) {
	prov := g.provenance()
	for k, scc := range prov.sccs {
		if !prov.cyclic[k] {
			continue
		}
		start := scc[0]
		loop := prov.shortestLoop(g, start)
		s.add("", "source", g.sources[start].ID, func() string { return "derived_from cycle: " + strings.Join(loop, " → ") })
	}
}

// lintStatusStance checks a claim's status against its stances. The rules:
//   - established means "stated as fact and not disputed": a party that
//     denies or disputes it makes it contested, so the status should be
//     reported or alleged;
//   - retracted means withdrawn: a party that still confirms it contradicts
//     that (an "asserts" stance is left alone, since the original
//     assertion is what was retracted);
//   - alleged means "an accusation attributed to a party": with no party
//     asserting or confirming it, the accusation is attributed to no one.
func lintStatusStance(g *Graph, s *sink) {
	for _, c := range g.claims {
		switch c.Status {
		case Established:
			for _, st := range c.Stances {
				if st.Position.Opposes() {
					s.claim(c, func() string { return fmt.Sprintf("is established, yet %q %s it", st.By, st.Position) })
				}
			}
		case Retracted:
			for _, st := range c.Stances {
				if st.Position == Confirms {
					s.claim(c, func() string { return fmt.Sprintf("is retracted, yet %q confirms it", st.By) })
				}
			}
		case Alleged:
			if !slices.ContainsFunc(c.Stances, func(s Stance) bool { return s.Position.Supports() }) {
				s.claim(c, func() string { return "is alleged, yet no party asserts or confirms it" })
			}
		}
	}
}

func lintUnmentioned(g *Graph, s *sink) {
	mentioned := make([]bool, len(g.entities))
	for _, e := range g.ends {
		// From and To are resolved already (New stored their indexes):
		// a map lookup each was the cost of this rule at a million claims.
		mentioned[e.from] = true
		mentioned[e.to] = true
	}
	// Stance holders are looked up only among the entities still
	// unmentioned, usually few: a small map, where the whole index
	// missed the cache on every stance.
	rest := map[string]int32{}
	for i, e := range g.entities {
		if !mentioned[i] {
			rest[e.ID] = int32(i)
		}
	}
	for _, c := range g.claims {
		if len(rest) == 0 {
			break
		}
		for _, st := range c.Stances {
			if e, ok := rest[st.By]; ok {
				mentioned[e] = true
				delete(rest, st.By)
			}
		}
	}
	for i, e := range g.entities {
		if !mentioned[i] {
			s.add("", "entity", e.ID, func() string { return "is mentioned by no claim (as from, to or stance holder)" })
		}
	}
}
