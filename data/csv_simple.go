package data

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The simple CSV form is for typing claims in a spreadsheet: one row per
// claim, parties and sources by name, only from, relation, to and status
// required. It is read, never written (the template aside): the full form
// is the one that round-trips.

// SimpleCSV names the sheets of the simple form.
type SimpleCSV struct {
	Claims   string // required
	Entities string // optional: without it every name is unknown
	Sources  string // optional
	// CreateEntities, when set, makes a name that matches no entity a new
	// entity of this type rather than an error.
	CreateEntities graph.EntityType
}

// simpleClaim is one row of the simple claims sheet.
type simpleClaim struct {
	ID, From, Relation, To, Detail, Quote, Reported string
	Status                                          graph.Status
	Sources                                         []string
	Parties                                         [len(simpleParties)][]string
	Credibility                                     int8
	Negated                                         bool
	Basis                                           graph.Basis
	Likelihood                                      graph.Likelihood
}

// simpleParties are the party columns and the position each gives.
var simpleParties = [...]struct {
	column   string
	position graph.Position
}{
	{"asserted_by", graph.Asserts},
	{"confirmed_by", graph.Confirms},
	{"denied_by", graph.Denies},
	{"disputed_by", graph.Disputes},
}

var simpleClaimFields = func() []csvField[simpleClaim] {
	fs := []csvField[simpleClaim]{
		text("id", func(c *simpleClaim) *string { return &c.ID }, checkIDCell),
		req(text("from", func(c *simpleClaim) *string { return &c.From })),
		req(text("relation", func(c *simpleClaim) *string { return &c.Relation })),
		req(text("to", func(c *simpleClaim) *string { return &c.To })),
		req(enum("status", func(c *simpleClaim) *graph.Status { return &c.Status }, graph.Statuses)),
		text("detail", func(c *simpleClaim) *string { return &c.Detail }),
		list("source", func(c *simpleClaim) *[]string { return &c.Sources }),
		text("quote", func(c *simpleClaim) *string { return &c.Quote }),
	}
	for i, p := range simpleParties {
		fs = append(fs, list(p.column, func(c *simpleClaim) *[]string { return &c.Parties[i] }))
	}
	return append(fs,
		integer("credibility", func(c *simpleClaim) *int8 { return &c.Credibility }, 1, 6),
		boolean("negated", func(c *simpleClaim) *bool { return &c.Negated }),
		enum("basis", func(c *simpleClaim) *graph.Basis { return &c.Basis }, graph.Bases),
		enum("likelihood", func(c *simpleClaim) *graph.Likelihood { return &c.Likelihood }, graph.Likelihoods),
		text("reported", func(c *simpleClaim) *string { return &c.Reported }, checkDate))
}()

// optionalID returns fields with the id column made optional: hand-typed
// sheets may leave ids out, and they are made from the name.
func optionalID[T any](fields []csvField[T]) []csvField[T] {
	out := slices.Clone(fields)
	out[0].required = false
	return out
}

// nameIndex finds records by id, name or alias, ignoring case.
type nameIndex struct {
	ids   map[string][]string // lowercased name → ids
	names []string            // every name, for suggestions
}

func (x *nameIndex) add(id string, names ...string) {
	for _, n := range append(slices.Clip(names), id) { // names first: suggestions prefer them
		k := strings.ToLower(strings.TrimSpace(n))
		if k != "" && !slices.Contains(x.ids[k], id) {
			x.ids[k] = append(x.ids[k], id)
			x.names = append(x.names, n)
		}
	}
}

