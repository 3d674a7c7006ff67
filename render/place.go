package render

import (
	"cmp"
	"math"
	"slices"
)

// Graphviz places each edge label once, while it lays out the graph, and
// does not look again: neato puts labels at arrow midpoints whatever runs
// there, and even dot lets a later arrow graze a small number near a hub.
// So after the layout we look at the finished drawing as a reader would
// and move the labels that collide: each such label goes to the free spot
// along its own arrow (on either side, a few points off) that touches no
// other label, no other arrow, no box and no text of the key, the closest
// such spot to where Graphviz put it. Labels that collide with nothing stay
// where Graphviz put them, so a figure that was already clean is unchanged.
//
// The placer works on a neutral model of the drawing, in SVG's coordinates
// (y grows downwards); svg.go reads it from Graphviz's SVG and png.go from
// Graphviz's json, so both outputs move the same labels the same way.

// pt is a point of the drawing, in points.
type pt struct{ x, y float64 }

// rect is an axis-aligned rectangle of the drawing.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) grow(d float64) rect { return rect{r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d} }
func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}
func (r rect) has(p pt) bool { return p.x > r.x0 && p.x < r.x1 && p.y > r.y0 && p.y < r.y1 }
func (r rect) union(o rect) rect {
	return rect{math.Min(r.x0, o.x0), math.Min(r.y0, o.y0), math.Max(r.x1, o.x1), math.Max(r.y1, o.y1)}
}
func (r rect) move(dx, dy float64) rect { return rect{r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy} }
func (r rect) inside(o rect) bool {
	return r.x0 >= o.x0 && r.y0 >= o.y0 && r.x1 <= o.x1 && r.y1 <= o.y1
}
func (r rect) dist(p pt) float64 {
	dx := math.Max(0, math.Max(r.x0-p.x, p.x-r.x1))
	dy := math.Max(0, math.Max(r.y0-p.y, p.y-r.y1))
	return math.Hypot(dx, dy)
}

// boundsOf is the smallest rect holding ps (the zero rect for none).
func boundsOf(ps []pt) rect {
	if len(ps) == 0 {
		return rect{}
	}
	r := rect{ps[0].x, ps[0].y, ps[0].x, ps[0].y}
	for _, p := range ps[1:] {
		r = r.union(rect{p.x, p.y, p.x, p.y})
	}
	return r
}

// helveticaWidths holds the advance widths (per 1,000 units of font size)
// of Helvetica's printable ASCII, from its AFM file: the metrics Graphviz
// lays text out with, and the ones Nimbus Sans (what headless Chromium
// draws Helvetica with on Debian, from fonts-urw-base35) shares.
var helveticaWidths = func() map[rune]float64 {
	const chars = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_` + "`" + `abcdefghijklmnopqrstuvwxyz{|}~`
	widths := []float64{278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015,
		667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
		278, 278, 278, 469, 556, 333,
		556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
		334, 260, 334, 584}
	m := make(map[rune]float64, len(widths))
	for i, r := range chars {
		m[r] = widths[i]
	}
	return m
}()

// textWidth estimates the width of s drawn in Helvetica at size points.
// Characters outside ASCII count as the widest common glyph, so the
// estimate errs on the large side.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if a, ok := helveticaWidths[r]; ok {
			w += a
		} else {
			w += 1000 // ‼, →, ·, …: wider than any of them really is
		}
	}
	return w * size / 1000
}

// textRect estimates the box of a line of text drawn with its baseline at
// y, anchored at x ("start", "middle" or "end").
func textRect(x, y, size float64, anchor, s string) rect {
	w := textWidth(s, size)
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	// Helvetica's ascender and descender are 0.72 and 0.21 of the size;
	// accents and ‼ reach higher, so a little more above.
	return rect{x, y - 0.8*size, x + w, y + 0.22*size}
}

// bezier samples a Graphviz B-spline given as its control points (p0, then
// three points per segment) about every point of its length.
func bezier(ps []pt) []pt {
	if len(ps) == 0 {
		return nil
	}
	out := []pt{ps[0]}
	for i := 0; i+3 < len(ps); i += 3 {
		a, b, c, e := ps[i], ps[i+1], ps[i+2], ps[i+3]
		// The control polygon is at least as long as the curve.
		l := math.Hypot(b.x-a.x, b.y-a.y) + math.Hypot(c.x-b.x, c.y-b.y) + math.Hypot(e.x-c.x, e.y-c.y)
		n := min(int(l)+2, 4000)
		for k := 1; k <= n; k++ {
			s := float64(k) / float64(n)
			u := 1 - s
			out = append(out, pt{
				u*u*u*a.x + 3*u*u*s*b.x + 3*u*s*s*c.x + s*s*s*e.x,
				u*u*u*a.y + 3*u*u*s*b.y + 3*u*s*s*c.y + s*s*s*e.y,
			})
		}
	}
	return out
}

// drawing is what the placer knows of a laid-out figure.
type drawing struct {
	bounds rect         // where labels may go
	claims []drawnClaim // in document order
	blocks []rect       // entity boxes and text that is not a claim's label
	ties   [][]pt       // stance connectors, sampled
}

