package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	global  *globalOptions
	format  string
	output  string
	dir     string
	rankdir string
	filter  filterOptions
}

// exportFormat is one --format: a single-stream writer, or (dir) a writer
// of several files into --dir.
type exportFormat struct {
	name     string
	dir      bool
	write    func(w io.Writer, g *graph.Graph, opts *exportOptions) error
	writeDir func(g *graph.Graph, create data.WriteFileFunc) error
}

var exportFormats = []exportFormat{
	{name: "json", write: func(w io.Writer, g *graph.Graph, _ *exportOptions) error { return data.WriteJSON(w, g) }},
	{name: "csv", dir: true, writeDir: data.WriteCSV},
}

func exportFormatNames() []string {
	var names []string
	for _, f := range exportFormats {
		names = append(names, f.name)
	}
	return names
}

func newExportCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &exportOptions{global: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the loaded dataset as JSON, CSV or a format other tools read",
		Long: `Export writes the loaded dataset (all --data inputs merged), or the part of it
the filters keep (--focus/--depth, --status, --type, --contested, as render),
in one format. Every format is deterministic: sorted by id, the same input
gives the same bytes.

Formats, and what each cannot carry:
  json      canonical JSON: every list sorted by id, derived fields (claim
            ids, contested) filled in; loading it again gives the same
            dataset. Carries everything.
  csv       the full spreadsheet form, into --dir: dataset.csv, entities.csv,
            sources.csv, claims.csv, claim_sources.csv, stances.csv; list
            cells ";"-separated (\; a literal ";", \\ a literal "\"); cells
            starting with = + - @ ' get one more leading "'" so that no
            spreadsheet runs them. "claimgraph import csv DIR" reads it back
            losslessly. Carries everything.`,
		Example: `  claimgraph export --format json > dataset.json
  claimgraph export -d a.yaml -d b.yaml -o merged.json
  claimgraph export --format csv --dir sheets/`,
		RunE: func(*cobra.Command, []string) error { return runExport(opts, s.out) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "json", "output `format`: "+strings.Join(exportFormatNames(), ", "))
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.StringVar(&opts.dir, "dir", "", "write the files of a many-file format (csv) into `DIR`, created if missing")
	f.StringVar(&opts.rankdir, "rankdir", "LR", "direction of a mermaid flowchart: LR or TB")
	opts.filter.register(f)
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(exportFormatNames()...))
	_ = cmd.RegisterFlagCompletionFunc("focus", completeEntities(g))
	_ = cmd.RegisterFlagCompletionFunc("status", completeList(graph.Statuses))
	_ = cmd.RegisterFlagCompletionFunc("type", completeList(graph.EntityTypes))
	_ = cmd.RegisterFlagCompletionFunc("rankdir", completeFormats("LR", "TB"))
	return cmd
}

func runExport(opts *exportOptions, stdout io.Writer) error {
	k := slices.IndexFunc(exportFormats, func(f exportFormat) bool { return f.name == strings.ToLower(opts.format) })
	if k < 0 {
		return usageErrorf("unknown --format %q (want %s)", opts.format, strings.Join(exportFormatNames(), ", "))
	}
	format := exportFormats[k]
	switch {
	case format.dir && opts.dir == "":
		return usageErrorf("--format %s writes several files: give --dir DIR", format.name)
	case format.dir && opts.output != "":
		return usageErrorf("--format %s writes several files: use --dir, not -o", format.name)
	case !format.dir && opts.dir != "":
		return usageErrorf("--format %s writes one file: use -o, not --dir", format.name)
	}
	if rd := strings.ToUpper(opts.rankdir); rd != "LR" && rd != "TB" {
		return usageErrorf("unknown --rankdir %q (want LR or TB)", opts.rankdir)
	}
	if err := opts.filter.check(); err != nil {
		return err
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	if g, err = opts.filter.apply(g); err != nil {
		return err
	}
	if format.dir {
		if err := os.MkdirAll(opts.dir, 0o755); err != nil {
			return fmt.Errorf("--dir: %w", err)
		}
		return format.writeDir(g, func(name string, write func(io.Writer) error) error {
			return writeOutput(filepath.Join(opts.dir, name), nil, write)
		})
	}
	err = writeOutput(opts.output, stdout, func(w io.Writer) error { return format.write(w, g, opts) })
	var tl *render.TooLargeError
	if errors.As(err, &tl) {
		return withHint(err, tl.Hint())
	}
	return err
}
