package render

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCacheChild is run by the cache tests in a fresh process, so that
// go-graphviz starts under the environment the parent chose.
func TestCacheChild(t *testing.T) {
	mode := os.Getenv("CLAIMGRAPH_CACHE_CHILD")
	if mode == "" {
		t.Skip("helper for TestCacheIsPrivate and friends")
	}
	SetNotes(func(msg string) { fmt.Printf("note: %s\n", msg) })
	if mode == "render" {
		if err := SVG(io.Discard, mustGraph(t, fixture()), Options{}); err != nil {
			fmt.Printf("error: %v\n", err)
			t.Fatal(err)
		}
		fmt.Println("rendered")
	}
	tmp, set := os.LookupEnv("TMPDIR")
	fmt.Printf("TMPDIR=%q set=%v\n", tmp, set)
}

// runCacheChild runs TestCacheChild with the cache root at cache and
// returns its output; a failed child (a panic, an error) fails the test.
func runCacheChild(t *testing.T, mode, cache, tmp string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCacheChild$", "-test.v")
	env := []string{"CLAIMGRAPH_CACHE_CHILD=" + mode, "XDG_CACHE_HOME=" + cache, "HOME=" + cache, "PATH=" + os.Getenv("PATH")}
	if tmp != "" {
		env = append(env, "TMPDIR="+tmp)
	}
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	return string(out)
}

// cacheEntries lists the compiled-code entries (and their checksums) under
// dir, relative to it.
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "wazero-*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range m {
		m[i], _ = filepath.Rel(dir, m[i])
	}
	return m
}

// TestCacheIsPrivate checks where go-graphviz's compilation cache lands:
// in UserCacheDir/claimgraph (0700) once something is drawn, nowhere in
// TMPDIR, and nowhere at all for a process that draws nothing (our patched
// go-graphviz starts Graphviz on first use). TMPDIR is left alone.
func TestCacheIsPrivate(t *testing.T) {
	tests := []struct {
		name      string
		render    bool
		setTMPDIR bool
		preMode   os.FileMode // 0: the cache dir does not exist yet
	}{
		{"fresh", true, true, 0},
		{"existing-0755", true, true, 0o755},
		{"no-TMPDIR", true, false, 0},
		{"no-render", false, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp, cache := t.TempDir(), t.TempDir()
			private := filepath.Join(cache, "claimgraph")
			if tt.preMode != 0 {
				if err := os.Mkdir(private, tt.preMode); err != nil {
					t.Fatal(err)
				}
				os.Chmod(private, tt.preMode)
			}
			mode := "none"
			if tt.render {
				mode = "render"
			}
			childTmp := tmp
			if !tt.setTMPDIR {
				childTmp = ""
			}
			out := runCacheChild(t, mode, cache, childTmp)
			wantEnv := fmt.Sprintf("TMPDIR=%q set=%v", tmp, true)
			if !tt.setTMPDIR {
				wantEnv = fmt.Sprintf("TMPDIR=%q set=%v", "", false)
			}
			if !strings.Contains(out, wantEnv) {
				t.Errorf("child said:\n%s\nwant %s", out, wantEnv)
			}
			if strings.Contains(out, "note:") {
				t.Errorf("child noted something about a cache it may use:\n%s", out)
			}
			if ents, err := os.ReadDir(tmp); err != nil || len(ents) != 0 {
				t.Errorf("TMPDIR has %v (err %v), want nothing", ents, err)
			}
			if !tt.render {
				if _, err := os.Stat(private); err == nil {
					t.Errorf("%s exists after a process that drew nothing", private)
				}
				return
			}
			fi, err := os.Stat(private)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o700 {
				t.Errorf("%s has mode %v, want 0700", private, fi.Mode().Perm())
			}
			ents := cacheEntries(t, filepath.Join(private, "go-graphviz"))
			if len(ents) != 2 || !strings.HasSuffix(ents[1], ".sum") {
				t.Errorf("want one compiled entry and its checksum in the private directory, have %v", ents)
			}
		})
	}
}

