package web

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
)

// The explorer's speed goals, on the 100,000-entity, 1,000,000-claim
// synthetic dataset (the bytes `claimgraph synth --entities 100000 --claims
// 1000000 --seed 1` writes): search p95 ≤ 50 ms, neighbourhood depth 1 p95 ≤
// 100 ms, paths p95 ≤ 300 ms. The benchmarks call the handler in-process (no
// network), each request on a different entity or query, and report the p95
// besides the mean; .ci/bench/serve.sh measures the same over HTTP with 8
// clients.
//
//	go test ./render/web -run '^$' -bench . -benchtime 200x [-web.data FILE]
var benchData = flag.String("web.data", "", "benchmark on this dataset file instead of the synthetic one")

var benchOptions = data.SynthOptions{Entities: 100_000, Claims: 1_000_000, Contested: 0.2, Seed: 1}

var bench struct {
	once sync.Once
	srv  *Server
	ids  []string
	qs   []string
	err  error
}

func benchServer(b *testing.B) *Server {
	bench.once.Do(func() {
		var ds *graph.Dataset
		var err error
		if *benchData != "" {
			ds, err = data.Load([]string{*benchData}, data.Options{MaxBytes: 1 << 32})
		} else {
			ds, err = data.GenerateSynthetic(benchOptions)
		}
		if err != nil {
			bench.err = err
			return
		}
		g, err := graph.New(ds)
		if err != nil {
			bench.err = err
			return
		}
		bench.srv, bench.err = New(Config{Load: func() (*graph.Graph, error) { return g, nil }})
		if bench.err != nil {
			return
		}
		bench.srv.Bound("127.0.0.1:80")
		r := rand.New(rand.NewPCG(1, 2))
		es := g.Entities()
		for range 1000 {
			e := es[r.IntN(len(es))]
			bench.ids = append(bench.ids, e.ID)
			// Queries as typed: the first 2 to 6 letters of a name.
			name := []rune(e.Name)
			bench.qs = append(bench.qs, string(name[:min(len(name), 2+r.IntN(5))]))
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.srv
}

// benchRequests serves one request per iteration, the i-th from path(i),
// and reports the p95 latency in milliseconds.
func benchRequests(b *testing.B, path func(i int) string) {
	srv := benchServer(b)
	var lat []time.Duration
	b.ResetTimer()
	i := 0
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path(i), nil)
		req.Host = "127.0.0.1:80"
		w := httptest.NewRecorder()
		start := time.Now()
		srv.ServeHTTP(w, req)
		lat = append(lat, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path(i), w.Code, w.Body.String())
		}
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

func BenchmarkSearch(b *testing.B) {
	benchRequests(b, func(i int) string { return "/api/search?q=" + url.QueryEscape(bench.qs[i%len(bench.qs)]) })
}

func BenchmarkNeighbourhoodDepth1(b *testing.B) {
	benchRequests(b, func(i int) string { return "/api/neighbourhood?depth=1&id=" + bench.ids[i%len(bench.ids)] })
}

func BenchmarkPaths(b *testing.B) {
	benchRequests(b, func(i int) string {
		n := len(bench.ids)
		return fmt.Sprintf("/api/paths?from=%s&to=%s", bench.ids[i%n], bench.ids[(i*7+1)%n])
	})
}
