package main

// STUB: replaced by the diff command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newDiffCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "diff",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("diff: not yet implemented") },
	}
}
