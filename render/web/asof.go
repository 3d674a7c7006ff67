package web

// The explorer's date slider: every endpoint that answers from the graph
// takes as-of=DATE and undated=keep|exclude, as the commands take --as-of
// and --undated, and answers from the dataset as known on DATE
// (graph.AsOf). Projecting a million claims costs a few tenths of a second,
// so each snapshot keeps the last few projections; a reload makes a new
// snapshot, and with it an empty cache.

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

// asOfCacheSize is how many projections a snapshot keeps: a slider moved
// back and forth revisits a few dates, and each one holds a whole graph.
const asOfCacheSize = 8

// asOfCache keeps a snapshot's projections, most recently used last.
type asOfCache struct {
	mu      sync.Mutex
	entries []*asOfEntry
}

type asOfEntry struct {
	key  string
	once sync.Once
	view *snapshot
	err  error
}

// entry returns the cache entry for key, made and moved to the end; the
// oldest goes when there are too many. Building happens outside the lock,
// once per entry, so that two requests for one date project it once and a
// request for another date does not wait.
func (c *asOfCache) entry(key string) *asOfEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := slices.IndexFunc(c.entries, func(e *asOfEntry) bool { return e.key == key })
	var e *asOfEntry
	if i >= 0 {
		e = c.entries[i]
		c.entries = slices.Delete(c.entries, i, i+1)
	} else {
		e = &asOfEntry{key: key}
		if len(c.entries) >= asOfCacheSize {
			c.entries = slices.Delete(c.entries, 0, 1)
		}
	}
	c.entries = append(c.entries, e)
	return e
}

// asOfParams reads as-of and undated; a bad one is a 400 worded as the
// command line words --as-of and --undated.
func (s *Server) asOfParams(r *http.Request) (date string, mode graph.Undated, err error) {
	q := r.URL.Query()
	date = strings.TrimSpace(q.Get("as-of"))
	switch u := strings.TrimSpace(q.Get("undated")); u {
	case "", "keep":
	case "exclude":
		mode = graph.ExcludeUndated
	default:
		return "", 0, fmt.Errorf("unknown undated %s (want keep or exclude)", quote(u))
	}
	if date != "" && s.cfg.CheckDate != nil {
		if msg := s.cfg.CheckDate(date); msg != "" {
			return "", 0, fmt.Errorf("as-of %s %s", quote(date), msg)
		}
	}
	return date, mode, nil
}

// view returns what a request answers from: the current snapshot, or its
// projection to the request's as-of date. On a bad date it writes the 400
// and returns nil.
func (s *Server) view(w http.ResponseWriter, r *http.Request) *snapshot {
	st := s.state.Load()
	date, mode, err := s.asOfParams(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), "as-of is a date as the data writes it: YYYY-MM-DD, YYYY-MM or YYYY; undated is keep or exclude")
		return nil
	}
	if date == "" {
		return st
	}
	v, err := st.asOf(date, mode)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error(), "")
		return nil
	}
	return v
}

// asOf returns the snapshot projected to date, from the cache when it is
// there. The --compare version is projected too: a diff as of a date
// compares both sides as known then, as `diff --as-of` does.
func (st *snapshot) asOf(date string, mode graph.Undated) (*snapshot, error) {
	e := st.projections.entry(fmt.Sprintf("%s|%d", date, mode))
	e.once.Do(func() {
		g, err := project(st.g, date, mode)
		if err != nil {
			e.err = err
			return
		}
		var old *graph.Graph
		if st.old != nil {
			if old, err = project(st.old, date, mode); err != nil {
				e.err = err
				return
			}
		}
		e.view = &snapshot{g: g, old: old, version: st.version, loaded: st.loaded, asOfDate: date}
	})
	return e.view, e.err
}

// project returns g as known on date. g.Dataset is a copy, so the
// projection may compact it in place.
func project(g *graph.Graph, date string, mode graph.Undated) (*graph.Graph, error) {
	ds, _ := graph.AsOfInPlace(g.Dataset(), date, mode)
	return graph.New(ds)
}

// datesJSON is /api/dates: what the slider steps through.
type datesJSON struct {
	// Dates are the distinct reporting dates, as written, in date order:
	// sources' published, stances' dates (their own, else their
	// source's), history entries' dates.
	Dates []string `json:"dates"`
}

func (s *Server) apiDates(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	writeJSON(w, http.StatusOK, datesJSON{Dates: st.reportingDates()})
}

// reportingDates lists the graph's distinct reporting dates, once.
func (st *snapshot) reportingDates() []string {
	st.datesOnce.Do(func() {
		seen := map[string]bool{}
		add := func(d string) {
			if d != "" {
				seen[d] = true
			}
		}
		g := st.g
		published := func(id string) string {
			if src := g.Source(id); src != nil {
				return src.Published
			}
			return ""
		}
		for _, src := range g.Sources() {
			add(src.Published)
		}
		for _, c := range g.Claims() {
			for i := range c.Stances {
				add(graph.StanceDate(&c.Stances[i], published))
			}
			for _, h := range c.History {
				add(h.Date)
			}
		}
		out := make([]string, 0, len(seen))
		for d := range seen {
			out = append(out, d)
		}
		slices.SortFunc(out, graph.CompareDates)
		st.dates = out
	})
	return st.dates
}
