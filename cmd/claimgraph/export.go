package main

import (
	"io"

	"github.com/claimgraph/claimgraph/data"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	global *globalOptions
	format string
	output string
}

func newExportCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &exportOptions{global: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the loaded dataset in canonical JSON",
		Long: `Export writes the loaded dataset (all --data inputs merged) as canonical
JSON: every list sorted by id, derived fields (claim ids, contested) filled in.
Loading that JSON again gives the same dataset.`,
		Example: `  claimgraph export --format json > dataset.json
  claimgraph export -d a.yaml -d b.yaml -o merged.json`,
		RunE: func(*cobra.Command, []string) error { return runExport(opts, s.out) },
	}
	cmd.Flags().StringVar(&opts.format, "format", "json", "output `format`: json")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("json"))
	return cmd
}

func runExport(opts *exportOptions, stdout io.Writer) error {
	if opts.format != "json" {
		return usageErrorf("unknown --format %q (want json)", opts.format)
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	return writeOutput(opts.output, stdout, func(w io.Writer) error { return data.WriteJSON(w, g) })
}
