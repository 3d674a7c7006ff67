package render

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file turns a graph, or the neighbourhood of some of its elements, into
// Cytoscape.js elements (https://js.cytoscape.org/#notation/elements-json).
// The explorer (render/web) draws them; `export --format cytoscape` writes
// them. Classes carry what the briefing SVG shows, so that a stylesheet can
// give each status its colour, line and word (see CytoscapeStyles):
// entities "entity <type>", claims "claim <status>[ contested][ denied]
// [ negated]".

// Cytoscape is the elements object, with how many elements the limit left out.
type Cytoscape struct {
	Elements  CytoscapeGroups `json:"elements"`
	Truncated int             `json:"truncated"`
}

// CytoscapeGroups holds nodes and edges apart, as Cytoscape.js accepts them.
type CytoscapeGroups struct {
	Nodes []CytoscapeNode `json:"nodes"`
	Edges []CytoscapeEdge `json:"edges"`
}

// CytoscapeNode is an entity.
type CytoscapeNode struct {
	Data    CytoscapeNodeData `json:"data"`
	Classes string            `json:"classes"`
}

// CytoscapeNodeData is what the page reads from a node. Every string is
// dataset text: the page must show it as text, never as HTML.
type CytoscapeNodeData struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Type    string `json:"type"`
	Country string `json:"country"`
	// Distance is the number of claims between this entity and the nearest
	// seed (0 for a seed); 0 for every node of a whole-graph export.
	Distance int `json:"distance"`
}

// CytoscapeEdge is a claim.
type CytoscapeEdge struct {
	Data    CytoscapeEdgeData `json:"data"`
	Classes string            `json:"classes"`
}

// CytoscapeEdgeData is what the page reads from an edge. Label is the
// figure's edge label (mark, status word, relation); Reading is the claim's
// graph.Reading on one line.
type CytoscapeEdgeData struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Relation  string `json:"relation"` // as every output prints it: "not: …" when negated
	Status    string `json:"status"`
	Contested bool   `json:"contested"`
	Denied    bool   `json:"denied"`
	Mark      string `json:"mark"`
	Label     string `json:"label"`
	Reading   string `json:"reading"`

	// The belief grades, only when set (graph/belief.go): the explorer's
	// page and a stylesheet may use them; the label and reading say them.
	Credibility int8   `json:"credibility,omitempty"`
	Basis       string `json:"basis,omitempty"`
	Likelihood  string `json:"likelihood,omitempty"`
}

// CytoscapeOptions choose what CytoscapeElements returns. The zero value
// returns the whole graph.
type CytoscapeOptions struct {
	// Seeds are entity or claim ids to start from (a claim seeds both its
	// ends). Empty means the whole graph: every entity, in id order.
	Seeds []string
	// Depth is how many claims away from the seeds to go, following claims
	// both ways; 0 keeps the seeds and the claims between them.
	Depth int
	// Limit caps nodes plus edges; 0 means no cap. Nearer entities are kept
	// first, so a cut neighbourhood stays centred on its seeds.
	Limit int
	// Keep, when set, drops the claims it rejects (status, type and
	// contested filters); entities then come only through kept claims.
	Keep func(*graph.Claim) bool
}

// CytoscapeElements returns the elements of g that opts choose. Nodes come
// by distance from the seeds, then id; each node brings the kept claims
// between it and the nodes before it, by claim id. When the limit is reached
// the rest are counted in Truncated, never returned. Unknown seeds are
// ignored: callers resolve ids first, to say "did you mean".
func CytoscapeElements(g *graph.Graph, opts CytoscapeOptions) *Cytoscape {
	keep := opts.Keep
	if keep == nil {
		keep = func(*graph.Claim) bool { return true }
	}
	out := &Cytoscape{Elements: CytoscapeGroups{Nodes: []CytoscapeNode{}, Edges: []CytoscapeEdge{}}}

	var order []string
	dist := map[string]int{}
	if len(opts.Seeds) == 0 {
		for _, e := range g.Entities() {
			order = append(order, e.ID)
			dist[e.ID] = 0
		}
	} else {
		order, dist = neighbourhood(g, opts.Seeds, opts.Depth, keep)
	}

	room := func(n int) bool {
		return opts.Limit <= 0 || len(out.Elements.Nodes)+len(out.Elements.Edges)+n <= opts.Limit
	}
	// seen holds the nodes taken in turn, drawn or cut: once one node is
	// cut every later one is, so each claim is counted exactly once.
	seen := make(map[string]bool, len(order))
	for _, id := range order {
		e := g.Entity(id)
		seen[id] = true
		// The claims this node brings: between it and the nodes before it
		// (itself included, for a claim from an entity to itself).
		var cs []*graph.Claim
		for _, c := range g.Out(id) {
			if seen[c.To] && keep(c) {
				cs = append(cs, c)
			}
		}
		for _, c := range g.In(id) {
			if seen[c.From] && c.From != id && keep(c) {
				cs = append(cs, c)
			}
		}
		if !room(1) {
			if len(opts.Seeds) == 0 {
				// The whole graph: everything not drawn is cut, and
				// counting is cheaper than walking the rest.
				return wholeGraphCut(g, out, keep)
			}
			out.Truncated += 1 + len(cs)
			continue
		}
		out.Elements.Nodes = append(out.Elements.Nodes, cytoscapeNode(e, dist[id]))
		slices.SortFunc(cs, func(a, b *graph.Claim) int { return cmp.Compare(a.ID, b.ID) })
		for _, c := range cs {
			if !room(1) {
				out.Truncated++
				continue
			}
			out.Elements.Edges = append(out.Elements.Edges, cytoscapeEdge(g, c))
		}
	}
	return out
}

