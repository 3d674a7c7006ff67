package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Options direct a rendering. The zero value draws the whole graph left to
// right with the dot layout and the graph's title.
type Options struct {
	Title   string          // default: the graph's title
	Caption string          // extra text under the title (paths ranking, diff summary); may be multi-line
	Layout  string          // dot (default), neato, fdp, sfdp, circo, twopi
	RankDir string          // LR (default) or TB
	Cluster string          // "" or "country"
	Marks   map[string]Mark // keyed by claim id or entity id: overlay marks used by `diff --format svg`

	// Labels is the label mode: LabelsFull, LabelsShort or LabelsNumbers;
	// "" picks by the number of claims (DefaultLabels).
	Labels string
	// Focus is the id of the entity the figure is focused on, and Depth
	// how far it reaches; the default title says so.
	Focus string
	Depth int
	// StanceHolders is how parties taking positions are tied to the claims
	// they take them on: StanceConnectors (default) or StanceBox.
	StanceHolders string

	// AsOf is the --as-of date the graph was projected to, as the user
	// gave it; the title and the key say it, so that a figure of what was
	// known on a date is never taken for today's.
	AsOf string
	// TimelineKey adds each claim's first-reported date to its label.
	TimelineKey bool
}

// Ways of drawing the parties that take positions on claims.
const (
	// StanceConnectors draws a thin grey dotted line, without label, from
	// each party that asserts, confirms, denies or disputes a claim to the
	// claim's subject (unless the party is one of the claim's ends).
	StanceConnectors = "connectors"
	// StanceBox lists the parties in a "Parties taking positions" box with
	// the numbers of the claims they take positions on.
	StanceBox = "box"
)

// StanceHolderModes are the values Options.StanceHolders accepts.
var StanceHolderModes = []string{"", StanceConnectors, StanceBox}

// Mark overlays a diff state on one element of the picture.
type Mark struct {
	Class string // extra class on the element's SVG group: "added", "removed" or "changed"
	Note  string // extra label text, e.g. "(removed)" or "was: alleged"
}

// Layouts are the Graphviz layout engines Options.Layout accepts, default
// first.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// RankDirs are the values Options.RankDir accepts, default first.
var RankDirs = []string{"LR", "TB"}

// Clusters are the values Options.Cluster accepts.
var Clusters = []string{"", "country"}

// OptionError reports an Options field with a value this package does not
// know; the command turns it into a usage error.
type OptionError struct {
	Field, Value string
	Valid        []string
}

func (e *OptionError) Error() string {
	return fmt.Sprintf("unknown %s %q (want one of: %s)", e.Field, e.Value, strings.Join(slices.DeleteFunc(slices.Clone(e.Valid), func(s string) bool { return s == "" }), ", "))
}

func (o Options) normalised() (Options, error) {
	if o.Layout == "" {
		o.Layout = Layouts[0]
	}
	if o.RankDir == "" {
		o.RankDir = RankDirs[0]
	}
	o.RankDir = strings.ToUpper(o.RankDir)
	switch {
	case !slices.Contains(Layouts, o.Layout):
		return o, &OptionError{"layout", o.Layout, Layouts}
	case !slices.Contains(RankDirs, o.RankDir):
		return o, &OptionError{"rankdir", o.RankDir, RankDirs}
	case !slices.Contains(Clusters, o.Cluster):
		return o, &OptionError{"cluster", o.Cluster, Clusters}
	case o.Labels != "" && !slices.Contains(LabelModes, o.Labels):
		return o, &OptionError{"label mode", o.Labels, LabelModes}
	case !slices.Contains(StanceHolderModes, o.StanceHolders):
		return o, &OptionError{"stance holders", o.StanceHolders, StanceHolderModes}
	}
	if o.StanceHolders == "" {
		o.StanceHolders = StanceConnectors
	}
	for id, m := range o.Marks {
		if !slices.Contains([]string{MarkAdded, MarkRemoved, MarkChanged}, m.Class) {
			return o, &OptionError{fmt.Sprintf("mark class for %q", id), m.Class, []string{MarkAdded, MarkRemoved, MarkChanged}}
		}
	}
	return o, nil
}

