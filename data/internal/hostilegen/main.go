// Command hostilegen writes the worst-case inputs .ci/bench/hostile.sh
// times claimgraph on: each attack shape found against the loader, path
// search and rendering, in YAML and JSON, up to 1 MB each. It is a
// benchmark tool, not part of claimgraph; its output is the same on every
// run.
//
//	go run ./data/internal/hostilegen -o DIR [-size BYTES]
//
// Files named check-* are for "claimgraph check"; paths-* for
// "claimgraph paths FROM TO --max-hops 16 --limit 2"; render-* for
// "claimgraph render". Most check-* inputs are refused (quickly, is the
// point); the others are valid and as costly as the bounds allow.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/graph"
)

func main() {
	dir := flag.String("o", "", "write the inputs into `DIR` (created if missing)")
	size := flag.Int("size", 1<<20, "upper bound of each input, in `bytes`")
	flag.Parse()
	if *dir == "" || flag.NArg() > 0 || *size < 1<<16 {
		fmt.Fprintln(os.Stderr, "usage: hostilegen -o DIR [-size BYTES (at least 65536)]")
		os.Exit(2)
	}
	if err := run(*dir, *size); err != nil {
		fmt.Fprintln(os.Stderr, "hostilegen: error:", err)
		os.Exit(1)
	}
}

// shape is one input: its file name and a function writing it in at most
// n bytes.
type shape struct {
	name string
	gen  func(n int) ([]byte, error)
}