// wholeGraphCut sets out.Truncated for a whole-graph view cut at the limit.
func wholeGraphCut(g *graph.Graph, out *Cytoscape, keep func(*graph.Claim) bool) *Cytoscape {
	kept := 0
	for _, c := range g.Claims() {
		if keep(c) {
			kept++
		}
	}
	out.Truncated = len(g.Entities()) - len(out.Elements.Nodes) + kept - len(out.Elements.Edges)
	return out
}

// neighbourhood returns the entities within depth kept claims of the seeds,
// by distance then id, and their distances.
func neighbourhood(g *graph.Graph, seeds []string, depth int, keep func(*graph.Claim) bool) ([]string, map[string]int) {
	dist := map[string]int{}
	var frontier []string
	add := func(id string, d int) {
		if _, seen := dist[id]; !seen && g.Entity(id) != nil {
			dist[id] = d
			frontier = append(frontier, id)
		}
	}
	for _, s := range seeds {
		if c := g.Claim(s); c != nil && g.Entity(s) == nil {
			add(c.From, 0)
			add(c.To, 0)
			continue
		}
		add(s, 0)
	}
	slices.Sort(frontier)
	order := slices.Clone(frontier)
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		layer := frontier
		frontier = nil
		for _, id := range layer {
			for _, c := range g.Out(id) {
				if keep(c) {
					add(c.To, d)
				}
			}
			for _, c := range g.In(id) {
				if keep(c) {
					add(c.From, d)
				}
			}
		}
		slices.Sort(frontier)
		order = append(order, frontier...)
	}
	return order, dist
}

// CytoscapeNodeOf returns the node of one entity, for callers that add
// elements of their own (the explorer's removed claims in compare mode).
func CytoscapeNodeOf(e *graph.Entity) CytoscapeNode { return cytoscapeNode(e, 0) }

// CytoscapeEdgeOf returns the edge of claim c, read in g.
func CytoscapeEdgeOf(g *graph.Graph, c *graph.Claim) CytoscapeEdge { return cytoscapeEdge(g, c) }

func cytoscapeNode(e *graph.Entity, dist int) CytoscapeNode {
	label := e.Name
	if label == "" {
		label = e.ID
	}
	return CytoscapeNode{
		Data:    CytoscapeNodeData{ID: e.ID, Label: label, Type: string(e.Type), Country: e.Country, Distance: dist},
		Classes: "entity " + classWord(string(e.Type)),
	}
}

func cytoscapeEdge(g *graph.Graph, c *graph.Claim) CytoscapeEdge {
	r := g.Read(c)
	classes := "claim " + classWord(string(c.Status))
	if r.Contested {
		classes += " contested"
	}
	if r.Denied {
		classes += " denied"
	}
	if c.Negated {
		classes += " negated"
	}
	return CytoscapeEdge{
		Data: CytoscapeEdgeData{
			ID: c.ID, Source: c.From, Target: c.To, Relation: r.Relation(),
			Status: string(c.Status), Contested: r.Contested, Denied: r.Denied,
			Mark: r.Mark(), Label: EdgeLabel(r), Reading: r.String(),
			Credibility: c.Credibility, Basis: string(c.Basis), Likelihood: string(c.Likelihood),
		},
		Classes: classes,
	}
}

// EdgeLabel is a claim's short label on screen: the mark on its own line,
// then the status word and the relation ("alleged: transfers customer data
// to"). Every status is named, so that no claim's standing rests on its
// line's colour or pattern alone; who asserts and who denies is in the
// reading, which the page shows beside the graph.
func EdgeLabel(r graph.Reading) string {
	label := string(r.Status) + ": " + r.Relation()
	if m := r.Mark(); m != "" {
		label = m + "\n" + label
	}
	return label
}

