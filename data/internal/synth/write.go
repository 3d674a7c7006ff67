package synth

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// WriteDataset writes ds to w in format f, in canonical order: every list
// sorted by id, claims without an id given their derived one. ds itself is
// left as it is.
//
// It exists beside data.WriteJSON, and writes the same bytes, because that
// one needs a graph.Graph: indexing a million claims costs seconds and
// hundreds of megabytes that writing them does not.
func WriteDataset(w io.Writer, ds *graph.Dataset, f Format) error {
	s, err := newSink(w, f)
	if err != nil {
		return err
	}
	ents := sortedIndex(ds.Entities, func(e *graph.Entity) string { return e.ID })
	srcs := sortedIndex(ds.Sources, func(s *graph.Source) string { return s.ID })
	claimID := func(c *graph.Claim) string {
		if c.ID == "" {
			return graph.DeriveClaimID(c.From, c.Relation, c.To)
		}
		return c.ID
	}
	claims := sortedIndex(ds.Claims, claimID)
	entities := make([]graph.Entity, len(ents))
	for i, k := range ents {
		entities[i] = ds.Entities[k]
	}
	sources := make([]graph.Source, len(srcs))
	for i, k := range srcs {
		sources[i] = ds.Sources[k]
	}
	var c graph.Claim
	return emit(s, ds.Title, entities, sources, len(claims), func(i int) *graph.Claim {
		c = ds.Claims[claims[i]]
		c.ID = claimID(&c)
		return &c
	})
}

// sortedIndex returns the positions of items in key order: sorting 4-byte
// indexes rather than the records themselves leaves the caller's slice
// alone and moves a tenth of the bytes.
func sortedIndex[T any](items []T, key func(*T) string) []int32 {
	idx := make([]int32, len(items))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return cmp.Compare(key(&items[a]), key(&items[b])) })
	return idx
}

// sink is an output format, fed record by record so that claims can stream.
type sink interface {
	begin(title string)
	beginList(name string)
	entity(*graph.Entity)
	source(*graph.Source)
	claim(*graph.Claim)
	endList(last bool)
	end() error
}

func newSink(w io.Writer, f Format) (sink, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	switch f {
	case JSON, "":
		return &jsonSink{w: bw}, nil
	case YAML:
		return &yamlSink{w: bw}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want json or yaml)", f)
}

// emit writes a whole dataset; claim(i) returns claim number i, possibly in
// storage reused from call to call.
func emit(s sink, title string, entities []graph.Entity, sources []graph.Source, nClaims int, claim func(i int) *graph.Claim) error {
	s.begin(title)
	s.beginList("entities")
	for i := range entities {
		s.entity(&entities[i])
	}
	s.endList(false)
	s.beginList("sources")
	for i := range sources {
		s.source(&sources[i])
	}
	s.endList(false)
	s.beginList("claims")
	for i := range nClaims {
		s.claim(claim(i))
	}
	s.endList(true)
	return s.end()
}

// jsonSink writes exactly what encoding/json's Encoder, with two-space
// indent and HTML escaping off, writes for data.WriteJSON's export structs:
// same key order, same escapes, empty lists as []. The tests compare the
// two byte for byte.
type jsonSink struct {
	w   *bufio.Writer
	buf []byte
	n   int // items in the current list
	// published holds the sources' dates (written before the claims),
	// for each claim's derived first_reported and last_reported.
	published map[string]string
}

func (j *jsonSink) begin(title string) {
	j.buf = append(j.buf[:0], "{\n  \"title\": "...)
	j.buf = appendJSONString(j.buf, title)
	j.buf = append(j.buf, ",\n"...)
	j.w.Write(j.buf)
}

func (j *jsonSink) beginList(name string) {
	j.n = 0
	j.w.WriteString("  \"" + name + "\": [")
}

func (j *jsonSink) endList(last bool) {
	if j.n > 0 {
		j.w.WriteString("\n  ]")
	} else {
		j.w.WriteString("]")
	}
	if !last {
		j.w.WriteByte(',')
	}
	j.w.WriteByte('\n')
}

