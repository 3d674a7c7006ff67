package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
)

// TestServeAnswersAsTheCommands checks that the explorer's API gives the
// bytes the commands print: /api/entity, /api/claim and /api/source as `show
// --format json`, /api/paths as `paths --format json`, /api/diff as `diff
// --format json`. It also runs serve's whole life in-process:
// listen, answer, stop on cancel with no error.
func TestServeAnswersAsTheCommands(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	var stderr bytes.Buffer
	opts := &serveOptions{
		global:  &globalOptions{data: []string{exampleNew}, maxBytes: 1 << 26},
		compare: exampleOld,
		addr:    "127.0.0.1:0",
	}
	go func() { done <- runServe(ctx, opts, &stderr, func(u string) { urls <- u }) }()
	var base string
	select {
	case base = <-urls:
	case err := <-done:
		t.Fatalf("serve: %v; stderr %s", err, stderr.String())
	}

	get := func(path string) []byte {
		t.Helper()
		resp, err := http.Get(base + path[1:])
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		return b
	}
	cli := func(args ...string) []byte {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Main(args, nil, &out, &errOut); code > exitFailure {
			t.Fatalf("%v: exit %d, %s", args, code, errOut.String())
		}
		return out.Bytes()
	}
	for _, tt := range []struct {
		name string
		api  string
		cli  []string
	}{
		{"paths", "/api/paths?from=apple&to=pla", []string{"paths", "-d", exampleNew, "apple", "pla", "--format", "json"}},
		{"paths undirected", "/api/paths?from=apple&to=pla&undirected=true&max-hops=3&limit=5&status=alleged,reported,established&rank=hops",
			[]string{"paths", "-d", exampleNew, "apple", "pla", "--undirected", "--max-hops", "3", "--limit", "5", "--status", "alleged,reported,established", "--rank", "hops", "--format", "json"}},
		{"no path", "/api/paths?from=pla&to=apple&max-hops=1", []string{"paths", "-d", exampleNew, "pla", "apple", "--max-hops", "1", "--format", "json"}},
		{"diff", "/api/diff", []string{"diff", exampleOld, exampleNew, "--format", "json"}},
		{"show entity", "/api/entity/alibaba", []string{"show", "-d", exampleNew, "alibaba", "--format", "json"}},
		{"show claim", "/api/claim/alibaba-data-to-pla", []string{"show", "-d", exampleNew, "alibaba-data-to-pla", "--format", "json"}},
		{"show source", "/api/source/report", []string{"show", "-d", exampleNew, "report", "--format", "json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, want := get(tt.api), cli(tt.cli...)
			if len(want) == 0 {
				// paths prints nothing and exits 1 when there is no path;
				// the API answers 200 with "paths": [].
				if !bytes.Contains(got, []byte(`"paths": []`)) {
					t.Errorf("GET %s: %s, want \"paths\": []", tt.api, got)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("GET %s:\n%s\nwant, as claimgraph %v:\n%s", tt.api, got, tt.cli, want)
			}
		})
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve ended with %v, want nil on interrupt", err)
	}
	if !bytes.Contains(stderr.Bytes(), []byte("claimgraph: serving http://127.0.0.1:")) {
		t.Errorf("stderr %q", stderr.String())
	}
}
