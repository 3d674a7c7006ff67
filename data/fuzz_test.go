package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data/internal/testcases"
	"github.com/claimgraph/claimgraph/graph"
)

// The fuzz targets check that the loader never panics (the recover in
// parse would hide a panic, so an "internal error" problem counts as one),
// and that whatever it accepts survives export → load → export unchanged.
// Seeds: f.Add below plus data/testdata/fuzz/<target>/, written by
// "go run ./data/internal/fuzzseeds" (run from the module root).

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
	f.Add(exportJSON(f, genDataset(rand.New(rand.NewPCG(3, 4)), 3, 4)))
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

// FuzzLint runs every lint rule on whatever the loader accepts: no input the
// size guard admits may crash check (a recursive Tarjan once overflowed the
// stack on long derived_from chains).
func FuzzLint(f *testing.F) {
	f.Add(Embedded())
	for _, tc := range testcases.Load() {
		if tc.File == "" && len(tc.Src) < 4096 {
			f.Add([]byte(tc.Src))
		}
	}
	f.Add([]byte("sources:\n  - {id: a, title: A, derived_from: [b]}\n  - {id: b, title: B, derived_from: [c]}\n  - {id: c, title: C}\n" +
		"entities:\n  - {id: x, name: X, type: company}\n  - {id: аx, name: Y, type: company}\n" +
		"claims:\n  - {from: x, to: аx, relation: r, status: established, sources: [{source: a, quote: q}, {source: b}], stances: [{by: x, position: denies}, {by: x, position: asserts}]}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := LoadBytes("f.yaml", b)
		if err != nil {
			return
		}
		g, err := graph.New(ds)
		if err != nil {
			t.Fatalf("the loader accepted what graph.New refuses: %v", err)
		}
		all := graph.Lint(g)
		capped := graph.LintCapped(g, 3)
		n := 0
		for _, grp := range capped {
			n += grp.Total
		}
		if n != len(all) {
			t.Fatalf("LintCapped counts %d findings, Lint returns %d", n, len(all))
		}
	})
}