// Label widths, in characters. Graphviz does not wrap text; these keep
// nodes compact and edge labels from pushing ranks far apart.
const (
	nodeWrap      = 20
	edgeWrap      = 30
	edgeWrapLarge = 22
)

// figure is everything one picture shows, computed once and written as DOT;
// SVG also uses its tooltips to write the <title> elements.
type figure struct {
	opts     Options
	g        *graph.Graph
	title    string
	labels   string                   // the label mode in effect
	numbers  map[string]int           // claim id → its number
	readings map[string]graph.Reading // claim id → its reading
	cited    []*graph.Source          // every source a claim or a stance cites
	ties     []stanceTie              // stance connectors to draw
	untied   int                      // stance ties left out (too many to draw)
	boxed    []string                 // StanceBox: entity ids drawn in the box
	tooltips map[string]string        // "node "+id or "edge "+id → tooltip text
	used     usedStyles
}

// stanceTie is one party's position on one claim, drawn from the party to
// the claim's subject.
type stanceTie struct {
	party    string
	claim    *graph.Claim
	position graph.Position
}

// maxTies caps the stance connectors of one figure: past it they would
// bury the claims (and a hostile dataset could ask for tens of thousands);
// the tooltips still name every party.
const maxTies = 150

// usedStyles records which legend entries the picture needs.
type usedStyles struct {
	statuses  map[graph.Status]bool
	unknown   bool
	contested bool
	denied    bool
	stances   bool
	belief    beliefUsed // see belief.go
	types     map[graph.EntityType]bool
	marks     map[string]bool
}

func newFigure(g *graph.Graph, opts Options) (*figure, error) {
	opts, err := opts.normalised()
	if err != nil {
		return nil, err
	}
	f := &figure{
		opts:     opts,
		g:        g,
		title:    opts.Title,
		labels:   cmp.Or(opts.Labels, DefaultLabels(len(g.Claims()), opts)),
		numbers:  make(map[string]int, len(g.Claims())),
		readings: make(map[string]graph.Reading, len(g.Claims())),
		tooltips: make(map[string]string),
		used: usedStyles{
			statuses: make(map[graph.Status]bool),
			types:    make(map[graph.EntityType]bool),
			marks:    make(map[string]bool),
		},
	}
	if f.title == "" {
		f.title = g.Title()
		if opts.Focus != "" {
			f.title = strings.TrimSpace(f.title + " — focused on " + g.EntityName(opts.Focus) +
				fmt.Sprintf(" (claims within %d of it, and those it takes a position on)", opts.Depth))
		}
	}
	if opts.AsOf != "" {
		f.title = strings.TrimSpace(f.title + " — as of " + opts.AsOf)
	}
	// Sources are numbered by their place in the whole (id-sorted) source
	// list, which filters keep intact, so that [2] means the same document
	// in every figure of a dataset; only the cited ones are listed, and a
	// source only a stance cites is cited (its mark is in the tooltip).
	cited := make(map[string]bool)
	ends := make(map[string]bool)
	for i, c := range g.Claims() {
		f.numbers[c.ID] = i + 1
		f.readings[c.ID] = g.Read(c)
		ends[c.From], ends[c.To] = true, true
		for _, r := range c.Sources {
			cited[r.Source] = true
		}
		for _, st := range c.Stances {
			if st.Source != "" {
				cited[st.Source] = true
			}
		}
	}
	for _, s := range g.Sources() {
		if cited[s.ID] {
			f.cited = append(f.cited, s)
		}
	}
	// Parties that take positions, tied to the claims they take them on.
	// A party that is one of the claim's ends is tied to it by the arrow.
	seen := make(map[string]bool)
	boxed := make(map[string]bool)
	for _, c := range g.Claims() {
		for _, st := range c.Stances {
			key := st.By + ":" + c.ID
			if !(st.Position.Supports() || st.Position.Opposes()) || st.By == c.From || st.By == c.To ||
				seen[key] || g.Entity(st.By) == nil {
				continue
			}
			seen[key] = true
			f.ties = append(f.ties, stanceTie{st.By, c, st.Position})
			if opts.StanceHolders == StanceBox && !ends[st.By] && !boxed[st.By] {
				boxed[st.By] = true
				f.boxed = append(f.boxed, st.By)
			}
		}
	}
	slices.Sort(f.boxed)
	if len(f.ties) > maxTies {
		f.untied, f.ties = len(f.ties), nil
	}
	return f, nil
}

