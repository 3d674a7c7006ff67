package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data"
)

// TestHostileInput runs every malformed or hostile dataset of the loader's
// table through the real command line, writing to a file: each must exit 1,
// print every expected problem once after one "claimgraph: error:" prefix,
// and leave no output file (not even a temporary one) behind.
func TestHostileInput(t *testing.T) {
	for i, tc := range data.HostileCases() {
		t.Run(tc.Name, func(t *testing.T) {
			dir := t.TempDir()
			name := tc.File
			if name == "" {
				name = "t.yaml"
			}
			// Run inside dir with a relative path, so that messages read
			// as the table states them ("t.yaml:1:8: ...").
			t.Chdir(dir)
			path := name
			if err := os.WriteFile(path, []byte(tc.Src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := "out"
			// Alternate between the two commands that write files.
			args := []string{"export", "-d", path, "-o", out + ".json"}
			if i%2 == 1 {
				args = []string{"render", "-d", path, "-o", out + ".svg"}
			}
			code, stdout, stderr := runMain(t, args...)
			if code != exitFailure {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, exitFailure, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			if !strings.HasPrefix(stderr, "claimgraph: error: ") || strings.Count(stderr, "claimgraph: error:") != 1 {
				t.Errorf("stderr must start with one error prefix:\n%s", stderr)
			}
			for _, w := range tc.Want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			assertOnlyInput(t, dir, name)
		})
	}
}

// TestBadInvocations covers hostile or broken input that is not a file's
// content: flags, limits and the file system.
func TestBadInvocations(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte(data.HostileWithClaims("  - {from: a, to: b, relation: funds, status: alleged}\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop")
	if err := os.Mkdir(loop, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(loop, "b.yaml"), filepath.Join(loop, "a.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(loop, "a.yaml"), filepath.Join(loop, "b.yaml")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.svg")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown render format", []string{"render", "-d", good, "--format", "pdf", "-o", out}, exitUsage, `pdf`},
		{"unknown export format", []string{"export", "-d", good, "--format", "xml", "-o", out}, exitUsage, `unknown --format "xml"`},
		{"over the size cap", []string{"render", "-d", good, "--max-bytes", "10", "-o", out}, exitFailure, "10"},
		{"symlink loop", []string{"render", "-d", loop, "-o", out}, exitFailure, "too many levels of symbolic links"},
		{"missing file", []string{"render", "-d", filepath.Join(dir, "nope.yaml"), "-o", out}, exitFailure, "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runMain(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.HasPrefix(stderr, "claimgraph: error: ") || !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
	assertOnlyInput(t, dir, "good.yaml", "loop")
}

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main(args, strings.NewReader(""), &o, &e)
	return code, o.String(), e.String()
}

// assertOnlyInput fails if dir holds anything but the named entries.
func assertOnlyInput(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		keep := false
		for _, n := range names {
			keep = keep || e.Name() == n
		}
		if !keep {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
