package web

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// snapshot is one loaded graph with what the server derives from it. A
// reload builds a new one and swaps it in whole, so that a request sees one
// version from start to end.
type snapshot struct {
	g       *graph.Graph
	index   *searchIndex
	old     *graph.Graph
	version int
	loaded  time.Time

	// The comparison with --compare's version, made on first use.
	diffOnce     sync.Once
	d            *graph.Diff
	diffJSONOnce sync.Once
	diffJSON     []byte
	diffErr      error

	// asOfDate is the as-of date of a projection, "" for the served graph.
	asOfDate string
	// The projections to as-of dates (only the served graph's snapshot
	// has them), and the reporting dates the slider steps through.
	projections asOfCache
	datesOnce   sync.Once
	dates       []string
	// A projection's search index is made on its first search: most
	// dates are only drawn.
	indexOnce sync.Once
}

func newSnapshot(g *graph.Graph, old *graph.Graph) *snapshot {
	st := &snapshot{g: g, old: old, loaded: time.Now()}
	st.searchIndex()
	return st
}

// searchIndex returns the snapshot's search index, made once.
func (st *snapshot) searchIndex() *searchIndex {
	st.indexOnce.Do(func() { st.index = newSearchIndex(st.g) })
	return st.index
}

// LoadFailure is what the page shows when a watched dataset no longer loads:
// the loader's problems, each at its file:line:col.
type LoadFailure struct {
	Error    string        `json:"error"`
	Problems []ProblemJSON `json:"problems"`
}

// ProblemJSON is one loader problem; text is its "file:line:col: message".
type ProblemJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Text    string `json:"text"`
}

func (s *Server) failureOf(err error) *LoadFailure {
	f := &LoadFailure{Error: err.Error(), Problems: []ProblemJSON{}}
	if s.cfg.Problems != nil {
		f.Problems = append(f.Problems, s.cfg.Problems(err)...)
	}
	return f
}

// Reload loads the datasets again. On success the new graph replaces the
// old and a "reload" event goes out; on failure the last good graph stays
// and an "error" event carries the problems.
func (s *Server) Reload() error { return s.reload(true) }

// reload is Reload; with report false a failure is returned and nothing
// else, so that the watcher can try once more before telling the page.
func (s *Server) reload(report bool) error {
	g, err := s.cfg.Load()
	if err != nil {
		if report {
			f := s.failureOf(err)
			s.failure.Store(f)
			s.events.send("error", f)
		}
		return err
	}
	prev := s.state.Load()
	next := newSnapshot(g, s.cfg.Old)
	next.version = prev.version + 1
	s.state.Store(next)
	s.failure.Store(nil)
	s.events.send("reload", map[string]int{"version": next.version})
	return nil
}

// watch polls the watched paths every Poll and lets w decide when to
// reload. Polling needs no library and works on every file system,
// including mounts that send no notifications.
func (s *Server) watch(w *watcher) {
	defer s.done.Done()
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		w.tick(stamp(s.cfg.Watch), s.reload)
	}
}

// watcher decides, one poll at a time, when a change on disk has settled
// enough to load. Editors and scripts save in several writes (truncate,
// then write; os.WriteFile does), and a poll can fall between them:
//
//   - a change loads only once two consecutive polls saw the same stamps
//     (every file's size and time), i.e. nothing changed for a whole poll
//     period after it;
//   - a writer can still stall longer than that between its writes, and a
//     file can change while it loads, so a load that fails right after a
//     change is not reported at once: the next poll loads again, silently
//     re-arming the wait if the stamps moved meanwhile, and only a second
//     failure on unchanged files goes to the page.
//
// Every poll compares with the one before it, never with older stamps, so
// a file that keeps changing never loads half-written; a file that changes
// back to what was last loaded cancels the pending reload.
type watcher struct {
	last    []fileStamp // the stamps of the files last loaded (or at start)
	pending []fileStamp // a change seen at the previous poll, not yet loaded
	retry   bool        // the last load, right after a change, failed unreported
}

// tick takes one poll's stamps; load(report) loads, reporting a failure to
// the page only when report is set.
func (w *watcher) tick(now []fileStamp, load func(report bool) error) {
	if w.retry {
		w.retry = false
		if slices.Equal(now, w.last) {
			_ = load(true) // the error went to the page as an event
			return
		}
		// Changed again since the failed load: wait for it to settle.
		w.pending = now
		return
	}
	switch {
	case w.pending != nil && slices.Equal(now, w.pending):
		w.pending = nil
		w.last = now
		if load(false) != nil {
			w.retry = true
		}
	case !slices.Equal(now, w.last):
		w.pending = now
	default:
		w.pending = nil
	}
}

// fileStamp is what polling compares: a file's path, size and time.
type fileStamp struct {
	path string
	size int64
	mod  time.Time
}

// stamp lists the files under paths (a directory's dataset files, as the
// loader would read them) with their sizes and times, sorted by path.
func stamp(paths []string) []fileStamp {
	var out []fileStamp
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			out = append(out, fileStamp{path: p, size: -1})
			continue
		}
		if !fi.IsDir() {
			out = append(out, fileStamp{p, fi.Size(), fi.ModTime()})
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				out = append(out, fileStamp{path, info.Size(), info.ModTime()})
			}
			return nil
		})
	}
	slices.SortFunc(out, func(a, b fileStamp) int {
		switch {
		case a.path < b.path:
			return -1
		case a.path > b.path:
			return 1
		}
		return 0
	})
	return out
}

// broker fans server-sent events out to the open /events streams.
type broker struct {
	mu     sync.Mutex
	subs   map[chan sseEvent]bool
	closed bool
}

type sseEvent struct {
	name string
	data any
}

func newBroker() *broker { return &broker{subs: map[chan sseEvent]bool{}} }

func (b *broker) subscribe() (chan sseEvent, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, false
	}
	ch := make(chan sseEvent, 8)
	b.subs[ch] = true
	return ch, true
}

func (b *broker) unsubscribe(ch chan sseEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs[ch] {
		delete(b.subs, ch)
		close(ch)
	}
}

// send gives every stream the event; a stream too slow to take it misses
// it rather than stalling the others (the next reload event catches it up).
func (b *broker) send(name string, data any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- sseEvent{name, data}:
		default:
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for ch := range b.subs {
		delete(b.subs, ch)
		close(ch)
	}
}

// sse streams events: "reload" after a good reload, "error" with the load
// failure. A stream opened while the datasets do not load gets the error
// at once, so that a page opened late still shows it.
func (s *Server) sse(w http.ResponseWriter, r *http.Request) {
	if len(s.cfg.Watch) == 0 {
		writeError(w, http.StatusNotFound, "no events: the server is not watching its datasets", "run claimgraph serve --watch")
		return
	}
	fl, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming not supported", "")
		return
	}
	ch, ok := s.events.subscribe()
	if !ok {
		writeError(w, http.StatusServiceUnavailable, "the server is stopping", "")
		return
	}
	defer s.events.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": claimgraph events\n\n")
	if f := s.failure.Load(); f != nil {
		writeEvent(w, sseEvent{"error", f})
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			writeEvent(w, ev)
			fl.Flush()
		}
	}
}

// writeEvent writes one event; its data is JSON on one line (json.Marshal
// escapes line breaks in strings), so no dataset text can end the event.
func writeEvent(w http.ResponseWriter, ev sseEvent) {
	b, err := jsonLine(ev.data)
	if err != nil {
		return
	}
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, b)
}
