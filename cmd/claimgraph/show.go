package main

// STUB: replaced by the show command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newShowCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "show",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("show: not yet implemented") },
	}
}
