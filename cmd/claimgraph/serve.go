package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/web"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	global  *globalOptions
	compare string
	addr    string
	open    bool
	watch   bool
	// limitMemory sets the process's soft memory limit after loading; the
	// command sets it, tests sharing a process do not.
	limitMemory bool
}

func newServeCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &serveOptions{global: g, limitMemory: true}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Explore the graph in a browser: search, expand, read the evidence, find paths",
		Long: `Serve starts a local web explorer over the datasets and prints its address on
standard error. The page searches entities, claims and sources, expands an
entity's neighbourhood, shows each claim's reading, stances, quotes and
sources, finds paths, and downloads the briefing SVG of what is drawn. The
address of the page records the view, so a link reproduces it.

The server only reads: it serves the page from the binary and answers from
the datasets named on the command line. It listens on 127.0.0.1 (a free port
by default) and has no authentication: an --addr other than a loopback
address lets anyone who reaches it read the datasets.

--compare OLD colours what changed since OLD (a file, or REV:PATH with PATH
one of the -d files). --watch reloads when a -d file changes; a dataset that
no longer loads shows its errors in the page while the last good graph stays.
Serve runs until interrupted (Ctrl-C), then exits 0.`,
		Example: `  claimgraph serve
  claimgraph serve -d mydata.yaml --watch --open
  claimgraph serve -d data.yaml --compare HEAD~1:data.yaml`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// main's handler ends the process with 130 on an interrupt; for
			// serve an interrupt is the ordinary way to stop, so it takes the
			// signals over and returns normally.
			signal.Reset(os.Interrupt, syscall.SIGTERM)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, opts, s.err, nil)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.compare, "compare", "", "colour what changed since `OLD` (a file, or REV:PATH of a -d file)")
	f.StringVar(&opts.addr, "addr", "127.0.0.1:0", "listen on `HOST:PORT` (port 0: a free port)")
	f.BoolVar(&opts.open, "open", false, "open the page in the default browser")
	f.BoolVar(&opts.watch, "watch", false, "reload when a dataset file changes")
	return cmd
}

// runServe serves until ctx ends. ready, when set, receives the server's
// URL once it listens (for tests).
func runServe(ctx context.Context, opts *serveOptions, stderr io.Writer, ready func(url string)) error {
	host, _, err := net.SplitHostPort(opts.addr)
	if err != nil {
		return usageErrorf("--addr %q: want HOST:PORT, such as 127.0.0.1:8080", opts.addr)
	}
	if opts.watch {
		if len(opts.global.data) == 0 {
			return usageErrorf("--watch needs the datasets to watch: name them with -d")
		}
		if slices.Contains(opts.global.data, "-") {
			return usageErrorf("--watch cannot reload standard input: name a file with -d")
		}
	}
	cfg := web.Config{Load: opts.global.loadGraph, Problems: loadProblems, CheckDate: data.CheckDate}
	if opts.watch {
		cfg.Watch = opts.global.data
	}
	if opts.compare != "" {
		if cfg.Old, err = opts.loadCompare(); err != nil {
			return fmt.Errorf("--compare: %w", err)
		}
		cfg.OldName = opts.compare
	}
	srv, err := web.New(cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	if opts.limitMemory {
		limitMemory()
	}

	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return withHint(fmt.Errorf("listen on %s: %w", opts.addr, err), "pick another port with --addr 127.0.0.1:PORT, or 127.0.0.1:0 for a free one")
	}
	srv.Bound(ln.Addr().String())
	url := "http://" + ln.Addr().String() + "/"
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "claimgraph: warning: listening on %s, beyond this machine: the server has no authentication; anyone who can reach it can read the datasets\n", ln.Addr())
	}
	fmt.Fprintf(stderr, "claimgraph: serving %s\n", url)
	if opts.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "claimgraph: warning: could not open a browser (%v): open %s yourself\n", err, url)
		}
	}
	if ready != nil {
		ready(url)
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Event streams never end by themselves: close them, then let the
	// requests in flight finish.
	srv.Close()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// loadCompare reads --compare: a file, or REV:PATH where PATH must be one
// of the -d files, so that the server never reads anything the command line
// did not name.
func (opts *serveOptions) loadCompare() (*graph.Graph, error) {
	o := data.Options{MaxBytes: opts.global.maxBytes}
	var ds *graph.Dataset
	var err error
	if rev, path, ok := data.SplitRevision(opts.compare); ok {
		named := slices.ContainsFunc(opts.global.data, func(d string) bool { return filepath.Clean(d) == filepath.Clean(path) })
		if !named {
			return nil, &usageError{fmt.Errorf("%q: PATH %q is not one of the -d datasets", opts.compare, path)}
		}
		ds, err = data.LoadRevision(rev, path, o)
		if errors.Is(err, data.ErrNoGit) {
			err = withHint(err, "REV:PATH reads a file from git history; install git, or compare with a file")
		}
	} else {
		ds, err = data.Load([]string{opts.compare}, o)
	}
	if err != nil {
		return nil, err
	}
	return graph.New(ds)
}

// limitMemory keeps the server near the memory the loaded graph needs. A
// server's garbage is its responses' JSON; with the default GOGC the heap may
// grow to twice the live graph before a collection (1.3 GB became 2.6 GB
// under load at a million claims). A soft limit a little above the live heap
// makes the collector run sooner instead; it never fails an allocation. At
// +10% the collector ran so often that paths' p95 passed a second; +20% and
// 128 MB kept it at 240 ms under .ci/bench/serve.sh, the server within 8% of
// check's memory. GOMEMLIMIT, when set, wins.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	debug.SetMemoryLimit(int64(ms.HeapAlloc)*120/100 + 128<<20)
}

// openBrowser asks the desktop to open url; it returns at once.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// loadProblems gives the explorer the loader's problems, each at its
// file:line:col, for the page to list.
func loadProblems(err error) []web.ProblemJSON {
	var de *data.Errors
	if !errors.As(err, &de) {
		return nil
	}
	out := make([]web.ProblemJSON, 0, len(de.Problems))
	for _, p := range de.Problems {
		out = append(out, web.ProblemJSON{File: p.File, Line: p.Line, Col: p.Col, Message: p.Msg, Text: p.String()})
	}
	return out
}
