package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
)

// SVG draws the union of both versions with the normal styling, marking
// what was added, removed or changed; render adds the legend for the marks
// it uses and labels each claim from its reading. This writer only passes
// data.
func (r *Diff) SVG(w io.Writer) error {
	u, err := graph.New(r.D.Union(r.Old, r.New))
	if err != nil {
		return fmt.Errorf("diff overlay: %w", err)
	}
	return render.SVG(w, u, render.Options{
		Title:   r.New.Title(),
		Caption: "What changed: " + SummaryLine(r.Summary()),
		Marks:   r.marks(),
	})
}

// marks says, for each entity and claim the diff touches, how the overlay
// shows it. Claims come last, so that in the unlikely case of an entity and
// a claim sharing an id the claim keeps its mark: claims carry the news.
func (r *Diff) marks() map[string]render.Mark {
	m := map[string]render.Mark{}
	for _, e := range r.D.Entities.Added {
		m[e.ID] = render.Mark{Class: render.MarkAdded}
	}
	for _, e := range r.D.Entities.Removed {
		m[e.ID] = render.Mark{Class: render.MarkRemoved, Note: "(removed)"}
	}
	for _, c := range r.D.Entities.Changed {
		var notes []string
		for _, ch := range c.Changes {
			if ch.Field == graph.FieldName {
				notes = append(notes, "was: "+textValue(ch.Old))
			} else {
				notes = append(notes, string(ch.Field)+" changed")
			}
		}
		m[c.New.ID] = render.Mark{Class: render.MarkChanged, Note: strings.Join(notes, "; ")}
	}
	for _, c := range r.D.Claims.Added {
		m[c.ID] = render.Mark{Class: render.MarkAdded}
	}
	for _, c := range r.D.Claims.Removed {
		m[c.ID] = render.Mark{Class: render.MarkRemoved, Note: "(removed)"}
	}
	for _, c := range r.D.Claims.Changed {
		m[c.New.ID] = render.Mark{Class: render.MarkChanged, Note: r.claimNote(c.Changes)}
	}
	return m
}
