package main

// This file is the one place that decides how claimgraph talks to its user
// about failure. The rules:
//   - errors go to standard error, once, as "claimgraph: error: ..." in
//     lower case with no final period, followed by optional "hint: ..." lines
//     that tell the user what to do next;
//   - exit status 0 is success, 1 a failure (or, for diff, "differences
//     found"), 2 bad usage;
//   - nothing else writes to os.Stdout or os.Stderr: commands receive
//     io.Writers.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/outfile"
	"github.com/claimgraph/claimgraph/render/report"
	"golang.org/x/term"
)

const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a mistake in how the command was called: an unknown flag,
// a missing argument, a bad flag value. It exits 2 and points at --help.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// hintError carries advice printed after the error, one "hint:" line each.
type hintError struct {
	err   error
	hints []string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

// withHint attaches hints to err; a nil err stays nil.
func withHint(err error, hints ...string) error {
	if err == nil {
		return nil
	}
	return &hintError{err, hints}
}

// silentExit ends the process with a status and prints nothing: the command
// has already said what there is to say (diff's "differences found", a lint
// report under --strict).
type silentExit struct{ code int }

func (e *silentExit) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// exitStatusError gives an error, reported as usual, its own exit status.
// diff needs it: there 1 means "differences found", so every error of diff
// exits 2, as diff(1)'s do, the loader's included.
type exitStatusError struct {
	err  error
	code int
}

func (e *exitStatusError) Error() string { return e.err.Error() }
func (e *exitStatusError) Unwrap() error { return e.err }

// withExitStatus makes err exit with code; a nil err stays nil.
func withExitStatus(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitStatusError{err, code}
}

// exitCode maps an error to the process exit status.
func exitCode(err error) int {
	var se *silentExit
	var ue *usageError
	var xe *exitStatusError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &xe):
		return xe.code
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &ue):
		return exitUsage
	}
	return exitFailure
}

// printError writes err the one way claimgraph reports errors. Multi-line
// messages (the loader's list of problems) keep their lines, the first after
// the prefix, the rest as they are.
func printError(w io.Writer, err error) {
	var se *silentExit
	if err == nil || errors.As(err, &se) {
		return
	}
	msg := strings.TrimRight(err.Error(), "\n")
	msg = strings.TrimSuffix(msg, ".")
	msg = safeMessage(msg)
	fmt.Fprintf(w, "claimgraph: error: %s\n", msg)
	var he *hintError
	if errors.As(err, &he) {
		for _, h := range he.hints {
			fmt.Fprintf(w, "hint: %s\n", safeMessage(h))
		}
	}
	var ue *usageError
	if errors.As(err, &ue) && !errors.As(err, &he) {
		fmt.Fprintln(w, "hint: run 'claimgraph --help' for usage")
	}
}

// safeMessage passes a message through the one terminal-safety path:
// messages quote input (file names, entity names, git revisions). Its own
// line breaks (the loader's list of problems) and tabs (which a YAML error
// may quote) are harmless on a terminal and kept.
func safeMessage(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		cells := strings.Split(l, "\t")
		for j, c := range cells {
			cells[j] = report.Text(c)
		}
		lines[i] = strings.Join(cells, "\t")
	}
	return strings.Join(lines, "\n")
}

// writeOutput sends what write produces to path, or to stdout when path is
// empty or "-". What -o does with each kind of path (a regular file is
// replaced atomically, a symbolic link's target likewise, a device or FIFO
// is written in place, a read-only file is refused) is outfile's to decide;
// see its package comment.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	return outfile.Write(path, write)
}

// isTerminal reports whether w is a terminal, so that commands can choose
// aligned tables and colour there and plain, stable text in pipes.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printNote writes a note: something the user should know that is not an
// error (render running Graphviz without a compilation cache, and why).
func printNote(w io.Writer, msg string) {
	fmt.Fprintf(w, "claimgraph: note: %s\n", msg)
}
