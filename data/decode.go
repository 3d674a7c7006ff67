package data

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/claimgraph/claimgraph/graph"
)

// kind is the type of a value in the input, whichever the syntax.
type kind uint8

const (
	kindInvalid kind = iota // already reported (a YAML anchor, a JSON syntax error): skip it
	kindNull
	kindBool
	kindNumber
	kindString
	kindMap
	kindList
)

func (k kind) String() string {
	return [...]string{"an invalid value", "null", "a boolean", "a number", "a string", "a mapping", "a list"}[k]
}

// reader walks the values of one document for the decoder. YAML is read
// from the parser's tree, JSON from a stream; the decoder sees the same
// thing either way, so the schema and its checks are written once.
//
// The "current value" is the document at first, then the value of the field
// or item the last nextKey or nextItem stepped onto. The caller consumes it
// exactly once, with scalar, skip, enterMap or enterList.
type reader interface {
	kind() kind
	at() pos
	scalar() string // text of a null, bool, number or string ("" for null)
	skip()
	enterMap()
	nextKey() (key string, at pos, ok bool) // false at the end of the mapping
	enterList()
	nextItem() bool // false at the end of the list
	// broken reports whether the input can no longer be read (a JSON
	// syntax error): what was read of the value is then incomplete, and
	// checking it would only add noise after the real problem.
	broken() bool
	// lenient reports whether a number or boolean may stand for a string,
	// as written: true for YAML, where "country: NO" and "name: 1984" are
	// plain scalars that a person means as text.
	lenient() bool
	// hiddenIn returns indexHidden(s) for s, the scalar just read: the
	// JSON reader knows it from its scan.
	hiddenIn(s string) int
}

// decoder turns a document into graph values, reporting every problem it
// sees with its place. Checks that need the whole input (references,
// cycles) are left to the loader, which has seen every file.
type decoder struct {
	l     *loader
	r     reader
	depth int
	seen  [4][24]pos // first place of each known field, per open object level
	// tail is set in the decoder that reads the second half of a claims
	// list on another goroutine (see tail.go): it must not change the
	// loader, so it records what the loader would do instead.
	tail *tailDecode

	// A claim's stances and sources are read into these buffers, then
	// copied into slabs (see slab).
	stanceBuf []graph.Stance
	refBuf    []graph.SourceRef
	quoteAt   quotePlaces // of the claim being read (see belief.go)
	stances   slab[graph.Stance]
	refs      slab[graph.SourceRef]
	histBuf   []graph.HistoryEntry
	hists     slab[graph.HistoryEntry]
}

// slab hands out small slices cut from large allocations: a million claims
// with a stance or two and a source or two cost three million allocations
// otherwise, and growing each one by append left garbage.
type slab[T any] struct{ buf []T }

// keep returns a copy of items (nil if there are none), with no spare
// capacity, so that appending to it cannot write over its neighbour.
func (s *slab[T]) keep(items []T) []T {
	if len(items) == 0 {
		return nil
	}
	if cap(s.buf)-len(s.buf) < len(items) {
		s.buf = make([]T, 0, max(1024, len(items)))
	}
	n := len(s.buf)
	s.buf = append(s.buf, items...)
	return s.buf[n:len(s.buf):len(s.buf)]
}

func (d *decoder) add(at pos, format string, args ...any) {
	if d.tail != nil {
		d.tail.abort() // problems are left to the sequential decoder
		return
	}
	d.l.errs.add(at, format, args...)
}

// addRef is add for a message naming another place (see problems.addRef).
func (d *decoder) addRef(at, ref pos, format string, args ...any) {
	if d.tail != nil {
		d.tail.abort()
		return
	}
	d.l.errs.addRef(at, ref, format, args...)
}

func (d *decoder) refer(id string, at pos, want idKind, what string) {
	if d.tail != nil {
		d.tail.refer(id, want)
		return
	}
	d.l.refer(id, at, want, what)
}

func (d *decoder) defineID(id string, at pos, k idKind) {
	if d.tail != nil {
		d.tail.define(id, at, k)
		return
	}
	d.l.defineID(id, at, k)
}

func (d *decoder) addClaim(c graph.Claim) {
	if d.tail != nil {
		d.tail.claims = append(d.tail.claims, c)
		return
	}
	d.l.addClaim(c)
}

