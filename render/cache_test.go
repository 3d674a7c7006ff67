package render

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/render/internal/wasmcache"
)

// TestCacheChild is run by TestCacheIsPrivate in a fresh process, so that
// go-graphviz starts under the environment the parent chose.
func TestCacheChild(t *testing.T) {
	mode := os.Getenv("CLAIMGRAPH_CACHE_CHILD")
	if mode == "" {
		t.Skip("helper for TestCacheIsPrivate")
	}
	if mode == "render" {
		if err := SVG(io.Discard, mustGraph(t, fixture()), Options{}); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("dir=%q\n", wasmcache.Dir())
	}
	tmp, set := os.LookupEnv("TMPDIR")
	fmt.Printf("TMPDIR=%q set=%v\n", tmp, set)
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
			cmd := exec.Command(os.Args[0], "-test.run=^TestCacheChild$", "-test.v")
			env := []string{"CLAIMGRAPH_CACHE_CHILD=" + mode, "XDG_CACHE_HOME=" + cache, "HOME=" + cache, "PATH=" + os.Getenv("PATH")}
			if tt.setTMPDIR {
				env = append(env, "TMPDIR="+tmp)
			}
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			wantEnv := fmt.Sprintf("TMPDIR=%q set=%v", tmp, true)
			if !tt.setTMPDIR {
				wantEnv = fmt.Sprintf("TMPDIR=%q set=%v", "", false)
			}
			if !strings.Contains(string(out), wantEnv) {
				t.Errorf("child said:\n%s\nwant %s", out, wantEnv)
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
			if want := fmt.Sprintf("dir=%q", filepath.Join(private, "go-graphviz")); !strings.Contains(string(out), want) {
				t.Errorf("child said:\n%s\nwant %s", out, want)
			}
			fi, err := os.Stat(private)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o700 {
				t.Errorf("%s has mode %v, want 0700", private, fi.Mode().Perm())
			}
			ents, err := os.ReadDir(filepath.Join(private, "go-graphviz"))
			if err != nil || len(ents) == 0 {
				t.Errorf("no compilation cache in the private directory: %v %v", ents, err)
			}
		})
	}
}
