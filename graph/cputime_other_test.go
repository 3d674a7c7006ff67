//go:build !linux

package graph_test

// threadCPU is unavailable here: benchmarks report wall time only.
func threadCPU() (int64, bool) { return 0, false }