// classWord keeps a class name one word of safe characters: a dataset the
// loader did not validate could carry any type or status.
func classWord(s string) string {
	if s == "" {
		return "unknown"
	}
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			b[i] = '-'
		}
	}
	return string(b)
}

// StatusStyle is how one status (or the contested and denied overrides)
// looks, for stylesheets outside Graphviz: the explorer builds its
// Cytoscape.js stylesheet and its legend from these, so that the page and the
// briefing SVG speak one visual language.
type StatusStyle struct {
	Class   string  `json:"class"`  // the edge class: a status, "contested" or "denied"
	Colour  string  `json:"colour"` // #RRGGBB; "" keeps the status's
	Line    string  `json:"line"`   // solid, dashed or dotted; "" keeps the status's
	Width   float64 `json:"width"`  // in points, as the figure's penwidth; 0 keeps the status's
	Double  bool    `json:"double"` // drawn as two parallel lines
	Arrow   string  `json:"arrow"`  // Graphviz arrowhead: normal, tee, odot, none
	Sample  string  `json:"sample"` // the line drawn with text glyphs, for the legend
	Meaning string  `json:"meaning"`
}

// TypeStyle is how one entity type looks: a shape name (as the figure's
// legend says it) and a fill.
type TypeStyle struct {
	Type   string `json:"type"`
	Shape  string `json:"shape"` // Graphviz shape
	Fill   string `json:"fill"`
	Border string `json:"border"` // solid, dashed or double (two outlines)
	Name   string `json:"name"`   // the shape in words, for the legend
}

// DeniedMeaning is the key's line for a denied claim, the figure's own.
const DeniedMeaning = deniedMeaning

// StatusStyles returns the style of every status in graph.Statuses order,
// then contested and denied, which override a status's line.
func StatusStyles() []StatusStyle {
	var out []StatusStyle
	conv := func(class string, st edgeStyle) StatusStyle {
		w, _ := strconv.ParseFloat(st.penwidth, 64)
		return StatusStyle{Class: class, Colour: st.colour, Line: st.style, Width: w, Double: st.double,
			Arrow: st.arrowhead, Sample: st.sample, Meaning: st.meaning}
	}
	for _, s := range graph.Statuses {
		out = append(out, conv(string(s), styleOf(s)))
	}
	out = append(out, conv("contested", contestedStyle))
	// A denied claim keeps its status's line, as in the figure; its label
	// carries the DENIED mark.
	out = append(out, StatusStyle{Class: "denied", Sample: "DENIED", Meaning: DeniedMeaning})
	return out
}

// TypeStyles returns the style of every entity type in graph.EntityTypes order.
func TypeStyles() []TypeStyle {
	var out []TypeStyle
	for _, t := range graph.EntityTypes {
		st := nodeStyleOf(t)
		border := "solid"
		switch {
		case strings.Contains(st.style, "dashed"):
			border = "dashed"
		case st.peripheries == "2" || st.shape == "doubleoctagon":
			border = "double"
		}
		out = append(out, TypeStyle{Type: string(t), Shape: st.shape, Fill: st.fill, Border: border, Name: st.shapeName})
	}
	return out
}

// WriteCytoscape writes the whole of g as CytoscapeElements returns it (the
// explorer's shape), one element a line. It streams: the elements of a
// million claims are never all in memory, as CytoscapeElements would hold
// them; TestWriteCytoscape holds the two to the same JSON.
func WriteCytoscape(w io.Writer, g *graph.Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // as the explorer's API: <, > and & are text
	first := true
	emit := func(v any) {
		if !first {
			bw.WriteString(",\n")
		}
		first = false
		buf.Reset()
		enc.Encode(v) // strings and numbers only: cannot fail
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	bw.WriteString(`{"elements":{"nodes":[` + "\n")
	for _, e := range g.Entities() {
		emit(cytoscapeNode(e, 0))
	}
	bw.WriteString("\n],\"edges\":[\n")
	first = true
	// CytoscapeElements' order for the whole graph: by the later end in
	// entity order, then claim id.
	var cs []*graph.Claim
	for _, e := range g.Entities() {
		cs = cs[:0]
		for _, c := range g.Out(e.ID) {
			if c.To <= e.ID {
				cs = append(cs, c)
			}
		}
		for _, c := range g.In(e.ID) {
			if c.From < e.ID {
				cs = append(cs, c)
			}
		}
		slices.SortFunc(cs, func(a, b *graph.Claim) int { return cmp.Compare(a.ID, b.ID) })
		for _, c := range cs {
			emit(cytoscapeEdge(g, c))
		}
	}
	bw.WriteString("\n]},\"truncated\":0}\n")
	return bw.Flush()
}
