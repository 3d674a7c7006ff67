package web

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
)

// Bounds of the query parameters: every request's work stays bounded.
const (
	defaultSearchLimit = 20
	maxSearchLimit     = 100
	defaultElements    = 300
	maxElements        = 5000
	maxDepth           = 6
)

// params reads query parameters named as the command-line flags and
// remembers the first bad one, so that a handler checks once.
type params struct {
	q   url.Values
	err error
}

func (p *params) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("%w: %s: %s", errBadParam, name, fmt.Sprintf(format, args...))
	}
}

func (p *params) str(name string) string { return strings.TrimSpace(p.q.Get(name)) }

func (p *params) int(name string, def, lo, hi int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail(name, "%q is not a whole number from %d to %d", v, lo, hi)
		return def
	}
	return n
}

func (p *params) bool(name string) bool {
	switch v := p.str(name); v {
	case "", "false":
		return false
	case "true":
		return true
	default:
		p.fail(name, "%q is not true or false", v)
		return false
	}
}

func (p *params) list(name string) []string {
	var out []string
	for _, f := range strings.Split(p.str(name), ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (p *params) statuses() []graph.Status { return oneOf(p, "status", graph.Statuses) }

func (p *params) types() []graph.EntityType { return oneOf(p, "type", graph.EntityTypes) }

// oneOf reads a comma-separated list whose items must be among valid.
func oneOf[T ~string](p *params, name string, valid []T) []T {
	var out []T
	for _, f := range p.list(name) {
		v := T(strings.ToLower(f))
		if !slices.Contains(valid, v) {
			names := make([]string, len(valid))
			for i, x := range valid {
				names[i] = string(x)
			}
			p.fail(name, "unknown value %q (want one of: %s)", f, strings.Join(names, ", "))
			return nil
		}
		out = append(out, v)
	}
	return out
}

// badRequest writes a 400 for p's error and reports whether there was one.
func (p *params) badRequest(w http.ResponseWriter, hint string) bool {
	if p.err == nil {
		return false
	}
	writeError(w, http.StatusBadRequest, strings.TrimPrefix(p.err.Error(), errBadParam.Error()+": "), hint)
	return true
}

// filter is the claim filter of the status, type and contested parameters
// (nil: keep every claim), graph.Select's as for the figure.
func filter(g *graph.Graph, statuses []graph.Status, types []graph.EntityType, contested bool) func(*graph.Claim) bool {
	return graph.Selection{Statuses: statuses, Types: types, Contested: contested}.Keeps(g)
}

// notFound writes a 404 for an id no entity, claim or source has, with the
// closest ids as the hint.
func notFound(w http.ResponseWriter, g *graph.Graph, kind, id string) {
	var sugg []string
	switch kind {
	case "claim":
		sugg = suggestClaims(g, id)
	case "source":
		for _, s := range g.Sources() {
			if graph.Levenshtein(strings.ToLower(id), strings.ToLower(s.ID)) <= max(1, len(id)/3) {
				sugg = append(sugg, s.ID)
			}
		}
	}
	if len(sugg) == 0 {
		var nf *graph.NotFoundError
		if _, err := g.Resolve(id); errors.As(err, &nf) {
			sugg = nf.Suggestions
		}
	}
	hint := "search for it: /api/search?q=" + url.QueryEscape(id)
	if len(sugg) > 0 {
		q := make([]string, len(sugg))
		for i, s := range sugg {
			q[i] = quote(s)
		}
		hint = "did you mean " + strings.Join(q, ", ") + "?"
	}
	writeError(w, http.StatusNotFound, fmt.Sprintf("no %s %s", kind, quote(id)), hint)
}

// suggestClaims looks for near misses among the ids next to where id would
// sort: a million claims are too many to measure each, and a typo late in
// an id lands next to the id meant.
func suggestClaims(g *graph.Graph, id string) []string {
	cs := g.Claims()
	at, _ := slices.BinarySearchFunc(cs, id, func(c *graph.Claim, id string) int { return strings.Compare(c.ID, id) })
	var out []string
	for i := max(0, at-3); i < min(len(cs), at+3); i++ {
		if graph.Levenshtein(id, cs[i].ID) <= max(1, len(id)/3) {
			out = append(out, cs[i].ID)
		}
	}
	return out
}

// lookupEntity finds an entity by id, or by a name or alias when that names
// one entity, as the CLI does.
func lookupEntity(g *graph.Graph, id string) *graph.Entity {
	if e := g.Entity(id); e != nil {
		return e
	}
	e, err := g.Resolve(id)
	if err != nil {
		return nil
	}
	return e
}

type configJSON struct {
	Title   string `json:"title"`
	Watch   bool   `json:"watch"`
	Compare string `json:"compare"` // what --compare named; "" without
	Version int    `json:"version"`
	// Entities and Claims count the graph, so that the page draws all of
	// it at first only when it is small.
	Entities int `json:"entities"`
	Claims   int `json:"claims"`
	// Failure is the current load failure under --watch, or null.
	Failure *LoadFailure `json:"failure"`
}

func (s *Server) apiConfig(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	writeJSON(w, http.StatusOK, configJSON{
		Title: st.g.Title(), Watch: len(s.cfg.Watch) > 0, Compare: s.compareName(),
		Version: st.version, Failure: s.failure.Load(),
		Entities: len(st.g.Entities()), Claims: len(st.g.Claims()),
	})
}

func (s *Server) compareName() string {
	if s.cfg.Old == nil {
		return ""
	}
	return cmp.Or(s.cfg.OldName, "the old version")
}

type styleJSON struct {
	Statuses []render.StatusStyle `json:"statuses"`
	Types    []render.TypeStyle   `json:"types"`
}

func (s *Server) apiStyle(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, styleJSON{render.StatusStyles(), render.TypeStyles()})
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	limit := p.int("limit", defaultSearchLimit, 1, maxSearchLimit)
	if p.badRequest(w, "limit is 1 to 100") {
		return
	}
	st := s.view(w, r)
	if st == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string][]SearchResult{"results": st.searchIndex().search(st.g, p.q.Get("q"), limit)})
}

