package render

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// exportAttr is one data field of an entity or a claim in the XML exports
// (GraphML, GEXF): its name is the export JSON field name, used as both the
// key id and its title, so that Gephi and yEd show the names claimgraph's
// JSON uses. Lists (aliases, stances, sources) are JSON text: both formats
// hold only scalars. A field the model gains is one line here.
type exportAttr[T any] struct {
	name  string
	typ   string // "string" or "boolean"
	value func(g *graph.Graph, t *T) string
}

var entityAttrs = []exportAttr[graph.Entity]{
	{"name", "string", func(_ *graph.Graph, e *graph.Entity) string { return e.Name }},
	{"type", "string", func(_ *graph.Graph, e *graph.Entity) string { return string(e.Type) }},
	{"aliases", "string", func(_ *graph.Graph, e *graph.Entity) string { return jsonText(e.Aliases) }},
	{"country", "string", func(_ *graph.Graph, e *graph.Entity) string { return e.Country }},
	{"note", "string", func(_ *graph.Graph, e *graph.Entity) string { return e.Note }},
}

var claimAttrs = []exportAttr[graph.Claim]{
	{"relation", "string", func(_ *graph.Graph, c *graph.Claim) string { return c.Relation }},
	{"detail", "string", func(_ *graph.Graph, c *graph.Claim) string { return c.Detail }},
	{"status", "string", func(_ *graph.Graph, c *graph.Claim) string { return string(c.Status) }},
	{"contested", "boolean", func(_ *graph.Graph, c *graph.Claim) string { return strconv.FormatBool(c.Contested()) }},
	{"stances", "string", func(_ *graph.Graph, c *graph.Claim) string { return jsonText(c.Stances) }},
	{"sources", "string", func(_ *graph.Graph, c *graph.Claim) string { return jsonText(c.Sources) }},
	{"reported", "string", func(_ *graph.Graph, c *graph.Claim) string { return c.Reported }},
	{"reading", "string", func(g *graph.Graph, c *graph.Claim) string { return g.Read(c).String() }},
}

// jsonText writes a list as compact JSON, [] for none.
func jsonText[T any](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

// xmlText escapes s for XML text and attribute values: cleaned (XML 1.0
// cannot carry most control characters), the five specials as entities, and
// line breaks as &#10; so that an attribute keeps them too.
func xmlText(s string) string {
	s = clean(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\n':
			b.WriteString("&#10;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// yEdShapes maps the figures' Graphviz node shapes to yEd's nearest.
var yEdShapes = map[string]string{
	"box": "rectangle", "hexagon": "hexagon", "octagon": "octagon", "doubleoctagon": "octagon",
	"tab": "rectangle", "ellipse": "ellipse", "component": "rectangle", "note": "rectangle", "box3d": "rectangle3d",
}

// GraphML writes g as GraphML for Gephi and yEd in one file: a data key per
// entity and claim field named as in the export JSON (never yEd's d0…dN,
// which Gephi takes for labels), "label" only for the label, yEd
// ShapeNode/PolyLineEdge graphics in the figures' colours and line styles,
// and each claim an edge whose id is the claim id, parallel claims kept.
func GraphML(w io.Writer, g *graph.Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <key id="label" for="all" attr.name="label" attr.type="string"/>
`)
	for _, a := range entityAttrs {
		bw.WriteString(`  <key id="` + a.name + `" for="node" attr.name="` + a.name + `" attr.type="` + a.typ + `"/>` + "\n")
	}
	for _, a := range claimAttrs {
		bw.WriteString(`  <key id="` + a.name + `" for="edge" attr.name="` + a.name + `" attr.type="` + a.typ + `"/>` + "\n")
	}
	bw.WriteString(`  <key id="nodegraphics" for="node" yfiles.type="nodegraphics"/>
  <key id="edgegraphics" for="edge" yfiles.type="edgegraphics"/>
  <graph id="G" edgedefault="directed">
`)
	data := func(key, value string) {
		bw.WriteString(`      <data key="` + key + `">` + xmlText(value) + "</data>\n")
	}
	for _, e := range g.Entities() {
		bw.WriteString(`    <node id="` + xmlText(e.ID) + "\">\n")
		data("label", e.Name)
		for _, a := range entityAttrs {
			data(a.name, a.value(g, e))
		}
		st := nodeStyleOf(e.Type)
		shape := yEdShapes[st.shape]
		if strings.Contains(st.style, "rounded") {
			shape = "roundrectangle"
		}
		border := "line"
		if strings.Contains(st.style, "dashed") {
			border = "dashed"
		}
		bw.WriteString(`      <data key="nodegraphics"><y:ShapeNode><y:Fill color="` + st.fill + `"/><y:BorderStyle color="#000000" type="` + border +
			`" width="1.0"/><y:NodeLabel>` + xmlText(e.Name) + `</y:NodeLabel><y:Shape type="` + shape + `"/></y:ShapeNode></data>` + "\n")
		bw.WriteString("    </node>\n")
	}
	for _, c := range g.Claims() {
		bw.WriteString(`    <edge id="` + xmlText(c.ID) + `" source="` + xmlText(c.From) + `" target="` + xmlText(c.To) + "\">\n")
		label := ClaimLabel(g, c)
		data("label", label)
		for _, a := range claimAttrs {
			data(a.name, a.value(g, c))
		}
		colour, line, width := edgeLook(c)
		bw.WriteString(`      <data key="edgegraphics"><y:PolyLineEdge><y:LineStyle color="` + colour + `" type="` + yEdLine(line) + `" width="` + width + `"/><y:Arrows source="none" target="standard"/><y:EdgeLabel>` + xmlText(label) +
			`</y:EdgeLabel></y:PolyLineEdge></data>` + "\n")
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// edgeLook is a claim's colour, line style (solid, dashed, dotted) and
// width in the figures: its status's, or the contested style.
func edgeLook(c *graph.Claim) (colour, line, width string) {
	st := styleOf(c.Status)
	if c.Contested() {
		st = contestedStyle
	}
	return st.colour, st.style, st.penwidth
}

// yEdLine names a line style as yEd does.
func yEdLine(style string) string {
	if style == "solid" {
		return "line"
	}
	return style
}
