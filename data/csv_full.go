package data

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The full CSV form: one file per record kind, every field a column, so that
// export csv → import csv → export json gives export json's bytes.
const (
	CSVDatasetFile      = "dataset.csv"
	CSVEntitiesFile     = "entities.csv"
	CSVSourcesFile      = "sources.csv"
	CSVClaimsFile       = "claims.csv"
	CSVClaimSourcesFile = "claim_sources.csv"
	CSVStancesFile      = "stances.csv"
	CSVClaimLintFile    = "claim_lint.csv"
	CSVClaimHistoryFile = "claim_history.csv"
)

// CSVFiles lists the files of the full form in the order they are written.
var CSVFiles = []string{CSVDatasetFile, CSVEntitiesFile, CSVSourcesFile, CSVClaimsFile, CSVClaimSourcesFile, CSVStancesFile, CSVClaimLintFile, CSVClaimHistoryFile}

// WriteCSV writes g in the full CSV form, one file per table, through
// create. Rows are in id order (claims' stances and sources in their
// order); cells a spreadsheet would run as formulas are guarded with "'".
func WriteCSV(g *graph.Graph, create WriteFileFunc) error {
	write := func(name string, header []string, rows func(row func(...string))) error {
		return create(name, func(w io.Writer) error {
			cw := newCSVWriter(w, true)
			cw.row(header...)
			rows(func(cells ...string) { cw.row(cells...) })
			return cw.flush()
		})
	}
	var cells []string
	ds := graph.Dataset{Title: g.Title()}
	err := write(CSVDatasetFile, []string{"field", "value"}, func(row func(...string)) {
		for _, f := range csvDatasetFields {
			row(f.name, f.get(&ds))
		}
	})
	if err == nil {
		err = write(CSVEntitiesFile, fieldNames(csvEntityFields), func(row func(...string)) {
			for _, e := range g.Entities() {
				cells = fieldValues(csvEntityFields, e, cells)
				row(cells...)
			}
		})
	}
	if err == nil {
		err = write(CSVSourcesFile, fieldNames(csvSourceFields), func(row func(...string)) {
			for _, s := range g.Sources() {
				cells = fieldValues(csvSourceFields, s, cells)
				row(cells...)
			}
		})
	}
	if err == nil {
		err = write(CSVClaimsFile, fieldNames(csvClaimFields), func(row func(...string)) {
			for _, c := range g.Claims() {
				cc := csvClaim{Claim: *c, contested: strconv.FormatBool(c.Contested())}
				if c.When != nil {
					cc.when = *c.When
				}
				cells = fieldValues(csvClaimFields, &cc, cells)
				row(cells...)
			}
		})
	}
	if err == nil {
		err = write(CSVClaimSourcesFile, fieldNames(csvClaimSourceFields), func(row func(...string)) {
			for _, c := range g.Claims() {
				for _, ref := range c.Sources {
					r := csvSourceRef{SourceRef: ref, claim: c.ID}
					cells = fieldValues(csvClaimSourceFields, &r, cells)
					row(cells...)
				}
			}
		})
	}
	if err == nil {
		err = write(CSVStancesFile, fieldNames(csvStanceFields), func(row func(...string)) {
			for _, c := range g.Claims() {
				for _, st := range c.Stances {
					r := csvStance{Stance: st, claim: c.ID}
					cells = fieldValues(csvStanceFields, &r, cells)
					row(cells...)
				}
			}
		})
	}
	if err == nil {
		err = write(CSVClaimLintFile, fieldNames(csvWaiverFields), func(row func(...string)) {
			for _, c := range g.Claims() {
				for _, w := range c.Lint {
					r := csvWaiver{Waiver: w, claim: c.ID}
					cells = fieldValues(csvWaiverFields, &r, cells)
					row(cells...)
				}
			}
		})
	}
	if err == nil {
		err = write(CSVClaimHistoryFile, fieldNames(csvHistoryFields), func(row func(...string)) {
			for _, c := range g.Claims() {
				for _, h := range c.History {
					r := csvHistory{HistoryEntry: h, claim: c.ID}
					cells = fieldValues(csvHistoryFields, &r, cells)
					row(cells...)
				}
			}
		})
	}
	return err
}