// document decodes the top level.
func (d *decoder) document() {
	if d.r.kind() == kindNull {
		d.add(d.r.at(), "the file holds no data (want a mapping with title, sources, entities, claims)")
		d.r.skip()
		return
	}
	d.object("the top level", topFields, func(key string) {
		switch key {
		case "title":
			at := d.r.at()
			t := d.str("title")
			d.l.noteTitle(t, at)
			if d.l.ds.Title == "" {
				d.l.ds.Title = t
			}
		case "entities":
			d.list("entities", d.entity)
		case "sources":
			d.list("sources", d.source)
		case "claims":
			d.claims()
		}
	})
}

var (
	topFields      = []string{"title", "sources", "entities", "claims"}
	entityFields   = []string{"id", "name", "type", "aliases", "country", "note"}
	sourceFields   = []string{"id", "title", "publisher", "published", "url", "reliability", "derived_from", "text", "text_file", "retrieved"}
	claimFields    = []string{"id", "from", "to", "relation", "detail", "status", "contested", "stances", "sources", "reported", "credibility", "credibility_note", "negated", "basis", "likelihood", "lint", "history", "when", "first_reported", "last_reported"}
	stanceFields   = []string{"by", "position", "quote", "source", "note", "date"}
	sourceRefField = []string{"source", "quote"}
)

// object decodes a mapping with the given known fields, calling set for each
// field present, with the reader on its value; set must consume it. Unknown
// and repeated fields are reported and skipped. It returns false, having
// reported it, when the value is not a mapping.
func (d *decoder) object(what string, names []string, set func(key string)) bool {
	if k := d.r.kind(); k != kindMap {
		if k != kindInvalid {
			d.add(d.r.at(), "%s: expected a mapping, got %s", what, k)
		}
		d.r.skip()
		return false
	}
	level := min(d.depth, len(d.seen)-1)
	d.depth++
	defer func() { d.depth-- }()
	var mask uint32
	d.r.enterMap()
	for {
		key, kat, ok := d.r.nextKey()
		if !ok {
			return !d.r.broken()
		}
		i := slices.Index(names, key)
		switch {
		case i < 0:
			d.unknownField(key, kat, what, names)
			d.r.skip()
		case mask&(1<<i) != 0:
			d.addRef(kat, d.seen[level][i], "duplicate field %s in %s (first at "+placeMark+")", echo(key), what)
			d.r.skip()
		default:
			mask |= 1 << i
			d.seen[level][i] = kat
			set(key)
		}
	}
}

func (d *decoder) unknownField(key string, at pos, what string, names []string) {
	if s := suggest(key, names, nil); s != "" {
		d.add(at, "unknown field %s in %s (did you mean %q?)", echo(key), what, s)
		return
	}
	d.add(at, "unknown field %s in %s (known fields: %s)", echo(key), what, strings.Join(names, ", "))
}

// list decodes a list, calling item with the reader on each element.
func (d *decoder) list(what string, item func()) {
	switch k := d.r.kind(); k {
	case kindList:
	case kindNull:
		d.r.skip() // "entities:" with nothing after it: an empty list
		return
	default:
		if k != kindInvalid {
			d.add(d.r.at(), "%s: expected a list, got %s", what, k)
		}
		d.r.skip()
		return
	}
	d.r.enterList()
	for d.r.nextItem() {
		item()
	}
}

// str decodes a string field; null counts as empty. Every string of the
// data comes through here, and none may hold a control character other
// than tab and newline, or an invisible or bidirectional formatting
// character (see isHiddenRune): printed, they would forge what the output
// says.
func (d *decoder) str(what string) string {
	switch k := d.r.kind(); k {
	case kindString, kindNull:
		at := d.r.at()
		s := d.r.scalar()
		if i := d.r.hiddenIn(s); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			d.add(at, "%s has the character %U %s at character %d: remove it", what, r, hiddenName(r), utf8.RuneCountInString(s[:i])+1)
		}
		return s
	case kindNumber, kindBool:
		if d.r.lenient() {
			return d.r.scalar()
		}
		fallthrough
	default:
		if k != kindInvalid {
			d.add(d.r.at(), "%s: expected a string, got %s", what, k)
		}
		d.r.skip()
		return ""
	}
}

// strList decodes a list of strings, with the place of each.
func (d *decoder) strList(what string, places *[]pos) []string {
	var out []string
	d.list(what, func() {
		at := d.r.at()
		s := d.str(what)
		out = append(out, s)
		if places != nil {
			*places = append(*places, at)
		}
	})
	return out
}

