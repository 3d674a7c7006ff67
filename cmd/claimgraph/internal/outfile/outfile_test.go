package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// names lists dir's entries, to catch temporary files left behind.
func names(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range ents {
		n = append(n, e.Name())
	}
	return n
}

func assertOnly(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := names(t, dir); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, want)
	}
	if n := pending.count(); n != 0 {
		t.Errorf("%d temporary files still registered", n)
	}
}

func TestWriteRegular(t *testing.T) {
	tests := []struct {
		name     string
		mode     os.FileMode // 0: no file yet
		umask    int
		wantMode os.FileMode
	}{
		{"new file", 0, 0o022, 0o644},
		{"new file under umask 077", 0, 0o077, 0o600},
		{"new file under umask 0", 0, 0, 0o666},
		{"private file keeps 0600", 0o600, 0o022, 0o600},
		{"0640 file keeps 0640", 0o640, 0o077, 0o640},
		{"executable keeps 0755", 0o755, 0o022, 0o755},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "briefing.svg")
			if tt.mode != 0 {
				must(t, os.WriteFile(out, []byte("old"), tt.mode))
				must(t, os.Chmod(out, tt.mode))
			}
			old := syscall.Umask(tt.umask)
			err := Write(out, writeString("new"))
			syscall.Umask(old)
			must(t, err)
			fi, err := os.Lstat(out)
			must(t, err)
			if !fi.Mode().IsRegular() || fi.Mode().Perm() != tt.wantMode {
				t.Errorf("mode %v, want regular %v", fi.Mode(), tt.wantMode)
			}
			if b, _ := os.ReadFile(out); string(b) != "new" {
				t.Errorf("content %q", b)
			}
			assertOnly(t, dir, "briefing.svg")
		})
	}
}

func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "shared.json")
	must(t, os.WriteFile(out, []byte("old"), 0o664))
	must(t, os.Chown(out, 65534, 65534))
	must(t, os.Chmod(out, 0o664))
	must(t, Write(out, writeString("new")))
	fi, err := os.Stat(out)
	must(t, err)
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 65534 || st.Gid != 65534 || fi.Mode().Perm() != 0o664 {
		t.Errorf("owner %d:%d mode %v, want 65534:65534 0664", st.Uid, st.Gid, fi.Mode().Perm())
	}
}

func TestWriteReadOnly(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "signed.json")
	must(t, os.WriteFile(out, []byte("old"), 0o444))
	err := Write(out, writeString("new"))
	if !errors.Is(err, os.ErrPermission) || !strings.Contains(err.Error(), "write "+out+": ") {
		t.Errorf("err = %v, want a permission error naming the file", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("read-only file changed to %q", b)
	}
	assertOnly(t, dir, "signed.json")
}

func TestWriteSymlink(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, "real"), 0o755))
	target := filepath.Join(dir, "real", "data.json")
	must(t, os.WriteFile(target, []byte("old"), 0o600))
	link := filepath.Join(dir, "link.json")
	must(t, os.Symlink("real/data.json", link))
	chain := filepath.Join(dir, "chain.json")
	must(t, os.Symlink("link.json", chain))

	must(t, Write(chain, writeString("new")))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link replaced: %v %v", fi, err)
	}
	fi, err := os.Lstat(target)
	must(t, err)
	if b, _ := os.ReadFile(target); string(b) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("target %q mode %v, want \"new\" 0600", b, fi.Mode().Perm())
	}
	assertOnly(t, filepath.Join(dir, "real"), "data.json")

	t.Run("dangling", func(t *testing.T) {
		dangling := filepath.Join(dir, "dangling.json")
		must(t, os.Symlink("real/later.json", dangling))
		must(t, Write(dangling, writeString("x")))
		if b, _ := os.ReadFile(filepath.Join(dir, "real", "later.json")); string(b) != "x" {
			t.Errorf("dangling link's target has %q", b)
		}
		if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("link replaced")
		}
	})
}

