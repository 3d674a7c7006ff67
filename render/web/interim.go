package web

// INTERIM. This file holds the JSON shapes of `show --format json` (for a
// claim and a source), `paths --format json` and `diff --format json`, built
// here on the shapes cmd/claimgraph writes today, because those writers live
// in package main, which nothing can import. They are moving to
// render/report; once that lands, these four builders are to be replaced by
// calls to it (report.ClaimJSON, report.SourceJSON and the paths and diff
// builders), so that each shape has one implementation.

import (
	"fmt"
	"net/http"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
)

// ClaimShowJSON is a claim as `show --format json` gives it: the export
// shape plus its reading and the ids of who backs and who opposes it.
type ClaimShowJSON struct {
	data.ClaimJSON
	Reading    string   `json:"reading"`
	Supporters []string `json:"supporters"`
	Opponents  []string `json:"opponents"`
}

func claimShow(g *graph.Graph, c *graph.Claim) ClaimShowJSON {
	r := g.Read(c)
	return ClaimShowJSON{data.NewClaimJSON(c), r.String(), r.Supporters(), r.Opponents()}
}

// SourceShowJSON is a source as `show --format json` gives it: the export
// shape plus the claims that cite it (as a claim's source or a stance's) and
// the claims that rest on it through a source derived from it.
type SourceShowJSON struct {
	graph.Source
	Claims        []string `json:"claims"`
	DerivedClaims []string `json:"derived_claims"`
}

func sourceShow(g *graph.Graph, s *graph.Source) SourceShowJSON {
	out := SourceShowJSON{Source: data.SourceJSON(s), Claims: []string{}, DerivedClaims: []string{}}
	// The sources that repeat s, at any remove.
	derived := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, d := range g.Sources() {
			if derived[d.ID] || d.ID == s.ID {
				continue
			}
			for _, from := range d.DerivedFrom {
				if from == s.ID || derived[from] {
					derived[d.ID], changed = true, true
					break
				}
			}
		}
	}
	for _, c := range g.Claims() {
		cites := func(ok func(string) bool) bool {
			for _, r := range c.Sources {
				if ok(r.Source) {
					return true
				}
			}
			for _, st := range c.Stances {
				if st.Source != "" && ok(st.Source) {
					return true
				}
			}
			return false
		}
		switch {
		case cites(func(id string) bool { return id == s.ID }):
			out.Claims = append(out.Claims, c.ID)
		case len(derived) > 0 && cites(func(id string) bool { return derived[id] }):
			out.DerivedClaims = append(out.DerivedClaims, c.ID)
		}
	}
	return out
}

func (s *Server) apiClaim(w http.ResponseWriter, r *http.Request) {
	g := s.state.Load().g
	id := r.PathValue("id")
	c := g.Claim(id)
	if c == nil {
		notFound(w, g, "claim", id)
		return
	}
	writeJSON(w, http.StatusOK, claimShow(g, c))
}

func (s *Server) apiSource(w http.ResponseWriter, r *http.Request) {
	g := s.state.Load().g
	id := r.PathValue("id")
	src := g.Source(id)
	if src == nil {
		notFound(w, g, "source", id)
		return
	}
	writeJSON(w, http.StatusOK, sourceShow(g, src))
}

// pathsJSON is the `paths --format json` object.
type pathsJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Paths []pathJSON `json:"paths"`
}

type pathJSON struct {
	Rank          int         `json:"rank"`
	Entities      []string    `json:"entities"`
	Hops          []hopJSON   `json:"hops"`
	ContestedHops int         `json:"contested_hops"`
	Weakest       weakestJSON `json:"weakest"`
	Reading       string      `json:"reading"`
}

type hopJSON struct {
	From      string   `json:"from"`
	To        string   `json:"to"`
	Direction string   `json:"direction"`
	Claims    []string `json:"claims"`
	Contested bool     `json:"contested"`
}

type weakestJSON struct {
	Claim     string `json:"claim"`
	Status    string `json:"status"`
	Contested bool   `json:"contested"`
	Hop       int    `json:"hop"`
}

func newPathsJSON(from, to string, paths []graph.Path) pathsJSON {
	out := pathsJSON{From: from, To: to, Paths: []pathJSON{}}
	for i, p := range paths {
		pj := pathJSON{
			Rank: i + 1, Entities: make([]string, len(p.Entities)), Hops: make([]hopJSON, len(p.Hops)),
			ContestedHops: p.ContestedHops,
			Weakest: weakestJSON{Claim: p.Weakest.ID, Status: string(p.Weakest.Status),
				Contested: p.Weakest.Contested(), Hop: p.WeakestHop},
			Reading: p.Reading,
		}
		for k, e := range p.Entities {
			pj.Entities[k] = e.ID
		}
		for k, h := range p.Hops {
			hj := hopJSON{From: h.From.ID, To: h.To.ID, Direction: string(h.Direction),
				Claims: make([]string, len(h.Claims)), Contested: h.Contested}
			for m, c := range h.Claims {
				hj.Claims[m] = c.ID
			}
			pj.Hops[k] = hj
		}
		out.Paths = append(out.Paths, pj)
	}
	return out
}