// field is a string field's value and place, kept for checks after the
// object is read.
type field struct {
	s  string
	at pos
	ok bool // present in the input
}

func (d *decoder) field(what string) field {
	at := d.r.at()
	return field{s: d.str(what), at: at, ok: true}
}

// required reports a field that is absent or blank. A blank value is
// reported where it is, an absent one at its object.
func (d *decoder) required(f field, obj pos, what string) bool {
	if strings.TrimSpace(f.s) != "" {
		return true
	}
	if f.ok {
		d.add(f.at, "%s is empty", what)
	} else {
		d.add(obj, "%s is missing", what)
	}
	return false
}

func (d *decoder) entity() {
	at := d.r.at()
	var e graph.Entity
	var id, name, typ, country field
	ok := d.object("entity", entityFields, func(key string) {
		switch key {
		case "id":
			id = d.field("entity id")
		case "name":
			name = d.field("entity name")
		case "type":
			typ = d.field("entity type")
		case "aliases":
			e.Aliases = d.strList("entity aliases", nil)
		case "country":
			country = d.field("entity country")
		case "note":
			e.Note = d.str("entity note")
		}
	})
	if !ok {
		return
	}
	e.ID, e.Name, e.Type, e.Country = id.s, name.s, graph.EntityType(typ.s), country.s
	if d.required(id, at, "entity id") {
		d.checkID(id, "entity")
	}
	d.required(name, at, "entity name")
	if d.required(typ, at, "entity type") {
		checkEnum(d, typ, "entity type", graph.EntityTypes)
	}
	if country.s != "" && !isCountryCode(country.s) {
		d.add(country.at, "entity country %s is not an ISO 3166 alpha-2 code (two capital letters, like US)", echo(country.s))
	} else if msg := checkCountry(country.s); msg != "" {
		d.add(country.at, "entity country %q %s", country.s, msg)
	}
	e.ID = d.l.defineID(e.ID, id.at, kindEntity)
	d.l.ds.Entities = append(d.l.ds.Entities, e)
}

func (d *decoder) source() {
	at := d.r.at()
	var s graph.Source
	var id, title, published, url, reliability field
	var text, textFile, retrieved field
	var derivedAt []pos
	ok := d.object("source", sourceFields, func(key string) {
		switch key {
		case "id":
			id = d.field("source id")
		case "title":
			title = d.field("source title")
		case "publisher":
			s.Publisher = d.str("source publisher")
		case "published":
			published = d.field("source published")
		case "url":
			url = d.field("source url")
		case "reliability":
			reliability = d.field("source reliability")
		case "derived_from":
			s.DerivedFrom = d.strList("source derived_from", &derivedAt)
		case "text":
			text = d.field("source text")
		case "text_file":
			textFile = d.field("source text_file")
		case "retrieved":
			retrieved = d.field("source retrieved")
		}
	})
	if !ok {
		return
	}
	s.ID, s.Title, s.Published, s.URL, s.Reliability = id.s, title.s, published.s, url.s, reliability.s
	if d.required(id, at, "source id") {
		d.checkID(id, "source")
	}
	d.required(title, at, "source title")
	d.checkDate(published, "source published")
	if url.s != "" {
		if msg := checkURL(url.s); msg != "" {
			d.add(url.at, "source url %s %s", echo(url.s), msg)
		}
	}
	if r := reliability.s; r != "" && (len(r) != 1 || r[0] < 'A' || r[0] > 'F') {
		if msg := reliabilityWithDigit(r); msg != "" {
			d.add(reliability.at, "%s", msg)
		} else {
			d.add(reliability.at, "source reliability %s is not an Admiralty grade (want one of A, B, C, D, E, F)", echo(r))
		}
	}
	d.sourceText(&s, text, textFile, retrieved)
	for i, ref := range s.DerivedFrom {
		if d.required(field{ref, derivedAt[i], true}, at, "source derived_from entry") {
			d.l.refer(ref, derivedAt[i], kindSource, "source derived_from")
		}
	}
	s.ID = d.l.defineID(s.ID, id.at, kindSource)
	d.l.ds.Sources = append(d.l.ds.Sources, s)
	d.l.notePublished(s.ID, s.Published)
	d.l.sourceAt = append(d.l.sourceAt, sourcePlaces{id: id.at, derived: derivedAt})
}

