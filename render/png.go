package render

import (
	"encoding/json"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// PNG is drawn here, not by go-graphviz's image renderer: at v0.2.10 that
// renderer fills edge curves as shapes, drops outlines, dashes and the
// text of HTML-like labels, which made the key blank (seen in headless
// Chromium comparisons of SVG and PNG). Graphviz's "json" output gives the
// finished drawing as xdot operations (polygons, Béziers, ellipses, text at
// baselines); they are few and simple, and drawing them with
// github.com/fogleman/gg (already a dependency of go-graphviz) gives a PNG
// that matches the SVG. Text uses the Go fonts, compiled into the binary,
// so the image is the same on every machine and needs no system fonts.

// MaxPNGPixels caps a PNG's width × height (an 18,891 × 19,340 image took
// 1.5 GB to draw).
const MaxPNGPixels = 50_000_000

// xdotOp is one xdot drawing operation in Graphviz's json output.
type xdotOp struct {
	Op       string      `json:"op"`
	Color    string      `json:"color"`
	Style    string      `json:"style"`
	Size     float64     `json:"size"`
	Face     string      `json:"face"`
	Fontchar int         `json:"fontchar"`
	Pt       []float64   `json:"pt"`
	Align    string      `json:"align"`
	Width    float64     `json:"width"`
	Text     string      `json:"text"`
	Points   [][]float64 `json:"points"`
	Rect     []float64   `json:"rect"`
}

type xdotObject struct {
	ID     string   `json:"id"`
	Class  string   `json:"class"`
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

type xdotGraph struct {
	xdotObject
	BB          string       `json:"bb"`
	SubgraphCnt int          `json:"_subgraph_cnt"`
	Objects     []xdotObject `json:"objects"`
	Edges       []xdotObject `json:"edges"`
}

// pngPainter holds the drawing state xdot operations change.
type pngPainter struct {
	c            *gg.Context
	scale        float64
	dx, top      float64 // graph coordinates → pixels: x' = (x+dx)·scale, y' = (top−y)·scale
	pen, fill    color.Color
	lineWidth    float64
	dash         []float64
	fontSize     float64
	bold         bool
	regular, bld *opentype.Font
	faces        map[[2]float64]font.Face
}

// writePNG draws the json layout js at dpi and encodes it as PNG.
func writePNG(w io.Writer, js []byte, dpi float64) error {
	var g xdotGraph
	if err := json.Unmarshal(js, &g); err != nil {
		return fmt.Errorf("read graphviz layout: %w", err)
	}
	placeXdot(&g)
	var bb [4]float64
	for i, f := range strings.Split(g.BB, ",") {
		if i < 4 {
			bb[i], _ = strconv.ParseFloat(f, 64)
		}
	}
	// The root's background polygon includes the pad; use it when present.
	minX, minY, maxX, maxY := bb[0], bb[1], bb[2], bb[3]
	for _, op := range g.Draw {
		for _, p := range op.Points {
			if len(p) == 2 {
				minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
				minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
			}
		}
	}
	// The image's memory is 4 bytes a pixel: a big drawing is drawn at a
	// lower resolution, down to one pixel a point, so that no image holds
	// more than MaxPNGPixels; a drawing too big even then is refused.
	scale := dpi / 72
	if area := (maxX - minX) * (maxY - minY) * scale * scale; area > MaxPNGPixels {
		scale = max(1, scale*math.Sqrt(MaxPNGPixels/area)*0.999)
	}
	wpx, hpx := int(math.Ceil((maxX-minX)*scale)), int(math.Ceil((maxY-minY)*scale))
	if wpx <= 0 || hpx <= 0 || wpx > 20000 || hpx > 20000 || wpx*hpx > MaxPNGPixels {
		return fmt.Errorf("png: drawing of %d×%d pixels is out of range (limit %d pixels): draw less, or write SVG", wpx, hpx, MaxPNGPixels)
	}
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return err
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return err
	}
	p := &pngPainter{
		c: gg.NewContext(wpx, hpx), scale: scale, dx: -minX, top: maxY,
		regular: regular, bld: bold, faces: map[[2]float64]font.Face{},
	}
	p.c.SetColor(color.White)
	p.c.Clear()
	p.reset()

	// Graphviz's own order with outputorder=edgesfirst: graph, clusters,
	// edges, nodes, and labels on top of what they label.
	p.run(g.Draw)
	for _, o := range g.Objects[:min(g.SubgraphCnt, len(g.Objects))] {
		p.run(o.Draw, o.LDraw)
	}
	for _, e := range g.Edges {
		p.run(e.Draw, e.HDraw, e.TDraw, e.LDraw, e.HLDraw, e.TLDraw)
	}
	for _, o := range g.Objects[min(g.SubgraphCnt, len(g.Objects)):] {
		p.run(o.Draw, o.LDraw)
	}
	p.run(g.LDraw)
	return p.c.EncodePNG(w)
}

func (p *pngPainter) reset() {
	p.pen, p.fill = color.Black, color.Transparent
	p.lineWidth, p.dash = 1, nil
	p.fontSize, p.bold = 14, false
}

func (p *pngPainter) xy(pt []float64) (float64, float64) {
	if len(pt) < 2 {
		return 0, 0
	}
	return (pt[0] + p.dx) * p.scale, (p.top - pt[1]) * p.scale
}

// run draws lists of operations; each list starts from default state, as
// each xdot attribute does.
func (p *pngPainter) run(lists ...[]xdotOp) {
	for _, ops := range lists {
		p.reset()
		for _, op := range ops {
			p.do(op)
		}
	}
}

func (p *pngPainter) do(op xdotOp) {
	c := p.c
	switch op.Op {
	case "c":
		p.pen = parseColour(op.Color)
	case "C":
		p.fill = parseColour(op.Color)
	case "S":
		switch s := op.Style; {
		case s == "solid":
			p.dash = nil
		case s == "dashed":
			p.dash = []float64{5, 2}
		case s == "dotted":
			p.dash = []float64{1, 5}
		case s == "bold":
			p.lineWidth = 2
		case strings.HasPrefix(s, "setlinewidth("):
			if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "setlinewidth("), ")"), 64); err == nil && v >= 0 && v < 100 {
				p.lineWidth = v
			}
		}
	case "F":
		p.fontSize = op.Size
	case "t":
		p.bold = op.Fontchar&htmlBold != 0
	case "p", "P", "L":
		if len(op.Points) == 0 {
			return
		}
		c.NewSubPath()
		for i, pt := range op.Points {
			x, y := p.xy(pt)
			if i == 0 {
				c.MoveTo(x, y)
			} else {
				c.LineTo(x, y)
			}
		}
		if op.Op != "L" {
			c.ClosePath()
		}
		p.paint(op.Op == "P")
	case "b", "B":
		if len(op.Points) < 4 {
			return
		}
		c.NewSubPath()
		x, y := p.xy(op.Points[0])
		c.MoveTo(x, y)
		for i := 1; i+2 < len(op.Points); i += 3 {
			x1, y1 := p.xy(op.Points[i])
			x2, y2 := p.xy(op.Points[i+1])
			x3, y3 := p.xy(op.Points[i+2])
			c.CubicTo(x1, y1, x2, y2, x3, y3)
		}
		if op.Op == "B" {
			c.ClosePath()
		}
		p.paint(op.Op == "B")
	case "e", "E":
		if len(op.Rect) < 4 {
			return
		}
		x, y := p.xy(op.Rect[:2])
		c.NewSubPath()
		c.DrawEllipse(x, y, op.Rect[2]*p.scale, op.Rect[3]*p.scale)
		p.paint(op.Op == "E")
	case "T":
		p.text(op)
	}
}

