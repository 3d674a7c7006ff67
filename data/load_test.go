package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// base is a valid dataset whose claims list is open at the end (line 8 on),
// so that a case adds claims and knows their line numbers.
const base = `title: t
sources:
  - {id: s, title: S}
entities:
  - {id: a, name: A, type: company}
  - {id: b, name: B, type: person}
claims:
`

// withClaims returns base followed by claims.
func withClaims(claims string) string { return base + claims }

// loadCase is one malformed or hostile input and the problems it must give,
// each as the start of a "file:line:col: message" line.
type loadCase struct {
	name string
	file string // default t.yaml
	src  string
	want []string
}

var loadCases = []loadCase{
	// --- syntax -----------------------------------------------------------
	{name: "yaml unclosed flow", src: "title: [a, b\nentities: []\n",
		want: []string{"t.yaml:2:1: invalid YAML: "}},
	{name: "yaml unterminated quote", src: "title: 'abc\n",
		want: []string{"t.yaml:1:8: invalid YAML: could not find end character of single-quoted text"}},
	{name: "yaml tab indentation", src: "entities:\n\t- {id: a}\n",
		want: []string{"t.yaml:2:1: invalid YAML: found character '\t' that cannot start any token"}},
	{name: "json trailing comma", file: "t.json", src: `{"title": "t", "entities": [],}`,
		want: []string{"t.json:1:31: invalid JSON: trailing comma before '}'"}},
	{name: "json missing colon", file: "t.json", src: "{\n  \"title\" \"t\"\n}",
		want: []string{`t.json:2:11: invalid JSON: unexpected '"', want ':' after a field name`}},
	{name: "json truncated", file: "t.json", src: `{"title": "t", "entities": [`,
		want: []string{"t.json:1:29: invalid JSON: unexpected end of file, want a value"}},
	{name: "json trailing data", file: "t.json", src: "{}\n{}",
		want: []string{"t.json:2:1: invalid JSON: unexpected '{' after the end of the top-level value"}},
	{name: "json single quotes", file: "t.json", src: `{'title': 't'}`,
		want: []string{`t.json:1:2: invalid JSON: unexpected '\'', want a quoted field name`}},
	{name: "json control character", file: "t.json", src: "{\"title\": \"a\tb\"}",
		want: []string{`t.json:1:13: invalid JSON: control character '\t' in string`}},
	{name: "json NUL escape", file: "t.json", src: `{"title": "a\u0000b"}`,
		want: []string{`t.json:1:13: invalid JSON: NUL character (\u0000) in string`}},
	{name: "json lone surrogate", file: "t.json", src: `{"title": "\ud800x"}`,
		want: []string{`t.json:1:12: invalid JSON: unpaired surrogate \ud800 in string`}},
	{name: "json bad escape", file: "t.json", src: `{"title": "\x41"}`,
		want: []string{`t.json:1:12: invalid JSON: unknown escape \x in string`}},
	{name: "json bad number", file: "t.json", src: `{"title": -}`,
		want: []string{`t.json:1:12: invalid JSON: malformed number`}},

	// --- empty and non-text files ----------------------------------------
	{name: "empty file", src: "",
		want: []string{"t.yaml: empty file"}},
	{name: "whitespace only", file: "t.json", src: " \n\t\n",
		want: []string{"t.json: empty file"}},
	{name: "comments only", src: "# nothing here\n# at all\n",
		want: []string{"t.yaml: empty file: it holds only comments"}},
	{name: "NUL byte", src: "title: a\x00b\n",
		want: []string{"t.yaml:1:9: NUL byte: this is not a text file"}},
	{name: "invalid UTF-8", src: "title: ok\nentities: [\xff]\n",
		want: []string{"t.yaml:2:12: invalid UTF-8"}},
	{name: "latin-1 text", file: "t.json", src: "{\"title\": \"caf\xe9\"}",
		want: []string{"t.json:1:15: invalid UTF-8"}},

	// --- shape and types ---------------------------------------------------
	{name: "top level is a list", src: "- a\n- b\n",
		want: []string{"t.yaml:1:1: the top level: expected a mapping, got a list"}},
	{name: "top level is null", src: "~\n",
		want: []string{"t.yaml:1:1: the file holds no data"}},
	{name: "json top level is a string", file: "t.json", src: `"dataset"`,
		want: []string{"t.json:1:1: the top level: expected a mapping, got a string"}},
	{name: "entities is a string", src: "entities: alibaba\n",
		want: []string{"t.yaml:1:11: entities: expected a list, got a string"}},
	{name: "entity is a list", src: "entities:\n  - [a, b]\n",
		want: []string{"t.yaml:2:5: entity: expected a mapping, got a list"}},
	{name: "aliases is a string", src: "entities:\n  - {id: a, name: A, type: company, aliases: Al}\n",
		want: []string{"t.yaml:2:46: entity aliases: expected a list, got a string"}},
	{name: "name is a mapping", src: "entities:\n  - id: a\n    type: company\n    name: {first: A}\n",
		want: []string{"t.yaml:4:11: entity name: expected a string, got a mapping"}},
	{name: "contested is a string", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, contested: yes please}\n"),
		want: []string{"t.yaml:8:63: claim contested: expected true or false, got a string"}},
	{name: "json number for a string", file: "t.json", src: `{"entities": [{"id": 7, "name": "A", "type": "company"}]}`,
		want: []string{"t.json:1:22: entity id: expected a string, got a number"}},
	{name: "json null stands for empty", file: "t.json", src: `{"entities": [{"id": "a", "name": null, "type": "company"}]}`,
		want: []string{"t.json:1:35: entity name is empty"}},

	// --- unknown and repeated fields -------------------------------------
	{name: "unknown top-level field", src: "title: t\nentites: []\n",
		want: []string{`t.yaml:2:1: unknown field "entites" in the top level (did you mean "entities"?)`}},
	{name: "unknown field without suggestion", src: "entities:\n  - {id: a, name: A, type: company, colour: red}\n",
		want: []string{`t.yaml:2:37: unknown field "colour" in entity (known fields: id, name, type, aliases, country, note)`}},
	{name: "unknown stance field", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, positon: asserts}]}\n"),
		want: []string{`t.yaml:8:70: unknown field "positon" in stance (did you mean "position"?)`, "t.yaml:8:62: stance position is missing"}},
	{name: "json unknown field", file: "t.json", src: "{\n  \"title\": \"t\",\n  \"claimz\": []\n}",
		want: []string{`t.json:3:3: unknown field "claimz" in the top level (did you mean "claims"?)`}},
	{name: "yaml repeated field", src: "entities:\n  - id: a\n    name: A\n    type: company\n    name: B\n",
		want: []string{`t.yaml:5:5: duplicate field "name" in entity (first at t.yaml:3:5)`}},
	{name: "json repeated field", file: "t.json", src: `{"title": "a", "title": "b"}`,
		want: []string{`t.json:1:16: duplicate field "title" in the top level (first at t.json:1:2)`}},

	// --- required fields ----------------------------------------------------
	{name: "entity without id", src: "entities:\n  - {name: A, type: company}\n",
		want: []string{"t.yaml:2:5: entity id is missing"}},
	{name: "entity with blank name", src: "entities:\n  - {id: a, name: '  ', type: company}\n",
		want: []string{"t.yaml:2:19: entity name is empty"}},
	{name: "entity without type", src: "entities:\n  - id: a\n    name: A\n",
		want: []string{"t.yaml:2:5: entity type is missing"}},
	{name: "claim without from and status", src: withClaims("  - to: b\n    relation: r\n"),
		want: []string{"t.yaml:8:5: claim from is missing", "t.yaml:8:5: claim status is missing"}},
	{name: "source without title", src: "sources:\n  - id: s\n",
		want: []string{"t.yaml:2:5: source title is missing"}},
	{name: "stance without by", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{position: asserts}]}\n"),
		want: []string{"t.yaml:8:62: stance by is missing"}},

	// --- enums and value formats ----------------------------------------
	{name: "bad entity type", src: "entities:\n  - {id: a, name: A, type: compnay}\n",
		want: []string{`t.yaml:2:28: entity type "compnay" is not one of company, government, agency, military, legislature, person, media, document, product, country, other (did you mean "company"?)`}},
	{name: "bad status", src: withClaims("  - {from: a, to: b, relation: r, status: rumoured}\n"),
		want: []string{`t.yaml:8:43: claim status "rumoured" is not one of established, reported, alleged, proposed, failed, retracted`}},
	{name: "bad position", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, position: deny}]}\n"),
		want: []string{`t.yaml:8:80: stance position "deny" is not one of asserts, confirms, denies, disputes, declined, silent`}},
	{name: "bad country", src: "entities:\n  - {id: a, name: A, type: company, country: usa}\n",
		want: []string{`t.yaml:2:46: entity country "usa" is not an ISO 3166 alpha-2 code`}},
	{name: "lowercase country", src: "entities:\n  - {id: a, name: A, type: company, country: us}\n",
		want: []string{`t.yaml:2:46: entity country "us" is not an ISO 3166 alpha-2 code`}},
	{name: "bad date shape", src: "sources:\n  - {id: s, title: S, published: 05/01/2024}\n",
		want: []string{`t.yaml:2:34: source published "05/01/2024" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)`}},
	{name: "impossible date", src: "sources:\n  - {id: s, title: S, published: 2023-02-29}\n",
		want: []string{`t.yaml:2:34: source published "2023-02-29" is not a real date`}},
	{name: "impossible month", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, reported: 2024-13}\n"),
		want: []string{`t.yaml:8:62: claim reported "2024-13" is not a real date`}},
	{name: "ftp url", src: "sources:\n  - {id: s, title: S, url: 'ftp://example.org/x'}\n",
		want: []string{`t.yaml:2:28: source url "ftp://example.org/x" is not an http or https url`}},
	{name: "javascript url", src: "sources:\n  - {id: s, title: S, url: 'javascript:alert(1)'}\n",
		want: []string{`t.yaml:2:28: source url "javascript:alert(1)" is not an http or https url`}},
	{name: "url without host", src: "sources:\n  - {id: s, title: S, url: 'https:///x'}\n",
		want: []string{`t.yaml:2:28: source url "https:///x" has no host`}},
	{name: "url with spaces", src: "sources:\n  - {id: s, title: S, url: 'https://a.org/x y'}\n",
		want: []string{`t.yaml:2:28: source url "https://a.org/x y" has spaces or control characters`}},
	{name: "bad grade", src: "sources:\n  - {id: s, title: S, reliability: G}\n",
		want: []string{`t.yaml:2:36: source reliability "G" is not an Admiralty grade (want one of A, B, C, D, E, F)`}},
	{name: "lowercase grade", src: "sources:\n  - {id: s, title: S, reliability: b}\n",
		want: []string{`t.yaml:2:36: source reliability "b" is not an Admiralty grade`}},
	{name: "id with a space", src: "entities:\n  - {id: 'a b', name: A, type: company}\n",
		want: []string{`t.yaml:2:10: entity id "a b" has the character ' ': use letters, digits, '-', '_' and '.'`}},
	{name: "contested disagrees", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, contested: true, stances: [{by: a, position: asserts}]}\n"),
		want: []string{"t.yaml:8:63: claim contested is true, but its stances say false"}},

	// --- ids and references ------------------------------------------------
	{name: "duplicate entity id", src: "entities:\n  - {id: a, name: A, type: company}\n  - {id: a, name: B, type: person}\n",
		want: []string{`t.yaml:3:10: duplicate id "a": this entity, and the entity at t.yaml:2:10`}},
	{name: "entity and source share an id", src: "sources:\n  - {id: a, title: S}\nentities:\n  - {id: a, name: A, type: company}\n",
		want: []string{`t.yaml:4:10: duplicate id "a": this entity, and the source at t.yaml:2:10`}},
	{name: "claim id taken by an entity", src: withClaims("  - {id: a, from: a, to: b, relation: r, status: alleged}\n"),
		want: []string{`t.yaml:8:10: duplicate id "a": this claim, and the entity at t.yaml:5:10`}},
	{name: "derived claim ids collide", src: withClaims("  - {from: a, to: b, relation: Funds, status: alleged}\n  - {from: a, to: b, relation: funds!, status: reported}\n"),
		want: []string{`t.yaml:9:5: duplicate id "a--funds--b", derived from this claim's from, relation and to: the claim at t.yaml:8:5 has it too (give one of them an id)`}},
	{name: "dangling to", src: withClaims("  - {from: a, to: alibab, relation: r, status: alleged}\n"),
		want: []string{`t.yaml:8:19: claim to "alibab" is not a known entity`}},
	{name: "dangling from with suggestion", src: "entities:\n  - {id: alibaba, name: A, type: company}\nclaims:\n  - {from: alibab, to: alibaba, relation: r, status: alleged}\n",
		want: []string{`t.yaml:4:12: claim from "alibab" is not a known entity (did you mean "alibaba"?)`}},
	{name: "dangling stance by", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: c, position: asserts}]}\n"),
		want: []string{`t.yaml:8:67: stance by "c" is not a known entity`}},
	{name: "dangling stance source", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, position: asserts, source: memo}]}\n"),
		want: []string{`t.yaml:8:97: stance source "memo" is not a known source`}},
	{name: "dangling claim source", src: withClaims("  - {from: a, to: b, relation: r, status: alleged, sources: [{source: rep}]}\n"),
		want: []string{`t.yaml:8:71: claim source "rep" is not a known source`}},
	{name: "reference of the wrong kind", src: withClaims("  - {from: s, to: b, relation: r, status: alleged}\n"),
		want: []string{`t.yaml:8:12: claim from "s" is a source, not an entity`}},
	{name: "forward reference of the wrong kind", src: "claims:\n  - {from: s, to: s, relation: r, status: alleged}\nsources:\n  - {id: s, title: S}\n",
		want: []string{`t.yaml:2:12: claim from "s" is a source, not an entity`, `t.yaml:2:19: claim to "s" is a source, not an entity`}},
	{name: "dangling derived_from", src: "sources:\n  - {id: s, title: S, derived_from: [wire]}\n",
		want: []string{`t.yaml:2:38: source derived_from "wire" is not a known source`}},
	{name: "derived_from cycle", src: "sources:\n  - {id: s1, title: A, derived_from: [s2]}\n  - {id: s2, title: B, derived_from: [s3]}\n  - {id: s3, title: C, derived_from: [s1]}\n",
		want: []string{"t.yaml:4:39: derived_from cycle: s1 -> s2 -> s3 -> s1"}},
	{name: "source derived from itself", src: "sources:\n  - {id: s1, title: A, derived_from: [s1]}\n",
		want: []string{"t.yaml:2:39: derived_from cycle: s1 -> s1"}},

	// --- hostile YAML ---------------------------------------------------------
	{name: "billion laughs", src: billionLaughs,
		want: []string{"t.yaml:2:4: YAML anchors (&a) are not supported: write the value out"}},
	{name: "alias", src: "title: &t x\nentities: []\nsources: *t\n",
		want: []string{"t.yaml:1:8: YAML anchors (&t) are not supported", "t.yaml:3:10: YAML aliases (*t) are not supported"}},
	{name: "merge key", src: "entities:\n  - id: a\n    <<: {name: A}\n",
		want: []string{"t.yaml:3:5: YAML merge keys (<<) are not supported"}},
	{name: "tag", src: "title: !!str 1984\n",
		want: []string{"t.yaml:1:8: YAML tags (!!str) are not supported"}},
	{name: "two documents", src: "title: a\n---\ntitle: b\n",
		want: []string{"t.yaml:3:1: a second YAML document (after ---): put each dataset in its own file"}},
	{name: "deep flow nesting", src: "title: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n",
		want: []string{"t.yaml:1:107: nesting deeper than 100 levels"}},
	{name: "deep block sequences", src: "title:\n" + strings.Repeat("- ", 100_000) + "x\n",
		want: []string{"t.yaml:2:199: nesting deeper than 100 levels"}},
	{name: "deep block mappings", src: deepBlock(150),
		want: []string{"t.yaml:101:101: nesting deeper than 100 levels"}},
	{name: "deep nesting after an anchor", src: "title: &x " + strings.Repeat("{a: ", 100_000) + "\n",
		want: []string{"t.yaml:1:407: nesting deeper than 100 levels"}},
	{name: "deep json nesting", file: "t.json", src: `{"title": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}",
		want: []string{"t.json:1:11: title: expected a string, got a list"}},
	{name: "deep json nesting in an unknown field", file: "t.json", src: `{"x": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}",
		want: []string{`t.json:1:2: unknown field "x"`, "t.json:1:106: invalid JSON: nesting deeper than 100 levels"}},
}

