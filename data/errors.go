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
	// ref is another place the message names ("first at a.json:3:5"),
	// written where placeMark stands in msg once resolved.
	ref    pos
	hasRef bool
}

// placeMark stands in a message for the place of its problem's ref. Values
// in messages are quoted (see echo), so the message holds no other NUL.
const placeMark = "\x00"

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

// addRef adds a problem whose message names another place, ref, where
// placeMark stands in format. The place is resolved with the others, in
// one pass over the text: resolving each at once rescanned the text from
// its start (a JSON file of 2.2 MB with a duplicate id on every line took
// 67 s).
func (ps *problems) addRef(at, ref pos, format string, args ...any) {
	ps.add(at, format, args...)
	if n := len(ps.list); n > 0 && ps.list[n-1].seq == ps.total {
		ps.list[n-1].ref, ps.list[n-1].hasRef = ref, true
	}
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
	// Every offset to resolve, file by file, resolved in one pass over
	// each text.
	byFile := make(map[int32][]lineColTarget)
	refLine := make([]int, len(ps.list))
	refCol := make([]int, len(ps.list))
	want := func(at pos, line, col *int) {
		switch {
		case at.line > 0:
			*line, *col = int(at.line), int(at.n)
		case at.n >= 0:
			byFile[at.file] = append(byFile[at.file], lineColTarget{at.n, line, col})
		}
	}
	for i := range ps.list {
		p := &ps.list[i]
		want(p.at, &p.line, &p.col)
		if p.hasRef {
			want(p.ref, &refLine[i], &refCol[i])
		}
	}
	for fi, list := range byFile {
		resolveLineCols(files[fi].text, list)
	}
	for i := range ps.list {
		if p := &ps.list[i]; p.hasRef {
			f := files[p.ref.file]
			place := fmt.Sprintf("%s:%d:%d", displayName(f.name), refLine[i], refCol[i])
			if refLine[i] == 0 {
				place = displayName(f.name)
			}
			p.msg = strings.Replace(p.msg, placeMark, place, 1)
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

// maxEcho is how many characters of an offending value a message repeats:
// values can be megabytes long, and a message is read on a terminal.
const maxEcho = 80

// echo quotes a value for a message, cut to maxEcho characters with "…".
// Quoting also escapes control and invisible characters, so that a value
// cannot rewrite the terminal the message is read on.
func echo(s string) string { return strconv.Quote(shorten(s)) }

// shorten cuts s to maxEcho characters, with "…" when it cut.
func shorten(s string) string {
	n := 0
	for i := range s {
		if n == maxEcho {
			return s[:i] + "…"
		}
		n++
	}
	return s
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

// maybeHidden marks the bytes that can start a character isHiddenRune
// refuses: C0 controls other than tab and newline, DEL, and the lead bytes
// of the encodings of U+0080–U+009F (0xC2), U+200B–U+206F (0xE2) and
// U+FEFF (0xEF). Every other byte is plain, so that indexHidden and the
// JSON scanner test one table entry per byte and decode nothing: decoding
// every rune of a million claims' strings took a second of CPU.
var maybeHidden = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	t[0x7f], t[0xc2], t[0xe2], t[0xef] = true, true, true, true
	return t
}()

// hiddenAt reports whether a character isHiddenRune refuses starts at
// s[i], a byte maybeHidden marks, in valid UTF-8.
func hiddenAt(s string, i int) bool {
	switch c := s[i]; c {
	case 0xc2: // U+0080–U+00BF: C1 controls up to U+009F
		return i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x9f
	case 0xe2: // U+2000–U+207F as E2 80..81 xx
		if i+2 >= len(s) {
			return false
		}
		switch s[i+1] {
		case 0x80: // U+200B–U+200F (80 8B–8F), U+202A–U+202E (80 AA–AE)
			return 0x8b <= s[i+2] && s[i+2] <= 0x8f || 0xaa <= s[i+2] && s[i+2] <= 0xae
		case 0x81: // U+2066–U+2069 (81 A6–A9)
			return 0xa6 <= s[i+2] && s[i+2] <= 0xa9
		}
		return false
	case 0xef: // U+FEFF is EF BB BF
		return i+2 < len(s) && s[i+1] == 0xbb && s[i+2] == 0xbf
	}
	return maybeHidden[s[i]]
}

// indexHidden returns the byte index of the first character of s that
// isHiddenRune refuses, or -1. It is strings.IndexFunc(s, isHiddenRune) for
// valid UTF-8 (FuzzIndexHidden checks it), by byte table.
func indexHidden(s string) int {
	for i := 0; i < len(s); i++ {
		if maybeHidden[s[i]] && hiddenAt(s, i) {
			return i
		}
	}
	return -1
}

// lineColTarget asks for the line and column of a byte offset.
type lineColTarget struct {
	off       int64
	line, col *int
}

// resolveLineCols sets the 1-based line and rune column of every target in
// one pass over text, however many there are.
func resolveLineCols(text string, list []lineColTarget) {
	slices.SortFunc(list, func(a, b lineColTarget) int { return cmp.Compare(a.off, b.off) })
	line, col, scanned := 1, 1, 0 // col: of the byte at scanned, in runes
	for _, t := range list {
		off := int(min(t.off, int64(len(text))))
		for ; scanned < off; scanned++ {
			switch c := text[scanned]; {
			case c == '\n':
				line, col = line+1, 1
			case c&0xc0 != 0x80: // not a UTF-8 continuation byte
				col++
			}
		}
		*t.line, *t.col = line, col
	}
}

// places formats positions for messages that refer to them ("quote at
// a.json:3:5"), resolving offsets in one pass over each file.
func (l *loader) places(ats []pos) []string {
	lines, cols := make([]int, len(ats)), make([]int, len(ats))
	byFile := make(map[int32][]lineColTarget)
	for i, at := range ats {
		switch {
		case at.line > 0:
			lines[i], cols[i] = int(at.line), int(at.n)
		case at.n >= 0:
			byFile[at.file] = append(byFile[at.file], lineColTarget{at.n, &lines[i], &cols[i]})
		}
	}
	for fi, list := range byFile {
		resolveLineCols(l.files[fi].text, list)
	}
	out := make([]string, len(ats))
	for i, at := range ats {
		name := displayName(l.files[at.file].name)
		if lines[i] == 0 {
			out[i] = name
		} else {
			out[i] = fmt.Sprintf("%s:%d:%d", name, lines[i], cols[i])
		}
	}
	return out
}
