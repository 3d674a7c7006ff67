package render

import (
	"bufio"
	"io"
	"strconv"

	"github.com/claimgraph/claimgraph/graph"
)

// GEXF writes g as GEXF 1.3 for Gephi: an attribute per entity and claim
// field, its id and title the export JSON field name (the same table as
// GraphML's); each claim an edge with its claim id, kind = its relation as
// every output prints it ("not: …" for a negated claim; parallel claims
// kept), and the figures' colour (viz:color), width
// (viz:thickness) and line (viz:shape: dashed for alleged and contested,
// dotted for proposed and retracted, solid otherwise).
//
// Claims are dated on the reporting axis (see GEXFTime).
func GEXF(w io.Writer, g *graph.Graph) error { return GEXFTime(w, g, TimeReporting) }

// GEXFTime is GEXF with each claim's edge dated on one time axis (see
// gexf_time.go): the graph is dynamic, for Gephi's timeline, when any is.
func GEXFTime(w io.Writer, g *graph.Graph, axis string) error {
	times := gexfTimes(g, axis)
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>claimgraph</creator>
    <description>` + xmlText(g.Title()) + `</description>
  </meta>
  <graph defaultedgetype="directed" ` + gexfMode(times) + `>
    <attributes class="node">
`)
	for _, a := range entityAttrs {
		bw.WriteString(`      <attribute id="` + a.name + `" title="` + a.name + `" type="` + a.typ + `"/>` + "\n")
	}
	bw.WriteString("    </attributes>\n    <attributes class=\"edge\">\n")
	for _, a := range claimAttrs {
		bw.WriteString(`      <attribute id="` + a.name + `" title="` + a.name + `" type="` + a.typ + `"/>` + "\n")
	}
	bw.WriteString("    </attributes>\n    <nodes>\n")
	value := func(name, v string) {
		if v == "" && name == "credibility" {
			return // an ungraded claim has no credibility, not 0
		}
		bw.WriteString(`          <attvalue for="`)
		bw.WriteString(name)
		bw.WriteString(`" value="`)
		bw.WriteString(xmlText(v))
		bw.WriteString("\"/>\n")
	}
	for _, e := range g.Entities() {
		bw.WriteString(`      <node id="` + xmlText(e.ID) + `" label="` + xmlText(e.Name) + "\">\n        <attvalues>\n")
		for _, a := range entityAttrs {
			value(a.name, a.value(e))
		}
		bw.WriteString("        </attvalues>\n")
		bw.WriteString("        " + vizColor(nodeStyleOf(e.Type).fill) + "\n      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for _, c := range g.Claims() {
		v := viewOf(g, c)
		bw.WriteString(`      <edge id="` + xmlText(c.ID) + `" source="` + xmlText(c.From) + `" target="` + xmlText(c.To) +
			`" kind="` + xmlText(graph.RelationText(c)) + `" label="` + xmlText(readingLabel(v.reading)) + "\"" + times.attrs(c.ID) + ">\n        <attvalues>\n")
		for _, a := range claimAttrs {
			value(a.name, a.value(v))
		}
		colour, line, width := edgeLook(c)
		bw.WriteString("        </attvalues>\n        " + vizColor(colour) + "\n")
		bw.WriteString(`        <viz:thickness value="` + width + `"/>` + "\n")
		bw.WriteString(`        <viz:shape value="` + line + `"/>` + "\n      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// vizColor writes a "#RRGGBB" colour as GEXF's r/g/b attributes.
func vizColor(hex string) string {
	c := func(i int) string {
		n, _ := strconv.ParseUint(hex[i:i+2], 16, 8)
		return strconv.FormatUint(n, 10)
	}
	return `<viz:color r="` + c(1) + `" g="` + c(3) + `" b="` + c(5) + `"/>`
}
