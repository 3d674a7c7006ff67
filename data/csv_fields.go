package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The CSV tables are described field by field here, once: the writer, both
// readers and the template take their columns from these lists, so a field a
// later version adds to the model is one line in its table. Column names are
// the canonical JSON field names.

// csvField is one column of a table of T: how to read it from a record and
// how to store a cell in it. set returns what is wrong with the cell, or "".
type csvField[T any] struct {
	name     string
	required bool
	get      func(*T) string
	set      func(*T, string) string
}

// text is a free-text or checked string field.
func text[T any](name string, p func(*T) *string, checks ...func(string) string) csvField[T] {
	return csvField[T]{name: name,
		get: func(t *T) string { return *p(t) },
		set: func(t *T, v string) string {
			*p(t) = v
			if v == "" {
				return ""
			}
			for _, check := range checks {
				if msg := check(v); msg != "" {
					return fmt.Sprintf("%s %q %s", name, v, msg)
				}
			}
			return ""
		}}
}

// enum is a field that takes one of valid's values.
func enum[T any, E ~string](name string, p func(*T) *E, valid []E) csvField[T] {
	return csvField[T]{name: name,
		get: func(t *T) string { return string(*p(t)) },
		set: func(t *T, v string) string {
			*p(t) = E(v)
			if v != "" && !slices.Contains(valid, E(v)) {
				return fmt.Sprintf("%s %q is not one of: %s", name, v, joinEnum(valid))
			}
			return ""
		}}
}

// list is a ";"-separated list cell.
func list[T any](name string, p func(*T) *[]string, checks ...func(string) string) csvField[T] {
	return csvField[T]{name: name,
		get: func(t *T) string { return joinList(*p(t)) },
		set: func(t *T, v string) string {
			*p(t) = splitList(v)
			for _, item := range *p(t) {
				for _, check := range checks {
					if msg := check(item); msg != "" {
						return fmt.Sprintf("%s item %q %s", name, item, msg)
					}
				}
			}
			return ""
		}}
}

// boolean is a true/false field; the empty cell is false.
func boolean[T any](name string, p func(*T) *bool) csvField[T] {
	return csvField[T]{name: name,
		get: func(t *T) string {
			if *p(t) {
				return "true"
			}
			return "false"
		},
		set: func(t *T, v string) string {
			switch v {
			case "true":
				*p(t) = true
			case "false", "":
				*p(t) = false
			default:
				return fmt.Sprintf("%s %q is not true or false", name, v)
			}
			return ""
		}}
}

