package data

import (
	"github.com/claimgraph/claimgraph/data/internal/testcases"

	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// The fuzz targets check that the loader never panics (the recover in
// parse would hide a panic, so an "internal error" problem counts as one),
// and that whatever it accepts survives export → load → export unchanged.
// Seeds: f.Add below plus data/testdata/fuzz/<target>/.

func FuzzLoadYAML(f *testing.F) {
	f.Add(Embedded())
	for _, tc := range testcases.Load() {
		if tc.File == "" && len(tc.Src) < 4096 {
			f.Add([]byte(tc.Src))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) { fuzzLoad(t, "f.yaml", b) })
}

func FuzzLoadJSON(f *testing.F) {
	ds, err := LoadEmbedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(exportJSON(f, ds))
	f.Add(exportJSON(f, genDataset(rand.New(rand.NewPCG(3, 4)), 3, 2, 4)))
	for _, tc := range testcases.Load() {
		if tc.File == "t.json" && len(tc.Src) < 4096 {
			f.Add([]byte(tc.Src))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		err := fuzzLoad(t, "f.json", b)
		// The scanner must agree with encoding/json on what is JSON, but
		// for what the format refuses on purpose.
		valid := json.Valid(b)
		if err == nil && !valid {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		var errs *Errors
		if valid && errors.As(err, &errs) {
			for _, p := range errs.Problems {
				if strings.Contains(p.Msg, "invalid JSON") && !strings.Contains(p.Msg, "nesting deeper") &&
					!strings.Contains(p.Msg, "NUL character") && !strings.Contains(p.Msg, "unpaired surrogate") {
					t.Fatalf("rejected valid JSON %q: %s", b, p)
				}
			}
		}
	})
}

func fuzzLoad(t *testing.T, name string, b []byte) error {
	ds, err := LoadBytes(name, b)
	if err != nil {
		var errs *Errors
		if !errors.As(err, &errs) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		for _, p := range errs.Problems {
			if strings.Contains(p.Msg, "internal error") {
				t.Fatalf("panic: %s\ninput: %q", p, b)
			}
			if p.Line < 0 || p.Col < 0 || (p.Line > 0 && p.Col == 0) {
				t.Fatalf("bad position in %s", p)
			}
		}
		return err
	}
	g, err := graph.New(ds)
	if err != nil {
		t.Fatalf("the loader accepted what graph.New refuses: %v\ninput: %q", err, b)
	}
	var first bytes.Buffer
	if err := WriteJSON(&first, g); err != nil {
		t.Fatal(err)
	}
	roundTrip(t, ds)
	return nil
}

// TestWriteFuzzSeeds writes the seed corpus files when
// CLAIMGRAPH_WRITE_SEEDS is set; the files are committed.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("CLAIMGRAPH_WRITE_SEEDS") == "" {
		t.Skip("set CLAIMGRAPH_WRITE_SEEDS=1 to rewrite testdata/fuzz seeds")
	}
	write := func(target, name string, b []byte) {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("FuzzLoadYAML", "seed-example", []byte(testcases.Base+"  - id: c\n    from: a\n    to: b\n    relation: funds\n    status: alleged\n    stances:\n      - {by: a, position: asserts}\n      - {by: b, position: denies, quote: \"no\"}\n    sources:\n      - {source: s, quote: q}\n"))
	write("FuzzLoadYAML", "seed-literal-block", []byte("title: |\n  line one\n  line two\nentities: []\n"))
	write("FuzzLoadYAML", "seed-anchor", []byte("title: &a x\nsources: *a\n"))
	write("FuzzLoadYAML", "seed-flow-nesting", []byte("title: [[[[{a: [b, 'c]', \"d}\"]}]]]]\n"))
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 3 {
		write("FuzzLoadJSON", fmt.Sprintf("seed-random-%d", i), exportJSON(t, genDataset(rng, 4, 2, 5)))
	}
	write("FuzzLoadJSON", "seed-escapes", []byte(`{"title": "a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"}`))
	write("FuzzLoadJSON", "seed-numbers", []byte(`{"title": [0, -0.5e+3, 1E9, 12]}`))
}
