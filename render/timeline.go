package render

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// TimelineSVG draws the timeline as a horizontal figure a briefing can use:
// one lane for reporting time (sources published, positions taken, status
// changes), one for event time (when the alleged thing happened: a point,
// or a bar for a span, open ends drawn to the edge). Contested claims are
// marked as in the diagram: heavy dashed vermilion and "‼". The SVG is
// built by hand, not laid out by Graphviz (a time axis is a fixed layout),
// and goes through the same allow-list as every other figure.
func TimelineSVG(w io.Writer, t *Timeline) error {
	if n := len(t.Events); n > MaxTimelineEvents {
		return fmt.Errorf("timeline too large to draw: %d events (limit %d)", n, MaxTimelineEvents)
	}
	reporting, event := t.Sections()
	lo, hi := dayRange(t.Events)
	const (
		width, left, right = timelineWidth, 170.0, 40.0
		laneR, laneE       = 370.0, 510.0
		height             = 800.0
	)
	x := func(date string) float64 {
		return left + float64(day(date)-lo)/float64(max(hi-lo, 1))*(width-left-right)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" class="timeline">`, width, height, width, height)
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%.0f" height="%.0f" fill="#ffffff"/>`, width, height)
	fmt.Fprintf(&b, `<text class="title" x="20" y="32" font-family="Helvetica,Arial,sans-serif" font-size="20" font-weight="bold" fill="%s">%s</text>`,
		textColour, escapeText(cut(t.Heading()+" — timeline", maxTitle)))
	for _, lane := range []struct {
		y    float64
		name string
	}{{laneR, "Reporting time"}, {laneE, "Event time"}} {
		fmt.Fprintf(&b, `<g class="lane"><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`, left, lane.y, width-right, lane.y, grey)
		fmt.Fprintf(&b, `<text x="20" y="%.1f" font-family="Helvetica,Arial,sans-serif" font-size="13" font-weight="bold" fill="%s">%s</text></g>`, lane.y+4, textColour, lane.name)
	}
	// Year ticks on the event lane's axis, from the first year to the last.
	if len(t.Events) > 0 {
		for y := time.Unix(lo*86400, 0).UTC().Year(); y <= time.Unix(hi*86400, 0).UTC().Year(); y++ {
			d := fmt.Sprintf("%04d", y)
			if day(d) < lo {
				continue
			}
			fmt.Fprintf(&b, `<g class="tick"><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="1,3"/><text x="%.1f" y="%.1f" font-family="Helvetica,Arial,sans-serif" font-size="11" fill="%s" text-anchor="middle">%s</text></g>`,
				x(d), laneR-8, x(d), laneE+8, grey, x(d), laneE+40, grey, d)
		}
	}
	// Labels rise at an angle from the lane; events that fall close
	// together start their labels one line further out each, so that
	// none is drawn over another.
	var stack labelStack
	for i, e := range reporting {
		ex := x(e.Date)
		t.drawEvent(&b, i, e, ex, laneR, laneR-14-stack.next(ex)*16, -35)
	}
	spans := map[string][2]string{} // claim → start, end, for the event lane's bars
	for _, e := range event {
		s := spans[e.Claim]
		switch e.Kind {
		case graph.EventStart:
			s[0] = e.Date
		case graph.EventEnd:
			s[1] = e.Date
		}
		spans[e.Claim] = s
	}
	stack = labelStack{}
	for i, e := range event {
		if e.Kind == graph.EventStart || e.Kind == graph.EventEnd && spans[e.Claim][0] == "" {
			// One bar per span, drawn at its start (or its end, when open).
			s := spans[e.Claim]
			x0, x1 := left, width-right
			if s[0] != "" {
				x0 = x(s[0])
			}
			if s[1] != "" {
				x1 = x(s[1])
			}
			stroke, dash := timelineStroke(e)
			fmt.Fprintf(&b, `<g class="span%s"><title>%s</title><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="6" stroke-opacity="0.5"%s/></g>`,
				contestedClass(e), escapeText(e.Claim+" (event time): "+t.Relation(e.Claim)), x0, laneE, x1, laneE, stroke, dash)
		}
		ex := x(e.Date)
		t.drawEvent(&b, len(reporting)+i, e, ex, laneE, laneE+18+stack.next(ex)*16, 35)
	}
	// The key.
	ky := height - 56
	fmt.Fprintf(&b, `<g class="key"><text x="20" y="%.1f" font-family="Helvetica,Arial,sans-serif" font-size="12" fill="%s">Reporting time: when sources were published, positions taken and statuses changed. Event time: when the alleged thing happened (bars are spans).</text>`, ky, textColour)
	fmt.Fprintf(&b, `<line x1="20" y1="%.1f" x2="60" y2="%.1f" stroke="%s" stroke-width="3.2" stroke-dasharray="6,4"/><text x="70" y="%.1f" font-family="Helvetica,Arial,sans-serif" font-size="12" fill="%s">%s</text></g>`,
		ky+22, ky+22, okVermilion, ky+26, textColour, escapeText(contestedStyle.meaning))
	b.WriteString("</svg>\n")
	return sanitizeSVG(w, b.Bytes(), nil)
}

const (
	timelineWidth = 1200.0
	// timelineLabel caps a label's characters: at 11 points and 35
	// degrees, 48 characters rise about 170 pixels, which the room above
	// and below the lanes holds with eight labels stacked.
	timelineLabel = 48
)

// MaxTimelineEvents bounds the events TimelineSVG draws: past it the labels
// are unreadable anyway, and --focus, --from and --to narrow the timeline.
const MaxTimelineEvents = 400

func (t *Timeline) drawEvent(b *bytes.Buffer, i int, e graph.Event, ex, ey, ly float64, angle int) {
	stroke, dash := timelineStroke(e)
	mark := ""
	if e.Contested {
		mark = "‼ "
	}
	label := cut(fmt.Sprintf("%s%s %s · %s", mark, e.Date, t.What(e), e.Claim), timelineLabel)
	tip := e.Date + " " + string(e.Kind) + ": " + t.What(e) + "\n" + e.Claim + ": " + t.Relation(e.Claim) + "\n" + e.Reading
	if e.Quote != "" {
		tip += "\n“" + e.Quote + "”"
	}
	fmt.Fprintf(b, `<g id="event-%d" class="event %s%s"><title>%s</title>`, i, e.Kind, contestedClass(e), escapeText(tip))
	fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="5" fill="#ffffff" stroke="%s" stroke-width="2.5"%s/>`, ex, ey, stroke, dash)
	// Labels lean away from the nearer edge, so that none leaves the figure.
	anchor := "start"
	if ex > timelineWidth/2 {
		anchor, angle = "end", -angle
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" transform="rotate(%d %.1f %.1f)" font-family="Helvetica,Arial,sans-serif" font-size="11" fill="%s" text-anchor="%s">%s</text></g>`,
		ex, ly, angle, ex, ly, textColour, anchor, escapeText(label))
}

