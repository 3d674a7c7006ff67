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
	colour    string
	style     string // Graphviz style: solid, dashed, dotted
	penwidth  string
	double    bool   // drawn as two parallel lines (a Graphviz colour list)
	arrowhead string // Graphviz arrow shape
	word      string // the status word on the label
	sample    string // line drawn in the legend with text glyphs
	meaning   string // legend text, starting with the status's own name
}

// statusStyles gives each status its look. Colour is never the only
// channel: the (line pattern, single or double line, arrowhead, width)
// of every status differs from every other's, so a greyscale print still
// tells them apart (TestGreyscaleDistinct), and the label carries the word.
var statusStyles = map[graph.Status]edgeStyle{
	graph.Established: {okBlue, "solid", "2", false, "normal", "established", "────", "established: stated as fact, undisputed (heavy solid line)"},
	graph.Reported:    {okSkyBlue, "solid", "1", true, "normal", "reported", "════", "reported: attributed, not confirmed (double line)"},
	graph.Alleged:     {okOrange, "dashed", "1.6", false, "normal", "alleged", "– – –", "alleged: an accusation (by whom: on the label), no denial on record (dashed)"},
	graph.Proposed:    {okGreen, "dotted", "2", false, "normal", "proposed", "·······", "proposed: a plan or deal under consideration (dotted)"},
	graph.Failed:      {grey, "solid", "1", false, "tee", "failed", "───┤", "failed: a plan that did not happen (thin line, blunt end)"},
	graph.Retracted:   {grey, "dotted", "1", true, "tee", "retracted", ": : : ┤", "retracted: withdrawn by those who reported it (double dotted, blunt end)"},
}

// unknownStyle draws a status the model does not know (a dataset the loader
// did not validate): visible, and saying so.
var unknownStyle = edgeStyle{okBlack, "dashed", "1", true, "odot", "unknown status", "= = =", "unknown status (double dashed)"}

// contestedStyle overrides colour, line and width for a contested claim,
// whatever its status; the status word stays in the label. It must differ
// from an undenied allegation in every channel: vermilion rather than
// orange, heavy rather than thin, and a "‼ CONTESTED" line naming the deniers.
var contestedStyle = edgeStyle{
	colour: okVermilion, style: "dashed", penwidth: "3.2", arrowhead: "normal",
	sample:  "▬ ▬ ▬",
	meaning: "‼ CONTESTED: asserted by one party, denied or disputed by another (heavy dashed; both named)",
}

// stanceStyle draws the tie from a party that takes a position on a claim
// to the claim's subject: thin, grey, dotted, no arrowhead and no label, so
// that it never reads as a claim.
var stanceStyle = edgeStyle{
	colour: "#9E9E9E", style: "dotted", penwidth: "0.8", arrowhead: "none",
	sample:  "·········",
	meaning: "takes a position (asserts, confirms, denies or disputes) on a claim of the entity it points to: see that claim's label",
}

// deniedMeaning is the key's entry for a claim denied by someone and
// asserted by no one: its line keeps its status style, its label the mark.
const deniedMeaning = "DENIED: denied or disputed, and no party on record asserts it"

// colourOf is the Graphviz colour of st: a colour list draws two parallel
// lines with a gap between them.
func (st edgeStyle) colourOf(c string) string {
	if st.double {
		return c + ":transparent:" + c
	}
	return c
}

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
