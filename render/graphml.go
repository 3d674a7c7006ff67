package render

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// exportAttr is one data field of an entity or a claim in the XML exports
// (GraphML, GEXF): its name is the export JSON field name, used as both the
// key id and its title, so that Gephi and yEd show the names claimgraph's
// JSON uses. Lists (aliases, stances, sources) are JSON text: both formats
// hold only scalars. A field the model gains is one line here.
type exportAttr[T any] struct {
	name  string
	typ   string // "string", "integer" or "boolean"; a non-string "" is left out (credibility ungraded)
	value func(t *T) string
}

var entityAttrs = []exportAttr[graph.Entity]{
	{"name", "string", func(e *graph.Entity) string { return e.Name }},
	{"type", "string", func(e *graph.Entity) string { return string(e.Type) }},
	{"aliases", "string", func(e *graph.Entity) string { return jsonText(e.Aliases) }},
	{"country", "string", func(e *graph.Entity) string { return e.Country }},
	{"note", "string", func(e *graph.Entity) string { return e.Note }},
}

// claimView is a claim with its reading, made once per claim: the label
// and the reading attribute both need it.
type claimView struct {
	*graph.Claim
	reading graph.Reading
}

func viewOf(g *graph.Graph, c *graph.Claim) *claimView { return &claimView{c, g.Read(c)} }

var claimAttrs = []exportAttr[claimView]{
	{"relation", "string", func(c *claimView) string { return c.Relation }},
	{"detail", "string", func(c *claimView) string { return c.Detail }},
	{"status", "string", func(c *claimView) string { return string(c.Status) }},
	{"contested", "boolean", func(c *claimView) string { return strconv.FormatBool(c.reading.Contested) }},
	{"stances", "string", func(c *claimView) string { return jsonText(c.Stances) }},
	{"sources", "string", func(c *claimView) string { return jsonText(c.Sources) }},
	{"reported", "string", func(c *claimView) string { return c.Reported }},
	{"reading", "string", func(c *claimView) string { return c.reading.String() }},
	{"credibility", "integer", func(c *claimView) string { return credibilityText(c.Credibility) }},
	{"credibility_note", "string", func(c *claimView) string { return c.CredibilityNote }},
	{"negated", "boolean", func(c *claimView) string { return strconv.FormatBool(c.Negated) }},
	{"basis", "string", func(c *claimView) string { return string(c.Basis) }},
	{"likelihood", "string", func(c *claimView) string { return string(c.Likelihood) }},
	{"lint", "string", func(c *claimView) string { return jsonText(c.Lint) }},
}

// credibilityText is a credibility as an integer attribute: "" when
// ungraded, so that the attribute is left out rather than read as a grade.
func credibilityText(n int8) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(int(n))
}

// jsonText writes a list as compact JSON, [] for none.
func jsonText[T any](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(v) // strings only: cannot fail
	return string(b)
}

// xmlText escapes s for XML text and attribute values: cleaned as clean
// does (XML 1.0 cannot carry most control characters), the five specials
// as entities, and line breaks as &#10; so that an attribute keeps them too.
func xmlText(s string) string {
	if plainXML(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	appendXML(&b, s)
	return b.String()
}

// appendXML writes xmlText(s) to b in one pass: at a million claims,
// escaping through clean's three passes was most of the export's time.
// TestXMLTextIsClean holds it to clean's rules.
func appendXML(b *strings.Builder, s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD") // as clean: a run of bad bytes is one U+FFFD
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b.WriteString("&amp;")
			case c == '<':
				b.WriteString("&lt;")
			case c == '>':
				b.WriteString("&gt;")
			case c == '"':
				b.WriteString("&quot;")
			case c == '\'':
				b.WriteString("&apos;")
			case c == '\n':
				b.WriteString("&#10;")
			case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
				// \r\n is one line break: the \n writes it
			case c < 0x20 || c == 0x7f:
				b.WriteByte(' ')
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r <= 0x9f, r == 0xFFFE, r == 0xFFFF: // C1 controls and non-characters
			b.WriteByte(' ')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// plainXML reports whether s is printable ASCII with no XML special: the
// common case, written as it is.
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
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
		if value == "" && key == "credibility" {
			return // an ungraded claim has no credibility, not 0
		}
		bw.WriteString(`      <data key="`)
		bw.WriteString(key)
		bw.WriteString(`">`)
		bw.WriteString(xmlText(value))
		bw.WriteString("</data>\n")
	}
	for _, e := range g.Entities() {
		bw.WriteString(`    <node id="` + xmlText(e.ID) + "\">\n")
		data("label", e.Name)
		for _, a := range entityAttrs {
			data(a.name, a.value(e))
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
		v := viewOf(g, c)
		label := readingLabel(v.reading)
		data("label", label)
		for _, a := range claimAttrs {
			data(a.name, a.value(v))
		}
		colour, line, width := edgeLook(c)
		arrow := "standard"
		if c.Negated {
			arrow = "t_shape" // as the figures' flat arrowhead: the relation does not hold
		}
		bw.WriteString(`      <data key="edgegraphics"><y:PolyLineEdge><y:LineStyle color="` + colour + `" type="` + yEdLine(line) + `" width="` + width + `"/><y:Arrows source="none" target="` + arrow + `"/><y:EdgeLabel>` + xmlText(label) +
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
