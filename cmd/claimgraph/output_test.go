package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteOutputInterrupted plays the signal handler's part while a write
// is under way: the temporary file must go, the existing file stay as it was.
func TestWriteOutputInterrupted(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "briefing.svg")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	interrupted := errors.New("interrupted")
	err := writeOutput(out, io.Discard, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half a pict"); err != nil {
			return err
		}
		pendingFiles.removeAll() // what main does on SIGINT, before exiting
		return interrupted
	})
	if !errors.Is(err, interrupted) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("existing file changed to %q", b)
	}
	assertOnlyInput(t, dir, "briefing.svg")
}

// TestWriteOutputReplaces checks the ordinary path: the new content lands
// under the name, with ordinary permissions, and nothing else is left.
func TestWriteOutputReplaces(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "briefing.svg")
	if err := writeOutput(out, io.Discard, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Fatalf("stat: %v, %v", st, err)
	}
	if b, _ := os.ReadFile(out); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	assertOnlyInput(t, dir, "briefing.svg")
	if len(pendingFiles.m) != 0 {
		t.Errorf("pending files left registered: %v", pendingFiles.m)
	}
}
