package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/data"
	"github.com/spf13/cobra"
)

func newTemplateCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Write blank sheets to fill in (csv)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return usageErrorf("template needs a kind: csv (see claimgraph template --help)")
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "csv DIR",
		Short: "Write the simple-form spreadsheets, with a header and an example row each",
		Long: `Template csv writes claims.csv, entities.csv and sources.csv into DIR
(created if missing), each with its header and one example row: the sheets
"claimgraph import csv --claims DIR/claims.csv --entities DIR/entities.csv
--sources DIR/sources.csv" reads. An existing file of the same name is
refused, never overwritten.`,
		Example: `  claimgraph template csv sheets/
  claimgraph import csv --claims sheets/claims.csv --entities sheets/entities.csv --sources sheets/sources.csv -o data.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runTemplateCSV(args[0], s.out) },
	})
	return cmd
}

func runTemplateCSV(dir string, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	for _, name := range []string{"claims.csv", "entities.csv", "sources.csv"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return withHint(fmt.Errorf("template: %s already exists", filepath.Join(dir, name)),
				"choose an empty directory: a template never replaces a sheet")
		}
	}
	err := data.WriteCSVTemplate(func(name string, write func(io.Writer) error) error {
		return writeOutput(filepath.Join(dir, name), nil, write)
	})
	if err == nil {
		fmt.Fprintf(stdout, "wrote claims.csv, entities.csv and sources.csv in %s\n", dir)
	}
	return err
}
