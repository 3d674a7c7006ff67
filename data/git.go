package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ErrNoGit is wrapped by the error LoadRevision returns when git cannot be
// run, so that callers can add a hint.
var ErrNoGit = errors.New("git is not installed or not on PATH")

// GitError is git's complaint about a REV:PATH it could not show: not a
// repository, an unknown revision, a path not in it.
type GitError struct{ Message string }

func (e *GitError) Error() string { return "git: " + e.Message }

// SplitRevision reports whether arg names a file at a git revision,
// "REV:PATH" as git show takes it, and splits it at the first colon. A path
// that exists on disk is a path, colon or not, so that a file named
// "notes:v2.yaml" stays readable; "-" (standard input) is never a revision.
// An empty REV is allowed: git reads ":PATH" from the index (the staged
// version).
func SplitRevision(arg string) (rev, path string, ok bool) {
	if arg == "-" {
		return "", "", false
	}
	if _, err := os.Lstat(arg); err == nil {
		return "", "", false
	}
	rev, path, ok = strings.Cut(arg, ":")
	if !ok || path == "" {
		return "", "", false
	}
	return rev, path, true
}

// LoadRevision parses the dataset file path as it was at git revision rev,
// read with `git show rev:path` in the current directory. As in git, path is
// relative to the top of the work tree unless it starts with "./" or "../".
// Errors name the file as "rev:path", and git's own complaint (not a
// repository, unknown revision, no such path) is passed on.
func LoadRevision(rev, path string, opts Options) (*graph.Dataset, error) {
	name := rev + ":" + path
	b, err := readRevision(name, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return loadBytesWith(name, b, gitTextReader(rev, path))
}

func readRevision(object string, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", object, ErrNoGit)
	}
	// "--" would make git read object as a path; the object is the only
	// argument, so a leading "-" is refused here instead.
	if strings.HasPrefix(object, "-") {
		return nil, fmt.Errorf("read %s: a revision cannot start with '-'", object)
	}
	cmd := exec.Command(git, "show", "--no-textconv", object)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", object, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("read %s: %w", object, err)
	}
	b, readErr := io.ReadAll(io.LimitReader(out, maxBytes+1))
	if int64(len(b)) > maxBytes {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("read %s: larger than %d bytes", object, maxBytes)
	}
	if err := cmd.Wait(); err != nil {
		if msg := gitMessage(stderr.String()); msg != "" {
			return nil, fmt.Errorf("read %s: %w", object, &GitError{msg})
		}
		return nil, fmt.Errorf("read %s: git show: %w", object, err)
	}
	if readErr != nil {
		return nil, fmt.Errorf("read %s: %w", object, readErr)
	}
	// For a directory, git show lists it: "tree REV:PATH", a blank line,
	// the names. A listing is no dataset; say so rather than fail to parse it.
	if bytes.HasPrefix(b, []byte("tree "+object+"\n")) {
		return nil, fmt.Errorf("read %s: a directory at that revision; name a dataset file in it", object)
	}
	return b, nil
}

// gitMessage returns git's error from its standard error: the first
// "fatal:" or "error:" line without that prefix, or else the first line.
func gitMessage(stderr string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines {
		for _, p := range []string{"fatal: ", "error: "} {
			if rest, ok := strings.CutPrefix(l, p); ok {
				return strings.TrimSuffix(strings.TrimSpace(rest), ".")
			}
		}
	}
	return strings.TrimSpace(lines[0])
}