func (d *decoder) claim() {
	at := d.r.at()
	var c graph.Claim
	var id, from, to, relation, status, reported field
	var span reportedSpan
	var b beliefFields
	d.quoteAt.reset()
	var contested struct {
		v  bool
		at pos
		ok bool
	}
	ok := d.object("claim", claimFields, func(key string) {
		switch key {
		case "id":
			id = d.field("claim id")
		case "from":
			from = d.field("claim from")
		case "to":
			to = d.field("claim to")
		case "relation":
			relation = d.field("claim relation")
		case "detail":
			c.Detail = d.str("claim detail")
		case "status":
			status = d.field("claim status")
		case "contested":
			contested.at = d.r.at()
			switch k := d.r.kind(); k {
			case kindBool:
				contested.v, contested.ok = d.r.scalar() == "true", true
			case kindNull:
				d.r.skip()
			default:
				if k != kindInvalid {
					d.add(contested.at, "claim contested: expected true or false, got %s", k)
				}
				d.r.skip()
			}
		case "stances":
			d.stanceBuf = d.stanceBuf[:0]
			d.list("claim stances", func() { d.stance(&d.stanceBuf) })
			c.Stances = d.stances.keep(d.stanceBuf)
		case "sources":
			d.refBuf = d.refBuf[:0]
			d.list("claim sources", func() { d.sourceRef(&d.refBuf) })
			c.Sources = d.refs.keep(d.refBuf)
		case "reported":
			reported = d.field("claim reported")
		case "history":
			d.histBuf = d.histBuf[:0]
			d.list("claim history", func() { d.history(&d.histBuf) })
			c.History = d.hists.keep(d.histBuf)
		case "when":
			c.When = d.when()
		case "first_reported":
			span.first = d.field("claim first_reported")
		case "last_reported":
			span.last = d.field("claim last_reported")
		default:
			d.beliefField(key, &b)
		}
	})
	if !ok {
		return
	}
	c.ID, c.From, c.To, c.Relation, c.Status, c.Reported = id.s, from.s, to.s, relation.s, graph.Status(status.s), reported.s
	okFrom := d.required(from, at, "claim from")
	okTo := d.required(to, at, "claim to")
	okRel := d.required(relation, at, "claim relation")
	if okFrom {
		d.refer(from.s, from.at, kindEntity, "claim from")
	}
	if okTo {
		d.refer(to.s, to.at, kindEntity, "claim to")
	}
	if d.required(status, at, "claim status") {
		checkEnum(d, status, "claim status", graph.Statuses)
	}
	d.checkDate(reported, "claim reported")
	d.checkHistory(&c, status, at)
	d.checkSpan(&c, span)
	if contested.ok && contested.v != c.Contested() {
		d.add(contested.at, "claim contested is %t, but its stances say %t (contested is derived: true when one party asserts or confirms and another denies or disputes)",
			contested.v, c.Contested())
	}
	switch {
	case id.ok:
		if d.required(id, at, "claim id") {
			d.checkID(id, "claim")
		}
		d.defineID(c.ID, id.at, kindClaim)
	case okFrom && okTo && okRel:
		c.ID = graph.DeriveClaimID(c.From, c.Relation, c.To)
		d.defineID(c.ID, at, kindDerivedClaim)
	}
	d.checkBelief(&c, &b, at)
	d.addClaim(c)
}

// claims decodes the claims list. In JSON, after the first claims it
// reserves room for the rest, estimated from the bytes they took and the
// bytes left (see loader.reserveClaims). The estimate is kept below half
// the size of the text left, so that a file of short claims followed by
// something else cannot make it reserve more than the text already costs.
func (d *decoder) claims() {
	r, isJSON := d.r.(*jsonReader)
	if !isJSON || d.r.kind() != kindList {
		d.list("claims", d.claim)
		return
	}
	d.r.enterList()
	t := d.l.startTail(r)
	defer func() {
		if t != nil {
			t.cancel() // also on a panic: the tail must not outlive the list
		}
	}()
	var est claimEstimate
	for d.r.nextItem() {
		if t != nil && r.i >= t.start {
			spliced := r.i == t.start && d.l.spliceTail(t, r)
			t.cancel()
			t = nil
			if spliced {
				return
			}
		}
		if n := est.next(r); n > 0 {
			d.l.reserveClaims(n)
		}
		d.claim()
	}
}