// deepBlock nests n block mappings by indentation.
func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

// billionLaughs is the classic alias bomb: 10^9 "lol"s if expanded.
var billionLaughs = func() string {
	var b strings.Builder
	b.WriteString("title: x\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(n + ": &" + n + " [")
		for i := range 10 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = n
	}
	return b.String()
}()

// loadWithin runs load and fails the test if it takes longer than a limit
// generous enough for a loaded machine: the cases here are about hangs and
// blow-ups, not speed.
func loadWithin(t *testing.T, load func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- load() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("load did not finish within 30s")
		return nil
	}
}

func problemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v (%T), want *Errors", err, err)
	}
	return errs.Problems
}

func checkProblems(t *testing.T, err error, want []string) {
	t.Helper()
	ps := problemsOf(t, err)
	for _, w := range want {
		found := false
		for _, p := range ps {
			if strings.HasPrefix(p.String(), w) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no problem starting with\n\t%s\ngot:\n\t%v", w, strings.ReplaceAll(err.Error(), "\n", "\n\t"))
		}
	}
}

func TestLoadProblems(t *testing.T) {
	for _, tc := range loadCases {
		t.Run(tc.name, func(t *testing.T) {
			name := tc.file
			if name == "" {
				name = "t.yaml"
			}
			var ds any
			err := loadWithin(t, func() error {
				d, err := LoadBytes(name, []byte(tc.src))
				ds = d
				return err
			})
			if err == nil {
				t.Fatalf("loaded without error: %+v", ds)
			}
			checkProblems(t, err, tc.want)
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.HasSuffix(line, ".") || strings.Contains(line, "internal error") {
					t.Errorf("bad message %q", line)
				}
			}
		})
	}
}

