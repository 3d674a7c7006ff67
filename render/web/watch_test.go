package web

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// TestWatcherTick drives the watcher poll by poll, without a clock: each
// poll sees the stamps listed, and a load reads the file as the stamps at
// that poll describe it (size 0: empty, size 9: broken, else good).
func TestWatcherTick(t *testing.T) {
	st := func(size int64) []fileStamp { return []fileStamp{{path: "d.yaml", size: size}} }
	tests := []struct {
		name  string
		polls []int64  // the file's size at each poll; the start is size 1
		want  []string // loads, in order: "quiet ok", "quiet failed", "reported ok", "reported failed"
	}{
		{"nothing changes", []int64{1, 1, 1}, nil},
		{"a change loads once it held for a poll", []int64{2, 2, 2, 2}, []string{"quiet ok"}},
		{"a file that keeps changing never loads", []int64{2, 3, 4, 5}, nil},
		{"changed back before it settled", []int64{2, 1, 1, 1}, nil},
		{"the last of several writes loads", []int64{2, 3, 3}, []string{"quiet ok"}},
		{"a stalled writer: empty twice, then written", []int64{0, 0, 2, 2, 2}, []string{"quiet failed", "quiet ok"}},
		{"empty and left empty is reported", []int64{0, 0, 0, 0}, []string{"quiet failed", "reported failed"}},
		{"a broken file is reported after one retry", []int64{9, 9, 9, 9}, []string{"quiet failed", "reported failed"}},
		{"fixed after the report loads again", []int64{9, 9, 9, 2, 2}, []string{"quiet failed", "reported failed", "quiet ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &watcher{last: st(1)}
			var got []string
			for _, size := range tt.polls {
				w.tick(st(size), func(report bool) error {
					var err error
					if size == 0 || size == 9 {
						err = errors.New("does not load")
					}
					got = append(got, fmt.Sprintf("%s %s", map[bool]string{false: "quiet", true: "reported"}[report],
						map[bool]string{false: "ok", true: "failed"}[err != nil]))
					return err
				})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("polls %v: loads %q, want %q", tt.polls, got, tt.want)
			}
		})
	}
}
