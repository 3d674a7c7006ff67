package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

// asOfOptions are --as-of and --undated, which apply wherever a dataset is
// loaded: the projection is one step after loading (graph.AsOf), so every
// command that reads a dataset sees it as known on the date.
type asOfOptions struct {
	dates   []string // diff takes two; every other command one
	undated string
	shared  bool // the dataset is projected more than once (diff's two dates)
}

func addAsOfFlags(root *cobra.Command, o *asOfOptions) {
	f := root.PersistentFlags()
	f.StringArrayVar(&o.dates, "as-of", nil,
		"use the dataset as it was known on `DATE` (YYYY-MM-DD, YYYY-MM or YYYY): sources published and stances taken by then (diff: twice, to compare two dates)")
	f.StringVar(&o.undated, "undated", "keep", "with --as-of: keep or exclude sources, stances and claims that carry no date")
	_ = root.RegisterFlagCompletionFunc("undated", completeFormats("keep", "exclude"))
}

// check validates the flags; max is how many dates the command takes.
func (o *asOfOptions) check(max int) error {
	if len(o.dates) > max {
		if max == 1 {
			return usageErrorf("--as-of is given %d times: only diff compares two dates", len(o.dates))
		}
		return usageErrorf("--as-of is given %d times (at most %d)", len(o.dates), max)
	}
	for _, d := range o.dates {
		if msg := data.CheckDate(d); msg != "" {
			return usageErrorf("--as-of %q %s", d, msg)
		}
	}
	if o.undated != "keep" && o.undated != "exclude" {
		return usageErrorf("unknown --undated %q (want keep or exclude)", o.undated)
	}
	return nil
}

// date is the one --as-of date, or "".
func (o *asOfOptions) date() string {
	if len(o.dates) == 1 {
		return o.dates[0]
	}
	return ""
}

// project returns ds as known on date (ds itself when date is ""),
// saying on stderr how many undated items it kept.
func (o *asOfOptions) project(ds *graph.Dataset, date string, stderr io.Writer) *graph.Dataset {
	if date == "" {
		return ds
	}
	mode := graph.KeepUndated
	if o.undated == "exclude" {
		mode = graph.ExcludeUndated
	}
	project := graph.AsOfInPlace
	if o.shared {
		project = graph.AsOf
	}
	out, st := project(ds, date, mode)
	if mode == graph.KeepUndated && st.Undated > 0 && stderr != nil {
		stderrMu.Lock()
		defer stderrMu.Unlock()
		if st.Undated == 1 {
			fmt.Fprintln(stderr, "1 undated item kept; --undated exclude drops it")
		} else {
			fmt.Fprintf(stderr, "%d undated items kept; --undated exclude drops them\n", st.Undated)
		}
	}
	return out
}

// stderrMu keeps the undated lines of diff's two sides, loaded at once,
// from interleaving.
var stderrMu sync.Mutex

// diffArgs accepts OLD NEW, or no argument with two --as-of dates.
func diffArgs(g *globalOptions) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 && len(g.asOf.dates) == 2 {
			return nil
		}
		if len(args) == 0 && len(g.asOf.dates) < 2 {
			return fmt.Errorf("diff needs OLD and NEW, or two --as-of dates to compare one dataset at two dates")
		}
		return cobra.ExactArgs(2)(cmd, args)
	}
}

// runDiffDates compares the dataset of --data (or the embedded one) as
// known on the first --as-of date with itself as known on the second.
// Both sides are projections of one load, so the result is what diffing
// the files "export --as-of A" and "export --as-of B" write.
func runDiffDates(opts *diffOptions, stdout io.Writer) error {
	format, err := reportFormat("diff", opts.format, opts.output)
	if err != nil {
		return err
	}
	g := opts.global
	ds, err := g.loadDataset()
	if err != nil {
		return err
	}
	// AsOf leaves ds as it is, so both dates project from it.
	g.asOf.shared = true
	var sides [2]*graph.Graph
	for i, date := range g.asOf.dates {
		if sides[i], err = graph.New(g.asOf.project(ds, date, g.stderr)); err != nil {
			return err
		}
	}
	return opts.writeDiff(sides[0], sides[1], "as of "+g.asOf.dates[0], "as of "+g.asOf.dates[1], format, stdout)
}