// ReadCSVDir reads the full CSV form from dir, as WriteCSV writes it.
// entities.csv and claims.csv are required, the other files optional.
// Columns are matched by header, in any order; a column the tables do not
// know is an error, since its data would be lost. Problems come as an
// *Errors, each at file:row:column.
func ReadCSVDir(dir string) (*graph.Dataset, error) {
	var probs csvProblems
	path := func(name string) string { return filepath.Join(dir, name) }
	ds := &graph.Dataset{}
	readDatasetFile(path(CSVDatasetFile), ds, &probs)

	// One map per kind, of id to row: at a million claims the lookups
	// are most of the import, and small values keep them in cache.
	rows := map[string]map[string]int32{"entity": {}, "source": {}, "claim": make(map[string]int32, 1024)}
	files := map[string]string{"entity": path(CSVEntitiesFile), "source": path(CSVSourcesFile), "claim": path(CSVClaimsFile)}
	var claimRows []int32 // rows["claim"] holds the claim's index, this its row
	define := func(id, kind string, at tableRow) bool {
		for _, k := range []string{"entity", "source", "claim"} {
			if row, dup := rows[k][id]; dup {
				if k == "claim" {
					row = claimRows[row]
				}
				probs.add(at.file, at.row, at.col("id"), "id %q is already the id of the %s at %s:%d", id, k, files[k], row)
				return false
			}
		}
		if kind == "claim" {
			rows[kind][id] = int32(len(claimRows))
			claimRows = append(claimRows, int32(at.row))
		} else {
			rows[kind][id] = int32(at.row)
		}
		return true
	}
	refer := func(id, kind string, at tableRow, field string) {
		if _, ok := rows[kind][id]; !ok {
			probs.add(at.file, at.row, at.col(field), "%s %q is not the id of any %s", field, id, kind)
		}
	}
	type deferred struct {
		ids   []string
		at    tableRow
		field string
	}
	var sourceRefs []deferred // derived_from may name a later source
	readTableFile(path(CSVEntitiesFile), csvEntityFields, false, false, &probs, func(e *graph.Entity, at tableRow) {
		if define(e.ID, "entity", at) {
			ds.Entities = append(ds.Entities, *e)
		}
	})
	readTableFile(path(CSVSourcesFile), csvSourceFields, false, true, &probs, func(s *graph.Source, at tableRow) {
		if define(s.ID, "source", at) {
			ds.Sources = append(ds.Sources, *s)
			if len(s.DerivedFrom) > 0 {
				sourceRefs = append(sourceRefs, deferred{s.DerivedFrom, at, "derived_from"})
			}
		}
	})
	for _, d := range sourceRefs {
		for _, id := range d.ids {
			refer(id, "source", d.at, d.field)
		}
	}
	if cycle := derivedCycle(ds.Sources); cycle != nil {
		at := rows["source"][cycle[0]]
		probs.add(path(CSVSourcesFile), int(at), 1, "derived_from cycle: %s", strings.Join(cycle, " -> "))
	}
	var contested []string
	contestedCol, statusCol := 0, 0
	readTableFile(path(CSVClaimsFile), csvClaimFields, false, false, &probs, func(c *csvClaim, at tableRow) {
		refer(c.From, "entity", at, "from")
		refer(c.To, "entity", at, "to")
		if c.when != (graph.When{}) {
			if c.when.On != "" && (c.when.Start != "" || c.when.End != "") {
				probs.add(at.file, at.row, at.col("when_on"), "claim when has when_on and a when_start or when_end: give one date (when_on) or a span (when_start, when_end), not both")
			}
			w := c.when
			c.When = &w
		}
		if define(c.ID, "claim", at) {
			ds.Claims = append(ds.Claims, c.Claim)
			contested = append(contested, c.contested)
		}
		contestedCol, statusCol = at.col("contested"), at.col("status")
	})
	last, lastIdx := "", 0 // rows come grouped by claim: one lookup per claim
	claimOf := func(id string, at tableRow) *graph.Claim {
		if id == last {
			return &ds.Claims[lastIdx]
		}
		i, ok := rows["claim"][id]
		if !ok {
			probs.add(at.file, at.row, at.col("claim"), "claim %q is not the id of any claim in %s", id, CSVClaimsFile)
			return nil
		}
		last, lastIdx = id, int(i)
		return &ds.Claims[i]
	}
	readTableFile(path(CSVClaimSourcesFile), csvClaimSourceFields, false, true, &probs, func(r *csvSourceRef, at tableRow) {
		refer(r.Source, "source", at, "source")
		if c := claimOf(r.claim, at); c != nil {
			c.Sources = append(c.Sources, r.SourceRef)
		}
	})
	readTableFile(path(CSVStancesFile), csvStanceFields, false, true, &probs, func(s *csvStance, at tableRow) {
		refer(s.By, "entity", at, "by")
		if s.Source != "" {
			refer(s.Source, "source", at, "source")
		}
		if c := claimOf(s.claim, at); c != nil {
			c.Stances = append(c.Stances, s.Stance)
		}
	})
	readTableFile(path(CSVClaimLintFile), csvWaiverFields, false, true, &probs, func(w *csvWaiver, at tableRow) {
		c := claimOf(w.claim, at)
		if c == nil {
			return
		}
		if _, twice := c.Waived(w.Rule); twice {
			probs.add(at.file, at.row, at.col("rule"), "lint waiver rule %q is waived twice on claim %q", w.Rule, w.claim)
			return
		}
		c.Lint = append(c.Lint, w.Waiver)
	})
	readTableFile(path(CSVClaimHistoryFile), csvHistoryFields, false, true, &probs, func(h *csvHistory, at tableRow) {
		if h.Source != "" {
			refer(h.Source, "source", at, "source")
		}
		if c := claimOf(h.claim, at); c != nil {
			c.History = append(c.History, h.HistoryEntry)
		}
	})
	for i := range ds.Claims {
		c := &ds.Claims[i]
		if n := len(c.History); n > 0 && c.History[n-1].Status != c.Status {
			probs.add(files["claim"], int(claimRows[i]), statusCol, "claim %q has status %q but its history in %s ends at %q (the status is where the history ends)",
				c.ID, c.Status, CSVClaimHistoryFile, c.History[n-1].Status)
		}
		if c.CredibilityNote != "" && c.Credibility == 0 {
			probs.add(files["claim"], int(claimRows[i]), 1, "claim %q has a credibility_note without a credibility: grade the claim (1 to 6) or drop the note", c.ID)
		}
		if c.Basis == graph.BasisInference && strings.TrimSpace(c.Detail) == "" {
			probs.add(files["claim"], int(claimRows[i]), 1, "claim %q has basis inference but no detail: an inference is stated by no source, so its detail must say what it rests on", c.ID)
		}
		if want := contested[i]; want != "" && want != strconv.FormatBool(c.Contested()) {
			probs.add(files["claim"], int(claimRows[i]), contestedCol, "contested is %s but the stances in %s say %t: contested is derived from them",
				want, CSVStancesFile, c.Contested())
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return ds, nil
}

// readDatasetFile reads dataset.csv: rows of field,value.
func readDatasetFile(path string, ds *graph.Dataset, probs *csvProblems) {
	type kv struct{ field, value string }
	fields := []csvField[kv]{
		req(text("field", func(r *kv) *string { return &r.field })),
		text("value", func(r *kv) *string { return &r.value }),
	}
	known := fieldNames(csvDatasetFields)
	readTableFile(path, fields, false, true, probs, func(r *kv, at tableRow) {
		k := indexOf(known, strings.TrimSpace(r.field))
		if k < 0 {
			probs.add(at.file, at.row, at.col("field"), "unknown dataset field %q (the fields are %s)", r.field, strings.Join(known, ", "))
			return
		}
		if msg := csvDatasetFields[k].set(ds, r.value); msg != "" {
			probs.add(at.file, at.row, at.col("value"), "%s", msg)
		}
	})
}

// derivedCycle returns the sources of a derived_from cycle, in order and
// closing on the first, or nil. The loader refuses such a dataset, so an
// import must not write one.
func derivedCycle(sources []graph.Source) []string {
	idx := make(map[string]int, len(sources))
	for i, s := range sources {
		idx[s.ID] = i
	}
	state := make([]uint8, len(sources)) // 0 new, 1 on the path, 2 done
	type frame struct{ src, next int }
	for start := range sources {
		if state[start] != 0 {
			continue
		}
		stack := []frame{{start, 0}}
		state[start] = 1
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			df := sources[top.src].DerivedFrom
			if top.next == len(df) {
				state[top.src] = 2
				stack = stack[:len(stack)-1]
				continue
			}
			to, ok := idx[df[top.next]]
			top.next++
			switch {
			case !ok || state[to] == 2:
			case state[to] == 1:
				var cycle []string
				for k := len(stack) - 1; k >= 0; k-- {
					cycle = append([]string{sources[stack[k].src].ID}, cycle...)
					if stack[k].src == to {
						break
					}
				}
				return append(cycle, sources[to].ID)
			default:
				state[to] = 1
				stack = append(stack, frame{to, 0})
			}
		}
	}
	return nil
}