// DOT writes g as a Graphviz DOT digraph: the input SVG and PNG lay out, and
// a file users can edit and feed to their own Graphviz. It needs no Graphviz.
func DOT(w io.Writer, g *graph.Graph, opts Options) error {
	f, err := newFigure(g, opts)
	if err != nil {
		return err
	}
	return f.writeDOT(w)
}

func (f *figure) writeDOT(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	// Not "strict": every claim is its own edge, parallel claims included.
	p("digraph %s {\n", quoteID("claimgraph"))
	p("\tgraph [%s];\n", attrs(f.graphAttrs()))
	p("\tnode [%s];\n", attrs([][2]string{
		{"fontname", "Helvetica"}, {"fontsize", "11"}, {"fontcolor", quote(textColour)},
		{"margin", quote("0.12,0.06")}, {"penwidth", "1.2"}, {"color", quote("#444444")},
	}))
	p("\tedge [%s];\n", attrs([][2]string{
		{"fontname", "Helvetica"}, {"fontsize", "9"}, {"fontcolor", quote(textColour)},
		{"arrowsize", "0.7"},
	}))

	// Style every element first: the legend lists what they used.
	nodes := make(map[string]string, len(f.g.Entities()))
	boxed := make(map[string]bool, len(f.boxed))
	for _, id := range f.boxed {
		boxed[id] = true
	}
	for _, e := range f.g.Entities() {
		if boxed[e.ID] {
			nodes[e.ID] = fmt.Sprintf("%s [%s];\n", quoteID(e.ID), attrs(f.partyAttrs(e)))
			continue
		}
		nodes[e.ID] = fmt.Sprintf("%s [%s];\n", quoteID(e.ID), attrs(f.nodeAttrs(e)))
	}
	edges := make([]string, 0, len(f.g.Claims())+len(f.ties))
	for _, c := range f.g.Claims() {
		edges = append(edges, fmt.Sprintf("\t%s -> %s [%s];\n", quoteID(c.From), quoteID(c.To), attrs(f.edgeAttrs(c))))
	}
	if f.opts.StanceHolders == StanceConnectors {
		for _, t := range f.ties {
			edges = append(edges, fmt.Sprintf("\t%s -> %s [%s];\n", quoteID(t.party), quoteID(t.claim.From), attrs(f.tieAttrs(t))))
		}
	}
	legend := f.legendLabel()

	// In layouts that draw clusters, the figure is a borderless cluster
	// whose label, below it, is the key and the source list; the graph's
	// own label, above, is the title. Other layouts get the key as a
	// free-standing node.
	framed := legend != "" && (f.opts.Layout == "dot" || f.opts.Layout == "fdp")
	indent := "\t"
	if framed {
		p("\tsubgraph %s {\n", quoteID("cluster_claimgraph_figure"))
		p("\t\tgraph [%s];\n", attrs([][2]string{
			{"id", quote(figureClusterID)}, {"class", quote("figure")},
			{"label", legend}, {"labelloc", "b"}, {"labeljust", "l"}, {"fontsize", "10"},
			{"pencolor", quote("transparent")}, {"margin", quote("12")},
		}))
		indent = "\t\t"
	}

	// Entities, grouped by country when asked. Countries are sorted, and
	// so are the entities within each (g.Entities is).
	byCountry := map[string][]*graph.Entity{}
	var countries []string
	var loose []*graph.Entity
	for _, e := range f.g.Entities() {
		if f.opts.Cluster == "country" && e.Country != "" {
			if _, ok := byCountry[e.Country]; !ok {
				countries = append(countries, e.Country)
			}
			byCountry[e.Country] = append(byCountry[e.Country], e)
			continue
		}
		loose = append(loose, e)
	}
	slices.Sort(countries)
	for _, cc := range countries {
		p("%ssubgraph %s {\n", indent, quoteID("cluster_country_"+cc))
		p("%s\tgraph [%s];\n", indent, attrs([][2]string{
			{"id", quoteID("country-" + cc)}, {"class", quote("country")},
			{"label", quote(cc)}, {"labeljust", "l"}, {"labelloc", "t"}, {"fontsize", "12"}, {"fontcolor", quote("#555555")},
			{"style", quote("rounded,dashed")}, {"pencolor", quote("#9E9E9E")}, {"penwidth", "1"},
		}))
		for _, e := range byCountry[cc] {
			if !boxed[e.ID] {
				p("%s\t%s", indent, nodes[e.ID])
			}
		}
		p("%s}\n", indent)
	}
	for _, e := range loose {
		if !boxed[e.ID] {
			p("%s%s", indent, nodes[e.ID])
		}
	}
	if len(f.boxed) > 0 {
		p("%ssubgraph %s {\n", indent, quoteID("cluster_claimgraph_parties"))
		p("%s\tgraph [%s];\n", indent, attrs([][2]string{
			{"id", quote(partiesID)}, {"class", quote("parties")},
			{"label", quote("Parties taking positions")}, {"labeljust", "l"}, {"labelloc", "t"}, {"fontsize", "11"},
			{"style", quote("rounded")}, {"pencolor", quote("#9E9E9E")}, {"penwidth", "1"},
		}))
		for _, id := range f.boxed {
			p("%s\t%s", indent, nodes[id])
		}
		p("%s}\n", indent)
	}
	if framed {
		p("\t}\n")
	}
	for _, e := range edges {
		p("%s", e)
	}
	if legend != "" && !framed {
		p("\t%s [%s];\n", quoteID(legendNode), attrs([][2]string{
			{"id", quote(legendID)}, {"class", quote("legend")},
			{"shape", "plaintext"}, {"margin", "0"}, {"fontsize", "10"}, {"label", legend},
		}))
	}
	p("}\n")
	return bw.Flush()
}

