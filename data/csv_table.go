package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// csvProblems collects the problems of a CSV import, each at
// file:row:column (the column counted in cells, as a spreadsheet shows it),
// so that one run reports all of them, as the loader does.
type csvProblems struct {
	list  []Problem
	total int
}

func (p *csvProblems) add(file string, row, col int, format string, args ...any) {
	p.total++
	if len(p.list) < maxKept {
		p.list = append(p.list, Problem{File: file, Line: row, Col: col, Msg: fmt.Sprintf(format, args...)})
	}
}

// err returns the problems as an *Errors, or nil.
func (p *csvProblems) err() error {
	if p.total == 0 {
		return nil
	}
	return &Errors{Problems: p.list, Total: p.total}
}

// fail records err: a syntax error at its line, anything else for the file.
func (p *csvProblems) fail(name string, err error) {
	var se *csvSyntaxError
	if errors.As(err, &se) {
		p.add(se.name, se.line, 1, "%s", se.msg)
		return
	}
	p.add(name, 0, 0, "%v", err)
}

// tableRow is one row of a table as readTable hands it over: the record,
// its row number, and the column (1-based) of each field by name, for
// problems found later (an unknown reference, say).
type tableRow struct {
	file string
	row  int
	cols map[string]int
}

func (r tableRow) col(field string) int { return r.cols[field] }

// readTable reads the CSV at r with the columns of fields, matched by header
// name in any order, and calls each with every row's record. Problems go to
// probs; each is called only for rows whose cells are all acceptable. With
// trim, cells lose surrounding white space (hand-typed sheets).
func readTable[T any](name string, r io.Reader, fields []csvField[T], trim bool, probs *csvProblems, each func(t *T, at tableRow)) {
	cr := newCSVReader(name, r)
	ok, err := cr.next()
	if err != nil {
		probs.fail(name, err)
		return
	}
	if !ok {
		probs.add(name, 0, 0, "empty file: want a header row with the columns %s", strings.Join(fieldNames(fields), ","))
		return
	}
	known := fieldNames(fields)
	cols := make([]int, len(fields)) // cell index of each field, -1 if absent
	for i := range cols {
		cols[i] = -1
	}
	at := tableRow{file: name, row: 1, cols: map[string]int{}}
	width := len(cr.cells)
	for i, h := range cr.cells {
		h = strings.ToLower(strings.TrimSpace(unguardCell(h)))
		k := indexOf(known, h)
		switch {
		case h == "" && i == len(cr.cells)-1:
			// a trailing separator after the header
		case k < 0:
			msg := fmt.Sprintf("unknown column %q (the columns are %s)", h, strings.Join(known, ","))
			if s := suggest(h, known, nil); s != "" {
				msg = fmt.Sprintf("unknown column %q: did you mean %q?", h, s)
			}
			probs.add(name, 1, i+1, "%s", msg)
		case cols[k] >= 0:
			probs.add(name, 1, i+1, "column %q appears twice (also column %d)", h, cols[k]+1)
		default:
			cols[k] = i
			at.cols[h] = i + 1
		}
	}
	for k, f := range fields {
		if f.required && cols[k] < 0 {
			probs.add(name, 1, 1, "no column %q: it is required", f.name)
		}
	}
	if probs.total > 0 {
		return
	}
	var t T
	for {
		ok, err := cr.next()
		if err != nil {
			probs.fail(name, err)
			return
		}
		if !ok {
			return
		}
		at.row = cr.row
		good := true
		for i := width; i < len(cr.cells); i++ {
			if cr.cells[i] != "" {
				probs.add(name, cr.row, i+1, "a cell beyond the last column of the header")
				good = false
				break
			}
		}
		var zero T
		t = zero
		for k, f := range fields {
			cell := ""
			if c := cols[k]; c >= 0 && c < len(cr.cells) {
				cell = unguardCell(cr.cells[c])
				if trim {
					cell = strings.TrimSpace(cell)
				}
			}
			if f.required && strings.TrimSpace(cell) == "" {
				probs.add(name, cr.row, cols[k]+1, "%s is empty: it is required", f.name)
				good = false
				continue
			}
			if msg := f.set(&t, cell); msg != "" {
				probs.add(name, cr.row, cols[k]+1, "%s", msg)
				good = false
			}
		}
		if good {
			each(&t, at)
		}
		if probs.total >= maxKept {
			return
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// readTableFile is readTable on a file. A missing file is a problem unless
// optional.
func readTableFile[T any](path string, fields []csvField[T], trim, optional bool, probs *csvProblems, each func(t *T, at tableRow)) {
	f, err := os.Open(path)
	if err != nil {
		if optional && errors.Is(err, os.ErrNotExist) {
			return
		}
		probs.add(path, 0, 0, "%s", describe(err))
		return
	}
	defer f.Close()
	readTable(path, f, fields, trim, probs, each)
}
