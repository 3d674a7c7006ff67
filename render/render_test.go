package render

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/internal/graphviz"
)

func dotOf(t *testing.T, g *graph.Graph, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := DOT(&b, g, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func svgOf(t testing.TB, g *graph.Graph, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := SVG(&b, g, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func embedded(t testing.TB) *graph.Graph {
	t.Helper()
	ds, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return mustGraph(t, ds)
}

func TestDOTGolden(t *testing.T) {
	marks := map[string]Mark{
		"c-contested": {Class: MarkChanged, Note: "was: reported"},
		"c-failed":    {Class: MarkRemoved, Note: "(removed)"},
		"c-proposed":  {Class: MarkAdded},
		"press":       {Class: MarkAdded},
	}
	tests := []struct {
		name string
		g    func(*testing.T) *graph.Graph
		opts Options
	}{
		{"fixture", func(t *testing.T) *graph.Graph { return mustGraph(t, fixture()) }, Options{}},
		{"fixture-tb-country", func(t *testing.T) *graph.Graph { return mustGraph(t, fixture()) }, Options{RankDir: "TB", Cluster: "country"}},
		{"fixture-marks", func(t *testing.T) *graph.Graph { return mustGraph(t, fixture()) }, Options{Marks: marks, Caption: "diff: a → b\n3 changes"}},
		{"fixture-neato", func(t *testing.T) *graph.Graph { return mustGraph(t, fixture()) }, Options{Layout: "neato", Title: "Other title"}},
		{"embedded", func(t *testing.T) *graph.Graph { return embedded(t) }, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name+".dot", []byte(dotOf(t, tt.g(t), tt.opts)))
		})
	}
}

// edgeLine returns the DOT statement of the claim with the given id.
func edgeLine(t *testing.T, dot, id string) string {
	t.Helper()
	for _, l := range strings.Split(dot, "\n") {
		if strings.Contains(l, "->") && strings.Contains(l, `[id="`+id+`"`) {
			return l
		}
	}
	t.Fatalf("no edge %q in:\n%s", id, dot)
	return ""
}

func TestStatusStyles(t *testing.T) {
	dot := dotOf(t, mustGraph(t, fixture()), Options{})
	tests := []struct {
		claim string
		want  []string
		not   []string
	}{
		{"c-established", []string{`color="#0072B2"`, "style=solid", "penwidth=2", "arrowhead=normal", `label="established\nreported by Daily\n→ pays taxes to [1]"`, `class="claim established"`}, []string{"CONTESTED"}},
		{"c-reported", []string{`color="#56B4E9:transparent:#56B4E9"`, "style=solid", "penwidth=1", `label="reported\nreported by “Second report”\n→ briefed [2]"`}, nil},
		{"c-undenied", []string{`color="#E69F00"`, "style=dashed", "penwidth=1.6", `label="alleged\nasserted by The Press\n→ lobbies"`, `class="claim alleged"`}, []string{"CONTESTED", "contested"}},
		{"c-contested", []string{`color="#D55E00"`, "style=dashed", "penwidth=3.2", `label="‼ CONTESTED · alleged\nasserted by A memo\ndenied by Government B\n→ sells data to [1,2]"`, `class="claim alleged contested"`}, nil},
		{"c-proposed", []string{`color="#009E73"`, "style=dotted", `label="proposed\n→ plans to publish"`}, nil},
		{"c-failed", []string{`color="#8C8C8C"`, "arrowhead=tee", `label="failed\n→ tried to suppress"`}, nil},
		{"c-retracted", []string{`color="#8C8C8C:transparent:#8C8C8C"`, "style=dotted", "arrowhead=tee", `label="retracted\n→ accused"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			line := edgeLine(t, dot, tt.claim)
			for _, w := range tt.want {
				if !strings.Contains(line, w) {
					t.Errorf("missing %s in\n%s", w, line)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(line, n) {
					t.Errorf("unexpected %s in\n%s", n, line)
				}
			}
		})
	}
}

func TestNodeStyles(t *testing.T) {
	dot := dotOf(t, mustGraph(t, fixture()), Options{})
	for _, want := range []string{
		`"acme" [id="acme", shape=box, style="rounded,filled"`,
		`"gov-a" [id="gov-a", shape=hexagon`,
		`"press" [id="press", shape=component`,
		`"memo" [id="memo", shape=note`,
		`class="entity government"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("missing %s", want)
		}
	}
}

// TestSVGStructure checks what machines rely on: group ids and classes,
// tooltips with provenance, links, the contested mark and the legend.
func TestSVGStructure(t *testing.T) {
	root := parseSVG(t, svgOf(t, mustGraph(t, fixture()), Options{}))

	t.Run("claims", func(t *testing.T) {
		for _, c := range fixture().Claims {
			g := root.group(c.ID)
			if g == nil {
				t.Errorf("no group with id %q", c.ID)
				continue
			}
			class := "edge claim " + string(c.Status)
			if c.ID == "c-contested" {
				class += " contested"
			}
			if g.Attr["class"] != class {
				t.Errorf("%s: class %q, want %q", c.ID, g.Attr["class"], class)
			}
			if !strings.Contains(g.title(), c.Relation) || !strings.Contains(g.title(), "status: "+string(c.Status)) {
				t.Errorf("%s: tooltip lacks relation or status: %q", c.ID, g.title())
			}
		}
	})
	t.Run("entities", func(t *testing.T) {
		for _, e := range fixture().Entities {
			g := root.group(e.ID)
			if g == nil {
				t.Fatalf("no group with id %q", e.ID)
			}
			if want := "node entity " + string(e.Type); g.Attr["class"] != want {
				t.Errorf("%s: class %q, want %q", e.ID, g.Attr["class"], want)
			}
			if !strings.HasPrefix(g.title(), e.Name+" (") {
				t.Errorf("%s: tooltip %q", e.ID, g.title())
			}
		}
	})
	t.Run("provenance", func(t *testing.T) {
		tip := root.group("c-contested").title()
		for _, want := range []string{
			"Acme Corp → Government B: sells data to",
			"‼ CONTESTED · alleged · asserted by A memo · denied by Government B",
			"• A memo asserts: “Acme sells data” [1]",
			"• Government B denies: “nonsense”",
			"[1] “it claims Acme sells data”",
			"[2] Second report",
		} {
			if !strings.Contains(tip, want) {
				t.Errorf("tooltip lacks %q:\n%s", want, tip)
			}
		}
	})
	t.Run("contested-mark", func(t *testing.T) {
		c, u := root.group("c-contested"), root.group("c-undenied")
		if txt := c.text(); !strings.Contains(txt, "‼ CONTESTED") || !strings.Contains(txt, "denied by Government B") {
			t.Errorf("contested label: %q", txt)
		}
		if strings.Contains(u.text(), "CONTESTED") {
			t.Errorf("undenied allegation marked contested: %q", u.text())
		}
		stroke := func(g *svgElement) (s string) {
			g.walk(func(x *svgElement) {
				if x.Name == "path" && s == "" {
					s = x.Attr["stroke"] + " " + x.Attr["stroke-width"] + " " + x.Attr["stroke-dasharray"]
				}
			})
			return s
		}
		if stroke(c) == stroke(u) {
			t.Errorf("contested and undenied allegation drawn alike: %s", stroke(c))
		}
	})
	t.Run("links", func(t *testing.T) {
		var hrefs []string
		root.walk(func(x *svgElement) {
			if h, ok := x.Attr["xlink:href"]; ok {
				hrefs = append(hrefs, h)
			}
		})
		for _, h := range hrefs {
			if h != "https://example.org/a?b=1&c=2" {
				t.Errorf("unexpected link %q", h)
			}
		}
		if len(hrefs) < 2 { // the established claim's edge and the source footer
			t.Errorf("links = %q", hrefs)
		}
	})
	t.Run("legend-and-sources", func(t *testing.T) {
		txt := root.text()
		for _, want := range []string{
			"established: stated as fact", "reported:", "alleged:", "proposed:", "failed:", "retracted:", "‼ CONTESTED:",
			"[1] First report — Daily, 2024-05-01", "[2] Second report", "Fixture: every style",
		} {
			if !strings.Contains(txt, want) {
				t.Errorf("figure lacks %q", want)
			}
		}
		if strings.Contains(txt, "Never cited") {
			t.Error("uncited source listed")
		}
	})
}

// TestLegendOnlyUsed: a figure without some style has no key entry for it.
func TestLegendOnlyUsed(t *testing.T) {
	g := mustGraph(t, fixture()).Filter(func(c *graph.Claim) bool { return c.Status == graph.Established })
	var f *figure
	f, _ = newFigure(g, Options{})
	f.writeDOT(&bytes.Buffer{})
	legend := f.legendLabel()
	for _, want := range []string{"established: stated as fact", "company", "government", "[1] First report"} {
		if !strings.Contains(legend, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
	for _, not := range []string{"reported:", "alleged:", "proposed:", "CONTESTED", "media", "document", "Changes", "[2]"} {
		if strings.Contains(legend, not) {
			t.Errorf("legend has %q, unused in the figure", not)
		}
	}
}

func TestMarks(t *testing.T) {
	g := mustGraph(t, fixture())
	root := parseSVG(t, svgOf(t, g, Options{Marks: map[string]Mark{
		"c-proposed": {Class: MarkAdded},
		"c-failed":   {Class: MarkRemoved},
		"c-reported": {Class: MarkChanged, Note: "was: alleged"},
		"press":      {Class: MarkAdded},
	}}))
	tests := []struct{ id, class, text string }{
		{"c-proposed", "edge claim proposed added", "NEW"},
		{"c-failed", "edge claim failed removed", "(removed)"},
		{"c-reported", "edge claim reported changed", "was: alleged"},
		{"press", "node entity media added", "NEW"},
	}
	for _, tt := range tests {
		grp := root.group(tt.id)
		if grp == nil || grp.Attr["class"] != tt.class || !strings.Contains(grp.text(), tt.text) {
			t.Errorf("%s: want class %q and text %q", tt.id, tt.class, tt.text)
		}
	}
	if txt := root.text(); !strings.Contains(txt, "Changes") || !strings.Contains(txt, "added: bold outline") {
		t.Error("legend lacks the diff section")
	}
	var err *OptionError
	if e := DOT(&bytes.Buffer{}, g, Options{Marks: map[string]Mark{"x": {Class: "bogus"}}}); !errors.As(e, &err) {
		t.Errorf("unknown mark class: err = %v", e)
	}
}

func TestOptionErrors(t *testing.T) {
	g := mustGraph(t, fixture())
	for _, o := range []Options{{Layout: "osage"}, {RankDir: "RL"}, {Cluster: "type"}} {
		var oe *OptionError
		if err := DOT(&bytes.Buffer{}, g, o); !errors.As(err, &oe) {
			t.Errorf("%+v: err = %v, want *OptionError", o, err)
		}
	}
}

func TestClusterCountry(t *testing.T) {
	root := parseSVG(t, svgOf(t, mustGraph(t, fixture()), Options{Cluster: "country"}))
	for _, cc := range []string{"US", "CN"} {
		g := root.group("country-" + cc)
		if g == nil || g.Attr["class"] != "cluster country" {
			t.Errorf("no cluster for %s", cc)
		}
	}
}

// TestShuffle: the order of items in the input changes nothing.
func TestShuffle(t *testing.T) {
	ds := fixture()
	opts := Options{Cluster: "country"}
	wantDOT := dotOf(t, mustGraph(t, ds), opts)
	wantSVG := svgOf(t, mustGraph(t, ds), opts)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 4 {
		g := mustGraph(t, shuffled(ds, r))
		if got := dotOf(t, g, opts); got != wantDOT {
			t.Fatalf("shuffle %d: DOT differs: %s", i, firstDiff(wantDOT, got))
		}
		if got := svgOf(t, g, opts); !bytes.Equal(got, wantSVG) {
			t.Fatalf("shuffle %d: SVG differs: %s", i, firstDiff(string(wantSVG), string(got)))
		}
	}
}

// tricky are names that must come out as written.
var tricky = []string{
	`He said "stop" \ now`,
	`a \N b \G \n \l \\ c`,
	`<b>bold</b> & co`,
	"Line one\nline two",
	"中国人民解放军",
	"Ψ-Ω αλφα",
	"🚀 launch 🇨🇳",
	`]] > <!-- --> ]]>`,
}

func TestEscaping(t *testing.T) {
	ds := &graph.Dataset{Title: `Title "quoted" <&>`}
	for i, name := range tricky {
		id := fmt.Sprintf("e%d", i)
		ds.Entities = append(ds.Entities, graph.Entity{ID: id, Name: name, Type: graph.Company})
		if i > 0 {
			ds.Claims = append(ds.Claims, graph.Claim{
				ID: fmt.Sprintf("c%d", i), From: "e0", To: id, Relation: name, Status: graph.Reported})
		}
	}
	g := mustGraph(t, ds)
	var dot bytes.Buffer
	if err := DOT(&dot, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := countParsedNodes(t, dot.Bytes()); n != len(tricky) {
		t.Errorf("Graphviz read %d nodes, want %d", n, len(tricky))
	}
	root := parseSVG(t, svgOf(t, g, Options{}))
	for i, name := range tricky {
		grp := root.group(fmt.Sprintf("e%d", i))
		if grp == nil {
			t.Fatalf("no node e%d", i)
		}
		// Graphviz draws one <text> per line; long names wrap.
		got := strings.Join(strings.Fields(grp.text()), " ")
		if want := strings.Join(strings.Fields(name), " "); got != want {
			t.Errorf("node %d shows %q, want %q", i, got, want)
		}
		if !strings.HasPrefix(grp.title(), name) {
			t.Errorf("node %d tooltip %q", i, grp.title())
		}
	}
	if !strings.Contains(root.text(), `Title "quoted" <&>`) {
		t.Error("title not shown as written")
	}
}

func countParsedNodes(t testing.TB, dot []byte) int {
	t.Helper()
	gvMu.Lock()
	defer gvMu.Unlock()
	gr, err := graphviz.ParseBytes(dot)
	if err != nil {
		t.Fatalf("Graphviz cannot read the DOT: %v\n%s", err, dot)
	}
	defer gr.Close()
	n := 0
	for nd, _ := gr.FirstNode(); nd != nil; nd, _ = gr.NextNode(nd) {
		n++
	}
	return n
}

var hostile = []string{
	`<script>alert(1)</script>`,
	`"><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	`data:text/html,<script>alert(1)</script>`,
	`&#x6A;avascript:alert(1)`,
	`a" URL="javascript:alert(1)" x="`,
	`a", URL="javascript:alert(1)", label="x`,
	`x] [URL="javascript:alert(1)"`,
	`<<TABLE><TR><TD HREF="javascript:alert(1)">x</TD></TR></TABLE>>`,
	`vbscript:msgbox(1)`,
	` JaVaScRiPt:alert(1)`,
	"java\tscript:alert(1)",
	`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;`,
	`<image href="http://evil.example/x.png"/>`,
	`<foreignObject><iframe src="javascript:alert(1)"/></foreignObject>`,
}

// hostileDataset puts a hostile string in every field that reaches the
// picture: names, ids-as-shown, relations, quotes, titles, URLs.
func hostileDataset() *graph.Dataset {
	ds := &graph.Dataset{Title: strings.Join(hostile, " ")}
	for i, h := range hostile {
		ds.Sources = append(ds.Sources, graph.Source{
			ID: fmt.Sprintf("s%d", i), Title: h, Publisher: h, Published: h, URL: h,
		})
		ds.Entities = append(ds.Entities, graph.Entity{
			ID: fmt.Sprintf("e%d", i), Name: h, Type: graph.EntityType(h), Country: h, Note: h, Aliases: []string{h},
		})
	}
	for i, h := range hostile {
		ds.Claims = append(ds.Claims, graph.Claim{
			ID: fmt.Sprintf("c%d", i), From: fmt.Sprintf("e%d", i), To: fmt.Sprintf("e%d", (i+1)%len(hostile)),
			Relation: h, Detail: h, Status: graph.Status(h), Reported: h,
			Stances: []graph.Stance{
				{By: fmt.Sprintf("e%d", i), Position: graph.Asserts, Quote: h, Source: fmt.Sprintf("s%d", i)},
				{By: fmt.Sprintf("e%d", (i+2)%len(hostile)), Position: graph.Denies, Quote: h},
			},
			Sources: []graph.SourceRef{{Source: fmt.Sprintf("s%d", i), Quote: h}},
		})
	}
	return ds
}

var unsafeValue = regexp.MustCompile(`(?i)(javascript|vbscript|data)\s*:`)

// TestSVGSafe walks every element and attribute of the SVG of a hostile
// dataset: no script, no event handler, no link but http(s), no external
// reference, and the hostile text still shown as written.
func TestSVGSafe(t *testing.T) {
	g := mustGraph(t, hostileDataset())
	for _, opts := range []Options{{}, {Cluster: "country"}, {Layout: "neato"}, {Title: hostile[0], Caption: hostile[1]}} {
		out := svgOf(t, g, opts)
		checkSVGSafe(t, out)
		root := parseSVG(t, out)
		txt := root.text()
		for _, h := range []string{hostile[0], hostile[1]} {
			if !strings.Contains(strings.Join(strings.Fields(txt), " "), h) {
				t.Errorf("%+v: hostile text %q not shown as written", opts, h)
			}
		}
	}
}

func checkSVGSafe(t testing.TB, out []byte) {
	t.Helper()
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) || bytes.Contains(out, []byte("<!DOCTYPE")) || bytes.Contains(out, []byte("<!ENTITY")) {
		t.Fatalf("SVG contains a script, DOCTYPE or entity declaration")
	}
	root := parseSVG(t, out)
	root.walk(func(e *svgElement) {
		if !allowedElements[e.Name] {
			t.Errorf("element <%s> not allowed", e.Name)
		}
		for name, v := range e.Attr {
			lname := strings.ToLower(name)
			switch {
			case strings.HasPrefix(lname, "on"):
				t.Errorf("<%s> has event handler %s=%q", e.Name, name, v)
			case lname == "href" || lname == "xlink:href" || lname == "src":
				if !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "#") {
					t.Errorf("<%s> links to %q", e.Name, v)
				}
			case lname == "style":
				t.Errorf("<%s> has a style attribute", e.Name)
			case lname == "xlink:title" || lname == "id" || lname == "class":
				// Plain text: may say "javascript:" as written.
			case unsafeValue.MatchString(v) || strings.Contains(strings.ToLower(v), "url(") && !strings.Contains(v, "url(#"):
				t.Errorf("<%s %s=%q>", e.Name, name, v)
			}
		}
	})
}

func TestPNG(t *testing.T) {
	var b bytes.Buffer
	if err := PNG(&b, mustGraph(t, fixture()), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("not a PNG")
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	// Something was drawn: count dark pixels (text, outlines).
	bounds, dark := img.Bounds(), 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			if r, g, b, _ := img.At(x, y).RGBA(); r+g+b < 3*0x4000 {
				dark++
			}
		}
	}
	if bounds.Dx() < 400 || bounds.Dy() < 200 || dark < 500 {
		t.Errorf("PNG %v with %d dark pixels: looks empty", bounds, dark)
	}
}

func TestTooLarge(t *testing.T) {
	ds := &graph.Dataset{}
	for i := range MaxEntities + 1 {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("e%04d", i), Name: "x", Type: graph.Company})
	}
	var tl *TooLargeError
	if err := SVG(&bytes.Buffer{}, mustGraph(t, ds), Options{}); !errors.As(err, &tl) || tl.Entities != MaxEntities+1 {
		t.Errorf("err = %v, want *TooLargeError", err)
	}
	if err := DOT(&bytes.Buffer{}, mustGraph(t, ds), Options{}); err != nil {
		t.Errorf("DOT of a large graph: %v", err)
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/x", "https://example.org/x"},
		{"HTTP://Example.org", "http://Example.org"},
		{"https://example.org/a b", ""},
		{"javascript:alert(1)", ""},
		{"JAVASCRIPT:alert(1)", ""},
		{"data:text/html,x", ""},
		{"&#x6A;avascript:alert(1)", ""},
		{"//example.org/x", ""},
		{"/relative", ""},
		{"https://user:pw@example.org/", ""},
		{"https://example.org/\"onload=", ""},
		{"file:///etc/passwd", ""},
		{"https:example.org", ""},
	}
	for _, tt := range tests {
		if got := safeURL(tt.in); got != tt.want {
			t.Errorf("safeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBriefing checks the embedded briefing's SVG by structure, not bytes
// (any label change re-lays it out): every claim and entity group by id and
// class, every claim's label text in its reading's order, the key and the
// footer. The picture itself is testdata/briefing.png, reviewed by a person
// and re-rendered by TestBriefingPicture.
func TestBriefing(t *testing.T) {
	g := embedded(t)
	out := svgOf(t, g, Options{})
	checkSVGSafe(t, out)
	root := parseSVG(t, out)
	for _, c := range g.Claims() {
		grp := root.group(c.ID)
		if grp == nil {
			t.Errorf("no group %q", c.ID)
			continue
		}
		r := g.Read(c)
		class := "edge claim " + string(c.Status)
		if r.Contested {
			class += " contested"
		}
		if r.Denied {
			class += " denied"
		}
		if c.Negated {
			class += " negated"
		}
		if c.Doubtful() {
			class += " doubtful"
		}
		if r.Basis != "" {
			class += " " + string(r.Basis)
		}
		if grp.Attr["class"] != class {
			t.Errorf("%s: class %q, want %q", c.ID, grp.Attr["class"], class)
		}
		checkLabelOrder(t, c.ID, grp.text(), r, r.Relation())
	}
	for _, e := range g.Entities() {
		grp := root.group(e.ID)
		if grp == nil || grp.Attr["class"] != "node entity "+string(e.Type) {
			t.Errorf("entity %q: group %v", e.ID, grp)
		}
	}
	ids := map[string]int{}
	root.walk(func(x *svgElement) {
		if id, ok := x.Attr["id"]; ok {
			ids[id]++
		}
	})
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q written %d times", id, n)
		}
	}
	key := root.group(figureClusterID)
	if key == nil {
		t.Fatalf("no key group %q", figureClusterID)
	}
	txt := key.text()
	for _, want := range []string{"established:", "reported:", "alleged:", "proposed:", "failed:", "‼ CONTESTED:", "takes a position",
		"company", "rounded box", "Sources", "[1] U.S. National Security Concerns Over Alibaba"} {
		if !strings.Contains(txt, want) {
			t.Errorf("key lacks %q", want)
		}
	}
	for _, not := range []string{"retracted:", "DENIED:", "unknown status"} {
		if strings.Contains(txt, not) {
			t.Errorf("key has %q, which the briefing does not draw", not)
		}
	}
	if got := root.group(figureID); got == nil || !strings.Contains(got.text(), "Alibaba, the PLA and Apple") {
		t.Error("no title")
	}
}

// checkLabelOrder checks that a claim's label text has the parts of its
// reading in order: mark, status word, supporters (or reporters), deniers,
// disputers, then the relation on a line of its own.
func checkLabelOrder(t *testing.T, id, text string, r graph.Reading, relation string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	var parts []string
	if m := r.Mark(); m != "" {
		parts = append(parts, m)
	}
	parts = append(parts, string(r.Status))
	parts = append(parts, r.BeliefParts()...)
	for _, p := range r.Phrases() {
		parts = append(parts, p.Verb)
	}
	parts = append(parts, "→ "+strings.Fields(relation)[0])
	at := 0
	for _, p := range parts {
		i := strings.Index(flat[at:], p)
		if i < 0 {
			t.Errorf("%s: label lacks %q after position %d: %q", id, p, at, flat)
			return
		}
		at += i + len(p)
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	found := false
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "→ ") {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: relation not on a line of its own: %q", id, text)
	}
}

// TestBriefingPicture renders the embedded briefing to
// testdata/briefing.png, the picture the README shows and a reviewer looks
// at; -update rewrites it (look at it before committing).
func TestBriefingPicture(t *testing.T) {
	var b bytes.Buffer
	if err := PNG(&b, embedded(t), Options{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "briefing.png", b.Bytes())
}

// TestAllegedNamesWhoAlleges pins that an allegation's label names the
// parties asserting it, and falls back to a plain "alleged:" when the
// dataset records none.
func TestAllegedNamesWhoAlleges(t *testing.T) {
	ds := &graph.Dataset{
		Entities: []graph.Entity{
			{ID: "a", Name: "Acme", Type: graph.Company},
			{ID: "b", Name: "Bureau", Type: graph.Agency},
			{ID: "c", Name: "Critics", Type: graph.Person},
			{ID: "d", Name: "Daily", Type: graph.Media},
		},
		Claims: []graph.Claim{
			{ID: "named", From: "a", To: "b", Relation: "bribes", Status: graph.Alleged,
				Stances: []graph.Stance{{By: "c", Position: graph.Asserts}, {By: "d", Position: graph.Confirms}, {By: "b", Position: graph.Silent}}},
			{ID: "anonymous", From: "b", To: "a", Relation: "spies on", Status: graph.Alleged},
		},
	}
	var buf bytes.Buffer
	if err := DOT(&buf, mustGraph(t, ds), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`label="alleged\nasserted by Critics\nconfirmed by Daily\n→ bribes"`, `label="alleged\n→ spies on"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
}
