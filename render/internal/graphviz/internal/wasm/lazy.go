package wasm

// Patched (claimgraph): this file is not in upstream go-graphviz. See
// PATCHES.md at the root of this module.
//
// Upstream compiles and instantiates the WebAssembly module in this
// package's init, so every program that links go-graphviz pays for it at
// start (tens of milliseconds with a warm compilation cache, most of a
// second without), whether it draws anything or not. Here the instance is
// made on first use instead: every path to the api.Module goes through
// WasmModule.module (ExportedFunction and the memory accessors), which
// instantiates it once.

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

var (
	instantiateOnce sync.Once
	// instantiated is set once mod.mod is usable, before the OnInstantiate
	// hooks run: the hooks call into the module themselves, and sync.Once
	// does not allow re-entry. Other goroutines can see it before the hooks
	// finish only if they call go-graphviz concurrently with the first
	// call, which go-graphviz does not support anyway (one instance, one
	// C heap, no locking).
	instantiated atomic.Bool
	hooks        []func(context.Context) error
)

// module returns the WebAssembly instance, making it on first use. A
// failure to make it panics here, as it did in upstream's init; callers
// that want an error call Start first.
func (m *WasmModule) module() api.Module {
	if !instantiated.Load() {
		instantiateOnce.Do(start)
		if startErr != nil {
			panic(startErr)
		}
	}
	return m.mod
}

var (
	startErr error // why the module could not be made
	cacheErr error // why the compilation cache was dropped, if it was
)

// start makes the instance: with the compilation cache if one is set, and
// if that fails in any way (a corrupt entry: truncated, flipped bytes, a
// directory in its place; wazero reports some as errors and panics on
// others) once more without it, so that a bad cache costs a compilation,
// never a render. Panics from wazero or the hooks become errors.
func start() {
	ctx := context.Background()
	cache := getCompilationCache()
	err := safely(func() error { return instantiate(cache) })
	if err != nil && cache != nil {
		cacheErr = err
		cache.Close(ctx)
		err = safely(func() error { return instantiate(nil) })
	}
	if err != nil {
		startErr = err
		return
	}
	instantiated.Store(true)
	for _, h := range hooks {
		if err := safely(func() error { return h(ctx) }); err != nil {
			startErr = err
			return
		}
	}
}

func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return f()
}

// Instantiate makes the WebAssembly instance now if it does not exist yet.
func Instantiate() { mod.module() }

// Start makes the WebAssembly instance now if it does not exist yet and
// returns the error that kept it from being made, instead of panicking.
func Start() error {
	instantiateOnce.Do(start)
	return startErr
}

// CompilationCacheError returns why the instance was made without the
// compilation cache it was given, or nil: the caller should discard the
// cache's entries.
func CompilationCacheError() error {
	instantiateOnce.Do(start)
	return cacheErr
}

// OnInstantiate registers f to run right after the instance is made, for
// set-up that upstream did in package inits (cgraph's error level and
// graph descriptors). It must be called from a package init.
func OnInstantiate(f func(context.Context) error) {
	if instantiated.Load() {
		panic("wasm: OnInstantiate after the module was instantiated")
	}
	hooks = append(hooks, f)
}

func (m *WasmModule) checkEnum(ctx context.Context, want int, name string) {
	if got := m.getEnumValue(ctx, name); got != want {
		panic(fmt.Sprintf("go-graphviz: enum %s is %d in graphviz.wasm, %d in bind.go", name, got, want))
	}
}

var cacheDir struct {
	sync.Mutex
	set bool
	dir string
}

// SetCompilationCacheDir makes the compilation cache live in dir instead of
// os.TempDir()/go-graphviz; "" turns the cache off. It only has an effect
// before the module is instantiated, on first use.
func SetCompilationCacheDir(dir string) {
	cacheDir.Lock()
	defer cacheDir.Unlock()
	cacheDir.set, cacheDir.dir = true, dir
}

func compilationCacheDir() (string, bool) {
	cacheDir.Lock()
	defer cacheDir.Unlock()
	return cacheDir.dir, cacheDir.set
}

// compilationCacheAt opens the cache in dir; wazero creates its version
// subdirectory (mode 0700) if needed.
func compilationCacheAt(dir string) wazero.CompilationCache {
	if dir == "" {
		return nil
	}
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil
	}
	return cache
}
