package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// exporters are the drawing exports other tools read, by golden file name.
var exporters = []struct {
	golden string
	write  func(b *bytes.Buffer, g *graph.Graph) error
}{
	{"embedded.mmd", func(b *bytes.Buffer, g *graph.Graph) error { return Mermaid(b, g, "LR") }},
	{"embedded.graphml", func(b *bytes.Buffer, g *graph.Graph) error { return GraphML(b, g) }},
	{"embedded.gexf", func(b *bytes.Buffer, g *graph.Graph) error { return GEXF(b, g) }},
	{"embedded.cyjs", func(b *bytes.Buffer, g *graph.Graph) error { return WriteCytoscape(b, g) }},
}

func TestExportGoldens(t *testing.T) {
	for _, ex := range exporters {
		t.Run(ex.golden, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := ex.write(&a, embedded(t)); err != nil {
				t.Fatal(err)
			}
			if err := ex.write(&b, embedded(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two runs differ")
			}
			golden(t, ex.golden, a.Bytes())
		})
	}
}

// interopText is text that breaks naive encoders of the three formats.
var interopText = []string{`"]`, `#`, `a"b`, "<x>&amp;", "line\nbreak", "tab\tcr\r", "|pipe|", "`tick`", "#35;",
	"é中文😀", "\u2028", "]]>", "'apos'", "%%{init}%%", "end", "x --> y", "\x01ctl", ";semi", "\\back"}

// interopDataset is a random valid dataset of hostile names, relations and
// quotes, with parallel claims (same ends) and self-loops.
func interopDataset(r *rand.Rand) *graph.Dataset {
	txt := func() string {
		var parts []string
		for range 1 + r.IntN(3) {
			parts = append(parts, interopText[r.IntN(len(interopText))])
		}
		return strings.Join(parts, " ")
	}
	ds := &graph.Dataset{Title: txt(), Sources: []graph.Source{{ID: "s", Title: txt(), Publisher: txt()}}}
	n := 1 + r.IntN(6)
	for i := range n {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("e%d", i), Name: txt(),
			Type: graph.EntityTypes[r.IntN(len(graph.EntityTypes))], Aliases: []string{txt()}, Note: txt()})
	}
	for i := range r.IntN(12) {
		from, to := fmt.Sprintf("e%d", r.IntN(n)), fmt.Sprintf("e%d", r.IntN(n))
		c := graph.Claim{ID: fmt.Sprintf("c%d", i), From: from, To: to, Relation: txt(), Detail: txt(),
			Status: graph.Statuses[r.IntN(len(graph.Statuses))], Sources: []graph.SourceRef{{Source: "s", Quote: txt()}}}
		for range r.IntN(3) {
			c.Stances = append(c.Stances, graph.Stance{By: fmt.Sprintf("e%d", r.IntN(n)),
				Position: graph.Positions[r.IntN(len(graph.Positions))], Quote: txt()})
		}
		ds.Claims = append(ds.Claims, c)
		if r.IntN(3) == 0 { // a parallel claim
			c.ID += "-parallel"
			ds.Claims = append(ds.Claims, c)
		}
	}
	return ds
}

// xmlDoc is what GraphML and GEXF share once decoded: nodes and edges with
// ids, ends and their data/attvalues.
type xmlDoc struct {
	Nodes []xmlItem `xml:"graph>node"`
	Edges []xmlItem `xml:"graph>edge"`
	// GEXF nests them one level deeper.
	GNodes []xmlItem `xml:"graph>nodes>node"`
	GEdges []xmlItem `xml:"graph>edges>edge"`
}

type xmlItem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Kind   string `xml:"kind,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
	Att []struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	} `xml:"attvalues>attvalue"`
}

func (it xmlItem) field(name string) string {
	for _, d := range it.Data {
		if d.Key == name {
			return d.Value
		}
	}
	for _, a := range it.Att {
		if a.For == name {
			return a.Value
		}
	}
	return "<missing>"
}

var (
	mermaidNode = regexp.MustCompile(`^  (n\d+)\["([^"]*)"\]$`)
	mermaidLink = regexp.MustCompile(`^  (n\d+) (-->|-\.->|--x)\|"([^"|<>]*)"\| (n\d+)$`)
	mermaidRest = regexp.MustCompile(`^  linkStyle \d+ stroke:#[0-9A-F]{6},stroke-width:[0-9.]+px(,stroke-dasharray:8 4)?$`)
)

// TestExportProperties: on random hostile datasets every entity and claim
// appears exactly once, parallel claims survive, and the text is escaped so
// that the output parses and gives the text back.
func TestExportProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 300 {
		g := mustGraph(t, interopDataset(r))
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			for _, name := range []string{"graphml", "gexf"} {
				var b bytes.Buffer
				var err error
				if name == "graphml" {
					err = GraphML(&b, g)
				} else {
					err = GEXF(&b, g)
				}
				if err != nil {
					t.Fatal(err)
				}
				var doc xmlDoc
				if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
					t.Fatalf("%s is not well-formed: %v\n%s", name, err, b.String())
				}
				nodes, edges := append(doc.Nodes, doc.GNodes...), append(doc.Edges, doc.GEdges...)
				checkXMLItems(t, name, g, nodes, edges)
			}
			checkMermaid(t, g)
			checkCytoscape(t, g)
		})
	}
}

