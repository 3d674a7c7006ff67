package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestPlaceLabels draws small figures by hand, each with one thing in the
// way of claim a's label, and checks where the placer puts the label: away
// from what was in the way, near its own arrow, inside the drawing; and
// not moved at all when nothing was in the way.
//
//	a: (0,0) ──────────────── (200,0)   label "12" above its middle
func TestPlaceLabels(t *testing.T) {
	horizontal := func() drawnClaim {
		return drawnClaim{id: "a", path: bezier([]pt{{0, 0}, {60, 0}, {140, 0}, {200, 0}}),
			label: textRect(100, -4, 8, "middle", "12"), lines: 1}
	}
	vertical := drawnClaim{id: "b", path: bezier([]pt{{100, -60}, {100, -20}, {100, 20}, {100, 60}}),
		label: textRect(130, 40, 8, "middle", "7"), lines: 1}
	bounds := rect{-50, -100, 250, 100}
	tests := []struct {
		name  string
		d     drawing
		moved bool
	}{
		{"nothing in the way", drawing{bounds: bounds, claims: []drawnClaim{horizontal()}}, false},
		{"another arrow through it", drawing{bounds: bounds, claims: []drawnClaim{horizontal(), vertical}}, true},
		{"another label on it", drawing{bounds: bounds, claims: []drawnClaim{horizontal(),
			{id: "b", path: bezier([]pt{{0, -30}, {60, -30}, {140, -30}, {200, -30}}), label: textRect(102, -3, 8, "middle", "13"), lines: 1}}}, true},
		{"a box on it", drawing{bounds: bounds, claims: []drawnClaim{horizontal()}, blocks: []rect{{90, -20, 120, -2}}}, true},
		{"a stance connector through it", drawing{bounds: bounds, claims: []drawnClaim{horizontal()},
			ties: [][]pt{bezier([]pt{{104, -40}, {104, -10}, {104, 10}, {104, 40}})}}, true},
		{"far from its arrow", drawing{bounds: bounds, claims: []drawnClaim{{id: "a", path: horizontal().path,
			label: textRect(100, -50, 8, "middle", "12"), lines: 1}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shifts := placeLabels(&tt.d)
			s, moved := shifts[0]
			if moved != tt.moved {
				t.Fatalf("label of a moved %v (by %v), want moved %v", moved, s, tt.moved)
			}
			a := tt.d.claims[0]
			r := a.label.move(s[0], s[1])
			var probs []string
			if !r.inside(tt.d.bounds) {
				probs = append(probs, fmt.Sprintf("outside the drawing at %v", r))
			}
			if near := ownDist(a, r, &grid{}, -1); near > maxLabelReach {
				probs = append(probs, fmt.Sprintf("%.0f pt from its arrow", near))
			}
			for _, b := range tt.d.claims[1:] {
				if r.grow(1).overlaps(b.label.grow(1)) {
					probs = append(probs, "on the label of "+b.id)
				}
				for _, p := range b.path {
					if r.has(p) {
						probs = append(probs, "crossed by the arrow of "+b.id)
						break
					}
				}
			}
			for _, b := range tt.d.blocks {
				if r.overlaps(b) {
					probs = append(probs, "on a box")
				}
			}
			for _, tie := range tt.d.ties {
				for _, p := range tie {
					if r.has(p) {
						probs = append(probs, "crossed by a stance connector")
						break
					}
				}
			}
			if len(probs) > 0 {
				t.Errorf("label of a at %v: %s", r, strings.Join(probs, "; "))
			}
		})
	}
}

// TestPlaceSVGMovesTextOnly checks that placing labels changes nothing in
// the SVG but the x and y of claim labels' text: the same groups, ids,
// classes, paths and text, in the same order, and every line of a label
// moved by the same amount.
func TestPlaceSVGMovesTextOnly(t *testing.T) {
	raw := graphvizSVG(t, mustGraph(t, hub(40, 1)), Options{Layout: "neato"})
	placed := placeSVG(raw)
	if bytes.Equal(raw, placed) {
		t.Fatal("no label moved in a figure known to collide")
	}
	xy := regexp.MustCompile(` (x|y)="[-0-9.]+"`)
	if a, b := xy.ReplaceAll(sanitized(t, raw), nil), xy.ReplaceAll(sanitized(t, placed), nil); !bytes.Equal(a, b) {
		t.Errorf("placing labels changed more than text positions: %s", firstDiff(string(a), string(b)))
	}
	before, after := laidOut(t, sanitized(t, raw)), laidOut(t, sanitized(t, placed))
	for i := range before {
		if before[i].id != after[i].id {
			t.Fatalf("claim %d is %s, was %s", i, after[i].id, before[i].id)
		}
		b, a := before[i].label, after[i].label
		if dx, dy := a.x0-b.x0, a.y0-b.y0; abs(a.x1-b.x1-dx) > 0.02 || abs(a.y1-b.y1-dy) > 0.02 {
			t.Errorf("label of %s changed shape: %v → %v", before[i].id, b, a)
		}
	}
}

func abs(x float64) float64 { return max(x, -x) }

// TestPlacePNG checks the labels of the PNG, placed from Graphviz's json
// layout, with the same checker as the SVG's: the drawing the PNG paints
// has no label problem either.
func TestPlacePNG(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 4 figures")
	}
	for _, lc := range layoutCases {
		t.Run(lc.name, func(t *testing.T) {
			f, err := newFigure(mustGraph(t, hub(50, 2)), lc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var js bytes.Buffer
			if err := layout(f, "json", &js); err != nil {
				t.Fatal(err)
			}
			var g xdotGraph
			if err := json.Unmarshal(js.Bytes(), &g); err != nil {
				t.Fatal(err)
			}
			placeXdot(&g)
			claims := laidOutXdot(g)
			if len(claims) != 50 {
				t.Fatalf("read %d claims, want 50", len(claims))
			}
			for _, p := range layoutProblems(claims) {
				t.Error(p)
			}
		})
	}
}

// laidOutXdot reads the claims of a json layout as laidOut reads an SVG's,
// in SVG's coordinates (y downwards).
func laidOutXdot(g xdotGraph) []laidClaim {
	var out []laidClaim
	for _, e := range g.Edges {
		if !strings.HasPrefix(e.Class, "claim") {
			continue
		}
		c := laidClaim{id: e.ID}
		for _, op := range e.Draw {
			if op.Op == "b" {
				var d strings.Builder
				for i, p := range op.Points {
					fmt.Fprintf(&d, "%s%g,%g ", map[bool]string{true: "M", false: ""}[i == 0], p[0], -p[1])
					if i == 0 {
						d.WriteString("C")
					}
				}
				c.path = append(c.path, bezierPoints(d.String())...)
			}
		}
		size := 14.0
		for _, op := range e.LDraw {
			switch op.Op {
			case "F":
				size = op.Size
			case "T":
				anchor := map[string]string{"l": "start", "c": "middle", "r": "end"}[op.Align]
				r := textRect(op.Pt[0], -op.Pt[1], size, anchor, op.Text)
				b := box{r.x0, r.y0, r.x1, r.y1}
				if !c.hasLabel {
					c.label, c.hasLabel = b, true
				} else {
					c.label = c.label.union(b)
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// TestPlaceDeterministic: the same figure twice is the same bytes, labels
// moved alike.
func TestPlaceDeterministic(t *testing.T) {
	g := mustGraph(t, hub(40, 1))
	opts := Options{Layout: "neato"}
	if a, b := svgOf(t, g, opts), svgOf(t, g, opts); !bytes.Equal(a, b) {
		t.Errorf("two renderings differ: %s", firstDiff(string(a), string(b)))
	}
}

// FuzzPlaceSVG feeds the placer arbitrary SVG-like text: it must neither
// panic nor hang, and what it writes from SVG the sanitiser reads must
// still be SVG the sanitiser reads.
// Run: go test ./render -run '^$' -fuzz FuzzPlaceSVG -fuzztime 60s
func FuzzPlaceSVG(f *testing.F) {
	f.Add(graphvizSVG(f, mustGraph(f, fixture()), Options{Labels: LabelsNumbers}))
	f.Add([]byte(`<svg><g class="graph"><polygon points="0,0 0,-100 100,-100 100,0"/>` +
		`<g id="a" class="edge claim reported"><path d="M0,-50C30,-50 60,-50 100,-50"/><text x="50" y="-50" font-size="8" text-anchor="middle">1</text></g>` +
		`<g id="b" class="edge claim reported"><path d="M50,0C50,-30 50,-60 50,-100"/><text x="1e308" y="NaN" font-size="Inf">2</text><text/></g></g></svg>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		out := placeSVG(src)
		if bytes.Equal(out, src) || sanitizeSVG(&bytes.Buffer{}, src, nil) != nil {
			return
		}
		if err := sanitizeSVG(&bytes.Buffer{}, out, nil); err != nil {
			t.Errorf("placed SVG no longer reads: %v", err)
		}
	})
}

// BenchmarkPlaceLabels measures the placer alone on Graphviz's own SVG of
// the hub figures (the layout is done once, outside the loop):
// go test ./render -run '^$' -bench PlaceLabels -benchtime 5x
func BenchmarkPlaceLabels(b *testing.B) {
	for _, n := range []int{40, 60} {
		for _, lc := range layoutCases {
			raw := graphvizSVG(b, mustGraph(b, hub(n, uint64(n/10-3))), lc.opts)
			b.Run(fmt.Sprintf("hub%d/%s", n, lc.name), func(b *testing.B) {
				for b.Loop() {
					placeSVG(raw)
				}
			})
		}
	}
}
