package main

import (
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	global *globalOptions
}

func newCheckCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &checkOptions{global: g}
	return &cobra.Command{
		Use:   "check",
		Short: "Validate a dataset and summarise it",
		Long: `Check loads the dataset, reports every problem it finds as file:line:col:
message, and on success prints a one-line summary.`,
		Example: `  claimgraph check
  claimgraph check -d mydata/
  claimgraph export --format json | claimgraph check -d -`,
		RunE: func(*cobra.Command, []string) error { return runCheck(opts, s.out) },
	}
}

func runCheck(opts *checkOptions, stdout io.Writer) error {
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, summary(g))
	return err
}

// summary is the one-line description check prints: "14 entities, 16 claims
// (3 contested), 1 source".
func summary(g *graph.Graph) string {
	return fmt.Sprintf("%s, %s (%d contested), %s",
		plural(len(g.Entities()), "entity", "entities"),
		plural(len(g.Claims()), "claim", "claims"),
		g.ContestedCount(),
		plural(len(g.Sources()), "source", "sources"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
