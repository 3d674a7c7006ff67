// Package wasmcache chooses where go-graphviz caches the native code it
// compiles from Graphviz's WebAssembly.
//
// Upstream go-graphviz caches it in os.TempDir()/go-graphviz, created 0755
// in a shared, world-writable directory: another local user could create
// that directory first and plant code this process would then load and
// run. claimgraph builds go-graphviz from a patched copy
// (render/third_party/go-graphviz, see its PATCHES.md) that instantiates the
// module on first use rather than at package init and takes the cache
// directory from graphviz.SetCompilationCacheDir; render passes Dir there
// before its first call into go-graphviz.
package wasmcache

import (
	"os"
	"path/filepath"
	"sync"
)

// Dir returns os.UserCacheDir()/claimgraph/go-graphviz, with the claimgraph
// directory created if needed and made mode 0700 (so everything inside it is
// private), or "" when that cannot be done safely and go-graphviz should run
// without a cache (slower start, nothing shared). The directory is made on
// the first call, so commands that draw nothing leave no trace.
var Dir = sync.OnceValue(func() string {
	d := privateDir()
	if d == "" {
		return ""
	}
	return filepath.Join(d, "go-graphviz")
})

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
