package graph_test

import (
	"syscall"
)

// threadCPU returns the CPU time the calling thread has used, in
// nanoseconds, and true. Benchmarks report it beside ns/op: on a machine
// shared with other jobs, wall time runs 1–5× higher and varies with the
// load, CPU time of the searching thread much less. The caller must hold
// its OS thread (runtime.LockOSThread).
func threadCPU() (int64, bool) {
	const rusageThread = 1 // RUSAGE_THREAD, Linux only
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
