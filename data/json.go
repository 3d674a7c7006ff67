package data

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON is read by a small scanner of our own rather than encoding/json:
// a dataset of a million claims (~300 MB) must load in seconds with the
// place of every problem, down to a single field. encoding/json decodes fast
// but gives no field positions, and its Token API, which does, allocates per
// token and runs several times slower. The scanner walks the text once,
// slices unescaped strings straight from it (no copy: the text is read into
// a string for that purpose) and reports byte offsets, turned into line and
// column only for the problems. FuzzLoadJSON checks it against
// encoding/json's notion of valid JSON.

// maxDepth bounds the nesting of JSON and YAML. The format needs 4 levels;
// the bound keeps hostile input (100,000 nested brackets) from costing
// stack or time.
const maxDepth = 100

type jsonReader struct {
	l      *loader
	s      string
	i      int
	file   int32
	failed bool   // a syntax error was reported: every read now ends at once
	first  []bool // per open container: no element read yet
	quiet  bool   // report nothing (the tail decoder: see tail.go)
	// hidden is the byte index, in the last string str returned, of its
	// first character isHiddenRune refuses, or -1: str finds it as it
	// scans, so that the decoder need not read every string twice.
	hidden int
}

func (l *loader) parseJSON(file int32, text string) {
	r := &jsonReader{l: l, s: text, file: file}
	d := &decoder{l: l, r: r}
	d.document()
	if !r.failed {
		r.ws()
		if r.i < len(r.s) {
			r.fail("unexpected %s after the end of the top-level value", r.describe())
		}
	}
}

func (r *jsonReader) pos(off int) pos { return offPos(r.file, off) }

func (r *jsonReader) fail(format string, args ...any) {
	if r.failed {
		return
	}
	r.failed = true
	if !r.quiet {
		r.l.errs.add(r.pos(r.i), "invalid JSON: "+format, args...)
	}
}

// describe names what is at the read position, for syntax errors.
func (r *jsonReader) describe() string {
	if r.i >= len(r.s) {
		return "end of file"
	}
	c, _ := utf8.DecodeRuneInString(r.s[r.i:])
	return strconv.QuoteRune(c)
}

func (r *jsonReader) ws() {
	i, s := r.i, r.s
	for i < len(s) && isSpace[s[i]] {
		i++
	}
	r.i = i
}

// isSpace and plainInString classify bytes by table: one load per byte
// where the comparisons they replace were the scanner's hottest loops.
var isSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// plainInString is true for the bytes a JSON string holds as they are and
// that start no hidden character: not the closing quote, a backslash, a
// control character or a byte maybeHidden marks.
var plainInString = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && !maybeHidden[c]
	}
	return t
}()

func (r *jsonReader) kind() kind {
	if r.failed {
		return kindInvalid
	}
	r.ws()
	if r.i >= len(r.s) {
		r.fail("unexpected end of file, want a value")
		return kindInvalid
	}
	switch c := r.s[r.i]; {
	case c == '{':
		return kindMap
	case c == '[':
		return kindList
	case c == '"':
		return kindString
	case c == 't' || c == 'f':
		return kindBool
	case c == 'n':
		return kindNull
	case c == '-' || '0' <= c && c <= '9':
		return kindNumber
	}
	r.fail("unexpected %s, want a value", r.describe())
	return kindInvalid
}

func (r *jsonReader) at() pos {
	r.ws()
	return r.pos(r.i)
}

func (r *jsonReader) lenient() bool { return false }

// hiddenIn is what str found in s, the string scalar just read.
func (r *jsonReader) hiddenIn(s string) int {
	if r.hidden >= len(s) { // cannot happen: a guard, not a case
		return indexHidden(s)
	}
	return r.hidden
}

func (r *jsonReader) broken() bool { return r.failed }

func (r *jsonReader) scalar() string {
	r.hidden = -1
	switch r.kind() {
	case kindString:
		return r.str()
	case kindNull:
		r.literal("null")
		return ""
	case kindBool:
		if r.s[r.i] == 't' {
			return r.literal("true")
		}
		return r.literal("false")
	case kindNumber:
		return r.number()
	}
	r.skip()
	return ""
}

func (r *jsonReader) literal(want string) string {
	if !strings.HasPrefix(r.s[r.i:], want) {
		r.fail("unexpected %s, want a value", r.describe())
		return ""
	}
	r.i += len(want)
	return want
}

// number scans a JSON number and returns its text.
func (r *jsonReader) number() string {
	start := r.i
	s := r.s
	digits := func() bool {
		n := r.i
		for r.i < len(s) && '0' <= s[r.i] && s[r.i] <= '9' {
			r.i++
		}
		return r.i > n
	}
	if r.i < len(s) && s[r.i] == '-' {
		r.i++
	}
	switch {
	case r.i < len(s) && s[r.i] == '0':
		r.i++
	case !digits():
		r.fail("malformed number")
		return ""
	}
	if r.i < len(s) && s[r.i] == '.' {
		r.i++
		if !digits() {
			r.fail("malformed number")
			return ""
		}
	}
	if r.i < len(s) && (s[r.i] == 'e' || s[r.i] == 'E') {
		r.i++
		if r.i < len(s) && (s[r.i] == '+' || s[r.i] == '-') {
			r.i++
		}
		if !digits() {
			r.fail("malformed number")
			return ""
		}
	}
	return s[start:r.i]
}

