package web

import (
	"embed"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// The safety headers every response carries, whatever its status.
const (
	ContentSecurityPolicy = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'"
	headerNoSniff         = "nosniff"
)

//go:embed assets/index.html assets/app.js assets/app.css assets/cytoscape.min.js
var assets embed.FS

// staticFiles maps each served path to its embedded file and type. Nothing
// else is served: there is no file-system lookup to escape from.
var staticFiles = map[string]struct{ file, ctype string }{
	"/":                        {"assets/index.html", "text/html; charset=utf-8"},
	"/assets/app.js":           {"assets/app.js", "text/javascript; charset=utf-8"},
	"/assets/app.css":          {"assets/app.css", "text/css; charset=utf-8"},
	"/assets/cytoscape.min.js": {"assets/cytoscape.min.js", "text/javascript; charset=utf-8"},
}

// Config is what the command line gives the server.
type Config struct {
	// Load reads the datasets the command line named. The server calls it
	// once in New and again on every change when Watch is set.
	Load func() (*graph.Graph, error)
	// Old is the --compare version, or nil; OldName names it in the page.
	Old     *graph.Graph
	OldName string
	// Watch lists the dataset paths to poll for changes; empty: no watching.
	Watch []string
	// Poll is how often watched paths are checked (default 300 ms); a
	// reload waits until they have not changed for one more period.
	Poll time.Duration
	// Problems splits a load error into the loader's positioned problems
	// for the page (render does not import the loader); nil: none.
	Problems func(error) []ProblemJSON
	// CheckDate says what is wrong with an as-of date, or "", in the
	// loader's words, so that a bad as-of is refused as --as-of is
	// (render does not import the loader); nil: dates are not checked.
	CheckDate func(string) string
}

// Server is the explorer's http.Handler.
type Server struct {
	cfg   Config
	state atomic.Pointer[snapshot]
	mux   *http.ServeMux

	hostsMu sync.RWMutex
	hosts   map[string]bool // allowed Host headers; empty: not yet bound

	failure atomic.Pointer[LoadFailure] // the last reload's, until one succeeds
	events  *broker
	stop    chan struct{}
	done    sync.WaitGroup
	closed  sync.Once
}

// New loads the graph and returns the server. A load error is returned as
// is: without a first good graph there is nothing to show.
func New(cfg Config) (*Server, error) {
	if cfg.Poll <= 0 {
		cfg.Poll = 300 * time.Millisecond
	}
	g, err := cfg.Load()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, events: newBroker(), stop: make(chan struct{}), hosts: map[string]bool{}}
	s.state.Store(newSnapshot(g, cfg.Old))
	s.routes()
	if len(cfg.Watch) > 0 {
		// Stamp before the first poll: a change made as soon as New
		// returns must count as a change.
		w := &watcher{last: stamp(cfg.Watch)}
		s.done.Add(1)
		go s.watch(w)
	}
	return s, nil
}

// Close stops watching and ends the event streams.
func (s *Server) Close() {
	s.closed.Do(func() {
		close(s.stop)
		s.events.close()
	})
	s.done.Wait()
}

// Bound tells the server the address its listener got (with the port that
// ":0" picked), so that it accepts Host headers naming it, or localhost at
// its port, and refuses every other.
func (s *Server) Bound(addr string) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return
	}
	s.hostsMu.Lock()
	defer s.hostsMu.Unlock()
	s.hosts[net.JoinHostPort(host, port)] = true
	s.hosts["localhost:"+port] = true
	ip := net.ParseIP(host)
	if ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		s.hosts[net.JoinHostPort("127.0.0.1", port)] = true
		s.hosts[net.JoinHostPort("::1", port)] = true
	}
	if ip != nil && ip.IsUnspecified() {
		// Bound to every interface (0.0.0.0, ::): each of the machine's
		// addresses is a bound address. Names other than localhost stay
		// refused: a name is what DNS rebinding controls.
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				s.hosts[strings.ToLower(net.JoinHostPort(n.IP.String(), port))] = true
			}
		}
	}
}

func (s *Server) hostAllowed(h string) bool {
	s.hostsMu.RLock()
	defer s.hostsMu.RUnlock()
	return s.hosts[strings.ToLower(h)]
}

// ServeHTTP applies the rules every request meets, then routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", headerNoSniff)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	if !s.hostAllowed(r.Host) {
		writeError(w, http.StatusForbidden, "host "+quote(r.Host)+" is not this server's address", "open the address claimgraph serve printed")
		return
	}
	if r.Method != http.MethodGet {
		h.Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed", "the explorer is read-only: use GET")
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("/", s.static)
	m.HandleFunc("/api/config", s.apiConfig)
	m.HandleFunc("/api/style", s.apiStyle)
	m.HandleFunc("/api/dates", s.apiDates)
	m.HandleFunc("/api/search", s.apiSearch)
	m.HandleFunc("/api/entity/{id}", s.apiEntity)
	m.HandleFunc("/api/claim/{id}", s.apiClaim)
	m.HandleFunc("/api/source/{id}", s.apiSource)
	m.HandleFunc("/api/neighbourhood", s.apiNeighbourhood)
	m.HandleFunc("/api/paths", s.apiPaths)
	m.HandleFunc("/api/diff", s.apiDiff)
	m.HandleFunc("/api/figure.svg", s.apiFigure)
	m.HandleFunc("/events", s.sse)
	s.mux = m
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	f, ok := staticFiles[r.URL.Path]
	if !ok {
		writeError(w, http.StatusNotFound, "no page "+quote(r.URL.Path), "the explorer is at /")
		return
	}
	b, err := assets.ReadFile(f.file)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error(), "")
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	if r.URL.Path != "/" {
		// The files are in the binary: they change only with it.
		w.Header().Set("Cache-Control", "no-cache")
	}
	_, _ = w.Write(b)
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
	Hint  string `json:"hint"`
}

func writeError(w http.ResponseWriter, code int, msg, hint string) {
	writeJSON(w, code, apiError{msg, hint})
}

// errBadParam marks a bad query parameter: 400.
var errBadParam = errors.New("bad parameter")

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // as the CLI's JSON: nosniff and the JSON type keep it data
	_ = enc.Encode(v)
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
