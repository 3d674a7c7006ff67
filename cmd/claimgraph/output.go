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
	"path/filepath"
	"strings"
	"sync"

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
// empty or "-". A file is written to a temporary name in the same directory
// and renamed into place only when write succeeds, so that a failure leaves
// an existing file untouched and no partial file behind.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) (err error) {
	if path == "" || path == "-" {
		return write(stdout)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	pendingFiles.add(tmp.Name())
	defer func() {
		pendingFiles.remove(tmp.Name())
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file 0600; an output file is an ordinary document.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// isTerminal reports whether w is a terminal, so that commands can choose
// aligned tables and colour there and plain, stable text in pipes.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// pendingFiles are the temporary files writeOutput has open, so that an
// interrupt (Ctrl-C, SIGTERM) can remove them before the process ends: a
// killed render must not leave ".briefing.svg.tmp123" behind.
var pendingFiles = &fileSet{m: map[string]bool{}}

type fileSet struct {
	mu sync.Mutex
	m  map[string]bool
}

func (s *fileSet) add(name string)    { s.mu.Lock(); s.m[name] = true; s.mu.Unlock() }
func (s *fileSet) remove(name string) { s.mu.Lock(); delete(s.m, name); s.mu.Unlock() }

// removeAll deletes every pending file; main calls it on an interrupt.
func (s *fileSet) removeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name := range s.m {
		os.Remove(name)
	}
}