// checkCytoscape holds WriteCytoscape to CytoscapeElements' JSON (the
// explorer's shape), and checks every entity and claim is there once with
// its text intact.
func checkCytoscape(t *testing.T, g *graph.Graph) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCytoscape(&b, g); err != nil {
		t.Fatal(err)
	}
	var got Cytoscape
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("cytoscape is not JSON: %v\n%s", err, b.String())
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.Encode(CytoscapeElements(g, CytoscapeOptions{}))
	if !bytes.Equal(compact.Bytes(), bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
		t.Fatalf("export differs from CytoscapeElements:\n%s\nwant:\n%s", compact.Bytes(), want.Bytes())
	}
	seen := map[string]int{}
	for _, n := range got.Elements.Nodes {
		seen["n:"+n.Data.ID]++
		if e := g.Entity(n.Data.ID); e == nil || (e.Name != "" && n.Data.Label != e.Name) {
			t.Errorf("node %q: label %q", n.Data.ID, n.Data.Label)
		}
	}
	for _, e := range got.Elements.Edges {
		seen["e:"+e.Data.ID]++
		if c := g.Claim(e.Data.ID); c == nil || c.From != e.Data.Source || c.To != e.Data.Target || e.Data.Relation != graph.RelationText(c) {
			t.Errorf("edge %q: %+v", e.Data.ID, e.Data)
		}
	}
	for _, e := range g.Entities() {
		if seen["n:"+e.ID] != 1 {
			t.Errorf("entity %q appears %d times", e.ID, seen["n:"+e.ID])
		}
	}
	for _, c := range g.Claims() {
		if seen["e:"+c.ID] != 1 {
			t.Errorf("claim %q appears %d times", c.ID, seen["e:"+c.ID])
		}
	}
}

func checkXMLItems(t *testing.T, name string, g *graph.Graph, nodes, edges []xmlItem) {
	t.Helper()
	if len(nodes) != len(g.Entities()) || len(edges) != len(g.Claims()) {
		t.Fatalf("%s: %d nodes, %d edges; want %d, %d", name, len(nodes), len(edges), len(g.Entities()), len(g.Claims()))
	}
	for i, e := range g.Entities() {
		if nodes[i].ID != e.ID || nodes[i].field("name") != clean(e.Name) {
			t.Errorf("%s: node %d is %q %q, want %q %q", name, i, nodes[i].ID, nodes[i].field("name"), e.ID, clean(e.Name))
		}
	}
	for i, c := range g.Claims() {
		ed := edges[i]
		if ed.ID != c.ID || ed.Source != c.From || ed.Target != c.To || ed.field("relation") != clean(c.Relation) {
			t.Errorf("%s: edge %d is %q %s→%s %q, want %q %s→%s %q", name, i, ed.ID, ed.Source, ed.Target, ed.field("relation"),
				c.ID, c.From, c.To, clean(c.Relation))
		}
		if want := fmt.Sprint(c.Contested()); ed.field("contested") != want {
			t.Errorf("%s: edge %s contested %q, want %q", name, c.ID, ed.field("contested"), want)
		}
	}
}

func checkMermaid(t *testing.T, g *graph.Graph) {
	t.Helper()
	var b bytes.Buffer
	if err := Mermaid(&b, g, "TB"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if lines[0] != "flowchart TB" {
		t.Fatalf("first line %q", lines[0])
	}
	var nodes, links, styles int
	for _, l := range lines[1:] {
		switch {
		case mermaidNode.MatchString(l):
			nodes++
		case mermaidLink.MatchString(l):
			links++
		case mermaidRest.MatchString(l):
			styles++
		default:
			t.Fatalf("broken Mermaid line %q in\n%s", l, b.String())
		}
	}
	if nodes != len(g.Entities()) || links != len(g.Claims()) || styles != links {
		t.Fatalf("%d nodes, %d links, %d styles; want %d, %d, %d", nodes, links, styles, len(g.Entities()), len(g.Claims()), links)
	}
}

func TestMermaidStyles(t *testing.T) {
	g := mustGraph(t, fixture())
	var b bytes.Buffer
	if err := Mermaid(&b, g, "LR"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"flowchart LR\n",
		`-.->|"‼ CONTESTED · alleged · asserted by A memo · denied by Government B · sells data to"|`, // dotted, mark
		`--x|"retracted · accused"|`, // crossed
		`-->|"established · reported by Daily · pays taxes to"|`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if got := mermaidText(`a "b" #1 <i>`); got != "a #quot;b#quot; #35;1 #lt;i#gt;" {
		t.Errorf("mermaidText = %q", got)
	}
}

func TestMermaidTooLarge(t *testing.T) {
	g := mustGraph(t, synthetic(40, MaxMermaidClaims+1, 3))
	err := Mermaid(&bytes.Buffer{}, g, "LR")
	var tl *MermaidTooLargeError
	if !errors.As(err, &tl) || !strings.Contains(tl.Hint(), "--focus") {
		t.Fatalf("error %v, want MermaidTooLargeError with a hint", err)
	}
	if err := Mermaid(&bytes.Buffer{}, mustGraph(t, synthetic(40, MaxMermaidClaims, 3)), "LR"); err != nil {
		t.Fatalf("exactly %d claims refused: %v", MaxMermaidClaims, err)
	}
}

// TestXMLTextIsClean checks the one-pass XML escape against clean followed
// by the plain entity escape, on hostile strings and random bytes.
func TestXMLTextIsClean(t *testing.T) {
	ref := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;", "\n", "&#10;").Replace(clean(s))
	}
	cases := append([]string{"a\r\nb", "\r", "\x00\x1f\x7f", "\u0085\u009f\u00a0", "\uFFFE\uFFFF", "\xff\xfe", "é中😀", "\u2028"}, interopText...)
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := xmlText(s), ref(s); got != want {
			t.Errorf("xmlText(%q) = %q, want %q", s, got, want)
		}
	}
}
