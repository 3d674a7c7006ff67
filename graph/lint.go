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

// A Rule is one analytic check. Check returns its findings in any order;
// Lint sorts them and fills in Rule, and Severity where Check left it empty
// (a rule may grade a finding below its usual severity).
type Rule struct {
	Name     string
	Severity Severity
	Doc      string // one line, for --help and the README
	Check    func(*Graph) []Finding

	// run is the rule itself, writing to a sink, which formats a
	// finding's message only if it is kept: check shows ten findings of
	// a rule that may have a million, and formatting and sorting the
	// rest cost more than loading the data.
	run func(*Graph, *sink)
}

func rule(name string, sev Severity, doc string, run func(*Graph, *sink)) Rule {
	return Rule{Name: name, Severity: sev, Doc: doc, run: run, Check: func(g *Graph) []Finding {
		s := &sink{def: sev, rule: name}
		run(g, s)
		var fs []Finding
		for _, grp := range s.groups {
			fs = append(fs, grp.kept...)
		}
		return fs
	}}
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

// SortFindings puts fs in Lint's order.
func SortFindings(fs []Finding) {
	ruleIdx := make(map[string]int, len(Rules))
	for i, r := range Rules {
		ruleIdx[r.Name] = i
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Severity.rank(), b.Severity.rank()),
			cmp.Compare(ruleIdx[a.Rule], ruleIdx[b.Rule]),
			cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Message, b.Message))
	})
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
	var bare []string
	for _, c := range g.claims {
		bare = bare[:0]
		for _, r := range c.Sources {
			if strings.TrimSpace(r.Quote) == "" && !slices.Contains(bare, r.Source) {
				bare = append(bare, r.Source)
			}
		}
		for _, id := range bare {
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
	var ids []string
	for _, r := range c.Sources {
		if !slices.Contains(ids, r.Source) {
			ids = append(ids, r.Source)
		}
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
	origins := sourceOrigins(g)
	for _, c := range g.claims {
		if _, single := singleDocument(c); single || len(c.Sources) == 0 {
			continue // no-source and single-source cover these
		}
		docs := documents(c)
		var union []string
		known := true
		for _, d := range docs {
			o, ok := origins[d]
			if !ok || len(o) == 0 {
				// Unknown source or one caught in a cycle: the
				// origin is undefined; derived-cycle reports it.
				known = false
				break
			}
			for _, id := range o {
				if !slices.Contains(union, id) {
					union = append(union, id)
				}
			}
		}
		if known && len(union) == 1 {
			s.claim(c, func() string {
				return fmt.Sprintf("its %d sources (%s) all trace back to one origin, %q",
					len(docs), strings.Join(docs, ", "), union[0])
			})
		}
	}
}

// sourceOrigins maps every source id to its origins: the sources with no
// derived_from that it reaches by following derived_from (itself, if it
// derives from nothing), sorted. A source that reaches only a cycle has no
// origin: its entry is empty. References to unknown sources are ignored
// (the loader rejects them).
//
// It works on the condensation of the derived_from graph, so that each
// source is visited once whatever the shape of the chains, and cycles cannot
// make it loop.
func sourceOrigins(g *Graph) map[string][]string {
	sccs := derivedSCCs(g)
	comp := make(map[string]int, len(g.sources))
	for i, scc := range sccs {
		for _, id := range scc {
			comp[id] = i
		}
	}
	// Tarjan emits a component after every component it reaches, so one
	// pass in emission order sees successors first.
	compOrigins := make([][]string, len(sccs))
	for i, scc := range sccs {
		var os []string
		cyclic := len(scc) > 1
		for _, id := range scc {
			for _, d := range g.sourceIdx[id].DerivedFrom {
				j, ok := comp[d]
				if !ok {
					continue
				}
				if j == i {
					cyclic = true
					continue
				}
				for _, o := range compOrigins[j] {
					if !slices.Contains(os, o) {
						os = append(os, o)
					}
				}
			}
		}
		if !cyclic && len(os) == 0 && !hasKnownParent(g, scc[0]) {
			os = []string{scc[0]}
		}
		slices.Sort(os)
		compOrigins[i] = os
	}
	out := make(map[string][]string, len(g.sources))
	for id, i := range comp {
		out[id] = compOrigins[i]
	}
	return out
}

func hasKnownParent(g *Graph, id string) bool {
	for _, d := range g.sourceIdx[id].DerivedFrom {
		if g.sourceIdx[d] != nil {
			return true
		}
	}
	return false
}

// derivedSCCs returns the strongly connected components of the graph whose
// vertices are sources and whose edges follow derived_from, in Tarjan's
// emission order (a component after all it reaches). Members of each
// component are sorted by id.
func derivedSCCs(g *Graph) [][]string {
	index := make(map[string]int, len(g.sources))
	low := make(map[string]int, len(g.sources))
	onStack := make(map[string]bool)
	var stack []string
	var sccs [][]string
	var connect func(id string)
	connect = func(id string) {
		index[id] = len(index)
		low[id] = index[id]
		stack = append(stack, id)
		onStack[id] = true
		for _, d := range g.sourceIdx[id].DerivedFrom {
			if g.sourceIdx[d] == nil {
				continue
			}
			if _, seen := index[d]; !seen {
				connect(d)
				low[id] = min(low[id], low[d])
			} else if onStack[d] {
				low[id] = min(low[id], index[d])
			}
		}
		if low[id] == index[id] {
			var scc []string
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[top] = false
				scc = append(scc, top)
				if top == id {
					break
				}
			}
			slices.Sort(scc)
			sccs = append(sccs, scc)
		}
	}
	for _, s := range g.sources {
		if _, seen := index[s.ID]; !seen {
			connect(s.ID)
		}
	}
	return sccs
}

// lintDerivedCycles reports each derived_from cycle once, on its smallest
// source id, spelling out one concrete loop through it.
func lintDerivedCycles(g *Graph, s *sink) {
	for _, scc := range derivedSCCs(g) {
		start := scc[0]
		if len(scc) == 1 && !slices.Contains(g.sourceIdx[start].DerivedFrom, start) {
			continue
		}
		loop := shortestLoop(g, start, scc)
		s.add("", "source", start, func() string { return "derived_from cycle: " + strings.Join(loop, " → ") })
	}
}

// shortestLoop returns the shortest derived_from path from start back to
// start inside the component members, start at both ends. Neighbours are
// visited in id order so that the loop reported is always the same.
func shortestLoop(g *Graph, start string, members []string) []string {
	prev := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		next := slices.Clone(g.sourceIdx[cur].DerivedFrom)
		slices.Sort(next)
		for _, d := range next {
			if !slices.Contains(members, d) {
				continue
			}
			if d == start {
				path := []string{start}
				for at := cur; at != start; at = prev[at] {
					path = append(path, at)
				}
				path = append(path, start)
				slices.Reverse(path[1 : len(path)-1])
				return path
			}
			if _, seen := prev[d]; !seen {
				prev[d] = cur
				queue = append(queue, d)
			}
		}
	}
	return []string{start, start} // unreachable for a true cycle
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