// TestWriteInPlace: a character device and a FIFO are written, never
// replaced by a regular file.
func TestWriteInPlace(t *testing.T) {
	t.Run("dev null", func(t *testing.T) {
		before, err := os.Stat(os.DevNull)
		must(t, err)
		must(t, Write(os.DevNull, writeString("gone")))
		after, err := os.Stat(os.DevNull)
		must(t, err)
		if !os.SameFile(before, after) || after.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("%s is now %v", os.DevNull, after.Mode())
		}
	})
	t.Run("fifo", func(t *testing.T) {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "pipe")
		must(t, syscall.Mkfifo(fifo, 0o600))
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo) // blocks until the writer opens
			if err != nil {
				got <- err.Error()
				return
			}
			b, _ := io.ReadAll(f)
			f.Close()
			got <- string(b)
		}()
		must(t, Write(fifo, writeString("through the pipe")))
		if s := <-got; s != "through the pipe" {
			t.Errorf("reader got %q", s)
		}
		fi, err := os.Lstat(fifo)
		must(t, err)
		if fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("fifo is now %v", fi.Mode())
		}
		assertOnly(t, dir, "pipe")
	})
	t.Run("directory", func(t *testing.T) {
		if err := Write(t.TempDir(), writeString("x")); err == nil {
			t.Error("wrote over a directory")
		}
	})
}

func TestWriteLongName(t *testing.T) {
	dir := t.TempDir()
	for _, base := range []string{strings.Repeat("a", 250) + ".svg", strings.Repeat("é", 125) + ".svg"} {
		out := filepath.Join(dir, base)
		if len(base) > 255 {
			t.Fatalf("test name too long: %d", len(base))
		}
		must(t, Write(out, writeString("x")))
		if b, _ := os.ReadFile(out); string(b) != "x" {
			t.Errorf("content %q", b)
		}
		if p := tempPrefix(base); len(p)+10 > 255 {
			t.Errorf("temporary name prefix %d bytes", len(p))
		}
	}
	assertOnly(t, dir, strings.Repeat("a", 250)+".svg", strings.Repeat("é", 125)+".svg")
}

// TestWriteFailure: a failed write leaves the old file and nothing else;
// for a new path, nothing at all.
func TestWriteFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	must(t, os.WriteFile(out, []byte("old"), 0o644))
	boom := errors.New("boom")
	fail := func(w io.Writer) error { io.WriteString(w, "half"); return boom }
	if err := Write(out, fail); !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
	if err := Write(filepath.Join(dir, "new.json"), fail); !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("old file changed to %q", b)
	}
	assertOnly(t, dir, "out.json")
}

// TestWriteLazy: no temporary file exists until the first byte is written.
func TestWriteLazy(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.svg")
	must(t, Write(out, func(w io.Writer) error {
		if n := names(t, dir); len(n) != 0 {
			t.Errorf("before the first write, %s holds %v", dir, n)
		}
		_, err := io.WriteString(w, "x")
		if n := names(t, dir); len(n) != 1 || !strings.HasPrefix(n[0], ".out.svg.tmp") {
			t.Errorf("after the first write, %s holds %v", dir, n)
		}
		return err
	}))
}

// TestWriteInterrupted plays the signal handler's part while a write is
// under way: the temporary file must be gone at once (the process exits
// right after), before the write returns, and the old file unchanged.
func TestWriteInterrupted(t *testing.T) {
	defer func() { pending.mu.Lock(); pending.closed = false; pending.mu.Unlock() }()
	dir := t.TempDir()
	out := filepath.Join(dir, "briefing.svg")
	must(t, os.WriteFile(out, []byte("old"), 0o644))
	interrupted := errors.New("interrupted")
	err := Write(out, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half a pict"); err != nil {
			return err
		}
		RemovePending() // what main does on SIGINT, before exiting
		if n := names(t, dir); len(n) != 1 {
			t.Errorf("after RemovePending, %s holds %v", dir, n)
		}
		if _, err := io.WriteString(w, "ure"); err != nil {
			return err
		}
		if n := names(t, dir); len(n) != 1 {
			t.Errorf("a write after RemovePending left %v", n)
		}
		return interrupted
	})
	if !errors.Is(err, interrupted) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("existing file changed to %q", b)
	}
	pending.mu.Lock()
	closed := pending.closed
	pending.mu.Unlock()
	if !closed {
		t.Error("writes still allowed after RemovePending")
	}
	// A write starting after the interrupt makes no file at all.
	if err := Write(filepath.Join(dir, "late.svg"), writeString("x")); err == nil {
		t.Error("write after RemovePending succeeded")
	}
	assertOnly(t, dir, "briefing.svg")
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
