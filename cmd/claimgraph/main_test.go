package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the testscript scripts run the real claimgraph binary: the
// test binary re-executes itself as "claimgraph".
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"claimgraph": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs every testdata/script/*.txtar end to end. XDG_CACHE_HOME
// points at one directory for the whole run, so that no test touches the
// user's cache, yet Graphviz's WebAssembly is compiled once, not once per
// command (that alone took ~0.5 s per exec).
func TestScripts(t *testing.T) {
	cache := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", cache)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}