func (j *jsonSink) end() error {
	j.w.WriteString("}\n")
	return j.w.Flush()
}

// item starts the next element of the current list at depth 2.
func (j *jsonSink) item() {
	if j.n > 0 {
		j.buf = append(j.buf[:0], ",\n    {"...)
	} else {
		j.buf = append(j.buf[:0], "\n    {"...)
	}
	j.n++
}

// field appends `"key": "value"` at the given indent, preceded by a comma
// unless first.
func (j *jsonSink) field(indent, key, value string, first bool) {
	if !first {
		j.buf = append(j.buf, ',')
	}
	j.buf = append(j.buf, '\n')
	j.buf = append(j.buf, indent...)
	j.buf = append(j.buf, '"')
	j.buf = append(j.buf, key...)
	j.buf = append(j.buf, "\": "...)
	j.buf = appendJSONString(j.buf, value)
}

// list appends `"key": [...]` of strings at the given indent.
func (j *jsonSink) list(indent, key string, values []string) {
	j.buf = append(j.buf, ",\n"...)
	j.buf = append(j.buf, indent...)
	j.buf = append(j.buf, '"')
	j.buf = append(j.buf, key...)
	j.buf = append(j.buf, "\": ["...)
	for i, v := range values {
		if i > 0 {
			j.buf = append(j.buf, ',')
		}
		j.buf = append(j.buf, '\n')
		j.buf = append(j.buf, indent...)
		j.buf = append(j.buf, "  "...)
		j.buf = appendJSONString(j.buf, v)
	}
	if len(values) > 0 {
		j.buf = append(j.buf, '\n')
		j.buf = append(j.buf, indent...)
	}
	j.buf = append(j.buf, ']')
}

const in3 = "      "

func (j *jsonSink) entity(e *graph.Entity) {
	j.item()
	j.field(in3, "id", e.ID, true)
	j.field(in3, "name", e.Name, false)
	j.field(in3, "type", string(e.Type), false)
	j.list(in3, "aliases", e.Aliases)
	j.field(in3, "country", e.Country, false)
	j.field(in3, "note", e.Note, false)
	j.buf = append(j.buf, "\n    }"...)
	j.w.Write(j.buf)
}

func (j *jsonSink) source(s *graph.Source) {
	j.item()
	j.field(in3, "id", s.ID, true)
	j.field(in3, "title", s.Title, false)
	j.field(in3, "publisher", s.Publisher, false)
	j.field(in3, "published", s.Published, false)
	if j.published == nil {
		j.published = make(map[string]string)
	}
	j.published[s.ID] = s.Published
	j.field(in3, "url", s.URL, false)
	j.field(in3, "reliability", s.Reliability, false)
	j.list(in3, "derived_from", s.DerivedFrom)
	if s.Text != "" { // omitempty, as graph.Source's tags say
		j.field(in3, "text", s.Text, false)
	}
	if s.Retrieved != "" {
		j.field(in3, "retrieved", s.Retrieved, false)
	}
	j.buf = append(j.buf, "\n    }"...)
	j.w.Write(j.buf)
}

