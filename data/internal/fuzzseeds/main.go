// Command fuzzseeds writes the seed corpus files of the loader's fuzz
// targets (FuzzLoadYAML, FuzzLoadJSON) into data/testdata/fuzz, where they
// are committed. Run it from the module root after adding a seed:
//
//	go run ./data/internal/fuzzseeds
//
// The fuzz targets also add the small cases of data/internal/testcases
// themselves; the seeds here are the inputs that table cannot hold (too
// large for a seed as it stands there) or that are not errors.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/data/internal/testcases"
	"github.com/claimgraph/claimgraph/graph"
)

func main() {
	if err := run(filepath.Join("data", "testdata", "fuzz")); err != nil {
		fmt.Fprintln(os.Stderr, "fuzzseeds: error:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	var err error
	write := func(target, name string, b []byte) {
		if err != nil {
			return
		}
		d := filepath.Join(dir, target)
		if err = os.MkdirAll(d, 0o755); err != nil {
			return
		}
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		err = os.WriteFile(filepath.Join(d, name), []byte(content), 0o644)
	}
	yaml := func(name, src string) { write("FuzzLoadYAML", name, []byte(src)) }
	json := func(name, src string) { write("FuzzLoadJSON", name, []byte(src)) }

	yaml("seed-example", testcases.Base+"  - id: c\n    from: a\n    to: b\n    relation: funds\n    status: alleged\n    stances:\n      - {by: a, position: asserts}\n      - {by: b, position: denies, quote: \"no\"}\n    sources:\n      - {source: s, quote: q}\n")
	yaml("seed-literal-block", "title: |\n  line one\n  line two\nentities: []\n")
	yaml("seed-anchor", "title: &a x\nsources: *a\n")
	yaml("seed-flow-nesting", "title: [[[[{a: [b, 'c]', \"d}\"]}]]]]\n")
	// Hostile input, round two (issue 17): nesting the old pre-scan
	// missed, what it refused wrongly, implicit nulls, big mappings,
	// directives, characters that forge output, UTF-16.
	yaml("seed-quote-hides-nesting", "title: [x:\"y, "+strings.Repeat("[", 120)+"\n")
	yaml("seed-cr-nesting", strings.ReplaceAll(deepBlock(110), "\n", "\r"))
	yaml("seed-block-scalar-brackets", "title: |\n  "+strings.Repeat("[", 120)+"\nentities: []\n")
	yaml("seed-dash-lines", "title: t\nclaims:\n"+strings.Repeat("-\n", 200))
	yaml("seed-key-lines", lines(150, "k%d:\n"))
	yaml("seed-empty-values", "claims:\n"+strings.Repeat("- a:\n  b:\n", 100))
	yaml("seed-directive", "%YAML 1.2\n---\ntitle: t\n")
	yaml("seed-control-chars", testcases.WithClaims("  - {from: a, to: b, relation: \"funds\\e[1A\\rEstablished\\u202e\", status: alleged}\n"))
	yaml("seed-utf16", "\xff\xfet\x00i\x00t\x00l\x00e\x00:\x00 \x00t\x00\n\x00")
	json("seed-escapes", `{"title": "a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"}`)
	json("seed-numbers", `{"title": [0, -0.5e+3, 1E9, 12]}`)
	json("seed-control-escapes", `{"title": "x\u001b]0;t\u0007", "entities": [{"id": "a", "name": "A\u009b\u200b\ufeff", "type": "company"}]}`)
	json("seed-duplicate-ids", `{"entities": [`+strings.Repeat(`{"id": "e", "name": "E", "type": "company"}, `, 20)+`{}]}`)
	json("seed-utf16", "\x00{\x00\"\x00t\x00\"\x00:\x00 \x00\"\x00t\x00\"\x00}")
	for i := range 3 {
		ds, gerr := synth.Generate(synth.Options{Entities: 4, Claims: 5, Seed: uint64(5 + i), Contested: 0.5})
		if gerr != nil {
			return gerr
		}
		g, gerr := graph.New(ds)
		if gerr != nil {
			return gerr
		}
		var b bytes.Buffer
		if gerr := data.WriteJSON(&b, g); gerr != nil {
			return gerr
		}
		write("FuzzLoadJSON", fmt.Sprintf("seed-random-%d", i), b.Bytes())
	}
	return err
}

func lines(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}
