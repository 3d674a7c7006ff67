package main

// STUB: replaced by the stats command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newStatsCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "stats",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("stats: not yet implemented") },
	}
}