// apiPaths takes paths's flags as parameters: from, to, max-hops, limit,
// undirected, avoid-contested, status. No path is 200 with "paths": [].
func (s *Server) apiPaths(w http.ResponseWriter, r *http.Request) {
	g := s.state.Load().g
	p := &params{q: r.URL.Query()}
	opts := graph.PathOptions{
		MaxHops:        p.int("max-hops", 6, 1, graph.MaxHopsLimit),
		Limit:          p.int("limit", 20, 1, maxSearchLimit),
		Undirected:     p.bool("undirected"),
		AvoidContested: p.bool("avoid-contested"),
		Statuses:       p.statuses(),
	}
	from, to := p.str("from"), p.str("to")
	if from == "" || to == "" {
		p.fail("from, to", "both are needed")
	}
	if p.badRequest(w, fmt.Sprintf("from=ENTITY&to=ENTITY, max-hops 1..%d, limit 1..%d", graph.MaxHopsLimit, maxSearchLimit)) {
		return
	}
	fe, te := lookupEntity(g, from), lookupEntity(g, to)
	switch {
	case fe == nil:
		notFound(w, g, "entity", from)
		return
	case te == nil:
		notFound(w, g, "entity", to)
		return
	case fe == te:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("from and to are the same entity, %s", quote(fe.ID)), "pick two entities")
		return
	}
	paths, _, err := g.Paths(fe.ID, te.ID, opts)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), "")
		return
	}
	writeJSON(w, http.StatusOK, newPathsJSON(fe.ID, te.ID, paths))
}

// diffJSON is the `diff --format json` object.
type diffJSON struct {
	Title    *diffChange   `json:"title,omitempty"`
	Entities diffSection   `json:"entities"`
	Claims   diffSection   `json:"claims"`
	Sources  diffSection   `json:"sources"`
	Summary  graph.Summary `json:"summary"`
}

type diffSection struct {
	Added   []string      `json:"added"`
	Removed []string      `json:"removed"`
	Changed []diffChanged `json:"changed"`
}

type diffChanged struct {
	ID      string       `json:"id"`
	Changes []diffChange `json:"changes"`
}

type diffChange struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

func newDiffJSON(old, new *graph.Graph) *diffJSON {
	d := graph.Compare(old, new)
	out := &diffJSON{
		Entities: newDiffSection(d.Entities, func(e *graph.Entity) string { return e.ID }),
		Claims:   newDiffSection(d.Claims, func(c *graph.Claim) string { return c.ID }),
		Sources:  newDiffSection(d.Sources, func(s *graph.Source) string { return s.ID }),
		Summary:  d.Summarize(),
	}
	if d.Title != nil {
		c := newDiffChange(*d.Title)
		out.Title = &c
	}
	return out
}

func newDiffSection[T any](s graph.Section[T], id func(T) string) diffSection {
	js := diffSection{Added: []string{}, Removed: []string{}, Changed: []diffChanged{}}
	for _, x := range s.Added {
		js.Added = append(js.Added, id(x))
	}
	for _, x := range s.Removed {
		js.Removed = append(js.Removed, id(x))
	}
	for _, c := range s.Changed {
		jc := diffChanged{ID: id(c.New)}
		for _, ch := range c.Changes {
			jc.Changes = append(jc.Changes, newDiffChange(ch))
		}
		js.Changed = append(js.Changed, jc)
	}
	return js
}

func newDiffChange(ch graph.Change) diffChange {
	fix := func(v any) any {
		if l, ok := v.([]string); ok && l == nil {
			return []string{}
		}
		return v
	}
	return diffChange{ch.Field, fix(ch.Old), fix(ch.New)}
}

func (s *Server) apiDiff(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	if st.old == nil {
		writeError(w, http.StatusNotFound, "nothing to compare with", "run claimgraph serve --compare OLD")
		return
	}
	writeJSON(w, http.StatusOK, st.diffJSON())
}

// diffJSON computes the snapshot's diff once, on first use.
func (st *snapshot) diffJSON() *diffJSON {
	st.diffOnce.Do(func() { st.diff = newDiffJSON(st.old, st.g) })
	return st.diff
}
