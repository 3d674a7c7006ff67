package render

import "github.com/claimgraph/claimgraph/graph"

// The time axes GEXFTime dates claims on.
const (
	// TimeReporting dates a claim from its first report (graph.ReportedSpan)
	// on, open-ended: once reported, it stays known.
	TimeReporting = "reporting"
	// TimeEvent dates a claim by when the alleged thing happened (its
	// When): a point, or a span with either end open.
	TimeEvent = "event"
)

// TimeAxes are the values GEXFTime accepts.
var TimeAxes = []string{TimeReporting, TimeEvent}

// edgeTimes holds each dated claim's GEXF start and end (YYYY-MM-DD: GEXF's
// "date" time format has no partial dates, so a month or a year is written
// as its first day, as --as-of compares it).
type edgeTimes map[string][2]string

func gexfTimes(g *graph.Graph, axis string) edgeTimes {
	t := edgeTimes{}
	for _, c := range g.Claims() {
		var start, end string
		switch axis {
		case TimeReporting:
			start, _ = g.ReportedSpan(c)
		case TimeEvent:
			if w := c.When; w != nil {
				start, end = w.Start, w.End
				if w.On != "" {
					start, end = w.On, w.On
				}
			}
		}
		if start != "" || end != "" {
			t[c.ID] = [2]string{graph.DateKey(start), graph.DateKey(end)}
		}
	}
	return t
}

func gexfMode(t edgeTimes) string {
	if len(t) == 0 {
		return `mode="static"`
	}
	return `mode="dynamic" timeformat="date"`
}

// attrs returns the edge's start and end attributes, or "".
func (t edgeTimes) attrs(id string) string {
	se, ok := t[id]
	if !ok {
		return ""
	}
	s := ""
	if se[0] != "" {
		s += ` start="` + se[0] + `"`
	}
	if se[1] != "" {
		s += ` end="` + se[1] + `"`
	}
	return s
}
