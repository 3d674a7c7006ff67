package web

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
)

// loadEmbedded is the Config.Load of the embedded dataset.
func loadEmbedded() (*graph.Graph, error) {
	ds, err := data.LoadEmbedded()
	if err != nil {
		return nil, err
	}
	return graph.New(ds)
}

// startServer runs cfg behind httptest and tells the server its address.
func startServer(t *testing.T, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	srv.Bound(ts.Listener.Addr().String())
	t.Cleanup(func() { srv.Close(); ts.Close() })
	return srv, ts
}

func get(t *testing.T, ts *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func getJSON(t *testing.T, ts *httptest.Server, path string, want int, v any) {
	t.Helper()
	resp, b := get(t, ts, path)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d; body %s", path, resp.StatusCode, want, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, b)
		}
	}
}

func oldGraph(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	// The old version lacks one claim: the new one added it.
	return g.Filter(func(c *graph.Claim) bool { return c.ID != "alibaba-data-to-pla" })
}

func TestStatusCodesAndHeaders(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadEmbedded, Old: oldGraph(t), OldName: "old.yaml"})
	_, plain := startServer(t, Config{Load: loadEmbedded})
	tests := []struct {
		name   string
		ts     *httptest.Server
		method string
		path   string
		host   string
		code   int
		ctype  string
	}{
		{"page", ts, "GET", "/", "", 200, "text/html; charset=utf-8"},
		{"script", ts, "GET", "/assets/app.js", "", 200, "text/javascript; charset=utf-8"},
		{"style", ts, "GET", "/assets/app.css", "", 200, "text/css; charset=utf-8"},
		{"cytoscape", ts, "GET", "/assets/cytoscape.min.js", "", 200, "text/javascript; charset=utf-8"},
		{"no such file", ts, "GET", "/assets/../../go.mod", "", 404, "application/json; charset=utf-8"},
		{"unlisted asset", ts, "GET", "/assets/CYTOSCAPE.md", "", 404, "application/json; charset=utf-8"},
		{"config", ts, "GET", "/api/config", "", 200, "application/json; charset=utf-8"},
		{"style table", ts, "GET", "/api/style", "", 200, "application/json; charset=utf-8"},
		{"search", ts, "GET", "/api/search?q=ali", "", 200, "application/json; charset=utf-8"},
		{"search bad limit", ts, "GET", "/api/search?q=ali&limit=101", "", 400, "application/json; charset=utf-8"},
		{"search limit not a number", ts, "GET", "/api/search?q=ali&limit=x", "", 400, "application/json; charset=utf-8"},
		{"entity", ts, "GET", "/api/entity/alibaba", "", 200, "application/json; charset=utf-8"},
		{"entity unknown", ts, "GET", "/api/entity/alibba", "", 404, "application/json; charset=utf-8"},
		{"claim", ts, "GET", "/api/claim/alibaba-data-to-pla", "", 200, "application/json; charset=utf-8"},
		{"claim unknown", ts, "GET", "/api/claim/alibaba-data-to-pl", "", 404, "application/json; charset=utf-8"},
		{"source", ts, "GET", "/api/source/report", "", 200, "application/json; charset=utf-8"},
		{"source unknown", ts, "GET", "/api/source/reprt", "", 404, "application/json; charset=utf-8"},
		{"neighbourhood", ts, "GET", "/api/neighbourhood?id=alibaba&depth=1&limit=10", "", 200, "application/json; charset=utf-8"},
		{"neighbourhood all", ts, "GET", "/api/neighbourhood", "", 200, "application/json; charset=utf-8"},
		{"neighbourhood bad depth", ts, "GET", "/api/neighbourhood?id=alibaba&depth=-1", "", 400, "application/json; charset=utf-8"},
		{"neighbourhood bad status", ts, "GET", "/api/neighbourhood?id=alibaba&status=rumoured", "", 400, "application/json; charset=utf-8"},
		{"neighbourhood bad bool", ts, "GET", "/api/neighbourhood?id=alibaba&contested=yes", "", 400, "application/json; charset=utf-8"},
		{"neighbourhood unknown", ts, "GET", "/api/neighbourhood?id=nobody", "", 404, "application/json; charset=utf-8"},
		{"paths", ts, "GET", "/api/paths?from=apple&to=pla", "", 200, "application/json; charset=utf-8"},
		{"paths missing to", ts, "GET", "/api/paths?from=apple", "", 400, "application/json; charset=utf-8"},
		{"paths bad max-hops", ts, "GET", "/api/paths?from=apple&to=pla&max-hops=99", "", 400, "application/json; charset=utf-8"},
		{"paths same", ts, "GET", "/api/paths?from=apple&to=apple", "", 400, "application/json; charset=utf-8"},
		{"paths unknown", ts, "GET", "/api/paths?from=apple&to=plaa", "", 404, "application/json; charset=utf-8"},
		{"diff", ts, "GET", "/api/diff", "", 200, "application/json; charset=utf-8"},
		{"diff without compare", plain, "GET", "/api/diff", "", 404, "application/json; charset=utf-8"},
		{"figure", ts, "GET", "/api/figure.svg?focus=alibaba&depth=1", "", 200, "image/svg+xml"},
		{"figure unknown focus", ts, "GET", "/api/figure.svg?focus=nobody", "", 404, "application/json; charset=utf-8"},
		{"events without watch", ts, "GET", "/events", "", 404, "application/json; charset=utf-8"},
		{"post", ts, "POST", "/api/search?q=a", "", 405, "application/json; charset=utf-8"},
		{"put", ts, "PUT", "/", "", 405, "application/json; charset=utf-8"},
		{"head", ts, "HEAD", "/", "", 405, "application/json; charset=utf-8"},
		{"options", ts, "OPTIONS", "/api/config", "", 405, "application/json; charset=utf-8"},
		{"rebinding host", ts, "GET", "/api/config", "evil.example:80", 403, "application/json; charset=utf-8"},
		{"other port", ts, "GET", "/", "localhost:1", 403, "application/json; charset=utf-8"},
		{"localhost", ts, "GET", "/api/config", "localhost:" + ts.URL[strings.LastIndex(ts.URL, ":")+1:], 200, "application/json; charset=utf-8"},
		{"unknown api", ts, "GET", "/api/nothing", "", 404, "application/json; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.ts.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, err := tt.ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Errorf("status %d, want %d; body %s", resp.StatusCode, tt.code, body)
			}
			if got := resp.Header.Get("Content-Security-Policy"); got != "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'" {
				t.Errorf("Content-Security-Policy %q", got)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if tt.code >= 400 && tt.method != "HEAD" {
				var e struct{ Error, Hint *string }
				if err := json.Unmarshal(body, &e); err != nil || e.Error == nil || e.Hint == nil {
					t.Errorf("error body %s: want {\"error\", \"hint\"}", body)
				}
			}
			if tt.code == 405 && resp.Header.Get("Allow") != "GET" {
				t.Errorf("Allow %q, want GET", resp.Header.Get("Allow"))
			}
		})
	}
}