// claimEstimate guesses, after the first claims of a list, how many are
// left, from the bytes they took and the bytes left.
type claimEstimate struct{ n, start int }

const estimateSample = 1024

// next is called at the start of each claim; it returns the estimate once,
// else 0.
func (e *claimEstimate) next(r *jsonReader) int {
	e.n++
	switch e.n {
	case 1:
		e.start = r.i
	case estimateSample + 1:
		left := int64(len(r.s) - r.i)
		est := left * estimateSample / int64(max(r.i-e.start, 1))
		est += est / 20
		return int(min(est, left/2/int64(unsafe.Sizeof(graph.Claim{}))))
	}
	return 0
}

func (d *decoder) stance(out *[]graph.Stance) {
	at := d.r.at()
	var st graph.Stance
	var by, position, source, date field
	ok := d.object("stance", stanceFields, func(key string) {
		switch key {
		case "by":
			by = d.field("stance by")
		case "position":
			position = d.field("stance position")
		case "quote":
			d.quoteAt.stance(len(*out), d.r.at())
			st.Quote = d.str("stance quote")
		case "source":
			source = d.field("stance source")
		case "date":
			date = d.field("stance date")
		case "note":
			st.Note = d.str("stance note")
		}
	})
	if !ok {
		return
	}
	st.By, st.Position, st.Source, st.Date = by.s, graph.Position(position.s), source.s, date.s
	d.checkDate(date, "stance date")
	if d.required(by, at, "stance by") {
		d.refer(by.s, by.at, kindEntity, "stance by")
	}
	if d.required(position, at, "stance position") {
		checkEnum(d, position, "stance position", graph.Positions)
	}
	if source.s != "" { // optional: export writes "" for none
		d.refer(source.s, source.at, kindSource, "stance source")
	}
	*out = append(*out, st)
}

func (d *decoder) sourceRef(out *[]graph.SourceRef) {
	at := d.r.at()
	var ref graph.SourceRef
	var source field
	ok := d.object("claim source", sourceRefField, func(key string) {
		switch key {
		case "source":
			source = d.field("claim source")
		case "quote":
			d.quoteAt.ref(len(*out), d.r.at())
			ref.Quote = d.str("claim source quote")
		}
	})
	if !ok {
		return
	}
	ref.Source = source.s
	if d.required(source, at, "claim source") {
		d.refer(source.s, source.at, kindSource, "claim source")
	}
	*out = append(*out, ref)
}

func checkEnum[T ~string](d *decoder, f field, what string, valid []T) {
	if slices.Contains(valid, T(f.s)) {
		return
	}
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = string(v)
	}
	msg := fmt.Sprintf("%s %s is not one of %s", what, echo(f.s), strings.Join(names, ", "))
	if s := suggest(f.s, names, nil); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	d.add(f.at, "%s", msg)
}

// checkID enforces the id shape: ids end up as command-line arguments, SVG
// element ids and file names in diffs, so they are kept to characters that
// need no quoting anywhere.
func (d *decoder) checkID(f field, what string) {
	for _, r := range f.s {
		if !isIDRune(r) {
			d.add(f.at, "%s id %s has the character %q: use letters, digits, '-', '_' and '.'", what, echo(f.s), r)
			return
		}
	}
}

func isIDRune(r rune) bool {
	return r == '-' || r == '_' || r == '.' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') ||
		('0' <= r && r <= '9') || (r > 0x7f && graph.Slug(string(r)) != "")
}

func (d *decoder) checkDate(f field, what string) {
	if f.s == "" {
		return
	}
	if msg := checkDate(f.s); msg != "" {
		d.add(f.at, "%s %s %s", what, echo(f.s), msg)
	}
}

// hiddenName names a character isHiddenRune refuses, for messages.
func hiddenName(r rune) string {
	switch {
	case r == '\r':
		return "(carriage return)"
	case r == 0x1b:
		return "(escape)"
	case r < 0x20 || r == 0x7f:
		return "(a control character)"
	case r <= 0x9f:
		return "(a C1 control character)"
	case r == 0xfeff:
		return "(zero-width no-break space)"
	case r <= 0x200f:
		return "(an invisible character)"
	}
	return "(a bidirectional formatting character)"
}
