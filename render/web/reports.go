package web

// The endpoints that answer as the commands print: /api/entity, /api/claim
// and /api/source as `show --format json`, /api/paths as `paths --format
// json`, /api/diff as `diff --format json`. Each calls the one writer in
// render/report that the command calls, so the shapes cannot drift apart.

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
)

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	st := s.view(w, r)
	if st == nil {
		return
	}
	g := st.g
	id := r.PathValue("id")
	e := lookupEntity(g, id)
	if e == nil {
		notFound(w, g, "entity", id)
		return
	}
	writeJSON(w, http.StatusOK, report.EntityJSON(g, e))
}

func (s *Server) apiClaim(w http.ResponseWriter, r *http.Request) {
	st := s.view(w, r)
	if st == nil {
		return
	}
	g := st.g
	id := r.PathValue("id")
	c := g.Claim(id)
	if c == nil {
		notFound(w, g, "claim", id)
		return
	}
	writeJSON(w, http.StatusOK, report.ClaimJSON(g, c))
}

func (s *Server) apiSource(w http.ResponseWriter, r *http.Request) {
	st := s.view(w, r)
	if st == nil {
		return
	}
	g := st.g
	id := r.PathValue("id")
	src := g.Source(id)
	if src == nil {
		notFound(w, g, "source", id)
		return
	}
	writeJSON(w, http.StatusOK, report.SourceJSON(g, src))
}

// apiPaths takes paths's flags as parameters: from, to, max-hops, limit,
// undirected, avoid-contested, status, rank. No path is 200 with
// "paths": [].
func (s *Server) apiPaths(w http.ResponseWriter, r *http.Request) {
	st := s.view(w, r)
	if st == nil {
		return
	}
	g := st.g
	p := &params{q: r.URL.Query()}
	opts := graph.PathOptions{
		MaxHops:        p.int("max-hops", 6, 1, graph.MaxHopsLimit),
		Limit:          p.int("limit", 20, 1, maxSearchLimit),
		Undirected:     p.bool("undirected"),
		AvoidContested: p.bool("avoid-contested"),
		Statuses:       p.statuses(),
	}
	switch rank := p.str("rank"); rank {
	case "", "strength":
	case "hops":
		opts.Rank = graph.RankHops
	default:
		p.fail("rank", "%q is not strength or hops", rank)
	}
	from, to := p.str("from"), p.str("to")
	if from == "" || to == "" {
		p.fail("from, to", "both are needed")
	}
	if p.badRequest(w, fmt.Sprintf("from=ENTITY&to=ENTITY, max-hops 1..%d, limit 1..%d, rank strength or hops", graph.MaxHopsLimit, maxSearchLimit)) {
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
	paths, stats, err := g.Paths(fe.ID, te.ID, opts)
	var bound *graph.SearchBoundError
	if errors.As(err, &bound) {
		writeError(w, http.StatusBadRequest, err.Error(), "narrow the search: a lower max-hops, status to keep only stronger claims, or avoid-contested")
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), "")
		return
	}
	if stats.Limit < opts.Limit {
		opts.Limit = stats.Limit
	}
	rep := &report.Paths{G: g, From: fe, To: te, Search: opts, Found: paths}
	writeJSON(w, http.StatusOK, rep.JSON())
}

func (s *Server) apiDiff(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Old == nil {
		writeError(w, http.StatusNotFound, "nothing to compare with", "run claimgraph serve --compare OLD")
		return
	}
	st := s.view(w, r)
	if st == nil {
		return
	}
	b, err := st.diffBytes(s.cfg.OldName)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error(), "")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b)
}

// diff compares the old version with the snapshot's graph, once.
func (st *snapshot) diff() *graph.Diff {
	st.diffOnce.Do(func() { st.d = graph.Compare(st.old, st.g) })
	return st.d
}

// diffBytes is the diff as `diff --format json` writes it, made once.
func (st *snapshot) diffBytes(oldName string) ([]byte, error) {
	st.diffJSONOnce.Do(func() {
		var buf bytes.Buffer
		rep := &report.Diff{D: st.diff(), Old: st.old, New: st.g, OldName: oldName}
		st.diffErr = rep.JSON(&buf)
		st.diffJSON = buf.Bytes()
	})
	return st.diffJSON, st.diffErr
}