func TestNotFoundSuggests(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadEmbedded})
	for _, tt := range []struct{ path, hint string }{
		{"/api/entity/alibba", `did you mean "alibaba"?`},
		{"/api/claim/alibaba-data-to-pl", `did you mean "alibaba-data-to-pla"?`},
		{"/api/source/reprt", `did you mean "report"?`},
		{"/api/neighbourhood?id=alibba", `did you mean "alibaba"?`},
	} {
		t.Run(tt.path, func(t *testing.T) {
			var e apiError
			getJSON(t, ts, tt.path, 404, &e)
			if e.Hint != tt.hint {
				t.Errorf("hint %q, want %q", e.Hint, tt.hint)
			}
		})
	}
}

func TestClaimAndEntityReadings(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadEmbedded})
	g, _ := loadEmbedded()
	var c map[string]any
	getJSON(t, ts, "/api/claim/alibaba-data-to-pla", 200, &c)
	r := g.Read(g.Claim("alibaba-data-to-pla"))
	if c["reading"] != r.String() {
		t.Errorf("reading %q, want %q", c["reading"], r.String())
	}
	for _, key := range []string{"id", "from", "to", "relation", "detail", "status", "contested", "stances", "sources", "reported", "supporters", "opponents"} {
		if _, ok := c[key]; !ok {
			t.Errorf("claim JSON lacks %q", key)
		}
	}
	var e report.EntityShown
	getJSON(t, ts, "/api/entity/alibaba", 200, &e)
	if e.Entity.ID != "alibaba" || len(e.Claims) == 0 {
		t.Fatalf("entity %+v", e)
	}
	for _, c := range e.Claims {
		if want := g.Read(g.Claim(c.ID)).String(); c.Reading != want {
			t.Errorf("%s: reading %q, want %q", c.ID, c.Reading, want)
		}
	}
	var s report.SourceShown
	getJSON(t, ts, "/api/source/report", 200, &s)
	if len(s.Claims) == 0 || s.DerivedClaims == nil {
		t.Errorf("source %+v", s)
	}
}

