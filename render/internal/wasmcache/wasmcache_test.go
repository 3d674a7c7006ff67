package wasmcache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const otherUID = 65534 // nobody

// needRoot skips tests that make files owned by another user.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown a directory to another user")
	}
}

func mode(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

// TestOpenRefuses pins the ownership rule: any level from the cache root
// down that another user owns, that group or others may write, or that is a
// symbolic link means no cache, and nothing of it is changed (never chmod
// what is not ours).
func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		root  bool // needs root
		setup func(t *testing.T, root string) (changed string)
		want  string
	}{
		{"root owned by another user", true, func(t *testing.T, root string) string {
			must(t, os.Chown(root, otherUID, otherUID))
			return root
		}, "owned by uid 65534"},
		{"claimgraph owned by another user", true, func(t *testing.T, root string) string {
			d := filepath.Join(root, "claimgraph")
			must(t, os.Mkdir(d, 0o755))
			must(t, os.Chown(d, otherUID, otherUID))
			return d
		}, "owned by uid 65534"},
		{"go-graphviz owned by another user", true, func(t *testing.T, root string) string {
			d := filepath.Join(root, "claimgraph", "go-graphviz")
			must(t, os.MkdirAll(d, 0o700))
			must(t, os.Chown(d, otherUID, otherUID))
			must(t, os.Chmod(d, 0o777))
			return d
		}, "owned by uid 65534"},
		{"root group-writable", false, func(t *testing.T, root string) string {
			must(t, os.Chmod(root, 0o775))
			return root
		}, "writable by group or others"},
		{"root world-writable", false, func(t *testing.T, root string) string {
			must(t, os.Chmod(root, 0o777))
			return root
		}, "writable by group or others"},
		{"claimgraph a symlink", false, func(t *testing.T, root string) string {
			must(t, os.Symlink(t.TempDir(), filepath.Join(root, "claimgraph")))
			return filepath.Join(root, "claimgraph")
		}, "symbolic link"},
		{"go-graphviz a symlink", false, func(t *testing.T, root string) string {
			must(t, os.Mkdir(filepath.Join(root, "claimgraph"), 0o700))
			must(t, os.Symlink(t.TempDir(), filepath.Join(root, "claimgraph", "go-graphviz")))
			return filepath.Join(root, "claimgraph", "go-graphviz")
		}, "symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.root {
				needRoot(t)
			}
			root := filepath.Join(t.TempDir(), "cache")
			must(t, os.Mkdir(root, 0o700))
			changed := tt.setup(t, root)
			before := mode(t, changed)
			c, err := OpenIn(root)
			if c != nil || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("OpenIn = %v, %v; want no cache and %q", c, err, tt.want)
			}
			if after := mode(t, changed); after != before {
				t.Errorf("%s changed from %v to %v", changed, before, after)
			}
		})
	}
	t.Run("symlinked root", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "cache")
		must(t, os.Symlink(t.TempDir(), link))
		if c, err := OpenIn(link); c != nil || err == nil {
			t.Fatalf("OpenIn = %v, %v; want no cache", c, err)
		}
	})
	t.Run("relative root", func(t *testing.T) {
		if c, err := OpenIn("cache"); c != nil || err == nil {
			t.Fatalf("OpenIn = %v, %v; want no cache", c, err)
		}
	})
}

// TestOpenMakesPrivate: a fresh cache root gets private claimgraph levels,
// and an existing claimgraph level of ours is tightened to 0700.
func TestOpenMakesPrivate(t *testing.T) {
	root := filepath.Join(t.TempDir(), "cache")
	must(t, os.Mkdir(root, 0o755))
	must(t, os.Mkdir(filepath.Join(root, "claimgraph"), 0o755))
	c, err := OpenIn(root)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path() != filepath.Join(root, "claimgraph", "go-graphviz") {
		t.Errorf("Path = %q", c.Path())
	}
	for _, d := range []string{"claimgraph", "claimgraph/go-graphviz"} {
		if m := mode(t, filepath.Join(root, d)); m.Perm() != 0o700 {
			t.Errorf("%s: mode %v, want 0700", d, m)
		}
	}
	if m := mode(t, root); m.Perm() != 0o755 {
		t.Errorf("root's mode changed to %v", m)
	}
	if fi, err := os.Stat(c.Dir()); err != nil || !fi.IsDir() {
		t.Errorf("Dir %q unusable: %v", c.Dir(), err)
	}
}

