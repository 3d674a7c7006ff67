package main

// STUB: replaced by the synth command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newSynthCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "synth",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("synth: not yet implemented") },
	}
}