func (j *jsonSink) claim(c *graph.Claim) {
	const in5 = "          "
	j.item()
	j.field(in3, "id", c.ID, true)
	j.field(in3, "from", c.From, false)
	j.field(in3, "to", c.To, false)
	j.field(in3, "relation", c.Relation, false)
	j.field(in3, "detail", c.Detail, false)
	j.field(in3, "status", string(c.Status), false)
	if c.Contested() {
		j.buf = append(j.buf, ",\n"+in3+"\"contested\": true"...)
	} else {
		j.buf = append(j.buf, ",\n"+in3+"\"contested\": false"...)
	}
	j.buf = append(j.buf, ",\n"+in3+"\"stances\": ["...)
	for i := range c.Stances {
		s := &c.Stances[i]
		if i > 0 {
			j.buf = append(j.buf, ',')
		}
		j.buf = append(j.buf, "\n"+in3+"  {"...)
		j.field(in5, "by", s.By, true)
		j.field(in5, "position", string(s.Position), false)
		j.field(in5, "quote", s.Quote, false)
		if s.Date != "" { // omitempty, as graph.Stance's tags say
			j.field(in5, "date", s.Date, false)
		}
		j.field(in5, "source", s.Source, false)
		if s.Note != "" {
			j.field(in5, "note", s.Note, false)
		}
		j.buf = append(j.buf, "\n"+in3+"  }"...)
	}
	if len(c.Stances) > 0 {
		j.buf = append(j.buf, "\n"+in3...)
	}
	j.buf = append(j.buf, "],\n"+in3+"\"sources\": ["...)
	for i := range c.Sources {
		s := &c.Sources[i]
		if i > 0 {
			j.buf = append(j.buf, ',')
		}
		j.buf = append(j.buf, "\n"+in3+"  {"...)
		j.field(in5, "source", s.Source, true)
		j.field(in5, "quote", s.Quote, false)
		j.buf = append(j.buf, "\n"+in3+"  }"...)
	}
	if len(c.Sources) > 0 {
		j.buf = append(j.buf, "\n"+in3...)
	}
	j.buf = append(j.buf, ']')
	j.field(in3, "reported", c.Reported, false)
	j.belief(c)
	j.time(c)
	first, last := graph.ReportedSpan(c, func(id string) string { return j.published[id] })
	if first != "" {
		j.field(in3, "first_reported", first, false)
		j.field(in3, "last_reported", last, false)
	}
	j.buf = append(j.buf, "\n    }"...)
	j.w.Write(j.buf)
}

// belief appends the claim's belief fields, each only when set, in
// data.ClaimJSON's order.
func (j *jsonSink) belief(c *graph.Claim) {
	if c.Credibility != 0 {
		j.buf = append(j.buf, ",\n"+in3+"\"credibility\": "...)
		j.buf = strconv.AppendInt(j.buf, int64(c.Credibility), 10)
	}
	if c.CredibilityNote != "" {
		j.field(in3, "credibility_note", c.CredibilityNote, false)
	}
	if c.Negated {
		j.buf = append(j.buf, ",\n"+in3+"\"negated\": true"...)
	}
	if c.Basis != "" {
		j.field(in3, "basis", string(c.Basis), false)
	}
	if c.Likelihood != "" {
		j.field(in3, "likelihood", string(c.Likelihood), false)
	}
	if len(c.Lint) > 0 {
		const in5 = "          "
		j.buf = append(j.buf, ",\n"+in3+"\"lint\": ["...)
		for i, w := range c.Lint {
			if i > 0 {
				j.buf = append(j.buf, ',')
			}
			j.buf = append(j.buf, "\n"+in3+"  {"...)
			j.field(in5, "rule", w.Rule, true)
			j.field(in5, "reason", w.Reason, false)
			j.buf = append(j.buf, "\n"+in3+"  }"...)
		}
		j.buf = append(j.buf, "\n"+in3+"]"...)
	}
}