// TestVerify: entries are kept only with the checksum Seal wrote; every
// kind of damage removes them before wazero reads them.
func TestVerify(t *testing.T) {
	key := strings.Repeat("ab", 32)
	content := []byte("WAZEVO" + strings.Repeat("native code ", 100))
	tests := []struct {
		name   string
		damage func(t *testing.T, entry string)
		keep   bool
	}{
		{"intact", func(*testing.T, string) {}, true},
		{"truncated", func(t *testing.T, e string) { must(t, os.Truncate(e, int64(len(content)/2))) }, false},
		{"empty", func(t *testing.T, e string) { must(t, os.Truncate(e, 0)) }, false},
		{"flipped byte in the header", func(t *testing.T, e string) { flip(t, e, 3) }, false},
		{"flipped byte in the code", func(t *testing.T, e string) { flip(t, e, len(content)/2) }, false},
		{"directory in its place", func(t *testing.T, e string) {
			must(t, os.Remove(e))
			must(t, os.Mkdir(e, 0o700))
		}, false},
		{"symlink in its place", func(t *testing.T, e string) {
			other := filepath.Join(t.TempDir(), "x")
			must(t, os.WriteFile(other, content, 0o600))
			must(t, os.Remove(e))
			must(t, os.Symlink(other, e))
		}, false},
		{"checksum missing", func(t *testing.T, e string) { must(t, os.Remove(e+".sum")) }, false},
		{"checksum empty", func(t *testing.T, e string) { must(t, os.Truncate(e+".sum", 0)) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "cache")
			c, err := OpenIn(root)
			if err != nil {
				t.Fatal(err)
			}
			vdir := filepath.Join(c.Path(), "wazero-v0-amd64-linux")
			must(t, os.Mkdir(vdir, 0o700))
			entry := filepath.Join(vdir, key)
			must(t, os.WriteFile(entry, content, 0o600))
			c.Seal()
			if _, err := os.Stat(entry + ".sum"); err != nil {
				t.Fatalf("Seal wrote no checksum: %v", err)
			}
			tt.damage(t, entry)
			if _, err := OpenIn(root); err != nil {
				t.Fatal(err)
			}
			_, err = os.Lstat(entry)
			if kept := err == nil; kept != tt.keep {
				t.Errorf("entry kept = %v, want %v", kept, tt.keep)
			}
		})
	}
}

// TestVerifyForeignVersionDir: a version directory another user owns, or
// one others may write to, is removed with what it holds.
func TestVerifyForeignVersionDir(t *testing.T) {
	for _, owner := range []string{"other user", "world-writable"} {
		t.Run(owner, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "cache")
			c, err := OpenIn(root)
			if err != nil {
				t.Fatal(err)
			}
			vdir := filepath.Join(c.Path(), "wazero-v0-amd64-linux")
			must(t, os.Mkdir(vdir, 0o700))
			must(t, os.WriteFile(filepath.Join(vdir, strings.Repeat("cd", 32)), []byte("x"), 0o600))
			c.Seal()
			if owner == "other user" {
				needRoot(t)
				must(t, os.Chown(vdir, otherUID, otherUID))
			} else {
				must(t, os.Chmod(vdir, 0o777))
			}
			if _, err := OpenIn(root); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Lstat(vdir); err == nil {
				t.Errorf("%s kept", vdir)
			}
		})
	}
}

func flip(t *testing.T, p string, at int) {
	t.Helper()
	b, err := os.ReadFile(p)
	must(t, err)
	b[at] ^= 0xff
	must(t, os.WriteFile(p, b, 0o600))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
