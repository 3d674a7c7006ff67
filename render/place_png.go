package render

import "strings"

// placeXdot moves the claim labels of Graphviz's json layout g that
// collide (see place.go), as placeSVG does in the SVG: the drawing is read
// in SVG's coordinates (json's y grows upwards, SVG's downwards: y' = −y),
// so both outputs place every label at the same spot.
func placeXdot(g *xdotGraph) {
	d := &drawing{}
	flip := func(p []float64) pt {
		if len(p) < 2 {
			return pt{}
		}
		return pt{p[0], -p[1]}
	}
	// walk calls fn with each operation's points (curves as their control
	// points, ellipses as their corners) and each text's box.
	walk := func(ops []xdotOp, shape func(op xdotOp, ps []pt), text func(r rect)) {
		size := 14.0
		for _, op := range ops {
			switch op.Op {
			case "F":
				size = op.Size
			case "T":
				if text != nil {
					p := flip(op.Pt)
					anchor := map[string]string{"l": "start", "c": "middle", "r": "end"}[op.Align]
					text(textRect(p.x, p.y, size, anchor, op.Text))
				}
			case "p", "P", "L", "b", "B":
				ps := make([]pt, len(op.Points))
				for i, q := range op.Points {
					ps[i] = flip(q)
				}
				shape(op, ps)
			case "e", "E":
				if len(op.Rect) == 4 {
					c := flip(op.Rect)
					shape(op, []pt{{c.x - op.Rect[2], c.y - op.Rect[3]}, {c.x + op.Rect[2], c.y + op.Rect[3]}})
				}
			}
		}
	}
	block := func(r rect) { d.blocks = append(d.blocks, r) }
	bounds := false
	walk(g.Draw, func(op xdotOp, ps []pt) {
		if !bounds && op.Op == "P" {
			d.bounds, bounds = boundsOf(ps), true
		}
	}, nil)
	if !bounds {
		return
	}
	walk(g.LDraw, func(xdotOp, []pt) {}, block)
	nclusters := min(g.SubgraphCnt, len(g.Objects))
	for _, o := range g.Objects[:nclusters] {
		walk(o.LDraw, func(xdotOp, []pt) {}, block)
	}
	// Each node is one box around everything drawn for it, as the SVG
	// reading has it, read in the order the SVG has them: edges first.
	var claims []int // index in g.Edges of each claim
	for k, e := range g.Edges {
		if !strings.HasPrefix(e.Class, "claim") {
			var tie []pt
			walk(e.Draw, func(op xdotOp, ps []pt) {
				if op.Op == "b" || op.Op == "B" {
					tie = append(tie, bezier(ps)...)
				}
			}, nil)
			d.ties = append(d.ties, tie)
			continue
		}
		c := drawnClaim{id: e.ID}
		walk(e.Draw, func(op xdotOp, ps []pt) {
			if op.Op == "b" || op.Op == "B" {
				c.path = append(c.path, bezier(ps)...)
			}
		}, nil)
		for _, h := range [][]xdotOp{e.HDraw, e.TDraw} {
			walk(h, func(op xdotOp, ps []pt) { c.heads = append(c.heads, boundsOf(ps)) }, nil)
		}
		walk(e.LDraw, func(xdotOp, []pt) {}, func(r rect) {
			if c.lines == 0 {
				c.label = r
			} else {
				c.label = c.label.union(r)
			}
			c.lines++
		})
		d.claims = append(d.claims, c)
		claims = append(claims, k)
	}
	for _, o := range g.Objects[nclusters:] {
		var r rect
		has := false
		add := func(q rect) {
			if !has {
				r, has = q, true
			} else {
				r = r.union(q)
			}
		}
		for _, ops := range [][]xdotOp{o.Draw, o.LDraw} {
			walk(ops, func(_ xdotOp, ps []pt) { add(boundsOf(ps)) }, add)
		}
		if has {
			d.blocks = append(d.blocks, r)
		}
	}
	for i, s := range placeLabels(d) {
		ops := g.Edges[claims[i]].LDraw
		for k := range ops {
			if ops[k].Op == "T" && len(ops[k].Pt) >= 2 {
				ops[k].Pt[0] += s[0]
				ops[k].Pt[1] -= s[1]
			}
		}
	}
}