// TestCacheOtherUsersDirectory is the sudo -E case: root renders with a
// cache root another user owns, holding an entry that user planted. The
// render must not load it (a planted garbage entry made go-graphviz panic
// at start; planted code would run as root), must say once that it runs
// without a cache, and must change nothing there.
func TestCacheOtherUsersDirectory(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown a directory to another user")
	}
	const nobody = 65534
	cache := t.TempDir()
	vdir := filepath.Join(cache, "claimgraph", "go-graphviz", "wazero-planted")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Plant an entry under every key the child could look for: the
	// directory wazero uses is named after its version, so plant by copying
	// a real cache's layout and filling the entry with int3 bytes.
	real := t.TempDir()
	runCacheChild(t, "render", real, "")
	for _, e := range cacheEntries(t, filepath.Join(real, "claimgraph", "go-graphviz")) {
		if strings.HasSuffix(e, ".sum") {
			continue
		}
		p := filepath.Join(cache, "claimgraph", "go-graphviz", e)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Repeat("\xcc", 4096)), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	filepath.Walk(cache, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			os.Lchown(p, nobody, nobody)
		}
		return nil
	})
	before := snapshot(t, cache)
	out := runCacheChild(t, "render", cache, "")
	if !strings.Contains(out, "rendered") {
		t.Fatalf("child did not render:\n%s", out)
	}
	if n := strings.Count(out, "note: compiling Graphviz without a cache"); n != 1 || !strings.Contains(out, "owned by uid 65534") {
		t.Errorf("want one note naming the owner, child said:\n%s", out)
	}
	if after := snapshot(t, cache); after != before {
		t.Errorf("the other user's directory changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// snapshot describes every file under dir: name, mode, owner, size.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d\n", p, fi.Mode(), fi.Size())
		return nil
	})
	return b.String()
}

// TestCacheCorruptEntry: a damaged entry (of every kind seen in the wild)
// costs one compilation, not the render: it is discarded, Graphviz is
// compiled afresh, the render succeeds, and a good entry is written back.
// Before, each of these made every later render panic at start.
func TestCacheCorruptEntry(t *testing.T) {
	good := t.TempDir()
	runCacheChild(t, "render", good, "")
	gdir := filepath.Join(good, "claimgraph", "go-graphviz")
	ents := cacheEntries(t, gdir)
	if len(ents) != 2 {
		t.Fatalf("cache has %v, want one entry and its checksum", ents)
	}
	entry := ents[0]
	content, err := os.ReadFile(filepath.Join(gdir, entry))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(gdir, entry+".sum"))
	if err != nil {
		t.Fatal(err)
	}
	flipped := func(at int) []byte {
		b := append([]byte(nil), content...)
		b[at] ^= 0x55
		return b
	}
	tests := []struct {
		name  string
		entry []byte // nil: a directory in its place
	}{
		{"truncated", content[:len(content)/2]},
		{"empty", []byte{}},
		{"flipped byte in the header", flipped(20)},
		{"flipped byte in the code", flipped(len(content) / 2)},
		{"directory in place of the file", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cache := t.TempDir()
			dir := filepath.Join(cache, "claimgraph", "go-graphviz")
			p := filepath.Join(dir, entry)
			if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p+".sum", sum, 0o600); err != nil {
				t.Fatal(err)
			}
			if tt.entry == nil {
				err = os.MkdirAll(filepath.Join(p, "x"), 0o700)
			} else {
				err = os.WriteFile(p, tt.entry, 0o600)
			}
			if err != nil {
				t.Fatal(err)
			}
			os.Chmod(filepath.Join(cache, "claimgraph"), 0o700)
			out := runCacheChild(t, "render", cache, "")
			if !strings.Contains(out, "rendered") {
				t.Fatalf("child did not render:\n%s", out)
			}
			b, err := os.ReadFile(p)
			if err != nil || string(b) != string(content) {
				t.Errorf("entry not rewritten (%d bytes, err %v)", len(b), err)
			}
		})
	}
}
