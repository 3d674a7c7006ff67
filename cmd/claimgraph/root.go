package main

import (
	"errors"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/claimgraph/claimgraph/render/report"
	"github.com/spf13/cobra"
)

// streams are the process's standard files, injected so that tests can run
// commands in memory, with what is known about them decided once, in Main
// (as the GitHub CLI's IOStreams do): whether standard output and standard
// error are terminals, and whether to colour. Commands read these fields and
// never look at the files themselves, so that tests run every terminal
// branch (aligned tables, colour, progress) on a buffer.
type streams struct {
	in       io.Reader
	out, err io.Writer

	isTTY        bool // standard output is a terminal: tables, not TSV
	colorEnabled bool // colour and bold on standard output
	errIsTTY     bool // standard error is a terminal: progress on slow loads
}

// newStreams describes the process's files: colour only on a terminal, and
// never when NO_COLOR is set (https://no-color.org).
func newStreams(stdin io.Reader, stdout, stderr io.Writer) streams {
	_, noColor := os.LookupEnv("NO_COLOR")
	tty := isTerminal(stdout)
	return streams{in: stdin, out: stdout, err: stderr,
		isTTY: tty, colorEnabled: tty && !noColor, errIsTTY: isTerminal(stderr)}
}

// style is how report writers may style standard output.
func (s streams) style() report.Style { return report.Style{Color: s.colorEnabled} }

// globalOptions are the flags every command shares.
type globalOptions struct {
	data     []string
	maxBytes int64
	stdin    io.Reader
	stderr   io.Writer // for progress on slow loads, when it is a terminal
	errTTY   bool
	asOf     asOfOptions
}

// loadDataset reads the datasets named by --data, or the embedded one.
func (g *globalOptions) loadDataset() (*graph.Dataset, error) {
	if len(g.data) == 0 {
		return data.LoadEmbedded()
	}
	stop := startProgress(g.stderr, g.errTTY, progressDelay, describeInputs(g.data))
	defer stop()
	return data.Load(g.data, data.Options{MaxBytes: g.maxBytes, Stdin: g.stdin})
}

// loadGraph reads the datasets named by --data, or the embedded one, and
// indexes them.
func (g *globalOptions) loadGraph() (*graph.Graph, error) {
	ds, err := g.loadDataset()
	if err != nil {
		return nil, err
	}
	return graph.New(g.asOf.project(ds, g.asOf.date(), g.stderr))
}

// Main runs claimgraph with args and returns the exit status. It is main
// without os.Exit, so that testscript can run it in-process.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, newStreams(stdin, stdout, stderr))
}

// run is Main with the streams decided, so that tests can run claimgraph as
// if on a terminal.
func run(args []string, s streams) int {
	stderr := s.err
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	if errors.Is(err, syscall.EPIPE) {
		// The reader went away (| head): that is how pipes end, not a failure.
		return exitOK
	}
	if err != nil && strings.HasPrefix(err.Error(), "unknown command") {
		// cobra reports it as a plain error; it is a usage mistake.
		err = &usageError{err}
	}
	printError(stderr, err)
	return exitCode(err)
}

func newRootCmd(s streams) *cobra.Command {
	g := &globalOptions{stdin: s.in, stderr: s.err, errTTY: s.errIsTTY}
	root := &cobra.Command{
		Use:   "claimgraph",
		Short: "Explore graphs of claims: who alleges what about whom, who denies it, on what source",
		Long: `claimgraph explores graphs of claims between entities: who is alleged to do
what to whom, who asserts it, who denies it, and on what source.

Without --data it uses the dataset embedded in the binary: the claims of one
news report on a U.S. defence memo about Alibaba and the PLA, and on Apple's
AI plans in China.

Exit status: 0 success, 1 failure (for diff: differences found), 2 bad usage.`,
		Example: `  claimgraph render -o briefing.svg          # a briefing diagram of the embedded dataset
  claimgraph paths Apple PLA                 # how Apple connects to the PLA, link by link
  claimgraph diff HEAD~1:data.yaml data.yaml # what changed since the last commit
  claimgraph check -d mydata/                # validate and lint your own dataset`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.PersistentFlags().StringArrayVarP(&g.data, "data", "d", nil,
		"dataset `PATH`: a YAML or JSON file, a directory of them, or - for standard input (repeatable; default: the embedded dataset)")
	root.PersistentFlags().Int64Var(&g.maxBytes, "max-bytes", data.DefaultMaxBytes, "refuse input larger than this many `bytes` in total")
	addAsOfFlags(root, &g.asOf)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if g.maxBytes <= 0 {
			return usageErrorf("--max-bytes must be a positive number of bytes, not %d", g.maxBytes)
		}
		return g.asOf.check(map[bool]int{true: 2, false: 1}[cmd.Name() == "diff"])
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err}
	})
	root.AddCommand(
		newCheckCmd(g, s),
		newExportCmd(g, s),
		newImportCmd(g, s),
		newTemplateCmd(s),
		newRenderCmd(g, s),
		newPathsCmd(g, s),
		newDiffCmd(g, s),
		newShowCmd(g, s),
		newServeCmd(g, s),
		newListCmd(g, s),
		newStatsCmd(g, s),
		newTimelineCmd(g, s),
		newSynthCmd(g, s),
		newVersionCmd(s),
	)
	for _, c := range root.Commands() {
		if c.Args == nil {
			c.Args = cobra.NoArgs
		}
	}
	wrapArgsErrors(root)
	return root
}

// wrapArgsErrors makes argument-count errors usage errors (exit 2), as flag
// errors are.
func wrapArgsErrors(c *cobra.Command) {
	if c.Args != nil {
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return &usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgsErrors(sub)
	}
}

// tooLargeHint says how to get a picture of a graph render refused as too
// large, in the flags of the command line (render.TooLargeError says only
// what was too large).
func tooLargeHint(err error) string {
	var tl *render.TooLargeError
	switch {
	case !errors.As(err, &tl):
		return ""
	case tl.DOTBytes > 0:
		return "draw less text or less of it: --labels numbers, or --focus ENTITY --depth 1, --contested, --status or --type"
	}
	return "draw part of it: --focus ENTITY --depth 1, --contested, --status or --type; or write --format dot and lay it out with Graphviz yourself"
}

// nonNil writes an empty list as [] in JSON, not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
