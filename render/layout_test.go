package render

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/internal/graphviz"
)

// The label-layout checker reads a laid-out SVG the way a reader's eye
// does: where each claim's label text sits, and where each claim's arrow
// runs. Text boxes are estimated from the font size with Helvetica's
// advance widths (textWidth, place.go), the metrics Graphviz itself lays
// text out with and the ones Nimbus Sans (fonts-urw-base35, what headless
// Chromium draws Helvetica with on Debian) shares. The rest of the checker
// is its own, not the placer's.

// box is an axis-aligned rectangle in SVG user units (points).
type box struct{ x0, y0, x1, y1 float64 }

func (b box) grow(d float64) box { return box{b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d} }
func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}
func (b box) contains(x, y float64) bool { return x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1 }
func (b box) dist(x, y float64) float64 {
	dx := math.Max(0, math.Max(b.x0-x, x-b.x1))
	dy := math.Max(0, math.Max(b.y0-y, y-b.y1))
	return math.Hypot(dx, dy)
}
func (b box) union(o box) box {
	return box{math.Min(b.x0, o.x0), math.Min(b.y0, o.y0), math.Max(b.x1, o.x1), math.Max(b.y1, o.y1)}
}

// laidClaim is one claim as drawn: its label's box and its arrow's points.
type laidClaim struct {
	id       string
	label    box
	hasLabel bool
	path     [][2]float64
}

// laidOut reads the claims of a laid-out SVG.
func laidOut(t testing.TB, svg []byte) []laidClaim {
	t.Helper()
	var out []laidClaim
	parseSVG(t, svg).walk(func(g *svgElement) {
		if g.Name != "g" || !strings.HasPrefix(g.Attr["class"], "edge claim") {
			return
		}
		c := laidClaim{id: g.Attr["id"]}
		g.walk(func(x *svgElement) {
			switch x.Name {
			case "text":
				b := textBox(x)
				if !c.hasLabel {
					c.label, c.hasLabel = b, true
				} else {
					c.label = c.label.union(b)
				}
			case "path":
				c.path = append(c.path, bezierPoints(x.Attr["d"])...)
			}
		})
		out = append(out, c)
	})
	return out
}

func textBox(x *svgElement) box {
	num := func(k string) float64 { v, _ := strconv.ParseFloat(x.Attr[k], 64); return v }
	size := num("font-size")
	w := textWidth(x.Text, size)
	px, py := num("x"), num("y")
	x0 := px
	switch x.Attr["text-anchor"] {
	case "middle":
		x0 = px - w/2
	case "end":
		x0 = px - w
	}
	// Helvetica's ascender and descender are 0.72 and 0.21 of the size;
	// accents and ‼ reach higher, so a little more above.
	return box{x0, py - 0.8*size, x0 + w, py + 0.22*size}
}

// bezierPoints samples a Graphviz edge path "Mx,yCx,y x,y x,y ..." every
// point or so.
func bezierPoints(d string) [][2]float64 {
	f := strings.FieldsFunc(d, func(r rune) bool { return r == 'M' || r == 'C' || r == ',' || r == ' ' })
	var p [][2]float64
	for i := 0; i+1 < len(f); i += 2 {
		x, _ := strconv.ParseFloat(f[i], 64)
		y, _ := strconv.ParseFloat(f[i+1], 64)
		p = append(p, [2]float64{x, y})
	}
	var out [][2]float64
	if len(p) > 0 {
		out = append(out, p[0])
	}
	for i := 0; i+3 < len(p); i += 3 {
		a, b, c, e := p[i], p[i+1], p[i+2], p[i+3]
		n := int(math.Hypot(e[0]-a[0], e[1]-a[1])) + 8
		for k := 1; k <= n; k++ {
			s := float64(k) / float64(n)
			u := 1 - s
			out = append(out, [2]float64{
				u*u*u*a[0] + 3*u*u*s*b[0] + 3*u*s*s*c[0] + s*s*s*e[0],
				u*u*u*a[1] + 3*u*u*s*b[1] + 3*u*s*s*c[1] + s*s*s*e[1],
			})
		}
	}
	return out
}

// Limits the checker holds figures to (issue 11): label boxes at least
// minGap apart, every label within maxReach of its own arrow.
const (
	minGap   = 2.0
	maxReach = 36.0
)

