package graph

import (
	"cmp"
	"slices"
)

// EventKind says what a timeline Event is. The first three are reporting
// time (when something was said), the last three event time (when the
// alleged thing happened); a chronology keeps the two apart.
type EventKind string

const (
	EventPublished EventKind = "published"   // a source a claim rests on was published
	EventStance    EventKind = "stance"      // a party took a position
	EventStatus    EventKind = "status"      // a claim's status changed (its history)
	EventStart     EventKind = "event-start" // the alleged thing began (When.Start)
	EventEnd       EventKind = "event-end"   // it ended (When.End)
	EventOn        EventKind = "event"       // it happened on a date (When.On)
)

// EventKinds lists the kinds in the order events of one date are told.
var EventKinds = []EventKind{EventPublished, EventStance, EventStatus, EventStart, EventOn, EventEnd}

// EventTime reports whether k is event time rather than reporting time.
func (k EventKind) EventTime() bool { return k == EventStart || k == EventEnd || k == EventOn }

// Event is one dated thing a timeline tells. The JSON fields are the
// timeline's contract; the others help writers say it in words.
type Event struct {
	Date  string    `json:"date"` // as written in the dataset
	Kind  EventKind `json:"kind"`
	Claim string    `json:"claim"`
	// Reading is the claim read aloud (Reading.String): for reporting
	// time, as it was known on the event's date (ClaimAsOf), so that an
	// allegation reads as an allegation until the denial; for event time,
	// as the dataset knows it now.
	Reading string `json:"reading"`
	Source  string `json:"source"` // the source id, "" when none
	Quote   string `json:"quote"`  // the stance's quote, the source's quote, a history note

	By       string   `json:"-"` // a stance's party
	Position Position `json:"-"` // a stance's position
	Status   Status   `json:"-"` // a status change's new status
	// Contested and ReadStatus are the reading's: what a timeline figure
	// draws.
	Contested  bool   `json:"-"`
	ReadStatus Status `json:"-"`
}

// TimelineOptions select the events of a timeline.
type TimelineOptions struct {
	// Keep, if not nil, selects the claims whose events are told (Focus).
	Keep func(*Claim) bool
	// From and To bound the events' dates, both included, each compared
	// by its first day (as --as-of is); "" leaves that end open.
	From, To string
}

// Timeline returns the dated events of the claims opts keeps, in date
// order (CompareDates), then in EventKinds order, then by claim, source,
// party and quote, so that the order is total. Undated sources and stances
// make no event.
func (g *Graph) Timeline(opts TimelineOptions) []Event {
	var out []Event
	inRange := func(d string) bool {
		return d != "" && (opts.From == "" || DateKey(d) >= DateKey(opts.From)) &&
			(opts.To == "" || DateKey(d) <= DateKey(opts.To))
	}
	for _, c := range g.claims {
		if opts.Keep != nil && !opts.Keep(c) {
			continue
		}
		now := g.Read(c)
		add := func(e Event) {
			if !inRange(e.Date) {
				return
			}
			e.Claim = c.ID
			r := now
			if !e.Kind.EventTime() {
				r = g.Read(g.ClaimAsOf(c, e.Date))
			}
			e.Reading, e.Contested, e.ReadStatus = r.String(), r.Contested, r.Status
			out = append(out, e)
		}
		for _, ref := range c.Sources {
			add(Event{Date: g.published(ref.Source), Kind: EventPublished, Source: ref.Source, Quote: ref.Quote})
		}
		for i := range c.Stances {
			st := &c.Stances[i]
			add(Event{Date: StanceDate(st, g.published), Kind: EventStance, Source: st.Source, Quote: st.Quote, By: st.By, Position: st.Position})
		}
		for _, h := range c.History {
			add(Event{Date: h.Date, Kind: EventStatus, Source: h.Source, Quote: h.Note, Status: h.Status})
		}
		if w := c.When; w != nil {
			add(Event{Date: w.On, Kind: EventOn})
			add(Event{Date: w.Start, Kind: EventStart})
			add(Event{Date: w.End, Kind: EventEnd})
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int {
		return cmp.Or(CompareDates(a.Date, b.Date),
			cmp.Compare(slices.Index(EventKinds, a.Kind), slices.Index(EventKinds, b.Kind)),
			cmp.Compare(a.Claim, b.Claim), cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.By, b.By), cmp.Compare(a.Quote, b.Quote))
	})
	return out
}