// TestLoadValid pins decisions about inputs that are not errors.
func TestLoadValid(t *testing.T) {
	for _, tc := range []struct{ name, file, src string }{
		{"self-referencing claim", "t.yaml", withClaims("  - {from: a, to: a, relation: contradicts itself, status: reported}\n")},
		{"claim without id", "t.yaml", withClaims("  - {from: a, to: b, relation: funds, status: alleged}\n")},
		{"empty lists and null values", "t.yaml", "title: t\nentities:\nsources: []\nclaims: ~\n"},
		{"empty json object", "t.json", "{}"},
		{"yaml plain scalars as text", "t.yaml", "title: 1984\nentities:\n  - {id: 'no', name: 1984, type: country, country: NO}\n"},
		{"partial dates", "t.yaml", "sources:\n  - {id: s, title: S, published: 2024-05}\n  - {id: s2, title: S, published: '2024'}\n"},
		{"contested agrees", "t.yaml", withClaims("  - {from: a, to: b, relation: r, status: alleged, contested: true, stances: [{by: a, position: asserts}, {by: b, position: denies}]}\n")},
		{"byte order mark", "t.yaml", "\uFEFFtitle: t\n"},
		{"brackets in plain text", "t.yaml", withClaims("  - from: a\n    to: b\n    relation: cites [1] and {2}\n    detail: a [ b\n    status: alleged\n")},
		{"unicode ids", "t.yaml", "entities:\n  - {id: 中国, name: China, type: country}\n"},
		{"json stdin sniffing", "-", `{"title": "t"}`},
		{"big string json", "t.json", `{"title": "` + strings.Repeat("x", 10<<20) + `"}`},
		{"big string yaml", "t.yaml", "title: \"" + strings.Repeat("x", 10<<20) + "\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LoadBytes(tc.file, []byte(tc.src)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestSyntaxErrorAlone checks that a JSON syntax error inside a claim is
// not followed by complaints about the fields the claim never got.
func TestSyntaxErrorAlone(t *testing.T) {
	_, err := LoadBytes("t.json", []byte(`{"claims": [{"from": "a", "to" "b"}]}`))
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].String() != `t.json:1:32: invalid JSON: unexpected '"', want ':' after a field name` {
		t.Errorf("got %v", err)
	}
}

func TestYAMLLenientScalars(t *testing.T) {
	ds, err := LoadBytes("t.yaml", []byte("title: 0x1F\nentities:\n  - {id: 'no', name: 1984, type: country, country: NO}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ds.Title != "0x1F" || ds.Entities[0].Name != "1984" || ds.Entities[0].Country != "NO" {
		t.Errorf("got %+v", ds)
	}
}

func TestDerivedClaimID(t *testing.T) {
	ds, err := LoadBytes("t.yaml", []byte(withClaims("  - {from: a, to: b, relation: Transfers data to, status: alleged}\n")))
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.Claims[0].ID; got != "a--transfers-data-to--b" {
		t.Errorf("derived id %q", got)
	}
}

func TestErrorsCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("entities:\n")
	for range 2000 {
		b.WriteString("  - {id: a, name: A, type: bogus}\n")
	}
	_, err := LoadBytes("t.yaml", []byte(b.String()))
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatal(err)
	}
	// 2000 bad types and 1999 duplicate ids.
	if errs.Total != 3999 || len(errs.Problems) != maxKept {
		t.Errorf("total %d, kept %d", errs.Total, len(errs.Problems))
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxShown+1 || lines[maxShown] != "... and 3949 more problems" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

// --- Load: files, directories, standard input, the size cap -----------------

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadMergesAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"1-entities.yaml": "title: merged\nentities:\n  - {id: a, name: A, type: company}\n",
		"2-claims.json":   `{"title": "ignored", "claims": [{"from": "a", "to": "b", "relation": "r", "status": "alleged"}]}`,
		"3-more.yml":      "entities:\n  - {id: b, name: B, type: person}\n",
		"notes.txt":       "not data",
		".hidden.yaml":    "this: is skipped",
		"sub/x.yaml":      "neither: is this",
	})
	ds, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Title != "merged" || len(ds.Entities) != 2 || len(ds.Claims) != 1 {
		t.Errorf("got %+v", ds)
	}
}

func TestLoadDuplicateAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.yaml": "entities:\n  - {id: a, name: A, type: company}\n",
		"b.yaml": "sources:\n  - {id: x, title: X}\n  - {id: a, title: A}\n",
	})
	_, err := Load([]string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")}, Options{})
	checkProblems(t, err, []string{filepath.Join(dir, "b.yaml") + `:3:10: duplicate id "a": this source, and the entity at ` + filepath.Join(dir, "a.yaml") + ":2:10"})
}

func TestLoadStdin(t *testing.T) {
	ds, err := Load([]string{"-"}, Options{Stdin: strings.NewReader(`{"title": "from stdin"}`)})
	if err != nil || ds.Title != "from stdin" {
		t.Fatalf("%v %+v", err, ds)
	}
	_, err = Load([]string{"-"}, Options{Stdin: strings.NewReader("title: [\n")})
	checkProblems(t, err, []string{"<stdin>:"})
}

func TestLoadSizeCap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.yaml": "title: " + strings.Repeat("x", 100) + "\n", "b.yaml": "title: y\n"})
	_, err := Load([]string{dir}, Options{MaxBytes: 50})
	checkProblems(t, err, []string{filepath.Join(dir, "a.yaml") + ": input exceeds the size limit of 50 bytes in total"})
	// The cap is on the total: each file fits, both do not.
	_, err = Load([]string{filepath.Join(dir, "b.yaml"), filepath.Join(dir, "a.yaml")}, Options{MaxBytes: 110})
	checkProblems(t, err, []string{filepath.Join(dir, "a.yaml") + ": input exceeds the size limit of 110 bytes in total"})
	// Standard input has no size: the limited read catches it.
	_, err = Load([]string{"-"}, Options{MaxBytes: 50, Stdin: strings.NewReader(strings.Repeat("x", 1000))})
	checkProblems(t, err, []string{"<stdin>: input exceeds the size limit of 50 bytes in total"})
}

func TestLoadFileProblems(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.yaml": "title: t\n"})
	if err := os.Symlink("loop.yaml", filepath.Join(dir, "loop.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "self.json")); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	_, err := loadWithin2(t, []string{dir, filepath.Join(dir, "missing.yaml"), empty})
	checkProblems(t, err, []string{
		filepath.Join(dir, "loop.yaml") + ": too many levels of symbolic links",
		filepath.Join(dir, "self.json") + ": is a directory",
		filepath.Join(dir, "missing.yaml") + ": no such file or directory",
		empty + ": no *.yaml, *.yml or *.json files in this directory",
	})
}

func loadWithin2(t *testing.T, paths []string) (any, error) {
	var ds any
	err := loadWithin(t, func() error {
		d, err := Load(paths, Options{})
		ds = d
		return err
	})
	return ds, err
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"secret.yaml": "title: t\n"})
	if err := os.Chmod(filepath.Join(dir, "secret.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	_, err := Load([]string{dir}, Options{})
	checkProblems(t, err, []string{filepath.Join(dir, "secret.yaml") + ": permission denied"})
}
