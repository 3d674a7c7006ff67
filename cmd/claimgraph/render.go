package main

// STUB: replaced by the render command's implementation.

import (
	"errors"

	"github.com/spf13/cobra"
)

func newRenderCmd(g *globalOptions, s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "render",
		Short:  "(not yet implemented)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("render: not yet implemented") },
	}
}
