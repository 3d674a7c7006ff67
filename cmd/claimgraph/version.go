package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newVersionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print claimgraph's version",
		RunE:  func(*cobra.Command, []string) error { return runVersion(s.out) },
	}
}

// runVersion prints the module version, or the VCS revision for a build from
// a checkout, as the Go toolchain recorded them.
func runVersion(stdout io.Writer) error {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && v == "(devel)" {
				v = "(devel) " + s.Value
			}
		}
	}
	_, err := fmt.Fprintf(stdout, "claimgraph %s\n", v)
	return err
}