func TestSearch(t *testing.T) {
	yaml := `title: search
entities:
  - {id: zb, name: Zürich Bank, type: company, aliases: [ZKB]}
  - {id: mc, name: Ministère de la Culture, type: government}
claims:
  - {id: zb-funds-mc, from: zb, to: mc, relation: quietly funds, status: alleged}
`
	load := func() (*graph.Graph, error) {
		ds, err := data.LoadBytes("search.yaml", []byte(yaml))
		if err != nil {
			return nil, err
		}
		return graph.New(ds)
	}
	_, ts := startServer(t, Config{Load: load})
	tests := []struct {
		q    string
		want []string // kind:id, in order
	}{
		{"zurich", []string{"entity:zb"}},
		{"ZÜR", []string{"entity:zb"}},
		{"bank", []string{"entity:zb"}},
		{"zkb", []string{"entity:zb"}},
		{"ministere", []string{"entity:mc"}},
		{"culture", []string{"entity:mc"}},
		{"de la cul", []string{"entity:mc"}},
		{"funds", []string{"claim:zb-funds-mc"}},
		{"quietly f", []string{"claim:zb-funds-mc"}},
		{"zb", []string{"entity:zb", "claim:zb-funds-mc"}},
		{"ank", nil}, // no match inside a word
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			var res struct{ Results []SearchResult }
			getJSON(t, ts, "/api/search?q="+strings.ReplaceAll(tt.q, " ", "+"), 200, &res)
			var got []string
			for _, r := range res.Results {
				got = append(got, r.Kind+":"+r.ID)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("search %q = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func TestNeighbourhoodLimit(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadEmbedded})
	var all, cut struct {
		Elements struct {
			Nodes []map[string]any
			Edges []map[string]any
		}
		Truncated int
	}
	getJSON(t, ts, "/api/neighbourhood?id=alibaba&depth=2&limit=5000", 200, &all)
	getJSON(t, ts, "/api/neighbourhood?id=alibaba&depth=2&limit=4", 200, &cut)
	n := len(all.Elements.Nodes) + len(all.Elements.Edges)
	if all.Truncated != 0 || n <= 4 {
		t.Fatalf("uncut: %d elements, %d truncated", n, all.Truncated)
	}
	if m := len(cut.Elements.Nodes) + len(cut.Elements.Edges); m != 4 || cut.Truncated != n-4 {
		t.Errorf("limit 4: %d elements, %d truncated; want 4 and %d", m, cut.Truncated, n-4)
	}
}

func TestPathsAndDiff(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadEmbedded, Old: oldGraph(t)})
	var p report.PathsJSON
	getJSON(t, ts, "/api/paths?from=apple&to=pla", 200, &p)
	if len(p.Paths) == 0 || strings.Join(p.Paths[0].Entities, ",") != "apple,alibaba,pla" {
		t.Errorf("paths %+v", p)
	}
	getJSON(t, ts, "/api/paths?from=pla&to=apple&max-hops=1", 200, &p)
	if p.Paths == nil || len(p.Paths) != 0 {
		t.Errorf("no path: %+v, want \"paths\": []", p)
	}
	var d report.DiffJSON
	getJSON(t, ts, "/api/diff", 200, &d)
	if strings.Join(d.Claims.Added, ",") != "alibaba-data-to-pla" {
		t.Errorf("diff added %v", d.Claims.Added)
	}
}

// TestScriptPayloadsStayData checks the server side of the promise that
// dataset text is data: JSON strings, never markup the page could run.
func TestScriptPayloadsStayData(t *testing.T) {
	_, ts := startServer(t, Config{Load: loadHostileGraph})
	var e report.EntityShown
	getJSON(t, ts, "/api/entity/evil", 200, &e)
	if e.Entity.Name != payloadImg {
		t.Errorf("name %q", e.Entity.Name)
	}
	_, page := get(t, ts, "/")
	for _, bad := range []string{"onerror", "<script>", "style="} {
		if strings.Contains(string(page), bad) {
			t.Errorf("the page has %q: inline script or style", bad)
		}
	}
	_, js := get(t, ts, "/assets/app.js")
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
		if strings.Contains(string(js), bad) {
			t.Errorf("app.js uses %s", bad)
		}
	}
}