// layoutProblems lists what a reader would trip over in a laid-out figure:
// two claim labels overlapping (closer than minGap), a claim's arrow
// running through another claim's label, a label farther than maxReach
// from its arrow.
func layoutProblems(claims []laidClaim) []string {
	var out []string
	for i, a := range claims {
		if !a.hasLabel {
			continue
		}
		for _, b := range claims[i+1:] {
			if b.hasLabel && a.label.grow(minGap/2).overlaps(b.label.grow(minGap/2)) {
				out = append(out, fmt.Sprintf("labels of %s and %s overlap", a.id, b.id))
			}
		}
		for _, b := range claims {
			if b.id == a.id {
				continue
			}
			depth := 0.0
			for _, p := range b.path {
				if a.label.contains(p[0], p[1]) {
					depth = math.Max(depth, math.Min(math.Min(p[0]-a.label.x0, a.label.x1-p[0]), math.Min(p[1]-a.label.y0, a.label.y1-p[1])))
				}
			}
			if depth > 0 {
				out = append(out, fmt.Sprintf("arrow of %s runs through the label of %s", b.id, a.id))
			}
		}
		near := math.Inf(1)
		for _, p := range a.path {
			near = math.Min(near, a.label.dist(p[0], p[1]))
		}
		if near > maxReach {
			out = append(out, fmt.Sprintf("label of %s is %.0f pt from its arrow", a.id, near))
		}
	}
	return out
}

