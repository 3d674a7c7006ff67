package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// binary builds the real claimgraph: the signal handling lives in main,
// which the testscripts (running Main) never reach.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "claimgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestWriteOutputInterrupted sends SIGINT to the real binary while it
// writes a large -o file: it must exit 130, leave the existing file as it
// was and no temporary file behind. (Without the handler's clean-up the
// temporary file stays: the process dies in the middle of the write.)
func TestWriteOutputInterrupted(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "big.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "synth", "--entities", "100000", "--claims", "3000000", "-o", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Wait for the temporary file to have bytes: the write is under way.
	var err error
	for waiting := true; waiting; {
		select {
		case err = <-exited:
			t.Fatalf("claimgraph ended before it was interrupted: %v", err)
		default:
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".big.json.tmp*")); len(m) == 1 {
			if fi, err := os.Stat(m[0]); err == nil && fi.Size() > 0 {
				waiting = false
			}
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err = <-exited
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want status 130", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("existing file changed (%d bytes)", len(b))
	}
	assertOnlyInput(t, dir, "big.json")
}

// TestClosedPipe: a large output into a reader that leaves after one byte
// (| head -c1) ends with status 0 and no message, not death by SIGPIPE
// (status 141).
func TestClosedPipe(t *testing.T) {
	bin := binary(t)
	cmd := exec.Command(bin, "synth", "--claims", "300000")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = w, &stderr
	head := exec.Command("head", "-c1")
	head.Stdin = r
	var got strings.Builder
	head.Stdout = &got
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if err := head.Start(); err != nil {
		t.Fatal(err)
	}
	r.Close() // only head reads: when it leaves, the pipe is closed
	w.Close()
	if err := head.Wait(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Fatalf("claimgraph died of %v", ws.Signal())
			}
		}
		t.Fatalf("claimgraph: %v\n%s", err, stderr.String())
	}
	if got.String() != "{" || stderr.Len() != 0 {
		t.Errorf("head got %q, stderr %q", got.String(), stderr.String())
	}
}

// TestWriteOutputReplaces checks the ordinary path through the command
// layer: "-" and "" are standard output, a path is a file.
func TestWriteOutputReplaces(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "briefing.svg")
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	for _, p := range []string{"", "-"} {
		var b strings.Builder
		if err := writeOutput(p, &b, write); err != nil || b.String() != "new" {
			t.Errorf("writeOutput(%q): %q, %v", p, b.String(), err)
		}
	}
	if err := writeOutput(out, io.Discard, write); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	assertOnlyInput(t, dir, "briefing.svg")
}