// apiNeighbourhood returns the Cytoscape.js elements around the entities or
// claims id names (comma-separated), or, without id, the first limit
// elements of the whole graph.
func (s *Server) apiNeighbourhood(w http.ResponseWriter, r *http.Request) {
	st := s.view(w, r)
	if st == nil {
		return
	}
	g := st.g
	p := &params{q: r.URL.Query()}
	ids := p.list("id")
	depth := p.int("depth", 1, 0, maxDepth)
	limit := p.int("limit", defaultElements, 1, maxElements)
	keep := filter(g, p.statuses(), p.types(), p.bool("contested"))
	compare := p.bool("compare")
	if p.badRequest(w, fmt.Sprintf("id=ENTITY[,ENTITY...]&depth=0..%d&limit=1..%d", maxDepth, maxElements)) {
		return
	}
	seeds := make([]string, 0, len(ids))
	for _, id := range ids {
		if g.Claim(id) != nil {
			seeds = append(seeds, id)
			continue
		}
		e := lookupEntity(g, id)
		if e == nil {
			notFound(w, g, "entity", id)
			return
		}
		seeds = append(seeds, e.ID)
	}
	out := render.CytoscapeElements(g, render.CytoscapeOptions{Seeds: seeds, Depth: depth, Limit: limit, Keep: keep})
	if compare && st.old != nil {
		addRemoved(st, out, limit, keep)
	}
	writeJSON(w, http.StatusOK, out)
}

// addRemoved adds, in compare mode, the claims the old version had and the
// served one lost, where they touch a drawn entity, with their ends: class
// "removed", label "(removed) …". They are read in the old graph, whose
// stances they carry. The limit still holds.
func addRemoved(st *snapshot, out *render.Cytoscape, limit int, keep func(*graph.Claim) bool) {
	d := st.diff()
	drawn := map[string]bool{}
	for _, n := range out.Elements.Nodes {
		drawn[n.Data.ID] = true
	}
	room := func(n int) bool {
		return len(out.Elements.Nodes)+len(out.Elements.Edges)+n <= limit
	}
	for _, c := range d.Claims.Removed {
		if !drawn[c.From] && !drawn[c.To] || keep != nil && !keep(c) {
			continue
		}
		var ends []string
		for _, e := range []string{c.From, c.To} {
			if !drawn[e] && !slices.Contains(ends, e) {
				ends = append(ends, e)
			}
		}
		if !room(len(ends) + 1) {
			out.Truncated += len(ends) + 1
			continue
		}
		for _, e := range ends {
			ent := st.g.Entity(e)
			if ent == nil {
				ent = st.old.Entity(e)
			}
			n := render.CytoscapeNodeOf(ent)
			if st.g.Entity(e) == nil {
				n.Classes += " removed"
			}
			out.Elements.Nodes = append(out.Elements.Nodes, n)
			drawn[e] = true
		}
		edge := render.CytoscapeEdgeOf(st.old, c)
		edge.Classes += " removed"
		out.Elements.Edges = append(out.Elements.Edges, edge)
	}
}

// apiFigure draws the briefing SVG of the selection: focus (an entity, or
// a claim: both its ends) and depth, status, type, contested and
// min-credibility, as `claimgraph render` takes them and graph.Select
// applies them for both.
func (s *Server) apiFigure(w http.ResponseWriter, r *http.Request) {
	st := s.view(w, r)
	if st == nil {
		return
	}
	g := st.g
	p := &params{q: r.URL.Query()}
	sel := graph.Selection{Focus: p.str("focus"), Depth: p.int("depth", 1, 0, maxDepth),
		Statuses: p.statuses(), Types: p.types(), Contested: p.bool("contested"),
		MinCredibility: p.int("min-credibility", 0, 0, 6)}
	if p.badRequest(w, "the parameters are render's flags: focus, depth, status, type, contested, min-credibility") {
		return
	}
	if sel.Focus != "" && g.Claim(sel.Focus) == nil {
		e := lookupEntity(g, sel.Focus)
		if e == nil {
			notFound(w, g, "entity", sel.Focus)
			return
		}
		sel.Focus = e.ID
	}
	sub := graph.Select(g, sel)
	var buf bytes.Buffer
	err := render.SVG(&buf, sub, render.Options{AsOf: st.asOfDate})
	var tl *render.TooLargeError
	if errors.As(err, &tl) {
		writeError(w, http.StatusBadRequest, err.Error(), "draw less: focus on an entity with a small depth, or filter by status, type or contested")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error(), "")
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Content-Disposition", `attachment; filename="claimgraph-briefing.svg"`)
	_, _ = w.Write(buf.Bytes())
}

func jsonLine(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
