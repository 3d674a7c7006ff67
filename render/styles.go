package render

import "github.com/claimgraph/claimgraph/graph"

// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2002): eight
// colours that stay distinct for the common forms of colour blindness. No
// style relies on colour alone: each also has a line style and a word.
const (
	okBlack     = "#000000"
	okOrange    = "#E69F00"
	okSkyBlue   = "#56B4E9"
	okGreen     = "#009E73"
	okYellow    = "#F0E442"
	okBlue      = "#0072B2"
	okVermilion = "#D55E00"
	okPurple    = "#CC79A7"
	grey        = "#8C8C8C"
	textColour  = "#222222"
)

// edgeStyle is how one status looks on an edge and in the legend.
type edgeStyle struct {
	colour   string
	style    string // Graphviz style: solid, dashed, dotted
	penwidth string
	prefix   string // word before the relation: "alleged: "
	suffix   string // word after it: " (failed)"
	sample   string // line drawn in the legend with text glyphs
	meaning  string // legend text
}

// statusStyles gives each status its look. established and reported are
// both solid; reported is thinner and lighter, and the legend says so.
var statusStyles = map[graph.Status]edgeStyle{
	graph.Established: {okBlue, "solid", "1.6", "", "", "────", "established: stated as fact"},
	graph.Reported:    {okSkyBlue, "solid", "1.1", "", "", "────", "reported: attributed, not confirmed"},
	graph.Alleged:     {okOrange, "dashed", "1.6", "alleged: ", "", "– – –", "alleged by …: an accusation (by whom), no denial on record"},
	graph.Proposed:    {okGreen, "dotted", "2", "proposed: ", "", "·······", "proposed: a plan or deal under consideration"},
	graph.Failed:      {grey, "solid", "1", "", " (failed)", "────", "(failed): a plan that did not happen"},
	graph.Retracted:   {grey, "dotted", "1", "", " (retracted)", "·······", "(retracted): withdrawn by those who reported it"},
}

// unknownStyle draws a status the model does not know (a dataset the loader
// did not validate): visible, and saying so.
var unknownStyle = edgeStyle{okBlack, "solid", "1", "", " (unknown status)", "────", "unknown status"}

// contestedStyle overrides colour, line and width for a contested claim,
// whatever its status; the status word stays in the label. It must differ
// from an undenied allegation in every channel: vermilion rather than
// orange, heavy rather than thin, and a "‼ CONTESTED" line naming the deniers.
var contestedStyle = edgeStyle{
	colour: okVermilion, style: "dashed", penwidth: "3.2",
	sample:  "▬ ▬ ▬",
	meaning: "‼ CONTESTED: asserted by one party, denied by another (named)",
}

// contestedMark starts a contested edge's label. U+203C is in the Go fonts
// the PNG renderer uses; U+26A0 (⚠) is not.
const contestedMark = "‼ CONTESTED"

func styleOf(s graph.Status) edgeStyle {
	if st, ok := statusStyles[s]; ok {
		return st
	}
	return unknownStyle
}

// nodeStyle is how one entity type looks. The shape carries the type without
// colour; the fill is a light tint so that black text stays readable.
type nodeStyle struct {
	shape       string
	style       string
	fill        string
	peripheries string
	shapeName   string // for the legend
}

var typeStyles = map[graph.EntityType]nodeStyle{
	graph.Company:     {"box", "rounded,filled", "#D4E8F7", "1", "rounded box"},
	graph.Government:  {"hexagon", "filled", "#FBE3C4", "1", "hexagon"},
	graph.Agency:      {"octagon", "filled", "#FBE3C4", "1", "octagon"},
	graph.Military:    {"doubleoctagon", "filled", "#F6D0BC", "1", "double octagon"},
	graph.Legislature: {"tab", "filled", "#FBF3C0", "1", "tab"},
	graph.Person:      {"ellipse", "filled", "#F3DCEA", "1", "ellipse"},
	graph.Media:       {"component", "filled", "#CFEDE4", "1", "component box"},
	graph.Document:    {"note", "filled", "#EEEEEE", "1", "folded page"},
	graph.Product:     {"box3d", "filled", "#D9F0E6", "1", "3-D box"},
	graph.Country:     {"ellipse", "filled", "#FFF6D5", "2", "double ellipse"},
	graph.OtherType:   {"box", "dashed,filled", "#FFFFFF", "1", "dashed box"},

	graph.Group:          {"folder", "filled", "#F3DCEA", "1", "folder"},
	graph.Organization:   {"house", "filled", "#E4E0F5", "1", "house"},
	graph.Infrastructure: {"cylinder", "filled", "#E6E6E6", "1", "cylinder"},
	graph.Vessel:         {"cds", "filled", "#D6EAF5", "1", "pointed box"},
}

var unknownTypeStyle = nodeStyle{"box", "dashed,filled", "#FFFFFF", "1", "dashed box"}

func nodeStyleOf(t graph.EntityType) nodeStyle {
	if st, ok := typeStyles[t]; ok {
		return st
	}
	return unknownTypeStyle
}

// Mark classes, used by `diff --format svg`.
const (
	MarkAdded   = "added"
	MarkRemoved = "removed"
	MarkChanged = "changed"
)

// markLegend describes each mark in the legend's diff section; the order is
// the legend's.
var markLegend = []struct{ class, sample, meaning string }{
	{MarkAdded, "NEW", "added: bold outline, \"NEW\" in the label"},
	{MarkRemoved, "(removed)", "removed: faded grey, \"(removed)\""},
	{MarkChanged, "CHANGED", "changed: heavy outline, \"CHANGED\" and what it was"},
}

const fadedGrey = "#9E9E9E80" // with alpha: SVG writes stroke-opacity
