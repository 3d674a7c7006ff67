package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data/internal/testcases"
)

// loadBothWays loads b with the claims list split for two goroutines
// wherever possible and without, and fails if the results differ in any
// way: dataset, problems, their order and count.
func loadBothWays(t *testing.T, name string, b []byte) {
	t.Helper()
	defer func(old int, always bool) { tailMin, tailAlways = old, always }(tailMin, tailAlways)
	tailMin, tailAlways = 1<<62, true
	want, wantErr := LoadBytes(name, b)
	tailMin = 0
	got, gotErr := LoadBytes(name, b)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("split load: error\n%v\nsequential:\n%v\ninput: %q", gotErr, wantErr, b)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("split load: dataset differs\ninput: %q", b)
	}
}

// TestTailMatchesSequential checks the two-goroutine claims decoding (see
// tail.go) against the sequential one on exported random datasets, clean
// and with damage: bytes changed, deleted or duplicated anywhere, which
// makes syntax errors, unknown fields, dangling references and duplicate
// ids in either half, and split guesses that are not element boundaries.
func TestTailMatchesSequential(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	spliced := tailSpliced.Load()
	defer func() {
		if n := tailSpliced.Load() - spliced; n < 100 {
			t.Errorf("only %d of the loads used the split", n)
		}
	}()
	for i := range 250 {
		ds := genDataset(rng, 1+rng.IntN(8), 2+rng.IntN(20))
		b := exportJSON(t, ds)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			loadBothWays(t, "x.json", b)
			for range 5 {
				m := bytes.Clone(b)
				at := rng.IntN(len(m))
				switch rng.IntN(4) {
				case 0:
					m[at] = "{}[],:\"x0 "[rng.IntN(10)]
				case 1:
					m = append(m[:at], m[at+1:]...)
				case 2: // a claim id repeated, or an entity id as a claim's
					m = bytes.Replace(m, []byte(`"c`), []byte(`"d`), 1)
				case 3:
					j := rng.IntN(len(m))
					lo, hi := min(at, j), max(at, j)
					m = append(m[:hi:hi], m[lo:]...)
				}
				loadBothWays(t, "x.json", m)
			}
		})
	}
}

func TestTailMatchesSequentialCases(t *testing.T) {
	for _, c := range testcases.Load() {
		if strings.HasSuffix(c.File, ".json") {
			t.Run(c.Name, func(t *testing.T) { loadBothWays(t, c.File, []byte(c.Src)) })
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzLoadJSON/*")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// The corpus file format: a header line, then []byte("...").
		lines := strings.SplitN(string(b), "\n", 2)
		if len(lines) < 2 {
			continue
		}
		var src string
		if _, err := fmt.Sscanf(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lines[1]), "[]byte("), ")")), "%q", &src); err != nil {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) { loadBothWays(t, "x.json", []byte(src)) })
	}
}
