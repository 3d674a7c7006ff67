package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
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
		Cmds:          map[string]func(ts *testscript.TestScript, neg bool, args []string){"status": cmdStatus},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}

// cmdStatus is the scripts' "status" command:
//
//	status CODE STREAMS PROGRAM [ARGS...]
//
// runs PROGRAM (claimgraph) as exec does, then fails unless it exited with
// exactly CODE and wrote to exactly the STREAMS named: stdout, stderr, both
// or none. The usual stdout and stderr matchers then read its output, so a
// script checks the exit status, where the message went, and what it said:
//
//	status 2 stderr claimgraph check --bogus
//	stderr 'unknown flag: --bogus'
//
// It stands for `exec sh -c 'claimgraph ...; echo status=$?'`, which could
// not tell 1 from 2 without a shell and lost which stream carried what.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("status takes no '!': name the exit status instead")
	}
	if len(args) < 3 {
		ts.Fatalf("usage: status CODE stdout|stderr|both|none PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: exit status %q is not a number", args[0])
	}
	streams := args[1]
	switch streams {
	case "stdout", "stderr", "both", "none":
	default:
		ts.Fatalf("status: streams %q: want stdout, stderr, both or none", streams)
	}
	got := 0
	if err := ts.Exec(args[2], args[3:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
	out, errOut := ts.ReadFile("stdout") != "", ts.ReadFile("stderr") != ""
	wrote := map[[2]bool]string{{true, false}: "stdout", {false, true}: "stderr", {true, true}: "both", {false, false}: "none"}[[2]bool{out, errOut}]
	if wrote != streams {
		ts.Fatalf("wrote to %s, want %s", wrote, streams)
	}
}