// labelStack counts the events drawn close together, to push each label
// one line further from the lane; after 8 lines it starts again.
type labelStack struct {
	lastX float64
	k     int
	used  bool
}

func (s *labelStack) next(x float64) float64 {
	if s.used && x-s.lastX < 14 {
		s.k = (s.k + 1) % 8
	} else {
		s.k, s.lastX = 0, x
	}
	s.used = true
	return float64(s.k)
}

func timelineStroke(e graph.Event) (colour, dash string) {
	if e.Contested {
		return okVermilion, ` stroke-dasharray="4,3"`
	}
	if s, ok := statusStyles[e.ReadStatus]; ok {
		return s.colour, ""
	}
	return textColour, ""
}

func contestedClass(e graph.Event) string {
	if e.Contested {
		return " contested"
	}
	return ""
}

// day is a date's first day, in days since 1970.
func day(date string) int64 {
	d, err := time.Parse("2006-01-02", graph.DateKey(date))
	if err != nil {
		return 0
	}
	return d.Unix() / 86400
}

func dayRange(events []graph.Event) (lo, hi int64) {
	for i, e := range events {
		d := day(e.Date)
		if i == 0 || d < lo {
			lo = d
		}
		if i == 0 || d > hi {
			hi = d
		}
	}
	return lo, hi
}
