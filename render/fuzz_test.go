package render

import (
	"bytes"
	stdhtml "html"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/internal/graphviz"
)

// decodeLabel is what Graphviz shows for a quoted label it has read: \n is
// a line break, \\ a backslash, and HTML entities are decoded.
func decodeLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case '\\', '"':
				b.WriteByte(s[i+1])
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return stdhtml.UnescapeString(b.String())
}

// FuzzDOT checks the DOT generator and the label escaping on arbitrary text:
// Graphviz reads every generated DOT file, finds exactly the nodes we wrote
// (no text can end a string and start a statement or attribute of its
// own), and reads each quoted and HTML-like label back as the original text.
// Run: go test ./render -run '^$' -fuzz FuzzDOT -fuzztime 60s
func FuzzDOT(f *testing.F) {
	for _, s := range append(append([]string{"", "plain"}, tricky...), hostile...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := clean(s)

		// Label escaping round-trips through Graphviz's reader.
		small := "digraph { n [label=" + quote(s) + "]; m [label=<" + html(s) + ">]; }"
		gvMu.Lock()
		gr, err := graphviz.ParseBytes([]byte(small))
		var quoted, htmlLabel string
		if err == nil {
			n, _ := gr.NodeByName("n")
			m, _ := gr.NodeByName("m")
			if n != nil && m != nil {
				quoted, htmlLabel = n.GetStr("label"), m.GetStr("label")
			}
			gr.Close()
		}
		gvMu.Unlock()
		if err != nil {
			t.Fatalf("Graphviz cannot read %q: %v", small, err)
		}
		if got := decodeLabel(quoted); want != "" && got != want {
			t.Errorf("quoted label reads back as %q, want %q (raw %q)", got, want, quoted)
		}
		// (go-graphviz's reader gives an empty label the default "\N".)
		// Graphviz reads "\\" in an HTML label's text as one backslash.
		gotHTML := stdhtml.UnescapeString(strings.ReplaceAll(strings.ReplaceAll(htmlLabel, `<BR ALIGN="LEFT"/>`, "\n"), `\\`, `\`))
		if want != "" && gotHTML != want {
			t.Errorf("HTML label reads back as %q, want %q (raw %q)", gotHTML, want, htmlLabel)
		}

		// A whole figure with s everywhere: Graphviz reads it and finds
		// our two entities, no more, no fewer.
		ds := &graph.Dataset{
			Title:   s,
			Sources: []graph.Source{{ID: "src", Title: s, Publisher: s, URL: s}},
			Entities: []graph.Entity{
				{ID: "a", Name: s, Type: graph.EntityType(s), Country: s},
				{ID: s, Name: s, Type: graph.Company, Country: "X"},
			},
			Claims: []graph.Claim{{ID: "c", From: "a", To: s, Relation: s, Status: graph.Status(s),
				Stances: []graph.Stance{{By: "a", Position: graph.Asserts, Quote: s}, {By: s, Position: graph.Denies}},
				Sources: []graph.SourceRef{{Source: "src", Quote: s}}}},
		}
		if s == "a" || s == "c" || s == "src" {
			return // ids must be distinct
		}
		g, err := graph.New(ds)
		if err != nil {
			t.Skip(err)
		}
		var dot bytes.Buffer
		if err := DOT(&dot, g, Options{Cluster: "country", Caption: s, Marks: map[string]Mark{"c": {Class: MarkChanged, Note: s}}}); err != nil {
			t.Fatal(err)
		}
		if n := countParsedNodes(t, dot.Bytes()); n != 2 {
			t.Errorf("Graphviz read %d nodes, want 2, from:\n%s", n, dot.String())
		}
	})
}
