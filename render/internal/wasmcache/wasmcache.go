// Package wasmcache moves go-graphviz's compilation cache into a private
// directory. It exists only for its init function and must stay tiny.
//
// go-graphviz compiles Graphviz's WebAssembly module in a package init and
// caches the native code in os.TempDir()/go-graphviz, created 0755 in a
// shared, world-writable directory: another local user could create that
// directory first and plant code this process would then load and run. The
// path cannot be configured; only $TMPDIR, read during that init, moves it.
//
// So this package's init points TMPDIR at os.UserCacheDir()/claimgraph
// (created 0700, so the go-graphviz directory inside it is private too), and
// render's init, which runs after go-graphviz's, calls Restore. The order is
// guaranteed by the Go spec (Go 1.21 and later): among the packages whose
// imports are all initialised, the one with the smallest import path goes
// first. This package imports only os and path/filepath, which go-graphviz's
// internal/wasm imports too, so it is ready whenever that package is, and
// "github.com/claimgraph/..." sorts before "github.com/goccy/...".
// TestCacheIsPrivate in package render checks the outcome; it breaks if the
// module path ever sorts after github.com/goccy.
package wasmcache

import (
	"os"
	"path/filepath"
)

var (
	origTMPDIR string
	hadTMPDIR  bool
	dir        string
)

// noCache is where TMPDIR points when no private directory can be made: a
// path below a file, so go-graphviz cannot create its cache and runs
// without one (slower start, nothing shared).
const noCache = "/dev/null/claimgraph-no-cache"

func init() {
	origTMPDIR, hadTMPDIR = os.LookupEnv("TMPDIR")
	dir = privateDir()
	target := dir
	if target == "" {
		target = noCache
	}
	os.Setenv("TMPDIR", target)
}

// privateDir returns os.UserCacheDir()/claimgraph, created if needed with
// mode 0700, or "" when that cannot be done safely.
func privateDir() string {
	base, err := os.UserCacheDir()
	if err != nil || !filepath.IsAbs(base) {
		return ""
	}
	d := filepath.Join(base, "claimgraph")
	if err := os.MkdirAll(d, 0o700); err != nil {
		return ""
	}
	// MkdirAll leaves an existing directory as it is: tighten it, and
	// refuse one that is not a plain directory we can make private.
	fi, err := os.Lstat(d)
	if err != nil || !fi.IsDir() {
		return ""
	}
	if fi.Mode().Perm() != 0o700 {
		if err := os.Chmod(d, 0o700); err != nil {
			return ""
		}
	}
	return d
}

// Dir is the private cache directory, or "" when there is none and
// go-graphviz runs uncached.
func Dir() string { return dir }

// Restore gives the process its original TMPDIR back. render's init calls
// it once go-graphviz has read TMPDIR.
func Restore() {
	if hadTMPDIR {
		os.Setenv("TMPDIR", origTMPDIR)
	} else {
		os.Unsetenv("TMPDIR")
	}
}