// The figure's own SVG groups have ids in the "cg:" namespace: entity ids
// cannot contain a colon (the loader's id rules), so an entity named
// "legend" or "figure" keeps its own id as its group's id, and no id is
// written twice.
const (
	figureID        = "cg:claimgraph" // the whole graph
	figureClusterID = "cg:figure"     // the frame whose label is the key
	legendID        = "cg:legend"     // the key as a node (layouts without clusters)
	partiesID       = "cg:parties"    // StanceBox: the parties taking positions
)

// legendNode names the legend's node. It cannot clash with an entity id in
// a way that matters: DOT merges nodes of the same name, so an entity with
// this id would gain the legend's attributes; the loader's id rules keep
// colons out of ids.
const legendNode = "claimgraph:legend"

func (f *figure) graphAttrs() [][2]string {
	a := [][2]string{
		{"id", quote(figureID)},
		{"charset", quote("UTF-8")},
		{"fontname", "Helvetica"},
		{"label", f.titleLabel()},
		{"labelloc", "t"}, {"labeljust", "l"},
		{"pad", quote("0.3")},
		{"bgcolor", quote("white")},
		{"splines", f.splines()},
		{"outputorder", "edgesfirst"},
	}
	switch f.opts.Layout {
	case "dot":
		a = append(a, [][2]string{
			{"rankdir", f.opts.RankDir}, {"newrank", "true"},
			{"nodesep", quote("0.35")}, {"ranksep", quote("0.55")},
			// Bound the network-simplex and crossing-minimisation passes:
			// on dense graphs they dominate the time, and a slightly less
			// tidy picture beats one that never comes.
			{"nslimit", "20"}, {"mclimit", quote("0.6")},
		}...)
	default:
		a = append(a, [][2]string{
			{"overlap", quote("prism")}, {"sep", quote("+12")}, {"pack", "true"},
		}...)
	}
	return a
}

// splines is how arrows are routed. Full labels come out apart with
// curved splines; the small numbers of the numbers mode, measured with the
// label-layout checker on 40–60-claim hubs, collide less with polylines
// as Graphviz places them. Labels are placed again after the layout
// (place.go), and then both routings measure clean on those hubs; which
// reads better is a separate choice, not made here.
func (f *figure) splines() string {
	if f.labels == LabelsNumbers {
		return "polyline"
	}
	return "true"
}