// drawnClaim is one claim's arrow and label.
type drawnClaim struct {
	id    string
	path  []pt   // the arrow's spline, sampled
	heads []rect // its arrowheads
	label rect   // the union of its label's lines
	lines int    // how many lines its label has (0: no label)
}

// margins are the distances, in points, a label keeps: from other labels,
// from arrows, from boxes and text, and how much nearer than its own arrow
// another may run.
type margins struct{ label, arrow, block, nearer float64 }

var (
	// placed are the margins of a spot the placer picks (the checker asks
	// for 2 pt between labels).
	placed = margins{label: 3, arrow: 1.5, block: 2, nearer: 0.01}
	// tolerated are the margins of a place Graphviz picked that the placer
	// leaves alone: a label that collides with nothing stays, even when
	// it is closer to things than a spot the placer would pick.
	tolerated = margins{label: 2, arrow: 0, block: 0, nearer: 2}
)

// Limits of the search.
const (
	placeStep = 4.0 // between candidate spots along an arrow
	maxSpots  = 150 // candidate spots along one arrow, at most
	placePass = 6   // passes over the labels, at most

	// placeBudget bounds the spots looked at in one figure, so that a
	// figure too crowded to untangle costs a second, not minutes (the
	// 40-60-claim hubs take at most 30,000; full labels on 250 claims
	// laid out by neato would take over a million). It counts
	// spots, not time, so that output stays the same on every machine.
	placeBudget = 100_000

	// placeCells is the side of the grid's cells, in points, and
	// maxCellSpan the widest rect, in cells, grid.each walks cell by cell.
	placeCells  = 24.0
	maxCellSpan = 64

	// maxLabelReach is how far from its own arrow a label may be; the
	// checker allows 36.
	maxLabelReach = 24.0
)

// clash counts what a label at r would collide with: hard collisions
// (other labels, other arrows and arrowheads, boxes and text, leaving the
// drawing) and soft ones (stance connectors crossing it, its own arrow
// crossing it, another arrow nearer to it than its own).
type clash struct {
	hard, soft int
	moved      float64 // how far from where Graphviz put it
}

func (c clash) less(o clash) bool {
	if c.hard != o.hard {
		return c.hard < o.hard
	}
	if c.soft != o.soft {
		return c.soft < o.soft
	}
	return c.moved < o.moved
}

// grid indexes the points of arrows and connectors by cell, so that a
// candidate spot is checked against what is near it only.
type grid struct {
	cells map[[2]int][]gridPoint
}

type gridPoint struct {
	p     pt
	owner int // claim index, or -1-i for stance connector i
}

func cellOf(p pt) [2]int {
	return [2]int{int(math.Floor(p.x / placeCells)), int(math.Floor(p.y / placeCells))}
}

func (g *grid) add(p pt, owner int) {
	c := cellOf(p)
	g.cells[c] = append(g.cells[c], gridPoint{p, owner})
}

// each calls fn for every indexed point in r.
func (g *grid) each(r rect, fn func(gridPoint)) {
	a, b := cellOf(pt{r.x0, r.y0}), cellOf(pt{r.x1, r.y1})
	if uint(b[0]-a[0]) > maxCellSpan || uint(b[1]-a[1]) > maxCellSpan {
		// Far larger than any label (or not a number): look at every
		// point rather than at every cell.
		for _, ps := range g.cells {
			for _, gp := range ps {
				if r.has(gp.p) {
					fn(gp)
				}
			}
		}
		return
	}
	for i := a[0]; i <= b[0]; i++ {
		for j := a[1]; j <= b[1]; j++ {
			for _, gp := range g.cells[[2]int{i, j}] {
				if r.has(gp.p) {
					fn(gp)
				}
			}
		}
	}
}

