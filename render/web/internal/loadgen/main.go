// Command loadgen measures a running `claimgraph serve` the way the speed
// goals are stated: a fixed number of requests per endpoint from a fixed
// number of concurrent clients, then it stops and prints the p50, p95 and
// max latency of each. It talks to 127.0.0.1 or localhost only; any other
// address is refused, so it cannot be pointed at someone else's server.
//
//	go run ./render/web/internal/loadgen -url http://127.0.0.1:PORT/ -n 2000 -c 8
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "loadgen: error: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	base := fs.String("url", "", "the server's address, http://127.0.0.1:PORT/")
	n := fs.Int("n", 2000, "requests per endpoint")
	c := fs.Int("c", 8, "concurrent clients")
	seed := fs.Uint64("seed", 1, "random seed for the ids and queries")
	if err := fs.Parse(args); err != nil {
		return err
	}
	u, err := url.Parse(*base)
	if err != nil || u.Scheme != "http" || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost") {
		return fmt.Errorf("-url %q: want http://127.0.0.1:PORT/ (loopback only)", *base)
	}
	if *n < 1 || *n > 1_000_000 || *c < 1 || *c > 64 {
		return errors.New("-n must be 1 to 1000000 and -c 1 to 64")
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *c}}
	get := func(path string) ([]byte, error) {
		resp, err := client.Get(u.Scheme + "://" + u.Host + path)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("GET %s: %s", path, resp.Status)
		}
		return b, err
	}

	// Entity ids and names to ask about, found through search itself.
	var ids, names []string
	for _, q := range "abcdefghijklmnopqrstuvwxyz" {
		b, err := get("/api/search?limit=100&q=" + string(q))
		if err != nil {
			return err
		}
		var res struct {
			Results []struct{ Kind, ID, Label string }
		}
		if err := json.Unmarshal(b, &res); err != nil {
			return err
		}
		for _, r := range res.Results {
			if r.Kind == "entity" {
				ids, names = append(ids, r.ID), append(names, r.Label)
			}
		}
	}
	if len(ids) < 2 {
		return errors.New("the server's dataset has too few entities to measure")
	}
	r := rand.New(rand.NewPCG(*seed, 1))
	prefix := func() string {
		name := []rune(names[r.IntN(len(names))])
		return string(name[:min(len(name), 2+r.IntN(5))])
	}
	endpoints := []struct {
		name string
		path func() string
	}{
		{"search", func() string { return "/api/search?q=" + url.QueryEscape(prefix()) }},
		{"neighbourhood depth 1", func() string { return "/api/neighbourhood?depth=1&id=" + url.QueryEscape(ids[r.IntN(len(ids))]) }},
		{"paths", func() string {
			return "/api/paths?from=" + url.QueryEscape(ids[r.IntN(len(ids))]) + "&to=" + url.QueryEscape(ids[r.IntN(len(ids))])
		}},
	}
	fmt.Fprintf(stdout, "%-22s %8s %9s %9s %9s %7s\n", "endpoint", "requests", "p50 ms", "p95 ms", "max ms", "errors")
	for _, ep := range endpoints {
		paths := make([]string, *n)
		for i := range paths {
			paths[i] = ep.path()
		}
		lat := make([]time.Duration, *n)
		var errs int
		var mu sync.Mutex
		var wg sync.WaitGroup
		next := make(chan int)
		for range *c {
			wg.Go(func() {
				for i := range next {
					start := time.Now()
					_, err := get(paths[i])
					lat[i] = time.Since(start)
					if err != nil {
						mu.Lock()
						errs++
						mu.Unlock()
					}
				}
			})
		}
		for i := range paths {
			next <- i
		}
		close(next)
		wg.Wait()
		slices.Sort(lat)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Fprintf(stdout, "%-22s %8d %9.1f %9.1f %9.1f %7d\n", ep.name, *n, ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100]), ms(lat[len(lat)-1]), errs)
	}
	return nil
}
