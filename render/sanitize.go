package render

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The SVG Graphviz writes is re-serialised token by token through an
// allow-list before anyone sees it. The DOT we write already escapes every
// string, so this is the second wall, and the one that does not depend on
// Graphviz's own escaping being right: only the elements and attributes
// Graphviz uses for drawing survive; links survive only as http(s) URLs or
// local fragments; comments, the DOCTYPE (an external DTD reference) and
// processing instructions are dropped. The same pass writes each node's and
// edge's <title> (the browser tooltip) from the figure's own text, so
// provenance reads exactly as the dataset says it.

var allowedElements = map[string]bool{
	"svg": true, "g": true, "title": true, "desc": true, "a": true,
	"path": true, "polygon": true, "polyline": true, "ellipse": true,
	"circle": true, "rect": true, "line": true, "text": true, "tspan": true,
	"defs": true, "linearGradient": true, "radialGradient": true, "stop": true,
}

var allowedAttrs = map[string]bool{
	"id": true, "class": true, "width": true, "height": true, "viewBox": true,
	"preserveAspectRatio": true, "transform": true, "version": true,
	"x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true,
	"cx": true, "cy": true, "r": true, "rx": true, "ry": true, "fx": true, "fy": true,
	"d": true, "points": true, "offset": true,
	"fill": true, "fill-opacity": true, "stroke": true, "stroke-width": true,
	"stroke-dasharray": true, "stroke-opacity": true, "stroke-linecap": true,
	"stroke-linejoin": true, "opacity": true,
	"font-family": true, "font-size": true, "font-weight": true, "font-style": true,
	"text-anchor": true, "text-decoration": true, "baseline-shift": true,
	"stop-color": true, "stop-opacity": true, "gradientUnits": true, "gradientTransform": true,
	"target": true,
}

// sanitizeSVG copies the SVG in src to w through the allow-list. titles maps
// "node ID" and "edge ID" to the tooltip text of that node's or edge's group.
func sanitizeSVG(w io.Writer, src []byte, titles map[string]string) error {
	d := xml.NewDecoder(bytes.NewReader(src))
	// Not strict: an entity Graphviz let through from the input becomes
	// literal text (and is escaped on the way out) instead of an error.
	d.Strict = false
	d.Entity = xml.HTMLEntity
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\n")

	type frame struct {
		name  string
		title string // tooltip for this group's <title>, if any
		links bool   // and for the xlink:title of links inside it
		skip  bool   // dropped element: drop its content too
	}
	var stack []frame
	open := false // a start tag is written without its ">", to close it as "/>" if it is empty
	closeTag := func() {
		if open {
			bw.WriteString(">")
			open = false
		}
	}
	inTitle := 0 // depth of a <title> whose text we replace, 0 when none
	skipping := func() bool { return len(stack) > 0 && stack[len(stack)-1].skip }
	groupTitle := func() string {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].links {
				return stack[i].title
			}
		}
		return ""
	}

	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("graphviz wrote unreadable SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := qname(t.Name)
			if skipping() || !allowedElements[name] {
				closeTag()
				stack = append(stack, frame{name: name, skip: true})
				continue
			}
			closeTag()
			fr := frame{name: name}
			if name == "g" {
				fr.title, fr.links = lookupTitle(t.Attr, titles)
			}
			if name == "title" && len(stack) > 0 && stack[len(stack)-1].title != "" {
				bw.WriteString("<title>")
				bw.WriteString(escapeText(stack[len(stack)-1].title))
				inTitle = len(stack) + 1
			} else {
				writeStart(bw, t, groupTitle())
				open = true
			}
			stack = append(stack, fr)
		case xml.EndElement:
			if len(stack) == 0 {
				return fmt.Errorf("graphviz wrote unbalanced SVG")
			}
			fr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if inTitle == len(stack)+1 {
				inTitle = 0
			}
			switch {
			case fr.skip:
			case open:
				bw.WriteString("/>")
				open = false
			default:
				bw.WriteString("</" + fr.name + ">")
			}
		case xml.CharData:
			if len(stack) == 0 && len(bytes.TrimSpace(t)) == 0 {
				continue // the space around the dropped DOCTYPE and comments
			}
			if !skipping() && inTitle == 0 {
				closeTag()
				bw.WriteString(escapeText(string(t)))
			}
		}
		// Comments, processing instructions and directives (<!DOCTYPE>,
		// which names an external DTD) are dropped.
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// lookupTitle returns the tooltip of a node, edge or graph group: Graphviz
// gives it class "node ...", "edge ..." or "graph" and the id we set.
func lookupTitle(attrs []xml.Attr, titles map[string]string) (title string, links bool) {
	var id, class string
	for _, a := range attrs {
		switch qname(a.Name) {
		case "id":
			id = a.Value
		case "class":
			class = a.Value
		}
	}
	kind, _, _ := strings.Cut(class, " ")
	if kind != "node" && kind != "edge" && kind != "graph" {
		return "", false
	}
	title = titles[kind+" "+id]
	return title, title != "" && kind != "graph"
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func writeStart(w *bufio.Writer, t xml.StartElement, tooltip string) {
	name := qname(t.Name)
	w.WriteString("<" + name)
	for _, a := range t.Attr {
		an := qname(a.Name)
		v := a.Value
		switch {
		case name == "svg" && (an == "xmlns" || an == "xmlns:xlink"):
			// Namespace declarations are fixed below, whatever Graphviz wrote.
			continue
		case name == "g" && an == "id" && !hasAttr(t.Attr, "class"):
			// Graphviz's anchor wrappers: ids numbered by a counter that
			// lives as long as the process, so a second render in one
			// process would number them differently. Nothing needs them.
			continue
		case an == "xlink:href" || an == "href":
			if v = safeLink(v); v == "" {
				continue
			}
		case an == "xlink:title":
			if tooltip != "" {
				v = tooltip
			}
		case !allowedAttrs[an]:
			continue
		case name == "g" && an == "class" && strings.HasPrefix(v, "node ") && strings.HasSuffix(v, " party"):
			// A party in the "parties taking positions" box is listed
			// there, not drawn as a node of the graph.
			v = strings.TrimPrefix(v, "node ")
		case strings.Contains(strings.ToLower(v), "url(") && !strings.HasPrefix(strings.ReplaceAll(strings.ToLower(v), " ", ""), "url(#"):
			// Paint servers may point at a local gradient, nothing else.
			continue
		}
		fmt.Fprintf(w, ` %s="%s"`, an, escapeAttr(v))
	}
	if name == "svg" {
		w.WriteString(` xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"`)
	}
}

func hasAttr(attrs []xml.Attr, name string) bool {
	for _, a := range attrs {
		if qname(a.Name) == name {
			return true
		}
	}
	return false
}

// safeLink keeps local fragments and http(s) URLs.
func safeLink(v string) string {
	if strings.HasPrefix(v, "#") && !strings.ContainsAny(v, ":()\\") {
		return v
	}
	return safeURL(v)
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;",
	`"`, "&quot;", "\n", "&#10;", "\t", "&#9;", "\r", "&#13;")

func escapeText(s string) string { return textEscaper.Replace(clean(s)) }
func escapeAttr(s string) string { return attrEscaper.Replace(clean(s)) }
