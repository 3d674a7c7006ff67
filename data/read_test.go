package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadHalves checks the two-halves read against the file's content
// when the size it is given is right, too small (the file grew after the
// stat) or too large (it shrank), and that the budget still caps it.
func TestReadHalves(t *testing.T) {
	content := strings.Repeat("0123456789abcdef", 4097)
	path := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	n := int64(len(content))
	for _, tt := range []struct {
		name         string
		size, budget int64
		want         string
	}{
		{"exact", n, n, content},
		{"grew", n - 100, n, content},
		{"shrank", n + 100, n + 100, content},
		{"over budget", n - 100, n - 50, content[:n-50+1]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := readHalves(f, tt.size, tt.budget)
			if err != nil || got != tt.want {
				t.Errorf("readHalves = %d bytes, %v; want %d bytes", len(got), err, len(tt.want))
			}
		})
	}
}