// time appends the claim's history and event time, each only when set, in
// graph.ClaimJSON's order. first_reported and last_reported follow, from
// the caller.
func (j *jsonSink) time(c *graph.Claim) {
	const in5 = "          "
	if len(c.History) > 0 {
		j.buf = append(j.buf, ",\n"+in3+"\"history\": ["...)
		for i := range c.History {
			h := &c.History[i]
			if i > 0 {
				j.buf = append(j.buf, ',')
			}
			j.buf = append(j.buf, "\n"+in3+"  {"...)
			j.field(in5, "status", string(h.Status), true)
			j.field(in5, "date", h.Date, false)
			j.field(in5, "source", h.Source, false)
			j.field(in5, "note", h.Note, false)
			j.buf = append(j.buf, "\n"+in3+"  }"...)
		}
		j.buf = append(j.buf, "\n"+in3+"]"...)
	}
	if w := c.When; w != nil {
		const in4 = "        "
		j.buf = append(j.buf, ",\n"+in3+"\"when\": {"...)
		first := true
		for _, f := range [...]struct{ key, value string }{{"on", w.On}, {"start", w.Start}, {"end", w.End}} {
			if f.value != "" { // omitempty, as graph.When's tags say
				j.field(in4, f.key, f.value, first)
				first = false
			}
		}
		if !first {
			j.buf = append(j.buf, "\n"+in3...)
		}
		j.buf = append(j.buf, '}')
	}
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping off:
// the short escapes it knows, \u00XX for other control bytes, U+FFFD for
// invalid UTF-8, and \u2028 and \u2029, which some JavaScript parsers take
// for line ends.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// yamlSink writes block-style YAML with one flow mapping per stance and
// source reference, and leaves empty fields out, as a person would write the
// file. Strings are double-quoted unless they are plain lower-case slugs,
// which no YAML reader takes for anything but a string.
type yamlSink struct {
	w   *bufio.Writer
	buf []byte
	n   int
}

func (y *yamlSink) begin(title string) {
	y.buf = append(y.buf[:0], "title: "...)
	y.buf = appendYAMLString(y.buf, title)
	y.buf = append(y.buf, '\n')
	y.w.Write(y.buf)
}

func (y *yamlSink) beginList(name string) {
	y.n = 0
	y.w.WriteString(name + ":")
}

func (y *yamlSink) endList(bool) {
	if y.n == 0 {
		y.w.WriteString(" []")
	}
	y.w.WriteByte('\n')
}

func (y *yamlSink) end() error { return y.w.Flush() }

// field appends "key: value" as a block mapping entry, the first of an item
// after "- "; empty values are left out.
func (y *yamlSink) field(key, value string, first bool) {
	if value == "" {
		return
	}
	if first {
		y.buf = append(y.buf, "\n  - "...)
	} else {
		y.buf = append(y.buf, "\n    "...)
	}
	y.buf = append(y.buf, key...)
	y.buf = append(y.buf, ": "...)
	y.buf = appendYAMLString(y.buf, value)
}

func (y *yamlSink) list(key string, values []string) {
	if len(values) == 0 {
		return
	}
	y.buf = append(y.buf, "\n    "...)
	y.buf = append(y.buf, key...)
	y.buf = append(y.buf, ": ["...)
	for i, v := range values {
		if i > 0 {
			y.buf = append(y.buf, ", "...)
		}
		y.buf = appendYAMLString(y.buf, v)
	}
	y.buf = append(y.buf, ']')
}

// flow appends "key: value" inside a flow mapping; empty values are left
// out. first reports whether nothing precedes it in the mapping.
func (y *yamlSink) flow(key, value string, first bool) bool {
	if value == "" {
		return first
	}
	if !first {
		y.buf = append(y.buf, ", "...)
	}
	y.buf = append(y.buf, key...)
	y.buf = append(y.buf, ": "...)
	y.buf = appendYAMLString(y.buf, value)
	return false
}

func (y *yamlSink) entity(e *graph.Entity) {
	y.n++
	y.buf = y.buf[:0]
	y.field("id", e.ID, true)
	y.field("name", e.Name, false)
	y.field("type", string(e.Type), false)
	y.list("aliases", e.Aliases)
	y.field("country", e.Country, false)
	y.field("note", e.Note, false)
	y.w.Write(y.buf)
}

func (y *yamlSink) source(s *graph.Source) {
	y.n++
	y.buf = y.buf[:0]
	y.field("id", s.ID, true)
	y.field("title", s.Title, false)
	y.field("publisher", s.Publisher, false)
	y.field("published", s.Published, false)
	y.field("url", s.URL, false)
	y.field("reliability", s.Reliability, false)
	y.list("derived_from", s.DerivedFrom)
	y.field("text", s.Text, false)
	y.field("retrieved", s.Retrieved, false)
	y.w.Write(y.buf)
}

func (y *yamlSink) claim(c *graph.Claim) {
	y.n++
	y.buf = y.buf[:0]
	y.field("id", c.ID, true)
	y.field("from", c.From, false)
	y.field("to", c.To, false)
	y.field("relation", c.Relation, false)
	y.field("detail", c.Detail, false)
	y.field("status", string(c.Status), false)
	if len(c.Stances) > 0 {
		y.buf = append(y.buf, "\n    stances:"...)
		for i := range c.Stances {
			s := &c.Stances[i]
			y.buf = append(y.buf, "\n      - {"...)
			first := y.flow("by", s.By, true)
			first = y.flow("position", string(s.Position), first)
			first = y.flow("quote", s.Quote, first)
			first = y.flow("date", s.Date, first)
			first = y.flow("source", s.Source, first)
			y.flow("note", s.Note, first)
			y.buf = append(y.buf, '}')
		}
	}
	if len(c.Sources) > 0 {
		y.buf = append(y.buf, "\n    sources:"...)
		for i := range c.Sources {
			s := &c.Sources[i]
			y.buf = append(y.buf, "\n      - {"...)
			first := y.flow("source", s.Source, true)
			y.flow("quote", s.Quote, first)
			y.buf = append(y.buf, '}')
		}
	}
	y.field("reported", c.Reported, false)
	if c.Credibility != 0 { // a number, not a string: the loader wants one
		y.buf = append(y.buf, "\n    credibility: "...)
		y.buf = strconv.AppendInt(y.buf, int64(c.Credibility), 10)
	}
	y.field("credibility_note", c.CredibilityNote, false)
	if c.Negated {
		y.buf = append(y.buf, "\n    negated: true"...)
	}
	y.field("basis", string(c.Basis), false)
	y.field("likelihood", string(c.Likelihood), false)
	if len(c.Lint) > 0 {
		y.buf = append(y.buf, "\n    lint:"...)
		for _, w := range c.Lint {
			y.buf = append(y.buf, "\n      - {"...)
			y.flow("reason", w.Reason, y.flow("rule", w.Rule, true))
			y.buf = append(y.buf, '}')
		}
	}
	if len(c.History) > 0 {
		y.buf = append(y.buf, "\n    history:"...)
		for _, h := range c.History {
			y.buf = append(y.buf, "\n      - {"...)
			first := y.flow("status", string(h.Status), true)
			first = y.flow("date", h.Date, first)
			first = y.flow("source", h.Source, first)
			y.flow("note", h.Note, first)
			y.buf = append(y.buf, '}')
		}
	}
	if w := c.When; w != nil && *w != (graph.When{}) {
		y.buf = append(y.buf, "\n    when: {"...)
		y.flow("end", w.End, y.flow("start", w.Start, y.flow("on", w.On, true)))
		y.buf = append(y.buf, '}')
	}
	y.w.Write(y.buf)
}

// appendYAMLString writes s plain when it is a lower-case slug that YAML
// cannot read as a boolean, null or number, and double-quoted otherwise.
// Inside double quotes YAML accepts JSON's escapes; it additionally forbids
// raw non-printable characters (DEL, C1 controls, U+FEFF, U+FFFE/F), which
// are escaped here too.
func appendYAMLString(dst []byte, s string) []byte {
	if plainYAML(s) {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '"' || b == '\\':
				dst = append(dst, '\\', b)
			case b == '\n':
				dst = append(dst, '\\', 'n')
			case b == '\t':
				dst = append(dst, '\\', 't')
			case b < 0x20 || b == 0x7f:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			default:
				dst = append(dst, b)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		case r < 0xa0 || r == 0xfeff || r == 0xfffe || r == 0xffff || r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}

func plainYAML(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-') {
			return false
		}
	}
	switch s {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf":
		return false
	}
	return true
}
