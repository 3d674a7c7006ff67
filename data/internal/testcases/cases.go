// Package testcases holds the malformed and hostile datasets that the loader
// must reject, each with the problems it must report. It is a fixture
// table shared by two tests: the loader's own (package data) and the
// command's end-to-end test, which runs every case through the real CLI and
// checks the exit status and that no output file was written. Keeping one
// table means a new case is tested at both levels.
package testcases

import (
	"fmt"
	"strings"
	"sync"
)

// Base is a valid dataset whose claims list is open at the end (line 8 on),
// so that a case adds claims and knows their line numbers.
const Base = `title: t
sources:
  - {id: s, title: S}
entities:
  - {id: a, name: A, type: company}
  - {id: b, name: B, type: person}
claims:
`

// WithClaims returns Base followed by claims.
func WithClaims(claims string) string { return Base + claims }

// Case is one malformed or hostile input and the problems it must give,
// each as the start of a "file:line:col: message" line.
type Case struct {
	Name string
	File string // default t.yaml
	Src  string
	Want []string
}

// Load returns the table. It is built on first use: the package is linked
// into the command (see data.HostileCases), whose start-up must not build
// megabytes of hostile text.
var Load = sync.OnceValue(func() []Case {
	return append([]Case{
		// --- syntax -----------------------------------------------------------
		{Name: "yaml unclosed flow", Src: "title: [a, b\nentities: []\n",
			Want: []string{"t.yaml:2:1: invalid YAML: "}},
		{Name: "yaml unterminated quote", Src: "title: 'abc\n",
			Want: []string{"t.yaml:1:8: invalid YAML: could not find end character of single-quoted text"}},
		{Name: "yaml tab indentation", Src: "entities:\n\t- {id: a}\n",
			Want: []string{"t.yaml:2:1: invalid YAML: found character '\t' that cannot start any token"}},
		{Name: "json trailing comma", File: "t.json", Src: `{"title": "t", "entities": [],}`,
			Want: []string{"t.json:1:31: invalid JSON: trailing comma before '}'"}},
		{Name: "json missing colon", File: "t.json", Src: "{\n  \"title\" \"t\"\n}",
			Want: []string{`t.json:2:11: invalid JSON: unexpected '"', want ':' after a field name`}},
		{Name: "json truncated", File: "t.json", Src: `{"title": "t", "entities": [`,
			Want: []string{"t.json:1:29: invalid JSON: unexpected end of file, want a value"}},
		{Name: "json trailing data", File: "t.json", Src: "{}\n{}",
			Want: []string{"t.json:2:1: invalid JSON: unexpected '{' after the end of the top-level value"}},
		{Name: "json single quotes", File: "t.json", Src: `{'title': 't'}`,
			Want: []string{`t.json:1:2: invalid JSON: unexpected '\'', want a quoted field name`}},
		{Name: "json control character", File: "t.json", Src: "{\"title\": \"a\tb\"}",
			Want: []string{`t.json:1:13: invalid JSON: control character '\t' in string`}},
		{Name: "json NUL escape", File: "t.json", Src: `{"title": "a\u0000b"}`,
			Want: []string{`t.json:1:13: invalid JSON: NUL character (\u0000) in string`}},
		{Name: "json lone surrogate", File: "t.json", Src: `{"title": "\ud800x"}`,
			Want: []string{`t.json:1:12: invalid JSON: unpaired surrogate \ud800 in string`}},
		{Name: "json bad escape", File: "t.json", Src: `{"title": "\x41"}`,
			Want: []string{`t.json:1:12: invalid JSON: unknown escape \x in string`}},
		{Name: "json bad number", File: "t.json", Src: `{"title": -}`,
			Want: []string{`t.json:1:12: invalid JSON: malformed number`}},

		// --- empty and non-text files ----------------------------------------
		{Name: "empty file", Src: "",
			Want: []string{"t.yaml: empty file"}},
		{Name: "whitespace only", File: "t.json", Src: " \n\t\n",
			Want: []string{"t.json: empty file"}},
		{Name: "comments only", Src: "# nothing here\n# at all\n",
			Want: []string{"t.yaml: empty file: it holds only comments"}},
		{Name: "NUL byte", Src: "title: a\x00b\n",
			Want: []string{"t.yaml:1:9: NUL byte: this is not a text file"}},
		{Name: "UTF-16 with a byte order mark", Src: "\xff\xfet\x00i\x00t\x00l\x00e\x00:\x00 \x00t\x00\n\x00",
			Want: []string{"t.yaml: UTF-16 text: save the file as UTF-8"}},
		{Name: "UTF-16 without a byte order mark", File: "t.json", Src: "\x00{\x00\"\x00t\x00i\x00t\x00l\x00e\x00\"\x00:\x00 \x00\"\x00t\x00\"\x00}",
			Want: []string{"t.json: UTF-16 text: save the file as UTF-8"}},
		{Name: "invalid UTF-8", Src: "title: ok\nentities: [\xff]\n",
			Want: []string{"t.yaml:2:12: invalid UTF-8"}},
		{Name: "latin-1 text", File: "t.json", Src: "{\"title\": \"caf\xe9\"}",
			Want: []string{"t.json:1:15: invalid UTF-8"}},

		// --- shape and types ---------------------------------------------------
		{Name: "top level is a list", Src: "- a\n- b\n",
			Want: []string{"t.yaml:1:1: the top level: expected a mapping, got a list"}},
		{Name: "top level is null", Src: "~\n",
			Want: []string{"t.yaml:1:1: the file holds no data"}},
		{Name: "json top level is a string", File: "t.json", Src: `"dataset"`,
			Want: []string{"t.json:1:1: the top level: expected a mapping, got a string"}},
		{Name: "entities is a string", Src: "entities: alibaba\n",
			Want: []string{"t.yaml:1:11: entities: expected a list, got a string"}},
		{Name: "entity is a list", Src: "entities:\n  - [a, b]\n",
			Want: []string{"t.yaml:2:5: entity: expected a mapping, got a list"}},
		{Name: "aliases is a string", Src: "entities:\n  - {id: a, name: A, type: company, aliases: Al}\n",
			Want: []string{"t.yaml:2:46: entity aliases: expected a list, got a string"}},
		{Name: "name is a mapping", Src: "entities:\n  - id: a\n    type: company\n    name: {first: A}\n",
			Want: []string{"t.yaml:4:11: entity name: expected a string, got a mapping"}},
		{Name: "contested is a string", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, contested: yes please}\n"),
			Want: []string{"t.yaml:8:63: claim contested: expected true or false, got a string"}},
		{Name: "json number for a string", File: "t.json", Src: `{"entities": [{"id": 7, "name": "A", "type": "company"}]}`,
			Want: []string{"t.json:1:22: entity id: expected a string, got a number"}},
		{Name: "json null stands for empty", File: "t.json", Src: `{"entities": [{"id": "a", "name": null, "type": "company"}]}`,
			Want: []string{"t.json:1:35: entity name is empty"}},

		// --- unknown and repeated fields -------------------------------------
		{Name: "unknown top-level field", Src: "title: t\nentites: []\n",
			Want: []string{`t.yaml:2:1: unknown field "entites" in the top level (did you mean "entities"?)`}},
		{Name: "unknown field without suggestion", Src: "entities:\n  - {id: a, name: A, type: company, colour: red}\n",
			Want: []string{`t.yaml:2:37: unknown field "colour" in entity (known fields: id, name, type, aliases, country, note)`}},
		{Name: "unknown stance field", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, positon: asserts}]}\n"),
			Want: []string{`t.yaml:8:70: unknown field "positon" in stance (did you mean "position"?)`, "t.yaml:8:62: stance position is missing"}},
		{Name: "json unknown field", File: "t.json", Src: "{\n  \"title\": \"t\",\n  \"claimz\": []\n}",
			Want: []string{`t.json:3:3: unknown field "claimz" in the top level (did you mean "claims"?)`}},
		{Name: "yaml repeated field", Src: "entities:\n  - id: a\n    name: A\n    type: company\n    name: B\n",
			Want: []string{`t.yaml:5:5: duplicate field "name" in entity (first at t.yaml:3:5)`}},
		{Name: "json repeated field", File: "t.json", Src: `{"title": "a", "title": "b"}`,
			Want: []string{`t.json:1:16: duplicate field "title" in the top level (first at t.json:1:2)`}},

		// --- required fields ----------------------------------------------------
		{Name: "entity without id", Src: "entities:\n  - {Name: A, type: company}\n",
			Want: []string{"t.yaml:2:5: entity id is missing"}},
		{Name: "entity with blank name", Src: "entities:\n  - {id: a, name: '  ', type: company}\n",
			Want: []string{"t.yaml:2:19: entity name is empty"}},
		{Name: "entity without type", Src: "entities:\n  - id: a\n    name: A\n",
			Want: []string{"t.yaml:2:5: entity type is missing"}},
		{Name: "claim without from and status", Src: WithClaims("  - to: b\n    relation: r\n"),
			Want: []string{"t.yaml:8:5: claim from is missing", "t.yaml:8:5: claim status is missing"}},
		{Name: "source without title", Src: "sources:\n  - id: s\n",
			Want: []string{"t.yaml:2:5: source title is missing"}},
		{Name: "stance without by", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{position: asserts}]}\n"),
			Want: []string{"t.yaml:8:62: stance by is missing"}},

		// --- enums and value formats ----------------------------------------
		{Name: "bad entity type", Src: "entities:\n  - {id: a, name: A, type: compnay}\n",
			Want: []string{`t.yaml:2:28: entity type "compnay" is not one of company, government, agency, military, legislature, person, media, document, product, country, other, group, organization, infrastructure, vessel (did you mean "company"?)`}},
		{Name: "bad status", Src: WithClaims("  - {from: a, to: b, relation: r, status: rumoured}\n"),
			Want: []string{`t.yaml:8:43: claim status "rumoured" is not one of established, reported, alleged, proposed, failed, retracted`}},
		{Name: "bad position", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, position: deny}]}\n"),
			Want: []string{`t.yaml:8:80: stance position "deny" is not one of asserts, confirms, denies, disputes, declined, silent`}},
		{Name: "bad country", Src: "entities:\n  - {id: a, name: A, type: company, country: usa}\n",
			Want: []string{`t.yaml:2:46: entity country "usa" is not an ISO 3166 alpha-2 code`}},
		{Name: "lowercase country", Src: "entities:\n  - {id: a, name: A, type: company, country: us}\n",
			Want: []string{`t.yaml:2:46: entity country "us" is not an ISO 3166 alpha-2 code`}},
		{Name: "bad date shape", Src: "sources:\n  - {id: s, title: S, published: 05/01/2024}\n",
			Want: []string{`t.yaml:2:34: source published "05/01/2024" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)`}},
		{Name: "impossible date", Src: "sources:\n  - {id: s, title: S, published: 2023-02-29}\n",
			Want: []string{`t.yaml:2:34: source published "2023-02-29" is not a real date`}},
		{Name: "impossible month", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, reported: 2024-13}\n"),
			Want: []string{`t.yaml:8:62: claim reported "2024-13" is not a real date`}},
		{Name: "ftp url", Src: "sources:\n  - {id: s, title: S, url: 'ftp://example.org/x'}\n",
			Want: []string{`t.yaml:2:28: source url "ftp://example.org/x" is not an http or https url`}},
		{Name: "javascript url", Src: "sources:\n  - {id: s, title: S, url: 'javascript:alert(1)'}\n",
			Want: []string{`t.yaml:2:28: source url "javascript:alert(1)" is not an http or https url`}},
		{Name: "url without host", Src: "sources:\n  - {id: s, title: S, url: 'https:///x'}\n",
			Want: []string{`t.yaml:2:28: source url "https:///x" has no host`}},
		{Name: "url with spaces", Src: "sources:\n  - {id: s, title: S, url: 'https://a.org/x y'}\n",
			Want: []string{`t.yaml:2:28: source url "https://a.org/x y" has spaces or control characters`}},
		{Name: "bad grade", Src: "sources:\n  - {id: s, title: S, reliability: G}\n",
			Want: []string{`t.yaml:2:36: source reliability "G" is not an Admiralty grade (want one of A, B, C, D, E, F)`}},
		{Name: "lowercase grade", Src: "sources:\n  - {id: s, title: S, reliability: b}\n",
			Want: []string{`t.yaml:2:36: source reliability "b" is not an Admiralty grade`}},
		{Name: "id with a space", Src: "entities:\n  - {id: 'a b', name: A, type: company}\n",
			Want: []string{`t.yaml:2:10: entity id "a b" has the character ' ': use letters, digits, '-', '_' and '.'`}},
		{Name: "contested disagrees", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, contested: true, stances: [{by: a, position: asserts}]}\n"),
			Want: []string{"t.yaml:8:63: claim contested is true, but its stances say false"}},

		// --- ids and references ------------------------------------------------
		{Name: "duplicate entity id", Src: "entities:\n  - {id: a, name: A, type: company}\n  - {id: a, name: B, type: person}\n",
			Want: []string{`t.yaml:3:10: duplicate id "a": this entity, and the entity at t.yaml:2:10`}},
		{Name: "entity and source share an id", Src: "sources:\n  - {id: a, title: S}\nentities:\n  - {id: a, name: A, type: company}\n",
			Want: []string{`t.yaml:4:10: duplicate id "a": this entity, and the source at t.yaml:2:10`}},
		{Name: "claim id taken by an entity", Src: WithClaims("  - {id: a, from: a, to: b, relation: r, status: alleged}\n"),
			Want: []string{`t.yaml:8:10: duplicate id "a": this claim, and the entity at t.yaml:5:10`}},
		{Name: "derived claim ids collide", Src: WithClaims("  - {from: a, to: b, relation: Funds, status: alleged}\n  - {from: a, to: b, relation: funds!, status: reported}\n"),
			Want: []string{`t.yaml:9:5: duplicate id "a--funds--b", derived from this claim's from, relation and to: the claim at t.yaml:8:5 has it too (give one of them an id)`}},
		{Name: "dangling to", Src: WithClaims("  - {from: a, to: alibab, relation: r, status: alleged}\n"),
			Want: []string{`t.yaml:8:19: claim to "alibab" is not a known entity`}},
		{Name: "dangling from with suggestion", Src: "entities:\n  - {id: alibaba, name: A, type: company}\nclaims:\n  - {from: alibab, to: alibaba, relation: r, status: alleged}\n",
			Want: []string{`t.yaml:4:12: claim from "alibab" is not a known entity (did you mean "alibaba"?)`}},
		{Name: "dangling stance by", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: c, position: asserts}]}\n"),
			Want: []string{`t.yaml:8:67: stance by "c" is not a known entity`}},
		{Name: "dangling stance source", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, position: asserts, source: memo}]}\n"),
			Want: []string{`t.yaml:8:97: stance source "memo" is not a known source`}},
		{Name: "dangling claim source", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, sources: [{source: rep}]}\n"),
			Want: []string{`t.yaml:8:71: claim source "rep" is not a known source`}},
		{Name: "reference of the wrong kind", Src: WithClaims("  - {from: s, to: b, relation: r, status: alleged}\n"),
			Want: []string{`t.yaml:8:12: claim from "s" is a source, not an entity`}},
		{Name: "forward reference of the wrong kind", Src: "claims:\n  - {from: s, to: s, relation: r, status: alleged}\nsources:\n  - {id: s, title: S}\n",
			Want: []string{`t.yaml:2:12: claim from "s" is a source, not an entity`, `t.yaml:2:19: claim to "s" is a source, not an entity`}},
		{Name: "dangling derived_from", Src: "sources:\n  - {id: s, title: S, derived_from: [wire]}\n",
			Want: []string{`t.yaml:2:38: source derived_from "wire" is not a known source`}},
		{Name: "derived_from cycle", Src: "sources:\n  - {id: s1, title: A, derived_from: [s2]}\n  - {id: s2, title: B, derived_from: [s3]}\n  - {id: s3, title: C, derived_from: [s1]}\n",
			Want: []string{"t.yaml:4:39: derived_from cycle: s1 -> s2 -> s3 -> s1"}},
		{Name: "long derived_from cycle of long ids", Src: longCycle(30, 200),
			Want: []string{"t.yaml:31:239: derived_from cycle: " + strings.Repeat(strings.Repeat("s", 80)+"… -> ", 5) + "… (21 more) … -> " + strings.Repeat("s", 80) + "… -> "}},
		{Name: "source derived from itself", Src: "sources:\n  - {id: s1, title: A, derived_from: [s1]}\n",
			Want: []string{"t.yaml:2:39: derived_from cycle: s1 -> s1"}},

		// --- characters that forge output -------------------------------------
		{Name: "escape sequence in a relation", Src: WithClaims("  - {from: a, to: b, relation: \"funds\\e[1AEstablished\", status: alleged}\n"),
			Want: []string{"t.yaml:8:32: claim relation has the character U+001B (escape) at character 6: remove it"}},
		{Name: "carriage return in a quote", Src: WithClaims("  - {from: a, to: b, relation: r, status: alleged, stances: [{by: b, position: asserts, quote: \"yes\\rb denies\"}]}\n"),
			Want: []string{"t.yaml:8:96: stance quote has the character U+000D (carriage return) at character 4: remove it"}},
		{Name: "terminal title in a title", File: "t.json", Src: `{"title": "x\u001b]0;pwned\u0007"}`,
			Want: []string{"t.json:1:11: title has the character U+001B (escape) at character 2: remove it"}},
		{Name: "C1 control in a name", File: "t.json", Src: `{"entities": [{"id": "a", "name": "A\u009b2J", "type": "company"}]}`,
			Want: []string{"t.json:1:35: entity name has the character U+009B (a C1 control character) at character 2: remove it"}},
		{Name: "bidi override in an alias", Src: "entities:\n  - {id: a, name: A, type: company, aliases: [\"x\u202Ey\"]}\n",
			Want: []string{"t.yaml:2:47: entity aliases has the character U+202E (a bidirectional formatting character) at character 2: remove it"}},
		{Name: "zero-width space in a publisher", Src: "sources:\n  - {id: s, title: S, publisher: \"The\u200BTimes\"}\n",
			Want: []string{"t.yaml:2:34: source publisher has the character U+200B (an invisible character) at character 4: remove it"}},
		{Name: "byte order mark inside a note", Src: "entities:\n  - {id: a, name: A, type: company, note: \"a\uFEFFb\"}\n",
			Want: []string{"t.yaml:2:43: entity note has the character U+FEFF (zero-width no-break space) at character 2: remove it"}},
		{Name: "escape in a file name", File: "t\x1b[2J\n.yaml", Src: "title: [x]\n",
			Want: []string{`"t\x1b[2J\n.yaml":1:8: title: expected a string, got a list`}},
		{Name: "long value echoed in part", Src: "entities:\n  - {id: a, name: A, type: company, country: " + strings.Repeat("x", 100_000) + "}\n",
			Want: []string{`t.yaml:2:46: entity country "` + strings.Repeat("x", 80) + `…" is not an ISO 3166 alpha-2 code`}},

		// --- quadratic corners ---------------------------------------------------
		{Name: "json duplicate ids on one line", File: "t.json", Src: duplicateIDs(30_000),
			Want: []string{`t.json:1:1488926: duplicate id "e0": this entity, and the entity at t.json:1:36`}},
		{Name: "dangling references to long ids", Src: longIDs(40, 5000),
			Want: []string{`t.yaml:44:12: claim from "` + strings.Repeat("a", 80) + `…" is not a known entity`}},

		// --- hostile YAML ---------------------------------------------------------
		{Name: "billion laughs", Src: billionLaughs(),
			Want: []string{"t.yaml:2:4: YAML anchors (&a) are not supported: write the value out"}},
		{Name: "alias", Src: "title: &t x\nentities: []\nsources: *t\n",
			Want: []string{"t.yaml:1:8: YAML anchors (&t) are not supported", "t.yaml:3:10: YAML aliases (*t) are not supported"}},
		{Name: "merge key", Src: "entities:\n  - id: a\n    <<: {Name: A}\n",
			Want: []string{"t.yaml:3:5: YAML merge keys (<<) are not supported"}},
		{Name: "tag", Src: "title: !!str 1984\n",
			Want: []string{"t.yaml:1:8: YAML tags (!!str) are not supported"}},
		{Name: "two documents", Src: "title: a\n---\ntitle: b\n",
			Want: []string{"t.yaml:3:1: a second YAML document (after ---): put each dataset in its own file"}},
		{Name: "deep flow nesting", Src: "title: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n",
			Want: []string{"t.yaml:1:107: nesting deeper than 100 levels"}},
		{Name: "deep block sequences", Src: "title:\n" + strings.Repeat("- ", 100_000) + "x\n",
			Want: []string{"t.yaml:2:199: nesting deeper than 100 levels"}},
		{Name: "deep block mappings", Src: deepBlock(150),
			Want: []string{"t.yaml:101:101: nesting deeper than 100 levels"}},
		{Name: "deep nesting after an anchor", Src: "title: &x " + strings.Repeat("{a: ", 100_000) + "\n",
			Want: []string{"t.yaml:1:407: nesting deeper than 100 levels"}},
		{Name: "deep flow nesting hidden by a quote after a colon", Src: "title: [x:\"y, " + strings.Repeat("[", 200) + "\n",
			Want: []string{"t.yaml:1:113: nesting deeper than 100 levels"}},
		{Name: "deep block nesting with lone CR line breaks", Src: strings.ReplaceAll(deepBlock(150), "\n", "\r"),
			Want: []string{"t.yaml:101:101: nesting deeper than 100 levels"}},
		{Name: "yaml mapping of many keys", Src: lines(40_000, "k%d: v\n"),
			Want: []string{"t.yaml:101:1: a mapping of more than 100 keys"}},
		{Name: "yaml mapping of many empty keys", Src: lines(120_000, "k%d:\n"),
			Want: []string{"t.yaml:101:1: a mapping of more than 100 keys"}},
		{Name: "yaml many empty list entries", Src: "title: t\nclaims:\n" + strings.Repeat("-\n", 320_000),
			Want: []string{"t.yaml:3142:1: too many empty values for the YAML parser: 3141 so far"}},
		{Name: "yaml many empty values in small mappings", Src: "claims:\n" + strings.Repeat("- a:\n  b:\n", 60_000),
			Want: []string{"t.yaml:3381:4: too many empty values for the YAML parser: 3381 so far"}},
		{Name: "deep json nesting", File: "t.json", Src: `{"title": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}",
			Want: []string{"t.json:1:11: title: expected a string, got a list"}},
		{Name: "deep json nesting in an unknown field", File: "t.json", Src: `{"x": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}",
			Want: []string{`t.json:1:2: unknown field "x"`, "t.json:1:106: invalid JSON: nesting deeper than 100 levels"}},
	}, belief...)
})