// str scans a string at r.i (which holds the opening quote). Strings with
// no escape are sliced from the text.
func (r *jsonReader) str() string {
	start := r.i + 1
	s := r.s
	i := start
	r.hidden = -1
	for i < len(s) {
		for i < len(s) && plainInString[s[i]] {
			i++
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c == '"' {
			r.i = i + 1
			return s[start:i]
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			r.i = i
			r.fail("control character %q in string (write it as an escape)", c)
			return ""
		}
		if r.hidden < 0 && hiddenAt(s, i) {
			r.hidden = i - start
		}
		i++
	}
	var b strings.Builder
	b.WriteString(s[start:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			r.i = i + 1
			// Escapes can write any character: look at what they made.
			r.hidden = indexHidden(b.String())
			return b.String()
		case c < 0x20:
			r.i = i
			r.fail("control character %q in string (write it as an escape)", c)
			return ""
		case c != '\\':
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(s) {
			break
		}
		r.i = i
		switch e := s[i+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			c1, ok := hex4(s, i+2)
			if !ok {
				r.fail("malformed \\u escape")
				return ""
			}
			i += 6
			ru := rune(c1)
			if utf16.IsSurrogate(ru) {
				c2, ok := hex4(s, i+2)
				if ru >= 0xdc00 || !ok || i+1 >= len(s) || s[i] != '\\' || s[i+1] != 'u' {
					r.fail("unpaired surrogate \\u%04x in string", c1)
					return ""
				}
				ru = utf16.DecodeRune(ru, rune(c2))
				if ru == utf8.RuneError {
					r.fail("unpaired surrogate \\u%04x in string", c1)
					return ""
				}
				i += 6
			}
			if ru == 0 {
				r.fail("NUL character (\\u0000) in string")
				return ""
			}
			b.WriteRune(ru)
			continue
		default:
			r.fail("unknown escape \\%c in string", e)
			return ""
		}
		i += 2
	}
	r.i = len(s)
	r.fail("unterminated string")
	return ""
}

func hex4(s string, i int) (uint16, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i:i+4], 16, 16)
	return uint16(n), err == nil && !strings.ContainsAny(s[i:i+4], "+-")
}

func (r *jsonReader) skip() {
	switch r.kind() {
	case kindMap:
		r.enterMap()
		for {
			if _, _, ok := r.nextKey(); !ok {
				return
			}
			r.skip()
		}
	case kindList:
		r.enterList()
		for r.nextItem() {
			r.skip()
		}
	case kindInvalid:
	default:
		r.scalar()
	}
}

func (r *jsonReader) enter() bool {
	if len(r.first) >= maxDepth {
		r.fail("nesting deeper than %d levels", maxDepth)
		return false
	}
	r.i++ // the bracket, seen by kind
	r.first = append(r.first, true)
	return true
}

func (r *jsonReader) enterMap()  { r.enter() }
func (r *jsonReader) enterList() { r.enter() }

// next steps past a separator to the next element of the open container,
// or out of it at its closing bracket.
func (r *jsonReader) next(closing byte, what string) bool {
	if r.failed || len(r.first) == 0 {
		return false
	}
	r.ws()
	top := len(r.first) - 1
	if r.i < len(r.s) && r.s[r.i] == closing {
		r.i++
		r.first = r.first[:top]
		return false
	}
	if !r.first[top] {
		if r.i >= len(r.s) || r.s[r.i] != ',' {
			r.fail("unexpected %s, want ',' or '%c' after %s", r.describe(), closing, what)
			return false
		}
		r.i++
		r.ws()
		if r.i < len(r.s) && r.s[r.i] == closing {
			r.fail("trailing comma before '%c'", closing)
			return false
		}
	}
	r.first[top] = false
	return true
}

func (r *jsonReader) nextKey() (string, pos, bool) {
	if !r.next('}', "an object member") {
		return "", pos{}, false
	}
	if r.i >= len(r.s) || r.s[r.i] != '"' {
		r.fail("unexpected %s, want a quoted field name", r.describe())
		return "", pos{}, false
	}
	at := r.pos(r.i)
	key := r.str()
	r.ws()
	if r.failed {
		return "", pos{}, false
	}
	if r.i >= len(r.s) || r.s[r.i] != ':' {
		r.fail("unexpected %s, want ':' after a field name", r.describe())
		return "", pos{}, false
	}
	r.i++
	return key, at, true
}

func (r *jsonReader) nextItem() bool { return r.next(']', "a list element") }
