package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSplitRevision(t *testing.T) {
	dir := t.TempDir()
	colon := filepath.Join(dir, "v1:data.yaml")
	if err := os.WriteFile(colon, []byte("title: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		arg       string
		rev, path string
		ok        bool
	}{
		{"HEAD~1:data.yaml", "HEAD~1", "data.yaml", true},
		{"main:dir/a:b.yaml", "main", "dir/a:b.yaml", true},
		{":data.yaml", "", "data.yaml", true}, // the staged version
		{"data.yaml", "", "", false},
		{"HEAD:", "", "", false},
		{"-", "", "", false},
		{colon, "", "", false}, // exists: a file, not a revision
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			rev, path, ok := SplitRevision(tt.arg)
			if rev != tt.rev || path != tt.path || ok != tt.ok {
				t.Errorf("SplitRevision(%q) = %q, %q, %v; want %q, %q, %v", tt.arg, rev, path, ok, tt.rev, tt.path, tt.ok)
			}
		})
	}
}

func TestLoadRevisionWithoutGit(t *testing.T) {
	t.Setenv("PATH", "")
	_, err := LoadRevision("HEAD", "data.yaml", Options{})
	if !errors.Is(err, ErrNoGit) {
		t.Fatalf("LoadRevision without git: %v, want ErrNoGit", err)
	}
	if want := "read HEAD:data.yaml: git is not installed or not on PATH"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestLoadRevisionDashRevision(t *testing.T) {
	// "-p:x" must not reach git as an option.
	_, err := LoadRevision("-p", "x", Options{})
	if err == nil || errors.Is(err, ErrNoGit) {
		t.Fatalf("LoadRevision(-p, x): %v, want a refusal", err)
	}
}

func TestGitMessage(t *testing.T) {
	for in, want := range map[string]string{
		"fatal: invalid object name 'HEAD~5'.\n":                       "invalid object name 'HEAD~5'",
		"hint: something\nfatal: not a git repository: .git\n":         "not a git repository: .git",
		"something odd\nmore\n":                                        "something odd",
		"error: unable to read\nfatal: path 'x' does not exist in 'y'": "unable to read",
	} {
		if got := gitMessage(in); got != want {
			t.Errorf("gitMessage(%q) = %q, want %q", in, got, want)
		}
	}
}
