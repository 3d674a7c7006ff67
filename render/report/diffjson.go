package report

import (
	"io"

	"github.com/claimgraph/claimgraph/graph"
)

// DiffJSON is the shape of `diff --format json`.
type DiffJSON struct {
	Title    *ChangeJSON   `json:"title,omitempty"`
	Entities SectionJSON   `json:"entities"`
	Claims   ClaimsJSON    `json:"claims"`
	Sources  SectionJSON   `json:"sources"`
	Summary  graph.Summary `json:"summary"`
}

type SectionJSON struct {
	Added   []string      `json:"added"`
	Removed []string      `json:"removed"`
	Changed []ChangedJSON `json:"changed"`
}

// ClaimsJSON is the claims' section with, for each added and changed
// claim, what a reader needs to weigh it.
type ClaimsJSON struct {
	SectionJSON
	Detail map[string]ClaimReadingJSON `json:"detail"`
}

type ClaimReadingJSON struct {
	Status     graph.Status `json:"status"`
	Contested  bool         `json:"contested"`
	Denied     bool         `json:"denied"`
	Supporters []string     `json:"supporters"`
	Opponents  []string     `json:"opponents"`
	Reading    string       `json:"reading"`
}

type ChangedJSON struct {
	ID      string       `json:"id"`
	Changes []ChangeJSON `json:"changes"`
}

// ChangeJSON is one change as JSON: old and new are strings, lists, bools,
// credibility numbers (0 ungraded), stances or source references by field, as graph.Change documents, and
// null means "absent" (a stance not yet taken or withdrawn, a source not
// cited), never an empty list.
type ChangeJSON struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

// JSON writes the report as JSON.
func (r *Diff) JSON(w io.Writer) error {
	d := r.D
	out := DiffJSON{
		Entities: sectionJSON(d.Entities, func(e *graph.Entity) string { return e.ID }),
		Claims:   ClaimsJSON{sectionJSON(d.Claims, func(c *graph.Claim) string { return c.ID }), map[string]ClaimReadingJSON{}},
		Sources:  sectionJSON(d.Sources, func(s *graph.Source) string { return s.ID }),
		Summary:  r.Summary(),
	}
	detail := func(c *graph.Claim) {
		rd := r.New.Read(c)
		out.Claims.Detail[c.ID] = ClaimReadingJSON{Status: c.Status, Contested: rd.Contested, Denied: rd.Denied,
			Supporters: rd.Supporters(), Opponents: rd.Opponents(), Reading: rd.String()}
	}
	for _, c := range d.Claims.Added {
		detail(c)
	}
	for _, c := range d.Claims.Changed {
		detail(c.New)
	}
	if d.Title != nil {
		c := changeJSON(*d.Title)
		out.Title = &c
	}
	return WriteJSON(w, out)
}

func sectionJSON[T any](s graph.Section[T], id func(T) string) SectionJSON {
	js := SectionJSON{Added: []string{}, Removed: []string{}, Changed: []ChangedJSON{}}
	for _, x := range s.Added {
		js.Added = append(js.Added, id(x))
	}
	for _, x := range s.Removed {
		js.Removed = append(js.Removed, id(x))
	}
	for _, c := range s.Changed {
		jc := ChangedJSON{ID: id(c.New)}
		for _, ch := range c.Changes {
			jc.Changes = append(jc.Changes, changeJSON(ch))
		}
		js.Changed = append(js.Changed, jc)
	}
	return js
}

func changeJSON(ch graph.Change) ChangeJSON {
	f := string(ch.Field)
	switch ch.Field.Kind() {
	case graph.KindList:
		return ChangeJSON{f, nonNil(ch.OldList), nonNil(ch.NewList)}
	case graph.KindContested:
		return ChangeJSON{f, ch.WasContested, ch.NowContested}
	case graph.KindStance:
		return ChangeJSON{f, ch.OldStance, ch.NewStance}
	case graph.KindSource:
		return ChangeJSON{f, ch.OldSource, ch.NewSource}
	case graph.KindNegated:
		return ChangeJSON{f, ch.WasNegated, ch.NowNegated}
	case graph.KindCredibility:
		// The number as the dataset writes it, 0 for ungraded.
		return ChangeJSON{f, ch.OldCredibility, ch.NewCredibility}
	}
	return ChangeJSON{f, ch.Old, ch.New}
}
