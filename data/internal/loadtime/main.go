// Command loadtime times data.Load and graph.New on one dataset file, with
// the heap after each, to tell the loader's share of a check from the
// graph's. It is a measuring tool, not part of claimgraph:
//
//	go run ./data/internal/loadtime big.json
//
// (claimgraph synth --entities 100000 --claims 1000000 -o big.json writes
// the scale-target file.)
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadtime: error:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: loadtime FILE")
	}
	start := time.Now()
	ds, err := data.Load(args, data.Options{MaxBytes: 1 << 40})
	if err != nil {
		return err
	}
	loaded := time.Now()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("load %v: heap in use %d MB, from the OS %d MB\n", loaded.Sub(start), ms.HeapInuse>>20, ms.Sys>>20)
	if _, err := graph.New(ds); err != nil {
		return err
	}
	runtime.ReadMemStats(&ms)
	fmt.Printf("graph.New %v: heap in use %d MB, from the OS %d MB\n", time.Since(loaded), ms.HeapInuse>>20, ms.Sys>>20)
	return nil
}
