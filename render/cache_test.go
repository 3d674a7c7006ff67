package render

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/render/internal/wasmcache"
)

// TestCacheChild is run by TestCacheIsPrivate in a fresh process, so that
// package initialisation happens under the environment the parent chose.
func TestCacheChild(t *testing.T) {
	if os.Getenv("CLAIMGRAPH_CACHE_CHILD") != "1" {
		t.Skip("helper for TestCacheIsPrivate")
	}
	tmp, set := os.LookupEnv("TMPDIR")
	fmt.Printf("TMPDIR=%q set=%v dir=%q\n", tmp, set, wasmcache.Dir())
}

// TestCacheIsPrivate checks the init-order arrangement of wasmcache:
// go-graphviz's compilation cache lands in UserCacheDir/claimgraph (0700),
// nothing is created in TMPDIR, and the process gets its TMPDIR back.
func TestCacheIsPrivate(t *testing.T) {
	tests := []struct {
		name      string
		setTMPDIR bool
		preMode   os.FileMode // 0: the cache dir does not exist yet
	}{
		{"fresh", true, 0},
		{"existing-0755", true, 0o755},
		{"no-TMPDIR", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp, cache := t.TempDir(), t.TempDir()
			if tt.preMode != 0 {
				if err := os.Mkdir(filepath.Join(cache, "claimgraph"), tt.preMode); err != nil {
					t.Fatal(err)
				}
				os.Chmod(filepath.Join(cache, "claimgraph"), tt.preMode)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestCacheChild$", "-test.v")
			env := []string{"CLAIMGRAPH_CACHE_CHILD=1", "XDG_CACHE_HOME=" + cache, "HOME=" + cache, "PATH=" + os.Getenv("PATH")}
			if tt.setTMPDIR {
				env = append(env, "TMPDIR="+tmp)
			}
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			private := filepath.Join(cache, "claimgraph")
			wantEnv := fmt.Sprintf("TMPDIR=%q set=%v dir=%q", tmp, true, private)
			if !tt.setTMPDIR {
				wantEnv = fmt.Sprintf("TMPDIR=%q set=%v dir=%q", "", false, private)
			}
			if !strings.Contains(string(out), wantEnv) {
				t.Errorf("child said:\n%s\nwant %s", out, wantEnv)
			}
			fi, err := os.Stat(private)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o700 {
				t.Errorf("%s has mode %v, want 0700", private, fi.Mode().Perm())
			}
			if _, err := os.Stat(filepath.Join(private, "go-graphviz")); err != nil {
				t.Errorf("no compilation cache in the private directory: %v", err)
			}
			if _, err := os.Stat(filepath.Join(tmp, "go-graphviz")); err == nil {
				t.Errorf("go-graphviz created its cache in TMPDIR")
			}
		})
	}
}
