package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progressDelay is how long a load runs before claimgraph says it is still
// loading: below it, a message would only flicker.
const progressDelay = time.Second

// startProgress tells a person at a terminal that a slow step (loading a
// large dataset takes seconds) is still running: after delay, a line
// "claimgraph: loading big.json… 3 s" on w, rewritten every half second and
// erased by the returned stop function. When enabled is false (w is not a
// terminal: logs and pipes must stay clean) it does nothing.
func startProgress(w io.Writer, enabled bool, delay time.Duration, what string) (stop func()) {
	if !enabled {
		return func() {}
	}
	start := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-done:
			return
		case <-timer.C:
		}
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(w, "\rclaimgraph: loading %s… %.0f s", what, time.Since(start).Seconds())
			select {
			case <-done:
				fmt.Fprint(w, "\r\033[K") // erase the line: the result speaks for itself
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// describeInputs names the --data inputs for a progress line.
func describeInputs(paths []string) string {
	const max = 3
	if len(paths) > max {
		return strings.Join(paths[:max], ", ") + fmt.Sprintf(" and %d more", len(paths)-max)
	}
	return strings.Join(paths, ", ")
}