// placeLabels moves the labels that collide and returns, for each claim
// index whose label moved, by how much.
func placeLabels(d *drawing) map[int][2]float64 {
	shifts := make(map[int][2]float64)
	g := &grid{cells: make(map[[2]int][]gridPoint)}
	for i, c := range d.claims {
		for _, p := range c.path {
			g.add(p, i)
		}
	}
	for i, t := range d.ties {
		for _, p := range t {
			g.add(p, -1-i)
		}
	}
	at := make([]rect, len(d.claims)) // where each label is now
	for i, c := range d.claims {
		at[i] = c.label
	}
	// cost is what a label of claim i at r collides with; it stops
	// counting once the hard collisions pass limit.
	evals := 0
	cost := func(i int, r rect, own float64, limit int, m margins) clash {
		evals++
		c := d.claims[i]
		var k clash
		if !r.inside(d.bounds) {
			k.hard += 10
		}
		for j := range d.claims {
			if j == i {
				continue
			}
			if d.claims[j].lines > 0 && r.grow(m.label/2).overlaps(at[j].grow(m.label/2)) {
				k.hard++
			}
			for _, h := range d.claims[j].heads {
				if r.grow(m.arrow).overlaps(h) {
					k.hard++
				}
			}
		}
		for _, b := range d.blocks {
			if k.hard > limit {
				return k
			}
			if r.grow(m.block).overlaps(b) {
				k.hard++
			}
		}
		var crossed []int
		g.each(r.grow(m.arrow), func(gp gridPoint) {
			if !slices.Contains(crossed, gp.owner) {
				crossed = append(crossed, gp.owner)
			}
		})
		for _, o := range crossed {
			switch {
			case o == i:
				k.soft++ // its own arrow: clear, but not as neat
			case o >= 0:
				k.hard++
			default:
				k.soft += 2 // a stance connector: thin, but still through the text
			}
		}
		if k.hard > limit {
			return k
		}
		// A label must be near its own arrow, and nearer to it than to
		// any other arrow, or it reads as the other's.
		if own < 0 {
			own = ownDist(c, r, g, i)
		}
		if own > maxLabelReach {
			k.hard++
		}
		if own > m.nearer && k.hard == 0 {
			nearer := false
			g.each(r.grow(own-m.nearer), func(gp gridPoint) { nearer = nearer || (gp.owner >= 0 && gp.owner != i) })
			if nearer {
				k.soft += 3
			}
		}
		cx, cy := (r.x0+r.x1)/2-(c.label.x0+c.label.x1)/2, (r.y0+r.y1)/2-(c.label.y0+c.label.y1)/2
		k.moved = math.Hypot(cx, cy)
		return k
	}
	for range placePass {
		changed := false
		for i, c := range d.claims {
			if c.lines == 0 || len(c.path) == 0 || evals >= placeBudget {
				continue
			}
			if k := cost(i, at[i], -1, math.MaxInt, tolerated); k.hard == 0 && k.soft == 0 {
				continue
			}
			now := cost(i, at[i], -1, math.MaxInt, placed)
			best, bestAt := now, at[i]
			for _, sp := range spots(c) {
				if evals >= placeBudget {
					break
				}
				if k := cost(i, sp.r, sp.own, best.hard, placed); k.less(best) {
					best, bestAt = k, sp.r
					if k.hard == 0 && k.soft == 0 {
						break // the nearest spot free of everything
					}
				}
			}
			if best.hard < now.hard || best.hard == now.hard && best.soft < now.soft {
				at[i], changed = bestAt, true
			}
		}
		if !changed || evals >= placeBudget {
			break
		}
	}
	for i, c := range d.claims {
		if dx, dy := at[i].x0-c.label.x0, at[i].y0-c.label.y0; dx != 0 || dy != 0 {
			shifts[i] = [2]float64{dx, dy}
		}
	}
	return shifts
}

// spot is a candidate place of a label: its box, and how far it is (at
// most) from the label's own arrow.
type spot struct {
	r     rect
	own   float64
	moved float64
}

// spots are the candidate places of c's label, nearest to where Graphviz
// put it first: beside points along its arrow, on every side, at a few
// distances, and centred on the arrow.
func spots(c drawnClaim) []spot {
	w, h := c.label.x1-c.label.x0, c.label.y1-c.label.y0
	cx, cy := (c.label.x0+c.label.x1)/2, (c.label.y0+c.label.y1)/2
	// Points along the arrow about placeStep apart, at most maxSpots.
	length := 0.0
	for k := 1; k < len(c.path); k++ {
		length += math.Hypot(c.path[k].x-c.path[k-1].x, c.path[k].y-c.path[k-1].y)
	}
	step := math.Max(placeStep, length/maxSpots)
	var along []pt
	run := step / 2
	for k := 1; k < len(c.path); k++ {
		run += math.Hypot(c.path[k].x-c.path[k-1].x, c.path[k].y-c.path[k-1].y)
		if run >= step {
			along, run = append(along, c.path[k]), 0
		}
	}
	var out []spot
	add := func(x0, y0, own float64) {
		out = append(out, spot{rect{x0, y0, x0 + w, y0 + h}, own, math.Hypot(x0+w/2-cx, y0+h/2-cy)})
	}
	for _, p := range along {
		add(p.x-w/2, p.y-h/2, 0)
		for _, g := range []float64{2.5, 6, 12, 20} {
			for _, s := range [][2]float64{{0, -1}, {0, 1}, {1, 0}, {-1, 0}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}} {
				// The box's near side or corner is g from p.
				add(p.x-w/2+s[0]*(w/2+g), p.y-h/2+s[1]*(h/2+g), g*math.Hypot(s[0], s[1]))
			}
		}
	}
	// Stable: among spots as near, the first along the arrow wins.
	slices.SortStableFunc(out, func(a, b spot) int { return cmp.Compare(a.moved, b.moved) })
	return out
}

// ownDist is the distance from r to claim i's own arrow, looked up near r
// first (where every candidate spot has it).
func ownDist(c drawnClaim, r rect, g *grid, i int) float64 {
	best := math.Inf(1)
	g.each(r.grow(2*placeCells), func(gp gridPoint) {
		if gp.owner == i {
			best = math.Min(best, r.dist(gp.p))
		}
	})
	if best <= 2*placeCells {
		return best
	}
	for _, p := range c.path {
		best = math.Min(best, r.dist(p))
	}
	return best
}
