package data

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// This file holds what every CSV claimgraph reads or writes shares: the
// cell codec (formula guard, list cells), a writer and a reader. The reader
// is our own rather than encoding/csv's for two reasons: encoding/csv turns
// "\r\n" inside a quoted cell into "\n", which would break the promise that
// export csv → import csv loses nothing; and its errors count lines, where a
// person fixing a spreadsheet wants the row and the column.

// WriteFileFunc creates the file name (a base name, no directories) of a
// multi-file export and fills it with write. The command decides where it
// goes and how it is written safely; the data package only says what.
type WriteFileFunc func(name string, write func(io.Writer) error) error

// formulaStarts are the first characters that make a spreadsheet read a cell
// as a formula (OWASP "CSV injection"), and the guard character itself, so
// that a guarded cell can be told from a cell that begins with it.
const formulaStarts = "=+-@'"

// guardCell prefixes a cell that a spreadsheet would run as a formula with
// one "'", which spreadsheets show as text and hide.
func guardCell(s string) string {
	if s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// unguardCell undoes guardCell. A "'" is removed only before one of
// formulaStarts, so a hand-typed "'tis" stays as it is.
func unguardCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte(formulaStarts, s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// joinList writes a list cell: items apart by ";", a literal ";" as `\;`
// and a literal backslash as `\\` (so that an item ending in a backslash
// cannot swallow the separator). The empty list is the empty cell; the
// list of one empty item, which nothing but a lossless round trip needs, is
// a lone `\`.
func joinList(items []string) string {
	if len(items) == 1 && items[0] == "" {
		return `\`
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte(';')
		}
		for j := 0; j < len(it); j++ {
			if it[j] == ';' || it[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(it[j])
		}
	}
	return b.String()
}

// splitList reads a list cell written by joinList or typed by hand: `\;` and
// `\\` are a literal ";" and "\", any other backslash is kept as it is.
func splitList(cell string) []string {
	switch cell {
	case "":
		return nil
	case `\`:
		return []string{""}
	}
	var items []string
	var b strings.Builder
	for i := 0; i < len(cell); i++ {
		c := cell[i]
		switch {
		case c == '\\' && i+1 < len(cell) && (cell[i+1] == ';' || cell[i+1] == '\\'):
			i++
			b.WriteByte(cell[i])
		case c == ';':
			items = append(items, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(items, b.String())
}

// csvWriter writes RFC 4180 rows: a cell is quoted when it holds the
// separator, a quote, CR or LF; rows end in "\n".
type csvWriter struct {
	w     *bufio.Writer
	comma byte
	guard bool // apply guardCell to every cell
	// quoted, when set, says which cells to quote even when they need no
	// quotes (Neo4j's import reads a quoted cell as a string, always).
	quoted func(col int) bool
	buf    []byte
}

func newCSVWriter(w io.Writer, guard bool) *csvWriter {
	return &csvWriter{w: bufio.NewWriterSize(w, 64<<10), comma: ',', guard: guard}
}

func (cw *csvWriter) row(cells ...string) {
	b := cw.buf[:0]
	for i, c := range cells {
		if i > 0 {
			b = append(b, cw.comma)
		}
		if cw.guard {
			c = guardCell(c)
		}
		if !strings.ContainsAny(c, "\"\r\n") && strings.IndexByte(c, cw.comma) < 0 && (cw.quoted == nil || !cw.quoted(i)) {
			b = append(b, c...)
			continue
		}
		b = append(b, '"')
		for j := 0; j < len(c); j++ {
			if c[j] == '"' {
				b = append(b, '"')
			}
			b = append(b, c[j])
		}
		b = append(b, '"')
	}
	b = append(b, '\n')
	cw.buf = b
	cw.w.Write(b) // errors are sticky in bufio; flush reports them
}

func (cw *csvWriter) flush() error { return cw.w.Flush() }

// csvReader reads one CSV, TSV or ";"-separated file row by row. Rows are
// numbered as a spreadsheet numbers them (the header is row 1), whatever
// line breaks quoted cells hold.
type csvReader struct {
	name  string
	r     *bufio.Reader
	comma byte
	row   int      // number of the row last read
	cells []string // the row last read, reused
	buf   []byte
	line  int // physical line, for syntax errors
}

// sniffComma picks the separator: tab for .tsv and .tab files, else
// whichever of ",", ";" and tab is most frequent outside quotes in the first
// line (a comma on a tie). Spreadsheets set to a decimal-comma locale save
// "CSV" with ";".
func sniffComma(name string, head []byte) byte {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tsv", ".tab":
		return '\t'
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var n [3]int
	quoted := false
	for _, c := range head {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			n[0] += b2i(!quoted)
		case ';':
			n[1] += b2i(!quoted)
		case '\t':
			n[2] += b2i(!quoted)
		}
	}
	best := slices.Index(n[:], slices.Max(n[:]))
	return ",;\t"[best]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func newCSVReader(name string, r io.Reader) *csvReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); string(bom) == "\uFEFF" {
		br.Discard(3) // spreadsheets write a byte order mark; it means nothing
	}
	head, _ := br.Peek(4096)
	return &csvReader{name: name, r: br, comma: sniffComma(name, head), line: 1}
}

// csvSyntaxError is a malformed row, at a physical line.
type csvSyntaxError struct {
	name string
	line int
	msg  string
}

func (e *csvSyntaxError) Error() string { return fmt.Sprintf("%s:%d: %s", e.name, e.line, e.msg) }

// next reads the next non-blank row into cr.cells. It returns false at the
// end of the file or on an error (then err is set).
func (cr *csvReader) next() (ok bool, err error) {
	for {
		ok, blank, err := cr.read()
		if err != nil || !ok {
			return false, err
		}
		cr.row++
		if !blank {
			return true, nil
		}
	}
}

// read reads one physical record. blank reports a row of one empty cell
// (an empty line), which spreadsheets leave at the end.
func (cr *csvReader) read() (ok, blank bool, err error) {
	cr.cells = cr.cells[:0]
	b := cr.buf[:0]
	c, err := cr.r.ReadByte()
	if err == io.EOF {
		return false, false, nil
	}
	cr.r.UnreadByte()
	for {
		// One cell.
		b = b[:0]
		c, err = cr.r.ReadByte()
		if err == nil && c == '"' {
			startLine := cr.line
			for {
				c, err = cr.r.ReadByte()
				if err != nil {
					return false, false, &csvSyntaxError{cr.name, startLine, "quoted cell never closed (a missing \")"}
				}
				if c == '"' {
					c, err = cr.r.ReadByte()
					if err == nil && c == '"' {
						b = append(b, '"')
						continue
					}
					break
				}
				if c == '\n' {
					cr.line++
				}
				b = append(b, c)
			}
			if err == nil && c != cr.comma && c != '\n' && c != '\r' {
				return false, false, &csvSyntaxError{cr.name, cr.line, fmt.Sprintf("%q after a closing quote: a quote inside a quoted cell is written \"\"", c)}
			}
		} else {
			for err == nil && c != cr.comma && c != '\n' {
				if c == '"' {
					return false, false, &csvSyntaxError{cr.name, cr.line, `a " inside an unquoted cell: quote the cell and write the quote as ""`}
				}
				b = append(b, c)
				c, err = cr.r.ReadByte()
			}
			if len(b) > 0 && b[len(b)-1] == '\r' && (err != nil || c == '\n') {
				b = b[:len(b)-1]
			}
		}
		if c == '\r' && err == nil { // after a quoted cell
			c, err = cr.r.ReadByte()
			if err == nil && c != '\n' {
				return false, false, &csvSyntaxError{cr.name, cr.line, "a carriage return after a closing quote"}
			}
		}
		if bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b) {
			return false, false, &csvSyntaxError{cr.name, cr.line, "NUL byte or invalid UTF-8: save the file as UTF-8 text"}
		}
		cr.cells = append(cr.cells, string(b))
		if err != nil || c == '\n' {
			if c == '\n' && err == nil {
				cr.line++
			}
			break
		}
	}
	cr.buf = b
	if err != nil && err != io.EOF {
		return false, false, fmt.Errorf("read %s: %w", cr.name, err)
	}
	return true, len(cr.cells) == 1 && cr.cells[0] == "", nil
}