func (f *figure) titleLabel() string {
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">`)
	title := cut(f.title, maxTitle)
	if title == "" {
		title = "Claims"
	}
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18"><B>%s</B></FONT></TD></TR>`, html(strings.Join(wrap(title, 80), "\n")))
	if f.opts.Caption != "" {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="#444444">%s</FONT></TD></TR>`, html(capBytes(f.opts.Caption, maxTooltip)))
	}
	b.WriteString(`</TABLE>>`)
	return b.String()
}

func (f *figure) nodeAttrs(e *graph.Entity) [][2]string {
	st := nodeStyleOf(e.Type)
	f.used.types[e.Type] = true
	mark, marked := f.opts.Marks[e.ID]
	lines := wrap(cut(e.Name, maxNameLabel), nodeWrap)
	if e.Name == "" {
		lines = []string{e.ID}
	}
	classes := []string{"entity", classToken(string(e.Type))}
	a := [][2]string{
		{"id", quoteID(e.ID)},
		{"shape", st.shape},
		{"style", quote(st.style)},
		{"fillcolor", quote(st.fill)},
	}
	if st.peripheries != "1" {
		a = append(a, [2]string{"peripheries", st.peripheries})
	}
	if marked {
		f.used.marks[mark.Class] = true
		classes = append(classes, mark.Class)
		switch mark.Class {
		case MarkAdded:
			lines = append([]string{"NEW"}, lines...)
			a = append(a, [2]string{"penwidth", "3.5"})
		case MarkRemoved:
			lines = append(lines, "(removed)")
			a = append(a, [][2]string{
				{"color", quote(fadedGrey)}, {"fontcolor", quote(fadedGrey)},
				{"fillcolor", quote("#FFFFFF")}, {"style", quote("dashed,filled")},
			}...)
		case MarkChanged:
			lines = append([]string{"CHANGED"}, lines...)
			a = append(a, [][2]string{{"penwidth", "3.5"}, {"color", quote(okPurple)}}...)
		}
		if mark.Note != "" && mark.Note != "(removed)" {
			lines = append(lines, wrap(cut(mark.Note, maxRelationLabel), nodeWrap)...)
		}
	}
	a = append(a,
		[2]string{"class", quote(strings.Join(classes, " "))},
		[2]string{"label", quote(strings.Join(lines, "\n"))},
		[2]string{"tooltip", quote(f.nodeTooltip(e))},
	)
	return a
}

func (f *figure) edgeAttrs(c *graph.Claim) [][2]string {
	st := styleOf(c.Status)
	r := f.readings[c.ID]
	colour, style, width := st.colourOf(st.colour), st.style, st.penwidth
	classes := []string{"claim", classToken(string(c.Status))}
	switch {
	case r.Contested:
		// The key shows the contested style, not the status's own line,
		// which this arrow does not draw.
		f.used.contested = true
		classes = append(classes, "contested")
		colour, style, width = contestedStyle.colour, contestedStyle.style, contestedStyle.penwidth
	case c.Status.Valid():
		f.used.statuses[c.Status] = true
	default:
		f.used.unknown = true
	}
	if r.Denied {
		f.used.denied = true
		classes = append(classes, "denied")
	}
	classes = append(classes, f.beliefClasses(c)...)
	lines := f.claimLabel(c, r)
	if f.opts.StanceHolders == StanceBox && f.labels != LabelsNumbers && len(f.boxed) > 0 {
		lines[0] = fmt.Sprintf("#%d · %s", f.claimNumber(c), lines[0])
	}

	a := [][2]string{{"id", quoteID(c.ID)}}
	fontcolour := textColour
	if r.Contested {
		fontcolour = "#A63A00" // darker vermilion: text needs more contrast than a line
	}
	if mark, ok := f.opts.Marks[c.ID]; ok {
		f.used.marks[mark.Class] = true
		classes = append(classes, mark.Class)
		switch mark.Class {
		case MarkAdded:
			lines = append([]string{"NEW"}, lines...)
			width = "4"
		case MarkRemoved:
			lines = append(lines, "(removed)")
			colour, fontcolour = st.colourOf(fadedGrey), fadedGrey
		case MarkChanged:
			lines = append([]string{"CHANGED"}, lines...)
			width = "4"
		}
		if mark.Note != "" && mark.Note != "(removed)" && f.labels != LabelsNumbers {
			lines = append(lines, wrap(cut(mark.Note, maxRelationLabel), f.edgeWrap())...)
		}
	}
	a = append(a, [][2]string{
		{"class", quote(strings.Join(classes, " "))},
		{"label", quote(strings.Join(lines, "\n"))},
		{"color", quote(colour)},
		{"fontcolor", quote(fontcolour)},
		{"style", style},
		{"penwidth", width},
		{"arrowhead", f.beliefArrowhead(c, st.arrowhead)},
		{"tooltip", quote(f.edgeTooltip(c))},
		{"labeltooltip", quote(f.edgeTooltip(c))},
	}...)
	if f.labels == LabelsNumbers {
		a = append(a, [2]string{"fontsize", "8"})
	}
	if u := f.claimURL(c); u != "" {
		a = append(a, [2]string{"URL", quote(u)}, [2]string{"target", quote("_blank")})
	}
	return a
}

// tieAttrs styles a stance connector: no label, no arrowhead, and no pull
// on the layout (constraint=false), so that the claims keep their places.
func (f *figure) tieAttrs(t stanceTie) [][2]string {
	f.used.stances = true
	tip := fmt.Sprintf("%s %s: %s → %s: %s", f.name(t.party), t.position, f.name(t.claim.From), f.name(t.claim.To), graph.RelationText(t.claim))
	tip = capBytes(clean(tip), maxTooltip)
	f.tooltips["edge stance:"+t.party+":"+t.claim.ID] = tip
	return [][2]string{
		{"id", quoteID("stance:" + t.party + ":" + t.claim.ID)},
		{"class", quote("stance " + classToken(string(t.position)))},
		{"color", quote(stanceStyle.colour)},
		{"style", stanceStyle.style},
		{"penwidth", stanceStyle.penwidth},
		{"arrowhead", stanceStyle.arrowhead},
		{"constraint", "false"},
		{"tooltip", quote(tip)},
	}
}

// partyAttrs draws, in the StanceBox option, a party that is in no claim
// of the figure: plain text in the box, its name and the claims it takes
// positions on by number.
func (f *figure) partyAttrs(e *graph.Entity) [][2]string {
	f.used.types[e.Type] = true
	lines := wrap(cut(cmp.Or(e.Name, e.ID), maxNameLabel), nodeWrap+10)
	byPos := map[graph.Position][]string{}
	var order []graph.Position
	for _, t := range f.ties {
		if t.party == e.ID {
			if _, ok := byPos[t.position]; !ok {
				order = append(order, t.position)
			}
			byPos[t.position] = append(byPos[t.position], "#"+strconv.Itoa(f.claimNumber(t.claim)))
		}
	}
	for _, pos := range order {
		lines = append(lines, wrap(string(pos)+" "+strings.Join(byPos[pos], ", "), nodeWrap+10)...)
	}
	return [][2]string{
		{"id", quoteID(e.ID)},
		{"class", quote("entity " + classToken(string(e.Type)) + " party")},
		{"shape", "plaintext"},
		{"label", quote(strings.Join(lines, "\n"))},
		{"tooltip", quote(f.nodeTooltip(e))},
	}
}

// edgeWrap is the width of edge labels. In a left-to-right layout every
// label sits in a rank of its own, so on a larger graph, where ranks add up
// across a slide, labels are narrower (and taller).
func (f *figure) edgeWrap() int {
	if len(f.g.Entities()) > 25 || f.labels == LabelsShort {
		return edgeWrapLarge
	}
	return edgeWrap
}

func (f *figure) name(id string) string { return f.g.EntityName(id) }

// refMarks returns "[1]" or "[1,3]": the numbers of the sources c cites.
func (f *figure) refMarks(c *graph.Claim) string {
	ns := f.g.SourceNumbers(c)
	if len(ns) == 0 {
		return ""
	}
	ss := make([]string, len(ns))
	for i, n := range ns {
		ss[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(ss, ",") + "]"
}

// claimURL is the first http(s) URL among the sources c cites.
func (f *figure) claimURL(c *graph.Claim) string {
	for _, r := range c.Sources {
		if s := f.g.Source(r.Source); s != nil {
			if u := safeURL(s.URL); u != "" {
				return u
			}
		}
	}
	return ""
}

func (f *figure) nodeTooltip(e *graph.Entity) string {
	var b strings.Builder
	b.WriteString(e.Name)
	desc := string(e.Type)
	if e.Country != "" {
		desc += ", " + e.Country
	}
	fmt.Fprintf(&b, " (%s)\nid: %s", desc, e.ID)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, "\nalso: %s", strings.Join(e.Aliases, "; "))
	}
	if e.Note != "" {
		fmt.Fprintf(&b, "\nnote: %s", e.Note)
	}
	for _, t := range f.ties {
		if t.party == e.ID {
			fmt.Fprintf(&b, "\n%s: %s → %s: %s", t.position, f.name(t.claim.From), f.name(t.claim.To), graph.RelationText(t.claim))
		}
	}
	if m, ok := f.opts.Marks[e.ID]; ok {
		fmt.Fprintf(&b, "\n%s", m.Class)
		if m.Note != "" {
			fmt.Fprintf(&b, ": %s", m.Note)
		}
	}
	t := capBytes(clean(b.String()), maxTooltip)
	f.tooltips["node "+e.ID] = t
	return t
}

// edgeTooltip is a claim's whole reading (every party named), then its
// detail, stances with quotes and sources with their sentences.
func (f *figure) edgeTooltip(c *graph.Claim) string {
	if t, ok := f.tooltips["edge "+c.ID]; ok {
		return t
	}
	r := f.readings[c.ID]
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s: %s\n%s\nstatus: %s", f.name(c.From), f.name(c.To), r.Relation(), r.String(), c.Status)
	b.WriteString(f.beliefTooltip(c))
	if n := f.claimNumber(c); f.labels == LabelsNumbers || f.opts.StanceHolders == StanceBox {
		fmt.Fprintf(&b, "\nclaim #%d", n)
	}
	if c.Detail != "" {
		fmt.Fprintf(&b, "\ndetail: %s", c.Detail)
	}
	if c.Reported != "" {
		fmt.Fprintf(&b, "\nreported: %s", c.Reported)
	}
	if len(c.Stances) > 0 {
		b.WriteString("\nstances:")
		for _, s := range c.Stances {
			fmt.Fprintf(&b, "\n• %s %s", f.name(s.By), s.Position)
			if s.Quote != "" {
				fmt.Fprintf(&b, ": “%s”", s.Quote)
			}
			if n := f.g.SourceNumber(s.Source); n > 0 {
				fmt.Fprintf(&b, " [%d]", n)
			}
		}
	}
	if len(c.Sources) > 0 {
		b.WriteString("\nsources:")
		for _, r := range c.Sources {
			fmt.Fprintf(&b, "\n[%d] ", f.g.SourceNumber(r.Source))
			if r.Quote != "" {
				fmt.Fprintf(&b, "“%s”", r.Quote)
			} else if s := f.g.Source(r.Source); s != nil {
				b.WriteString(s.Title)
			}
		}
	}
	if m, ok := f.opts.Marks[c.ID]; ok {
		fmt.Fprintf(&b, "\n%s", m.Class)
		if m.Note != "" {
			fmt.Fprintf(&b, ": %s", m.Note)
		}
	}
	fmt.Fprintf(&b, "\nid: %s", c.ID)
	t := capBytes(clean(b.String()), maxTooltip)
	f.tooltips["edge "+c.ID] = t
	return t
}

// attrs joins name=value pairs. Values are already quoted or are fixed
// keywords and numbers from this package, never raw input.
func attrs(a [][2]string) string {
	parts := make([]string, len(a))
	for i, kv := range a {
		parts[i] = kv[0] + "=" + kv[1]
	}
	return strings.Join(parts, ", ")
}
