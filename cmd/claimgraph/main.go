package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/claimgraph/claimgraph/cmd/claimgraph/internal/outfile"
	"github.com/claimgraph/claimgraph/render"
)

func init() {
	// render says once per process when Graphviz runs without its
	// compilation cache, and why. An init, not main, so that the test
	// binary running Main for the testscripts says it too.
	render.SetNotes(func(msg string) { printNote(os.Stderr, msg) })
}

func main() {
	// A closed pipe (| head) must reach the commands as EPIPE, which Main
	// turns into a quiet exit 0; by default Go dies of SIGPIPE (status 141)
	// on a write to standard output after the reader left.
	signal.Ignore(syscall.SIGPIPE)
	handleSignals()
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitSignals end the process after removing -o's temporary files: the
// terminal's Ctrl-C and Ctrl-\, kill's default, and a closed terminal.
var exitSignals = map[os.Signal]int{
	syscall.SIGHUP:  128 + int(syscall.SIGHUP),
	syscall.SIGINT:  128 + int(syscall.SIGINT),
	syscall.SIGQUIT: 128 + int(syscall.SIGQUIT),
	syscall.SIGTERM: 128 + int(syscall.SIGTERM),
}

func handleSignals() {
	sig := make(chan os.Signal, 1)
	for s := range exitSignals {
		signal.Notify(sig, s)
	}
	go func() {
		s := <-sig
		// Leave no half-written output behind, then die as the signal
		// asked, with the shell's status for it (128 + its number).
		outfile.RemovePending()
		os.Exit(exitSignals[s])
	}()
}
