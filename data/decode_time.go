package data

import (
	"github.com/claimgraph/claimgraph/graph"
)

// This file decodes the claim in time (graph/time.go): a claim's history
// and event time, and checks the derived first_reported and last_reported
// against what the dataset says, as contested is checked against stances.

var (
	historyFields = []string{"status", "date", "source", "note"}
	whenFields    = []string{"on", "start", "end"}
)

// history decodes one entry of a claim's history.
func (d *decoder) history(out *[]graph.HistoryEntry) {
	at := d.r.at()
	var h graph.HistoryEntry
	var status, date, source field
	ok := d.object("history entry", historyFields, func(key string) {
		switch key {
		case "status":
			status = d.field("history status")
		case "date":
			date = d.field("history date")
		case "source":
			source = d.field("history source")
		case "note":
			h.Note = d.str("history note")
		}
	})
	if !ok {
		return
	}
	h.Status, h.Date, h.Source = graph.Status(status.s), date.s, source.s
	if d.required(status, at, "history status") {
		checkEnum(d, status, "history status", graph.Statuses)
	}
	if d.required(date, at, "history date") {
		d.checkDate(date, "history date")
	}
	if source.s != "" {
		d.refer(source.s, source.at, kindSource, "history source")
	}
	*out = append(*out, h)
}

// when decodes a claim's event time: {on} or {start, end}, either end open.
func (d *decoder) when() *graph.When {
	at := d.r.at()
	if d.r.kind() == kindNull {
		d.r.skip()
		return nil
	}
	var on, start, end field
	ok := d.object("claim when", whenFields, func(key string) {
		switch key {
		case "on":
			on = d.field("when on")
		case "start":
			start = d.field("when start")
		case "end":
			end = d.field("when end")
		}
	})
	if !ok {
		return nil
	}
	w := &graph.When{On: on.s, Start: start.s, End: end.s}
	switch {
	case w.On != "" && (w.Start != "" || w.End != ""):
		d.add(on.at, "claim when has on and a start or end: give one date (on) or a span (start, end), not both")
	case *w == graph.When{}:
		d.add(at, "claim when is empty: give on, or start and/or end (or leave when out)")
		return nil
	}
	d.checkDate(on, "when on")
	d.checkDate(start, "when start")
	d.checkDate(end, "when end")
	return w
}

// reportedSpan is a claim's first_reported and last_reported as written.
type reportedSpan struct{ first, last field }

// checkSpan checks the derived first_reported and last_reported of c as
// written against those its dates give. The sources c cites are usually
// known by now (export writes them first); when one is not, the check
// waits for finish.
func (d *decoder) checkSpan(c *graph.Claim, sp reportedSpan) {
	if !sp.first.ok && !sp.last.ok {
		return
	}
	// The tail decoder reads publishedOf as it reads the loader's ids: the
	// main decoder adds no source while the tail runs.
	known := true
	pub := func(id string) string {
		p, ok := d.l.publishedOf[id]
		known = known && ok
		return p
	}
	first, last := graph.ReportedSpan(c, pub)
	switch {
	case !known && d.tail != nil:
		d.tail.abort() // the sequential decoder defers it
	case !known:
		d.l.spanLater = append(d.l.spanLater, spanCheck{*c, sp})
	default:
		d.spanAgrees(first, last, sp)
	}
}

func (d *decoder) spanAgrees(first, last string, sp reportedSpan) {
	if sp.first.ok && sp.first.s != first {
		d.add(sp.first.at, "claim first_reported is %q, but its dates say %q (first_reported is derived: the earliest date of its sources, stances, history and reported)", sp.first.s, first)
	}
	if sp.last.ok && sp.last.s != last {
		d.add(sp.last.at, "claim last_reported is %q, but its dates say %q (last_reported is derived: the latest date of its sources, stances, history and reported)", sp.last.s, last)
	}
}

// spanCheck is a claim whose derived dates are checked in finish, when
// every source is known.
type spanCheck struct {
	c  graph.Claim
	sp reportedSpan
}

func (l *loader) checkSpansLater() {
	for i := range l.spanLater {
		s := &l.spanLater[i]
		first, last := graph.ReportedSpan(&s.c, func(id string) string { return l.publishedOf[id] })
		(&decoder{l: l}).spanAgrees(first, last, s.sp)
	}
}

// notePublished records a source's published date for checkSpan.
func (l *loader) notePublished(id, published string) {
	if l.publishedOf == nil {
		l.publishedOf = make(map[string]string)
	}
	l.publishedOf[id] = published
}

// checkHistory checks that a claim's history is consistent with its
// status: the status is the last entry's. (Order is a lint: check reports
// a history out of order, which a dataset may hold while being written.)
func (d *decoder) checkHistory(c *graph.Claim, status field, at pos) {
	if len(c.History) == 0 || status.s == "" {
		return
	}
	last := c.History[len(c.History)-1].Status
	if last != c.Status {
		where := status.at
		if !status.ok {
			where = at
		}
		d.add(where, "claim status %q is not its history's last status %q (the status is where the history ends)", c.Status, last)
	}
}

// CheckDate returns what is wrong with a date given on the command line
// (say, --as-of), or "": the dataset's rules apply.
func CheckDate(s string) string { return checkDate(s) }
