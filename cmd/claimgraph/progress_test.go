package main

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer lets the progress goroutine and the test share a buffer.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var progressLine = regexp.MustCompile(`^\rclaimgraph: loading big\.json… [0-9]+ s`)

// TestProgress waits for events (the line appearing), never for time.
func TestProgress(t *testing.T) {
	t.Run("slow step on a terminal", func(t *testing.T) {
		var w lockedBuffer
		stop := startProgress(&w, true, 0, "big.json")
		for !strings.Contains(w.String(), "loading") {
			time.Sleep(time.Millisecond)
		}
		stop()
		// The seconds shown depend on how soon the goroutine ran: only
		// their form is checked.
		got := w.String()
		if !progressLine.MatchString(got) || !strings.HasSuffix(got, "\r\033[K") {
			t.Errorf("progress output %q", got)
		}
	})
	t.Run("fast step prints nothing", func(t *testing.T) {
		var w lockedBuffer
		startProgress(&w, true, time.Hour, "big.json")()
		if w.String() != "" {
			t.Errorf("printed %q", w.String())
		}
	})
	t.Run("not a terminal prints nothing", func(t *testing.T) {
		var w lockedBuffer
		// Disabled, it starts no goroutine: nothing can print later.
		stop := startProgress(&w, false, 0, "big.json")
		stop()
		if w.String() != "" {
			t.Errorf("printed %q", w.String())
		}
	})
	if got := describeInputs([]string{"a", "b", "c", "d", "e"}); got != "a, b, c and 2 more" {
		t.Errorf("describeInputs = %q", got)
	}
}
