package wasm

import (
	"sync"
	"testing"
)

// Patched (claimgraph): not in upstream. Each test binary is a fresh
// process, so this is the first use of the module.
func TestInstantiateConcurrent(t *testing.T) {
	if instantiated.Load() {
		t.Fatal("module instantiated before first use")
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(Instantiate)
	}
	wg.Wait()
	if !instantiated.Load() || mod.mod == nil {
		t.Fatal("module not instantiated")
	}
}