// TestLayoutChecker breaks the checker on purpose: each problem it exists
// to find, drawn by hand, must be found, and a clean drawing must pass.
func TestLayoutChecker(t *testing.T) {
	edge := func(id, d string, texts ...string) string {
		return `<g id="` + id + `" class="edge claim reported"><path d="` + d + `"/>` + strings.Join(texts, "") + `</g>`
	}
	text := func(x, y float64, s string) string {
		return fmt.Sprintf(`<text text-anchor="middle" x="%g" y="%g" font-size="9">%s</text>`, x, y, s)
	}
	svg := func(edges ...string) []byte { return []byte(`<svg>` + strings.Join(edges, "") + `</svg>`) }
	tests := []struct {
		name string
		svg  []byte
		want string // "" for none
	}{
		{"clean", svg(
			edge("a", "M0,0C30,0 60,0 100,0", text(50, -4, "first claim")),
			edge("b", "M0,100C30,100 60,100 100,100", text(50, 96, "second claim"))), ""},
		{"overlapping labels", svg(
			edge("a", "M0,0C30,0 60,0 100,0", text(50, -4, "first claim")),
			edge("b", "M0,10C30,10 60,10 100,10", text(55, -2, "second claim"))), "labels of a and b overlap"},
		{"labels 1 pt apart", svg(
			edge("a", "M0,-20C30,-20 60,-20 100,-20", text(50, -4, "first claim")),
			edge("b", "M0,30C30,30 60,30 100,30", text(50, -4+9*1.02+1, "second claim"))), "labels of a and b overlap"},
		{"arrow through label", svg(
			edge("a", "M0,0C30,0 60,0 100,0", text(50, -4, "first claim")),
			edge("b", "M50,-60C50,-20 50,20 50,60")), "arrow of b runs through the label of a"},
		{"label far from arrow", svg(
			edge("a", "M0,0C30,0 60,0 100,0", text(50, -60, "first claim"))), "label of a is 58 pt from its arrow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(layoutProblems(laidOut(t, tt.svg)), "; ")
			if got != tt.want {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
}

// hub returns a dataset of n claims around one hub, the shape issue 11's
// 42-claim briefing has (20 arrows into one entity): about half the claims
// touch the hub, every fifth is contested with a third party asserting it,
// names and relations of briefing length. It depends only on n and seed.
func hub(n int, seed uint64) *graph.Dataset {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	kinds := []graph.EntityType{graph.Government, graph.Company, graph.Agency, graph.Media, graph.Person, graph.Document}
	names := []string{"Ministry of Foreign Affairs", "State Security Service", "Northern Energy Holdings", "Daily Courier",
		"Unnamed U.S. officials", "Parliamentary committee", "Baltic Shipping Group", "Defence Intelligence", "Coast Guard",
		"Investigative consortium", "Prosecutor General", "Navy", "Former ambassador", "Leaked cable"}
	relations := []string{"sabotaged", "financed the operation of", "supplied explosives to", "denied access to",
		"investigated", "briefed journalists about", "attributes the attack to", "chartered a vessel for", "shares intelligence with",
		"was warned in advance by"}
	countries := []string{"DE", "RU", "US", "NO", "SE", ""}
	ents := n/2 + 4
	ds := &graph.Dataset{Title: fmt.Sprintf("Hub of %d claims", n),
		Sources: []graph.Source{{ID: "s1", Title: "Wire report", Publisher: "Wire"}, {ID: "s2", Title: "Substack post", Publisher: "Blog", Reliability: "E"}}}
	ds.Entities = append(ds.Entities, graph.Entity{ID: "hub", Name: "Pipeline operator", Type: graph.Company, Country: "CH"})
	for i := 1; i < ents; i++ {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("e%02d", i),
			Name: names[i%len(names)] + " " + strconv.Itoa(i), Type: kinds[r.IntN(len(kinds))], Country: countries[r.IntN(len(countries))]})
	}
	for i := range n {
		from, to := 1+r.IntN(ents-1), 0
		if i%2 == 1 {
			to = 1 + r.IntN(ents-1)
			if to == from {
				to = from%(ents-1) + 1
			}
		}
		if r.IntN(4) == 0 {
			from, to = to, from
		}
		c := graph.Claim{ID: fmt.Sprintf("c%02d", i), From: ds.Entities[from].ID, To: ds.Entities[to].ID,
			Relation: relations[r.IntN(len(relations))], Status: graph.Statuses[r.IntN(5)],
			Sources: []graph.SourceRef{{Source: []string{"s1", "s2"}[r.IntN(2)]}}}
		if i%5 == 0 {
			third := ds.Entities[1+r.IntN(ents-1)].ID
			c.Stances = []graph.Stance{{By: third, Position: graph.Asserts, Source: "s2"}, {By: c.From, Position: graph.Denies}}
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

// layoutCases are the figures issue 11 asks to stay readable, in the
// layouts it names.
var layoutCases = []struct {
	name string
	opts Options
}{
	{"dot", Options{}},
	{"cluster-country", Options{Cluster: "country"}},
	{"neato", Options{Layout: "neato"}},
	{"rankdir-TB", Options{RankDir: "TB"}},
}

// TestLabelLayout runs the checker on the embedded briefing and on hub
// datasets of 40, 50 and 60 claims, with the default label mode for each
// figure, in every layout of layoutCases, and wants no problem at all.
// With CLAIMGRAPH_RENDER_OUT=dir it also writes each figure as PNG there,
// to look at.
func TestLabelLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 16 figures")
	}
	datasets := []struct {
		name string
		g    func(testing.TB) *graph.Graph
	}{
		{"embedded", embedded},
		{"hub40", func(t testing.TB) *graph.Graph { return mustGraph(t, hub(40, 1)) }},
		{"hub50", func(t testing.TB) *graph.Graph { return mustGraph(t, hub(50, 2)) }},
		{"hub60", func(t testing.TB) *graph.Graph { return mustGraph(t, hub(60, 3)) }},
	}
	for _, ds := range datasets {
		g := ds.g(t)
		for _, lc := range layoutCases {
			name := ds.name + "/" + lc.name
			t.Run(name, func(t *testing.T) {
				claims := laidOut(t, svgOf(t, g, lc.opts))
				if len(claims) != len(g.Claims()) {
					t.Fatalf("read %d claims, want %d", len(claims), len(g.Claims()))
				}
				probs := layoutProblems(claims)
				if dir := os.Getenv("CLAIMGRAPH_RENDER_OUT"); dir != "" {
					var b bytes.Buffer
					if err := PNG(&b, g, lc.opts); err == nil {
						os.WriteFile(filepath.Join(dir, ds.name+"-"+lc.name+".png"), b.Bytes(), 0o644)
					}
				}
				t.Logf("%d claims, labels %s", len(claims), DefaultLabels(len(claims), lc.opts))
				for _, p := range probs {
					t.Error(p)
				}
			})
		}
	}
	// The checker sees collisions in real figures too: what Graphviz
	// draws before the labels are placed (place.go) collides, and so do
	// full labels on 60 claims around a hub, too many to find room for.
	t.Run("break/unplaced", func(t *testing.T) {
		for _, c := range []struct {
			name string
			g    *graph.Graph
			opts Options
		}{
			{"hub40/neato", mustGraph(t, hub(40, 1)), Options{Layout: "neato"}},
			{"hub60/cluster-country", mustGraph(t, hub(60, 3)), Options{Cluster: "country"}},
		} {
			raw := graphvizSVG(t, c.g, c.opts)
			if n := len(layoutProblems(laidOut(t, sanitized(t, raw)))); n < 5 {
				t.Errorf("%s: checker found %d problems in Graphviz's own placement, known to collide", c.name, n)
			}
			if probs := layoutProblems(laidOut(t, sanitized(t, placeSVG(raw)))); len(probs) > 0 {
				t.Errorf("%s: placed labels still collide: %s", c.name, strings.Join(probs, "; "))
			}
		}
	})
	t.Run("break/hub60-neato-full", func(t *testing.T) {
		opts := Options{Layout: "neato", Labels: LabelsFull}
		if n := len(layoutProblems(laidOut(t, svgOf(t, mustGraph(t, hub(60, 3)), opts)))); n < 20 {
			t.Errorf("checker found %d problems in a figure known to be crowded", n)
		}
	})
}

// graphvizSVG is the SVG Graphviz draws for g, before any label is moved
// and before sanitising.
func graphvizSVG(t testing.TB, g *graph.Graph, opts Options) []byte {
	t.Helper()
	f, err := newFigure(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := layout(f, graphviz.SVG, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sanitized is src through the SVG allow-list, as SVG writes it.
func sanitized(t testing.TB, src []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sanitizeSVG(&b, src, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
