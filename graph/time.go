package graph

import "cmp"

// This file holds claimgraph's two time axes. Reporting time is when
// something was said: a source's published date, a stance's date, a
// claim's history of statuses. Event time is when the alleged thing
// happened: a claim's When. The two are kept apart on purpose: a
// briefing that mixes "reported on 3 March" with "happened in 2019" tells
// the reader the wrong story.
//
// Dates are written YYYY-MM-DD, YYYY-MM or YYYY (the loader checks them).
// A partial date is shown as written and compared by its first day, so
// that "2023-03" is on or before 2023-03-01 and before 2023-03-02.

// HistoryEntry is one change of a claim's status: to Status, on Date, as
// Source reported it. A claim's history is in date order, and its Status
// equals the last entry's.
type HistoryEntry struct {
	Status Status `json:"status"`
	Date   string `json:"date"`
	Source string `json:"source"` // optional
	Note   string `json:"note"`
}

// When is the event time of a claim: On for a single date, or a span from
// Start to End with either end open (""). On and a span never go together.
type When struct {
	On    string `json:"on,omitempty"`
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// DateKey returns the first day of date as YYYY-MM-DD, for comparisons:
// "2023" gives "2023-01-01", "2023-03" gives "2023-03-01". It returns ""
// for "" and date itself for anything not of the three shapes.
func DateKey(date string) string {
	switch len(date) {
	case 4:
		return date + "-01-01"
	case 7:
		return date + "-01"
	}
	return date
}

// CompareDates orders two dates by their first days; dates with the same
// first day ("2023", "2023-01", "2023-01-01") order by how they are written,
// so that the order is total and every output deterministic. An empty date
// (undated) sorts first.
func CompareDates(a, b string) int {
	return cmp.Or(cmp.Compare(DateKey(a), DateKey(b)), cmp.Compare(a, b))
}

// OnOrBefore reports whether date's first day is on or before limit's.
func OnOrBefore(date, limit string) bool { return DateKey(date) <= DateKey(limit) }

// StanceDate returns when a stance was taken: its own Date, else its
// source's published date (published looks a source up by id and returns
// "" for an unknown one), else "".
func StanceDate(st *Stance, published func(id string) string) string {
	if st.Date != "" || st.Source == "" {
		return st.Date
	}
	return published(st.Source)
}

// ReportedSpan returns the earliest and the latest reporting date of c:
// over its sources' published dates, its stances' dates (a stance without
// one takes its source's), its history and its own reported date. Both
// are "" when none of them is dated. published looks a source up by id.
//
// Claim.Reported counts too: it is the date a claim was reported when the
// dataset gives no better one, and leaving it out would make a claim with
// only that date look undated.
func ReportedSpan(c *Claim, published func(id string) string) (first, last string) {
	see := func(d string) {
		if d == "" {
			return
		}
		if first == "" || CompareDates(d, first) < 0 {
			first = d
		}
		if last == "" || CompareDates(d, last) > 0 {
			last = d
		}
	}
	for _, r := range c.Sources {
		see(published(r.Source))
	}
	for i := range c.Stances {
		see(StanceDate(&c.Stances[i], published))
	}
	for _, h := range c.History {
		see(h.Date)
	}
	see(c.Reported)
	return first, last
}

// ReportedSpan is the package function with g's sources.
func (g *Graph) ReportedSpan(c *Claim) (first, last string) {
	return ReportedSpan(c, g.published)
}

func (g *Graph) published(id string) string {
	if s := g.sourceIdx[id]; s != nil {
		return s.Published
	}
	return ""
}
