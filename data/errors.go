package data

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with the input, at a place in a file. Line and
// Col count from 1; Col counts characters (runes), not bytes, as editors do.
// Line is 0 for a problem with a whole file (unreadable, empty, too large).
type Problem struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", displayName(p.File), p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", displayName(p.File), p.Line, p.Col, p.Msg)
}

// Errors is the error Load and LoadBytes return when the input has problems:
// all of them, up to a cap, ordered by file (in load order) and place.
// Callers get the list with errors.As.
type Errors struct {
	Problems []Problem // at most maxKept, sorted
	Total    int       // every problem found, including those not kept
}

// maxShown problems are printed by Error; beyond that a count says how many
// more there were. A thousand lines of errors helps nobody; the first fifty
// show the pattern.
const (
	maxShown = 50
	maxKept  = 1000
)

// Error prints one "file:line:col: message" per line.
func (e *Errors) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i == maxShown {
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	if n := e.Total - min(len(e.Problems), maxShown); n > 0 {
		fmt.Fprintf(&b, "\n... and %d more %s", n, pluralProblems(n))
	}
	return b.String()
}

func pluralProblems(n int) string {
	if n == 1 {
		return "problem"
	}
	return "problems"
}

// pos is a place in an input file. YAML positions arrive as line and column
// from the parser; JSON positions as a byte offset, turned into line and
// column only for the few that end up in a problem, so that the fast path
// never counts lines.
//
// It is 16 bytes: the loader keeps one per id, a million of them for a
// large dataset.
type pos struct {
	file int32 // index into loader.files
	line int32 // 0: n is a byte offset
	n    int64 // the column when line > 0, else the byte offset; -1 for a whole-file problem
}

func offPos(file int32, off int) pos { return pos{file: file, n: int64(off)} }
func lineColPos(file int32, line, col int) pos {
	return pos{file: file, line: int32(line), n: int64(col)}
}
func filePos(file int32) pos { return pos{file: file, n: -1} }

// problem is a Problem before its position is resolved.
type problem struct {
	at        pos
	line, col int // resolved
	seq       int // order of discovery, to keep sorting stable
	msg       string
}

// problems collects what the loader finds. It keeps the first maxKept and
// counts the rest, so that a file with a million bad claims costs no more
// memory than one with a thousand.
type problems struct {
	list  []problem
	total int
}

func (ps *problems) add(at pos, format string, args ...any) {
	ps.total++
	if len(ps.list) >= maxKept {
		return
	}
	ps.list = append(ps.list, problem{at: at, seq: ps.total, msg: fmt.Sprintf(format, args...)})
}

// full reports whether further problems would only be counted. Costly
// diagnostics (suggestions over every id) are skipped then.
func (ps *problems) full() bool { return len(ps.list) >= maxKept }

// resolve turns the collected problems into an *Errors, or nil if there are
// none. files supplies the names and, for offsets, the text.
func (ps *problems) resolve(files []*inputFile) error {
	if ps.total == 0 {
		return nil
	}
	// Resolve offsets file by file in one pass over each text.
	byFile := make(map[int32][]*problem)
	for i := range ps.list {
		p := &ps.list[i]
		switch {
		case p.at.line > 0:
			p.line, p.col = int(p.at.line), int(p.at.n)
		case p.at.n >= 0:
			byFile[p.at.file] = append(byFile[p.at.file], p)
		}
	}
	for fi, list := range byFile {
		slices.SortFunc(list, func(a, b *problem) int { return cmp.Compare(a.at.n, b.at.n) })
		text := files[fi].text
		line, lineStart, scanned := 1, 0, 0
		for _, p := range list {
			off := int(min(p.at.n, int64(len(text))))
			for scanned < off {
				if text[scanned] == '\n' {
					line++
					lineStart = scanned + 1
				}
				scanned++
			}
			p.line, p.col = line, utf8.RuneCountInString(text[lineStart:off])+1
		}
	}
	slices.SortFunc(ps.list, func(a, b problem) int {
		return cmp.Or(cmp.Compare(a.at.file, b.at.file), cmp.Compare(a.line, b.line),
			cmp.Compare(a.col, b.col), cmp.Compare(a.seq, b.seq))
	})
	e := &Errors{Total: ps.total, Problems: make([]Problem, len(ps.list))}
	for i, p := range ps.list {
		e.Problems[i] = Problem{File: files[p.at.file].name, Line: p.line, Col: p.col, Msg: p.msg}
	}
	return e
}

// place formats a position for a message that refers to another place
// ("first defined at a.yaml:3:5"). JSON offsets are resolved here, which
// costs a scan of the text up to the offset: it is only done for problems.
func (l *loader) place(at pos) string {
	f := l.files[at.file]
	line, col := int(at.line), int(at.n)
	if line == 0 {
		line, col = lineCol(f.text, int(at.n))
	}
	return fmt.Sprintf("%s:%d:%d", displayName(f.name), line, col)
}

// lineCol returns the 1-based line and rune column of byte offset off in text.
func lineCol(text string, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	line = 1 + strings.Count(text[:off], "\n")
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return line, utf8.RuneCountInString(text[start:off]) + 1
}

// maxEcho is how many characters of an offending value a message repeats:
// values can be megabytes long, and a message is read on a terminal.
const maxEcho = 80

// echo quotes a value for a message, cut to maxEcho characters with "…".
// Quoting also escapes control and invisible characters, so that a value
// cannot rewrite the terminal the message is read on.
func echo(s string) string {
	n := 0
	for i := range s {
		if n == maxEcho {
			return strconv.Quote(s[:i] + "…")
		}
		n++
	}
	return strconv.Quote(s)
}

// displayName is a file name as messages print it: as it is when every
// character is printable and visible, else quoted with escapes, so that a
// name holding ESC or a newline cannot reach the terminal raw or pass for
// another message.
func displayName(name string) string {
	for _, r := range name {
		if r == utf8.RuneError || !unicode.IsPrint(r) || isHiddenRune(r) {
			return strconv.Quote(name)
		}
	}
	return name
}

// isHiddenRune reports the characters no string field may hold: C0 and C1
// controls other than tab and newline (and DEL), which move the cursor,
// set a terminal's title or clear its screen, and the invisible and
// bidirectional formatting characters, which make text read as something
// it is not.
func isHiddenRune(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r < 0x7f:
		return false
	case r <= 0x9f:
		return true
	}
	return 0x200b <= r && r <= 0x200f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 || r == 0xfeff
}