func (p *pngPainter) paint(filled bool) {
	c := p.c
	if filled {
		c.SetColor(p.fill)
		c.FillPreserve()
	}
	c.SetColor(p.pen)
	c.SetLineCapButt() // round caps would fill the gaps of dashed lines
	c.SetLineWidth(p.lineWidth * p.scale)
	if p.dash != nil {
		c.SetDash(p.dash[0]*p.scale, p.dash[1]*p.scale)
	} else {
		c.SetDash()
	}
	if _, _, _, a := p.pen.RGBA(); a == 0 || p.lineWidth == 0 {
		c.ClearPath()
		return
	}
	c.Stroke()
}

// text draws a span at its baseline. Graphviz sized the layout with its
// own width estimate for the font; the Go fonts run a little wider, so a
// span that would overflow is drawn at the size that fits.
func (p *pngPainter) text(op xdotOp) {
	if op.Text == "" || len(op.Pt) < 2 {
		return
	}
	size := p.fontSize * p.scale
	p.c.SetFontFace(p.face(size))
	if want := op.Width * p.scale; want > 0 {
		if got, _ := p.c.MeasureString(op.Text); got > want*1.01 {
			p.c.SetFontFace(p.face(size * want / got))
		}
	}
	x, y := p.xy(op.Pt)
	ax := 0.0
	switch op.Align {
	case "c":
		ax = 0.5
	case "r":
		ax = 1
	}
	p.c.SetColor(p.pen)
	p.c.DrawStringAnchored(op.Text, x, y, ax, 0)
}

func (p *pngPainter) face(size float64) font.Face {
	size = max(1, math.Round(size*10)/10)
	b := 0.0
	ft := p.regular
	if p.bold {
		b, ft = 1, p.bld
	}
	key := [2]float64{b, size}
	if f, ok := p.faces[key]; ok {
		return f
	}
	f, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Unreachable for the embedded fonts and a positive size.
		panic("render: go font: " + err.Error())
	}
	p.faces[key] = f
	return f
}

// parseColour reads the colours Graphviz writes in xdot: #rrggbb,
// #rrggbbaa, and the few names this package uses.
func parseColour(s string) color.Color {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "white":
		return color.White
	case "black":
		return color.Black
	case "transparent", "none", "invis":
		return color.Transparent
	}
	if strings.HasPrefix(s, "#") && (len(s) == 7 || len(s) == 9) {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err == nil {
			if len(s) == 7 {
				v = v<<8 | 0xff
			}
			return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
		}
	}
	return color.Black
}

const htmlBold = 1 // Graphviz font flag for bold text (<B>)