// sseReader reads events from an /events stream.
// sseReader reads server-sent events. next waits for the next one at most
// eventWait: a bound on a hang, not a timing assertion.
type sseReader struct{ r *bufio.Reader }

const eventWait = 2 * time.Minute

func (s sseReader) next(t *testing.T) (name, data string) {
	t.Helper()
	type event struct {
		name, data string
		err        error
	}
	ch := make(chan event, 1)
	go func() {
		var ev event
		for {
			line, err := s.r.ReadString('\n')
			if err != nil {
				ch <- event{err: err}
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				ch <- ev
				return
			}
		}
	}()
	select {
	case ev := <-ch:
		if ev.err != nil {
			t.Fatalf("event stream: %v", ev.err)
		}
		return ev.name, ev.data
	case <-time.After(eventWait):
		t.Fatalf("no event within %v", eventWait)
	}
	return "", ""
}

// writeAtomic replaces path's content in one step (write aside, rename), so
// that the watcher can only ever see the old or the new file.
func writeAtomic(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestEvents(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	good := "entities:\n  - {id: a, name: A, type: company}\n  - {id: b, name: B, type: company}\nclaims:\n  - {from: a, to: b, relation: owns, status: reported}\n"
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func() (*graph.Graph, error) {
		ds, err := data.Load([]string{path}, data.Options{MaxBytes: data.DefaultMaxBytes})
		if err != nil {
			return nil, err
		}
		return graph.New(ds)
	}
	srv, ts := startServer(t, Config{Load: load, Watch: []string{path}, Poll: 10 * time.Millisecond, Problems: testProblems})
	resp, err := ts.Client().Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" || resp.Header.Get("Content-Security-Policy") == "" {
		t.Fatalf("events headers %v", resp.Header)
	}
	ev := sseReader{bufio.NewReader(resp.Body)}

	// A change on disk is noticed by polling and reloaded. Every write
	// here is atomic, so that each step has one outcome: what the watcher
	// does with a file it sees half-written (truncate, then write, as many
	// editors save) is TestWatcherTick's, poll by poll.
	writeAtomic(t, path, good+"  - {from: b, to: a, relation: sues, status: alleged}\n")
	if name, data := ev.next(t); name != "reload" || data != `{"version":1}` {
		t.Fatalf("event %s %s, want reload", name, data)
	}
	var c map[string]any
	getJSON(t, ts, "/api/claim/b--sues--a", 200, &c)

	// A broken file: an error event with file:line:col, the last good
	// graph still served.
	// Written in one step, so that the problem is the file's own.
	writeAtomic(t, path, good+"  - {from: b, to: nobody, relation: x, status: alleged}\n")
	name, data := ev.next(t)
	var f LoadFailure
	if err := json.Unmarshal([]byte(data), &f); name != "error" || err != nil || len(f.Problems) == 0 {
		t.Fatalf("event %s %s, want error with problems", name, data)
	}
	if p := f.Problems[0]; p.File != path || p.Line != 6 || p.Col == 0 || !strings.HasPrefix(p.Text, path+":6:") {
		t.Errorf("problem %+v, want at %s:6", p, path)
	}
	getJSON(t, ts, "/api/claim/b--sues--a", 200, &c)
	var cfg configJSON
	getJSON(t, ts, "/api/config", 200, &cfg)
	if cfg.Failure == nil || !cfg.Watch || cfg.Version != 1 {
		t.Errorf("config %+v", cfg)
	}

	// Reload by hand, fixed again: the failure clears.
	writeAtomic(t, path, good)
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	for {
		if name, _ := ev.next(t); name == "reload" {
			break
		}
	}
	getJSON(t, ts, "/api/config", 200, &cfg)
	if cfg.Failure != nil {
		t.Errorf("failure %+v after a good reload", cfg.Failure)
	}
}