// lines repeats format n times, with the repetition's index as its
// argument.
func lines(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// duplicateIDs returns a dataset on one line that defines n entities, then
// each again: the second definitions name the first ones' places, which
// are further and further into the line.
func duplicateIDs(n int) string {
	var b strings.Builder
	b.WriteString(`{"title": "t", "entities": [`)
	for k := range 2 {
		for i := range n {
			if k+i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `{"id": "e%d", "name": "E", "type": "company"}`, i)
		}
	}
	b.WriteString("]}\n")
	return b.String()
}

// longIDs returns a dataset of n entities with ids of the given length
// that differ only at their end, and n claims that name each with its
// last character changed: a full edit distance from each reference to
// each id costs n² times length².
func longIDs(n, length int) string {
	var b strings.Builder
	b.WriteString("title: t\nentities:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: %s-%d, name: E, type: company}\n", strings.Repeat("a", length), i)
	}
	b.WriteString("claims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {from: %s-%dz, to: %s-%d, relation: r, status: alleged}\n", strings.Repeat("a", length), i, strings.Repeat("a", length), i)
	}
	return b.String()
}

// longCycle returns n sources with ids of the given length, each derived
// from the next, the last from the first.
func longCycle(n, length int) string {
	var b strings.Builder
	b.WriteString("sources:\n")
	id := func(i int) string { return strings.Repeat("s", length) + fmt.Sprint(i%n) }
	for i := range n {
		fmt.Fprintf(&b, "  - {id: %s, title: T, derived_from: [%s]}\n", id(i), id(i+1))
	}
	return b.String()
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
func billionLaughs() string {
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
}
