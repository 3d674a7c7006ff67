package render

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// placeSVG moves the claim labels of Graphviz's SVG src that collide (see
// place.go), by rewriting the x and y of their <text> elements, which stay
// where they are in the claim's group. It returns src itself when no label
// moves, or when src is not SVG it can read.
func placeSVG(src []byte) []byte {
	d, texts, ok := readSVGDrawing(src)
	if !ok {
		return src
	}
	shifts := placeLabels(d)
	if len(shifts) == 0 {
		return src
	}
	var out bytes.Buffer
	last := int64(0)
	for _, t := range texts {
		s, moved := shifts[t.claim]
		if !moved {
			continue
		}
		out.Write(src[last:t.start])
		out.WriteString("<text")
		for _, a := range t.attrs {
			name := a.Name.Local
			if a.Name.Space != "" {
				name = a.Name.Space + ":" + name
			}
			v := a.Value
			switch name {
			case "x":
				v = shiftCoord(v, s[0])
			case "y":
				v = shiftCoord(v, s[1])
			}
			out.WriteString(" " + name + `="`)
			xml.EscapeText(&out, []byte(v))
			out.WriteString(`"`)
		}
		if bytes.HasSuffix(src[t.start:t.end], []byte("/>")) {
			out.WriteString("/>")
		} else {
			out.WriteString(">")
		}
		last = t.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

func shiftCoord(v string, d float64) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	return strconv.FormatFloat(math.Round((f+d)*100)/100, 'f', -1, 64)
}

// svgText is the start tag of a claim label's <text>: where it is in the
// source and its attributes.
type svgText struct {
	claim      int
	start, end int64
	attrs      []xml.Attr
}

// Kinds of SVG group the placer tells apart.
const (
	inOther = iota
	inGraph
	inClaim
	inTie
	inNode
	inCluster
)

// readSVGDrawing reads the drawing of a Graphviz SVG: claim groups (class
// "edge claim …"), other edges (stance connectors), nodes and the text of
// clusters and of the graph (title, key).
func readSVGDrawing(src []byte) (*drawing, []svgText, bool) {
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	type frame struct{ kind, index int }
	var (
		d      = &drawing{}
		texts  []svgText
		stack  []frame
		nodes  []rect
		hasBox []bool
		bounds bool
		// the <text> being read
		inText          bool
		textAttr        map[string]string
		textBuf         strings.Builder
		textStart, tEnd int64
		textAttrs       []xml.Attr
	)
	top := func() frame {
		if len(stack) == 0 {
			return frame{inOther, -1}
		}
		return stack[len(stack)-1]
	}
	addNode := func(i int, r rect) {
		if !hasBox[i] {
			nodes[i], hasBox[i] = r, true
		} else {
			nodes[i] = nodes[i].union(r)
		}
	}
	for {
		start := dec.InputOffset()
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := make(map[string]string, len(t.Attr))
			for _, a := range t.Attr {
				attr[a.Name.Local] = a.Value
			}
			f := top()
			if t.Name.Local == "g" {
				class := attr["class"]
				switch {
				case class == "graph":
					f = frame{inGraph, -1}
				case strings.HasPrefix(class, "edge claim"):
					d.claims = append(d.claims, drawnClaim{id: attr["id"]})
					f = frame{inClaim, len(d.claims) - 1}
				case strings.HasPrefix(class, "edge"):
					d.ties = append(d.ties, nil)
					f = frame{inTie, len(d.ties) - 1}
				case strings.HasPrefix(class, "node"):
					nodes, hasBox = append(nodes, rect{}), append(hasBox, false)
					f = frame{inNode, len(nodes) - 1}
				case strings.HasPrefix(class, "cluster"):
					f = frame{inCluster, -1}
				}
			}
			stack = append(stack, f)
			switch t.Name.Local {
			case "path":
				ps := svgPoints(attr["d"])
				switch f.kind {
				case inClaim:
					d.claims[f.index].path = append(d.claims[f.index].path, bezier(ps)...)
				case inTie:
					d.ties[f.index] = append(d.ties[f.index], bezier(ps)...)
				case inNode:
					addNode(f.index, boundsOf(ps))
				}
			case "polygon", "polyline":
				ps := svgPoints(attr["points"])
				switch f.kind {
				case inGraph:
					if !bounds && t.Name.Local == "polygon" {
						d.bounds, bounds = boundsOf(ps), true
					}
				case inClaim:
					d.claims[f.index].heads = append(d.claims[f.index].heads, boundsOf(ps))
				case inNode:
					addNode(f.index, boundsOf(ps))
				}
			case "ellipse":
				if f.kind == inNode {
					n := func(k string) float64 { v, _ := strconv.ParseFloat(attr[k], 64); return v }
					cx, cy, rx, ry := n("cx"), n("cy"), n("rx"), n("ry")
					addNode(f.index, rect{cx - rx, cy - ry, cx + rx, cy + ry})
				}
			case "text":
				inText, textAttr, textStart, tEnd = true, attr, start, dec.InputOffset()
				textAttrs = append([]xml.Attr(nil), t.Attr...)
				textBuf.Reset()
			}
		case xml.CharData:
			if inText {
				textBuf.Write(t)
			}
		case xml.EndElement:
			f := top()
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Name.Local != "text" || !inText {
				continue
			}
			inText = false
			n := func(k string) float64 { v, _ := strconv.ParseFloat(textAttr[k], 64); return v }
			r := textRect(n("x"), n("y"), n("font-size"), textAttr["text-anchor"], textBuf.String())
			switch f.kind {
			case inClaim:
				c := &d.claims[f.index]
				if c.lines == 0 {
					c.label = r
				} else {
					c.label = c.label.union(r)
				}
				c.lines++
				texts = append(texts, svgText{f.index, textStart, tEnd, textAttrs})
			case inNode:
				addNode(f.index, r)
			case inTie:
			default:
				d.blocks = append(d.blocks, r)
			}
		}
	}
	if !bounds {
		return nil, nil, false
	}
	for i, r := range nodes {
		if hasBox[i] {
			d.blocks = append(d.blocks, r)
		}
	}
	return d, texts, true
}

// svgPoints reads the coordinate pairs of a points or d attribute
// ("1,2 3,4" or "M1,2C3,4 5,6 7,8").
func svgPoints(s string) []pt {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e')
	})
	var ps []pt
	for i := 0; i+1 < len(f); i += 2 {
		x, err1 := strconv.ParseFloat(f[i], 64)
		y, err2 := strconv.ParseFloat(f[i+1], 64)
		if err1 == nil && err2 == nil {
			ps = append(ps, pt{x, y})
		}
	}
	return ps
}