func TestBoundHosts(t *testing.T) {
	tests := []struct {
		bound string
		ok    []string
		no    []string
	}{
		{"127.0.0.1:8080", []string{"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"},
			[]string{"127.0.0.1:8081", "evil.example:8080", "127.0.0.1", "", "localhost.evil.example:8080"}},
		{"[::1]:9000", []string{"[::1]:9000", "localhost:9000", "127.0.0.1:9000"}, []string{"[::1]:9001", "example.org:9000"}},
		{"192.0.2.7:80", []string{"192.0.2.7:80", "localhost:80"}, []string{"127.0.0.1:80", "evil.example:80"}},
		{"0.0.0.0:5000", []string{"127.0.0.1:5000", "localhost:5000"}, []string{"evil.example:5000", "127.0.0.1:5001"}},
	}
	for _, tt := range tests {
		t.Run(tt.bound, func(t *testing.T) {
			s := &Server{hosts: map[string]bool{}}
			s.Bound(tt.bound)
			for _, h := range tt.ok {
				if !s.hostAllowed(h) {
					t.Errorf("Host %q refused", h)
				}
			}
			for _, h := range tt.no {
				if s.hostAllowed(h) {
					t.Errorf("Host %q allowed", h)
				}
			}
		})
	}
}

// TestNeighbourhoodCompareShowsRemoved: in compare mode the claims the old
// version had, where they touch what is drawn, come back marked removed.
func TestNeighbourhoodCompareShowsRemoved(t *testing.T) {
	full, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	load := func() (*graph.Graph, error) {
		return full.Filter(func(c *graph.Claim) bool { return c.ID != "alibaba-data-to-pla" }), nil
	}
	_, ts := startServer(t, Config{Load: load, Old: full, OldName: "old"})
	type elems struct {
		Elements struct {
			Nodes []struct{ Classes string }
			Edges []struct {
				Data    struct{ ID string }
				Classes string
			}
		}
		Truncated int
	}
	removed := func(e elems) string {
		for _, ed := range e.Elements.Edges {
			if ed.Data.ID == "alibaba-data-to-pla" {
				return ed.Classes
			}
		}
		return ""
	}
	var plain, cmp elems
	getJSON(t, ts, "/api/neighbourhood?id=alibaba&depth=1", 200, &plain)
	getJSON(t, ts, "/api/neighbourhood?id=alibaba&depth=1&compare=true", 200, &cmp)
	if removed(plain) != "" {
		t.Errorf("without compare the removed claim is drawn: %q", removed(plain))
	}
	if got := removed(cmp); got != "claim alleged contested removed" {
		t.Errorf("with compare: classes %q, want the removed claim marked", got)
	}
	getJSON(t, ts, "/api/neighbourhood?id=alibaba&depth=1&compare=true&limit=3", 200, &cmp)
	if n := len(cmp.Elements.Nodes) + len(cmp.Elements.Edges); n > 3 {
		t.Errorf("limit 3: %d elements", n)
	}
}

// testProblems is what serve passes as Config.Problems: the loader's
// problems, each at its place.
func testProblems(err error) []ProblemJSON {
	var de *data.Errors
	if !errors.As(err, &de) {
		return nil
	}
	var out []ProblemJSON
	for _, p := range de.Problems {
		out = append(out, ProblemJSON{File: p.File, Line: p.Line, Col: p.Col, Message: p.Msg, Text: p.String()})
	}
	return out
}
