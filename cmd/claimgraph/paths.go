package main

// STUB: replaced by the paths command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newPathsCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "paths",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("paths: not yet implemented") },
	}
}