func run(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, s := range shapes {
		b, err := s.gen(n)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		if len(b) > n {
			return fmt.Errorf("%s: %d bytes, over %d", s.name, len(b), n)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// repeat writes head, then unit(i) for i = 0, 1, … while it fits in n
// bytes with tail, then tail.
func repeat(n int, head string, unit func(i int) string, tail string) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	for i := 0; ; i++ {
		u := unit(i)
		if b.Len()+len(u)+len(tail) > n {
			break
		}
		b.WriteString(u)
	}
	b.WriteString(tail)
	return b.Bytes()
}

func text(s string) func(int) string { return func(int) string { return s } }

var shapes = []shape{
	// Nesting the old pre-scan missed: brackets after a quote that follows
	// ':' in a flow sequence, and block nesting with lone CR line breaks.
	{"check-yaml-quote-nesting.yaml", func(n int) ([]byte, error) {
		return repeat(n, "title: [x:\"y, ", text("["), "\n"), nil
	}},
	{"check-yaml-cr-nesting.yaml", func(n int) ([]byte, error) {
		return repeat(n, "title:\r", func(i int) string { return strings.Repeat(" ", i%2000) + "a:\r" }, ""), nil
	}},
	// Implicit nulls: "-" lines and "key:" lines.
	{"check-yaml-dash-lines.yaml", func(n int) ([]byte, error) {
		return repeat(n, "title: t\nclaims:\n", text("-\n"), ""), nil
	}},
	{"check-yaml-key-lines.yaml", func(n int) ([]byte, error) {
		return repeat(n, "", func(i int) string { return fmt.Sprintf("k%d:\n", i) }, ""), nil
	}},
	// As many implicit nulls as the bound admits, first, then tokens.
	{"check-yaml-nulls-at-bound.yaml", func(n int) ([]byte, error) {
		nulls := min(max(1_000_000_000/(n/2), 1)*8/10, n/8) // "- a" is two tokens
		head := "title: t\nclaims:\n" + strings.Repeat("-\n", nulls)
		return repeat(n, head, text("- a\n"), ""), nil
	}},
	// The most tokens per byte: memory.
	{"check-yaml-flow-tokens.yaml", func(n int) ([]byte, error) {
		return repeat(n, "title: [", text("[],"), "[]]\n"), nil
	}},
	{"check-yaml-dash-tokens.yaml", func(n int) ([]byte, error) {
		return repeat(n, "title:\n", text("- a\n"), ""), nil
	}},
	// Mappings of as many keys as the bound admits.
	{"check-yaml-big-mappings.yaml", func(n int) ([]byte, error) {
		var m strings.Builder
		for k := range 100 {
			if k > 0 {
				m.WriteString("  ")
			}
			fmt.Fprintf(&m, "k%d: v\n", k)
		}
		return repeat(n, "claims:\n", func(int) string { return "- " + m.String() }, ""), nil
	}},
	// Control characters in every claim.
	{"check-yaml-control-chars.yaml", func(n int) ([]byte, error) {
		return repeat(n, base, func(i int) string {
			return fmt.Sprintf("  - {id: c%d, from: a, to: b, relation: \"funds\\e[2J\\e]0;x\\a\", status: alleged}\n", i)
		}, ""), nil
	}},
	// Dangling references to long ids: "did you mean" over every id.
	{"check-yaml-long-ids.yaml", func(n int) ([]byte, error) { return longIDs(n, "yaml"), nil }},
	{"check-json-long-ids.json", func(n int) ([]byte, error) { return longIDs(n, "json"), nil }},
	// Many ids of the longest suggested length, alike but for their end,
	// and 50 references to none of them: the suggestion budget.
	{"check-json-similar-ids.json", func(n int) ([]byte, error) {
		pad := strings.Repeat("x", 58)
		var refs strings.Builder
		for i := range 50 {
			fmt.Fprintf(&refs, `, {"from": "%s%06dz", "to": "%s%06d", "relation": "r%d", "status": "alleged"}`, pad, i, pad, 0, i)
		}
		tail := `], "claims": [{"from": "` + pad + `000000", "to": "` + pad + `000001", "relation": "r", "status": "alleged"}` + refs.String() + "]}\n"
		return repeat(n, `{"title": "t", "entities": [`, func(i int) string {
			return fmt.Sprintf(`{"id": "%s%06d", "name": "E", "type": "company"}, `, pad, i)
		}, `{"id": "last", "name": "E", "type": "company"}`+tail), nil
	}},
	// Duplicate ids on one line: each names the first definition's place.
	{"check-json-duplicate-ids.json", func(n int) ([]byte, error) {
		half := repeat(n/2, "", func(i int) string {
			return fmt.Sprintf(`{"id": "e%d", "name": "E", "type": "company"}, `, i)
		}, "")
		return []byte(`{"title": "t", "entities": [` + string(half) + string(half) + `{}]}` + "\n"), nil
	}},
	{"check-json-deep-nesting.json", func(n int) ([]byte, error) {
		return repeat(n, `{"title": `, text("["), "}"), nil
	}},
	// Path search: FROM, TO, a direct FROM→TO claim and a clique whose
	// only way to TO runs back through FROM.
	{"paths-clique.json", func(n int) ([]byte, error) { return clique(n, 1<<30) }},
	{"paths-clique-20.json", func(n int) ([]byte, error) { return clique(min(n, 110_000), 20) }},
	// Rendering: about 250 claims, each denied by many entities with
	// 1,000-character names.
	{"render-denials.json", func(n int) ([]byte, error) { return denials(n) }},
}

const base = "title: t\nsources:\n  - {id: s, title: S}\nentities:\n  - {id: a, name: A, type: company}\n  - {id: b, name: B, type: person}\nclaims:\n"

// longIDs is as many entities with ids of 5,000 characters alike but for
// their end as fit in n, with claims naming each with its end
// changed.
func longIDs(n int, format string) []byte {
	const length = 5000
	k := max(n/(3*length+300), 1) // each id is written three times
	long := strings.Repeat("a", length)
	ds := &graph.Dataset{Title: "t"}
	for i := range k {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("%s-%d", long, i), Name: "E", Type: graph.Company})
	}
	for i := range k {
		ds.Claims = append(ds.Claims, graph.Claim{ID: fmt.Sprintf("c%d", i), From: fmt.Sprintf("%s-%dz", long, i), To: ds.Entities[i].ID, Relation: "r", Status: graph.Alleged})
	}
	var b bytes.Buffer
	if err := synth.WriteDataset(&b, ds, synth.Format(format)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// clique writes the largest such graph of at most maxK clique members
// that fits in n bytes.
func clique(n, maxK int) ([]byte, error) {
	var last []byte
	for k := 4; k <= maxK+1; k++ {
		ds := &graph.Dataset{Title: "clique", Entities: []graph.Entity{
			{ID: "from", Name: "FROM", Type: graph.Company}, {ID: "to", Name: "TO", Type: graph.Company}}}
		claim := func(a, b string) {
			ds.Claims = append(ds.Claims, graph.Claim{ID: fmt.Sprintf("c%d", len(ds.Claims)), From: a, To: b, Relation: "r", Status: graph.Reported})
		}
		claim("from", "to")
		for i := range k {
			id := fmt.Sprintf("k%d", i)
			ds.Entities = append(ds.Entities, graph.Entity{ID: id, Name: "K" + id, Type: graph.Company})
			claim("from", id)
			claim(id, "from")
		}
		for i := range k {
			for j := range k {
				if i != j {
					claim(fmt.Sprintf("k%d", i), fmt.Sprintf("k%d", j))
				}
			}
		}
		var b bytes.Buffer
		if err := synth.WriteDataset(&b, ds, synth.JSON); err != nil {
			return nil, err
		}
		if b.Len() > n || k > maxK {
			if last == nil {
				return nil, fmt.Errorf("no clique fits in %d bytes", n)
			}
			return last, nil
		}
		last = b.Bytes()
	}
	return last, nil
}

// denials writes 250 claims between two entities, each denied by as many
// of a set of entities with 1,000-character names as fit in n bytes.
func denials(n int) ([]byte, error) {
	var last []byte
	for k := 1; ; k++ {
		ds := &graph.Dataset{Title: "denials", Entities: []graph.Entity{
			{ID: "a", Name: "A", Type: graph.Company}, {ID: "b", Name: "B", Type: graph.Company}}}
		for i := range k {
			ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("d%d", i), Name: strings.Repeat(string(rune('A'+i%26)), 1000), Type: graph.Person})
		}
		for c := range min(250, n/4000) { // fewer when n is small
			cl := graph.Claim{ID: fmt.Sprintf("c%03d", c), From: "a", To: "b", Relation: fmt.Sprintf("relation %d", c), Status: graph.Alleged,
				Stances: []graph.Stance{{By: "a", Position: graph.Asserts}}}
			for i := range k {
				cl.Stances = append(cl.Stances, graph.Stance{By: fmt.Sprintf("d%d", i), Position: graph.Denies})
			}
			ds.Claims = append(ds.Claims, cl)
		}
		var b bytes.Buffer
		if err := synth.WriteDataset(&b, ds, synth.JSON); err != nil {
			return nil, err
		}
		if b.Len() > n {
			if last == nil {
				return nil, fmt.Errorf("no dataset fits in %d bytes", n)
			}
			return last, nil
		}
		last = b.Bytes()
	}
}