// ReadSimpleCSV reads the simple form. Entities and sources without an id
// get one made from their name or title; claims without one get the derived
// id. Problems come as an *Errors at file:row:column.
func ReadSimpleCSV(opts SimpleCSV) (*graph.Dataset, error) {
	var probs csvProblems
	ds := &graph.Dataset{}
	taken := map[string]bool{}
	newID := func(name string) string {
		base := cmpOr(graph.Slug(name), "x")
		id := base
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		return id
	}
	ents := nameIndex{ids: map[string][]string{}}
	srcs := nameIndex{ids: map[string][]string{}}
	defineID := func(id string, at tableRow) bool {
		if taken[id] {
			probs.add(at.file, at.row, max(at.col("id"), 1), "id %q is used twice", id)
			return false
		}
		taken[id] = true
		return true
	}
	if opts.Entities != "" {
		readTableFile(opts.Entities, optionalID(csvEntityFields), true, false, &probs, func(e *graph.Entity, at tableRow) {
			if e.ID == "" {
				e.ID = newID(e.Name)
			}
			if defineID(e.ID, at) {
				ents.add(e.ID, append([]string{e.Name}, e.Aliases...)...)
				ds.Entities = append(ds.Entities, *e)
			}
		})
	}
	if opts.Sources != "" {
		readTableFile(opts.Sources, optionalID(csvSourceFields), true, false, &probs, func(s *graph.Source, at tableRow) {
			if s.ID == "" {
				s.ID = newID(s.Title)
			}
			if defineID(s.ID, at) {
				srcs.add(s.ID, s.Title)
				ds.Sources = append(ds.Sources, *s)
			}
		})
	}
	resolve := func(x *nameIndex, name, what string, at tableRow, column string) (string, bool) {
		ids := x.ids[strings.ToLower(name)]
		switch {
		case len(ids) == 1:
			return ids[0], true
		case len(ids) > 1:
			probs.add(at.file, at.row, at.col(column), "%s %q could be any of the %ss %s: use the id", column, name, what, strings.Join(quoteAll(ids), ", "))
			return "", false
		case what == "entity" && opts.CreateEntities != "":
			id := newID(name)
			taken[id] = true
			x.add(id, name)
			ds.Entities = append(ds.Entities, graph.Entity{ID: id, Name: name, Type: opts.CreateEntities})
			return id, true
		}
		msg := fmt.Sprintf("%s %q names no %s", column, name, what)
		if s := suggest(name, x.names, nil); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		} else if what == "entity" {
			msg += " (add it to the entities sheet, or pass --create-entities TYPE)"
		}
		probs.add(at.file, at.row, at.col(column), "%s", msg)
		return "", false
	}
	for _, s := range ds.Sources {
		for _, id := range s.DerivedFrom {
			if ids := srcs.ids[strings.ToLower(id)]; len(ids) != 1 || ids[0] != id {
				probs.add(opts.Sources, 0, 0, "source %q: derived_from %q is not the id of a source", s.ID, id)
			}
		}
	}
	if cycle := derivedCycle(ds.Sources); cycle != nil {
		probs.add(opts.Sources, 0, 0, "derived_from cycle: %s", strings.Join(cycle, " -> "))
	}
	claimAt := map[string]int{}
	readTableFile(opts.Claims, simpleClaimFields, true, false, &probs, func(r *simpleClaim, at tableRow) {
		c := graph.Claim{ID: r.ID, Relation: r.Relation, Detail: r.Detail, Status: r.Status, Reported: r.Reported,
			Credibility: r.Credibility, Negated: r.Negated, Basis: r.Basis, Likelihood: r.Likelihood}
		if c.Basis == graph.BasisInference && strings.TrimSpace(c.Detail) == "" {
			probs.add(at.file, at.row, at.col("basis"), "basis inference without a detail: an inference is stated by no source, so its detail must say what it rests on")
		}
		ok1, ok2 := true, true
		c.From, ok1 = resolve(&ents, r.From, "entity", at, "from")
		c.To, ok2 = resolve(&ents, r.To, "entity", at, "to")
		for i, s := range r.Sources {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			if id, ok := resolve(&srcs, s, "source", at, "source"); ok {
				ref := graph.SourceRef{Source: id}
				if i == 0 {
					ref.Quote = r.Quote // the quote is the first source's
				}
				c.Sources = append(c.Sources, ref)
			}
		}
		if r.Quote != "" && len(c.Sources) == 0 {
			probs.add(at.file, at.row, at.col("quote"), "a quote without a source: name the source it is from")
		}
		for i, p := range simpleParties {
			for _, name := range r.Parties[i] {
				if name = strings.TrimSpace(name); name == "" {
					continue
				}
				if id, ok := resolve(&ents, name, "entity", at, p.column); ok {
					c.Stances = append(c.Stances, graph.Stance{By: id, Position: p.position})
				}
			}
		}
		if !ok1 || !ok2 {
			return
		}
		id := cmpOr(c.ID, graph.DeriveClaimID(c.From, c.Relation, c.To))
		if row, dup := claimAt[id]; dup {
			probs.add(at.file, at.row, 1, "claim %q is already on row %d (same from, relation and to): give one of them an id", id, row)
			return
		}
		if taken[id] {
			probs.add(at.file, at.row, 1, "claim id %q is already an entity or source id", id)
			return
		}
		claimAt[id] = at.row
		ds.Claims = append(ds.Claims, c)
	})
	if err := probs.err(); err != nil {
		return nil, err
	}
	return ds, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// WriteCSVTemplate writes the simple form's sheets, each with its header
// and one example row, through create.
func WriteCSVTemplate(create WriteFileFunc) error {
	sheets := []struct {
		name   string
		header []string
		row    []string
	}{
		{"claims.csv", fieldNames(simpleClaimFields), []string{"", "Acme Corp", "restructured", "Acme", "reported", "split into three units",
			"annual-report-2024", "We now operate as three companies.", "Acme Corp", "", "", "", "2", "false", "stated", "", "2024-03-01"}},
		{"entities.csv", fieldNames(csvEntityFields), []string{"acme", "Acme Corp", "company", "Acme;ACME Inc.", "US", ""}},
		{"sources.csv", fieldNames(csvSourceFields), []string{"annual-report-2024", "Acme annual report 2024", "Acme Corp", "2024-03-01",
			"https://example.com/acme-2024.pdf", "B", "", "", ""}},
	}
	for _, s := range sheets {
		err := create(s.name, func(w io.Writer) error {
			cw := newCSVWriter(w, true)
			cw.row(s.header...)
			cw.row(s.row...)
			return cw.flush()
		})
		if err != nil {
			return err
		}
	}
	return nil
}
