package main

// STUB: replaced by the list command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newListCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "list",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("list: not yet implemented") },
	}
}