// integer is a whole-number field within lo..hi; the empty cell is 0 and
// 0 is written as the empty cell, so that an ungraded credibility reads as
// blank in a spreadsheet rather than as a grade.
func integer[T any, N ~int8 | ~int16 | ~int32 | ~int](name string, p func(*T) *N, lo, hi N) csvField[T] {
	return csvField[T]{name: name,
		get: func(t *T) string {
			if *p(t) == 0 {
				return ""
			}
			return strconv.Itoa(int(*p(t)))
		},
		set: func(t *T, v string) string {
			if v == "" {
				*p(t) = 0
				return ""
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < int(lo) || n > int(hi) {
				return fmt.Sprintf("%s %q is not a whole number from %d to %d", name, v, lo, hi)
			}
			*p(t) = N(n)
			return ""
		}}
}

// req marks a field required: a blank cell is an error.
func req[T any](f csvField[T]) csvField[T] { f.required = true; return f }

func joinEnum[E ~string](vs []E) string {
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	return strings.Join(ss, ", ")
}

func checkIDCell(s string) string {
	for _, r := range s {
		if !isIDRune(r) {
			return fmt.Sprintf("has the character %q: use letters, digits, '-', '_' and '.'", r)
		}
	}
	return ""
}

func checkCountryCell(s string) string {
	if !isCountryCode(s) {
		return "is not two capital letters (ISO 3166 alpha-2)"
	}
	return ""
}

func checkReliabilityCell(s string) string {
	if len(s) != 1 || s[0] < 'A' || s[0] > 'F' {
		return "is not one Admiralty letter, A to F"
	}
	return ""
}

var csvEntityFields = []csvField[graph.Entity]{
	req(text("id", func(e *graph.Entity) *string { return &e.ID }, checkIDCell)),
	req(text("name", func(e *graph.Entity) *string { return &e.Name })),
	req(enum("type", func(e *graph.Entity) *graph.EntityType { return &e.Type }, graph.EntityTypes)),
	list("aliases", func(e *graph.Entity) *[]string { return &e.Aliases }),
	text("country", func(e *graph.Entity) *string { return &e.Country }, checkCountryCell),
	text("note", func(e *graph.Entity) *string { return &e.Note }),
}

var csvSourceFields = []csvField[graph.Source]{
	req(text("id", func(s *graph.Source) *string { return &s.ID }, checkIDCell)),
	req(text("title", func(s *graph.Source) *string { return &s.Title })),
	text("publisher", func(s *graph.Source) *string { return &s.Publisher }),
	text("published", func(s *graph.Source) *string { return &s.Published }, checkDate),
	text("url", func(s *graph.Source) *string { return &s.URL }, checkURL),
	text("reliability", func(s *graph.Source) *string { return &s.Reliability }, checkReliabilityCell),
	list("derived_from", func(s *graph.Source) *[]string { return &s.DerivedFrom }, checkIDCell),
	text("retrieved", func(s *graph.Source) *string { return &s.Retrieved }, checkDate),
	text("text", func(s *graph.Source) *string { return &s.Text }), // a text_file is written inline, as export json does
}

// csvClaimFields are the claim's own fields: its stances and sources have
// tables of their own. contested is written for readers and checked against
// the stances when read back, as the loader checks it.
var csvClaimFields = []csvField[csvClaim]{
	req(text("id", func(c *csvClaim) *string { return &c.ID }, checkIDCell)),
	req(text("from", func(c *csvClaim) *string { return &c.From })),
	req(text("to", func(c *csvClaim) *string { return &c.To })),
	req(text("relation", func(c *csvClaim) *string { return &c.Relation })),
	text("detail", func(c *csvClaim) *string { return &c.Detail }),
	req(enum("status", func(c *csvClaim) *graph.Status { return &c.Status }, graph.Statuses)),
	text("contested", func(c *csvClaim) *string { return &c.contested }, checkBoolCell),
	text("reported", func(c *csvClaim) *string { return &c.Reported }, checkDate),
	integer("credibility", func(c *csvClaim) *int8 { return &c.Credibility }, 1, 6),
	text("credibility_note", func(c *csvClaim) *string { return &c.CredibilityNote }),
	boolean("negated", func(c *csvClaim) *bool { return &c.Negated }),
	enum("basis", func(c *csvClaim) *graph.Basis { return &c.Basis }, graph.Bases),
	enum("likelihood", func(c *csvClaim) *graph.Likelihood { return &c.Likelihood }, graph.Likelihoods),
	// The event time, flattened: on, or a span with either end open.
	text("when_on", func(c *csvClaim) *string { return &c.when.On }, checkDate),
	text("when_start", func(c *csvClaim) *string { return &c.when.Start }, checkDate),
	text("when_end", func(c *csvClaim) *string { return &c.when.End }, checkDate),
}

// csvStanceFields and csvClaimSourceFields start with the claim they belong to;
// rows keep the order of the claim's list.
var csvStanceFields = []csvField[csvStance]{
	req(text("claim", func(s *csvStance) *string { return &s.claim })),
	req(text("by", func(s *csvStance) *string { return &s.By })),
	req(enum("position", func(s *csvStance) *graph.Position { return &s.Position }, graph.Positions)),
	text("quote", func(s *csvStance) *string { return &s.Quote }),
	text("source", func(s *csvStance) *string { return &s.Source }),
	text("note", func(s *csvStance) *string { return &s.Note }),
	text("date", func(s *csvStance) *string { return &s.Date }, checkDate),
}

// csvHistoryFields are the rows of claim_history.csv: a claim's changes of
// status, in the claim's (date) order.
var csvHistoryFields = []csvField[csvHistory]{
	req(text("claim", func(h *csvHistory) *string { return &h.claim })),
	req(enum("status", func(h *csvHistory) *graph.Status { return &h.Status }, graph.Statuses)),
	req(text("date", func(h *csvHistory) *string { return &h.Date }, checkDate)),
	text("source", func(h *csvHistory) *string { return &h.Source }),
	text("note", func(h *csvHistory) *string { return &h.Note }),
}

var csvClaimSourceFields = []csvField[csvSourceRef]{
	req(text("claim", func(s *csvSourceRef) *string { return &s.claim })),
	req(text("source", func(s *csvSourceRef) *string { return &s.Source })),
	text("quote", func(s *csvSourceRef) *string { return &s.Quote }),
}

// csvWaiverFields are the rows of claim_lint.csv: a claim's lint waivers,
// in the claim's order.
var csvWaiverFields = []csvField[csvWaiver]{
	req(text("claim", func(w *csvWaiver) *string { return &w.claim })),
	req(text("rule", func(w *csvWaiver) *string { return &w.Rule }, checkRuleCell)),
	req(text("reason", func(w *csvWaiver) *string { return &w.Reason })),
}

// csvDatasetFields are the rows of dataset.csv (columns field,value).
var csvDatasetFields = []csvField[graph.Dataset]{
	text("title", func(d *graph.Dataset) *string { return &d.Title }),
}

// csvClaim, csvStance and csvSourceRef are the model's records with what a
// row needs beside them. when is the claim's When as cells: the reader
// makes it the pointer the model holds, nil when all three are blank.
type csvClaim struct {
	graph.Claim
	contested string
	when      graph.When
}

type csvStance struct {
	graph.Stance
	claim string
}

type csvSourceRef struct {
	graph.SourceRef
	claim string
}

type csvHistory struct {
	graph.HistoryEntry
	claim string
}

type csvWaiver struct {
	graph.Waiver
	claim string
}

func checkRuleCell(s string) string {
	var names []string
	for _, r := range graph.Rules {
		if r.Name == s {
			return ""
		}
		names = append(names, r.Name)
	}
	return "is not a lint rule (the rules are " + strings.Join(names, ", ") + ")"
}

func checkBoolCell(s string) string {
	if s != "true" && s != "false" {
		return "is not true or false"
	}
	return ""
}

func fieldNames[T any](fields []csvField[T]) []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return names
}

func fieldValues[T any](fields []csvField[T], t *T, into []string) []string {
	into = into[:0]
	for _, f := range fields {
		into = append(into, f.get(t))
	}
	return into
}
