package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	global *globalOptions
	format string
	output string
	style  report.Style // for text on standard output
}

func newDiffCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &diffOptions{global: g}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Say what changed between two versions of a dataset",
		Long: `Diff compares two versions of a dataset and reports what changed, most
important first: claims whose status changed (alleged → established) or that
became or stopped being contested; parties that now deny, confirm, assert or
have withdrawn a position; claims and entities added (each added claim read:
its mark, status, who asserts and who denies it) and removed; then every
other changed field. Within each group, contested claims come first, then
denied ones, then alleged or reported ones. Entities, claims and sources are
matched by id.

OLD and NEW are each a dataset file, a directory of them, - for standard
input, or REV:PATH for the file PATH as it was at git revision REV (read with
git show, so PATH is relative to the top of the repository unless it starts
with ./). An existing file whose name contains a colon is read as a file.

The format comes from --format, else from the -o file's extension (.txt,
.md, .json or .svg), else text.

To compare with the dataset embedded in claimgraph, export it first:
claimgraph export -o memo.json.

Exit status, as for diff(1): 0 no differences, 1 differences, 2 an error.`,
		Example: `  claimgraph diff HEAD~1:data.yaml data.yaml
  claimgraph diff old/ new/ -o whats-new.md
  claimgraph diff v1.json v2.json --format json | jq .summary`,
		Args: diffArgs(g),
		RunE: func(_ *cobra.Command, args []string) error {
			if opts.output == "" || opts.output == "-" {
				opts.style = s.style()
			}
			var err error
			if len(args) == 0 {
				err = runDiffDates(opts, s.out) // diff --as-of A --as-of B (asof.go)
			} else {
				err = runDiff(opts, args[0], args[1], s.out)
			}
			var differ *silentExit
			if errors.As(err, &differ) {
				return err
			}
			return withExitStatus(exitUsage, err)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "", "output `format`: text, markdown, json or svg (default: from the -o extension, else text)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(reportFormats...))
	return cmd
}

// runDiff writes the differences from OLD to NEW and returns &silentExit{1}
// when there are some. Its caller makes every other error exit 2.
func runDiff(opts *diffOptions, oldArg, newArg string, stdout io.Writer) error {
	format, err := reportFormat("diff", opts.format, opts.output)
	if err != nil {
		return err
	}
	if len(opts.global.data) > 0 {
		return usageErrorf("diff takes its two datasets as arguments, not --data")
	}
	if len(opts.global.asOf.dates) > 1 {
		return usageErrorf("diff OLD NEW takes one --as-of, applied to both; two compare one dataset at two dates, without OLD and NEW")
	}
	if oldArg == "-" && newArg == "-" {
		return usageErrorf("OLD and NEW cannot both be standard input")
	}
	// The two versions load in parallel: at a million claims loading is
	// nearly all of diff's time, and the two loads share nothing.
	var new *graph.Graph
	var newErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		new, newErr = opts.loadVersion(newArg)
	}()
	old, err := opts.loadVersion(oldArg)
	<-done
	if err != nil {
		return err
	}
	if newErr != nil {
		return newErr
	}
	return opts.writeDiff(old, new, oldArg, newArg, format, stdout)
}

// writeDiff writes the differences from old to new and returns
// &silentExit{1} when there are some.
func (opts *diffOptions) writeDiff(old, new *graph.Graph, oldName, newName, format string, stdout io.Writer) error {
	r := &report.Diff{D: graph.Compare(old, new), Old: old, New: new, OldName: oldName, NewName: newName, Style: opts.style}
	err := writeOutput(opts.output, stdout, func(w io.Writer) error { return r.Write(w, format) })
	if h := tooLargeHint(err); h != "" {
		return withHint(err, h)
	}
	if err != nil {
		return err
	}
	if r.D.Empty() {
		return nil
	}
	return &silentExit{exitFailure}
}

// loadVersion reads one side of the comparison: a path, "-", or REV:PATH.
func (opts *diffOptions) loadVersion(arg string) (*graph.Graph, error) {
	o := data.Options{MaxBytes: opts.global.maxBytes, Stdin: opts.global.stdin}
	var ds *graph.Dataset
	var err error
	if rev, path, ok := data.SplitRevision(arg); ok {
		ds, err = data.LoadRevision(rev, path, o)
		var ge *data.GitError
		switch {
		case errors.Is(err, data.ErrNoGit):
			err = withHint(err, "REV:PATH reads a file from git history; install git, or compare two files")
		case errors.As(err, &ge):
			err = withHint(err, fmt.Sprintf("no file %q exists, so it was read as REV:PATH, the file %s at git revision %q", arg, path, rev))
		}
	} else {
		ds, err = data.Load([]string{arg}, o)
	}
	if err != nil {
		return nil, err
	}
	return graph.New(opts.global.asOf.project(ds, opts.global.asOf.date(), opts.global.stderr))
}
