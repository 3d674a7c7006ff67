package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// timeBase is a valid dataset with dated sources whose claims list is open
// at the end (line 9 on).
const timeBase = `title: t
sources:
  - {id: s1, title: S1, published: 2023-01-10}
  - {id: s2, title: S2, published: 2023-02}
entities:
  - {id: a, name: A, type: company}
  - {id: b, name: B, type: person}
claims:
`

func TestLoadTimeProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"stance date not a date", `  - {from: a, to: b, relation: r, status: alleged, stances: [{by: a, position: asserts, date: 2023-13-01}]}`,
			[]string{`t.yaml:9:95: stance date "2023-13-01" is not a real date`}},
		{"history status not last", "  - from: a\n    to: b\n    relation: r\n    status: alleged\n    history: [{status: reported, date: 2023-01-10}]\n",
			[]string{`t.yaml:12:13: claim status "alleged" is not its history's last status "reported"`}},
		{"history entry needs status and date", "  - from: a\n    to: b\n    relation: r\n    status: alleged\n    history: [{note: x}]\n",
			[]string{`t.yaml:13:15: history status is missing`, `t.yaml:13:15: history date is missing`}},
		{"history status unknown", "  - from: a\n    to: b\n    relation: r\n    status: alleged\n    history: [{status: aleged, date: 2023}]\n",
			[]string{`t.yaml:13:24: history status "aleged" is not one of`}},
		{"history source unknown", "  - from: a\n    to: b\n    relation: r\n    status: alleged\n    history: [{status: alleged, date: 2023, source: s3}]\n",
			[]string{`t.yaml:13:53: history source "s3" is not a known source`}},
		{"when on and start", "  - {from: a, to: b, relation: r, status: alleged, when: {on: 2020, start: 2019}}\n",
			[]string{`t.yaml:9:63: claim when has on and a start or end`}},
		{"when empty", "  - {from: a, to: b, relation: r, status: alleged, when: {}}\n",
			[]string{`t.yaml:9:58: claim when is empty`}},
		{"when end not a date", "  - {from: a, to: b, relation: r, status: alleged, when: {start: 2020, end: soon}}\n",
			[]string{`t.yaml:9:77: when end "soon" is not a date`}},
		{"when unknown field", "  - {from: a, to: b, relation: r, status: alleged, when: {at: 2020}}\n",
			[]string{`t.yaml:9:59: unknown field "at" in claim when`}},
		{"first_reported disagrees", "  - {from: a, to: b, relation: r, status: alleged, sources: [{source: s1}, {source: s2}], first_reported: 2023-02}\n",
			[]string{`t.yaml:9:107: claim first_reported is "2023-02", but its dates say "2023-01-10"`}},
		{"last_reported disagrees", "  - {from: a, to: b, relation: r, status: alleged, sources: [{source: s1}], last_reported: 2023-02}\n",
			[]string{`t.yaml:9:92: claim last_reported is "2023-02", but its dates say "2023-01-10"`}},
		{"first_reported given, nothing dated", "  - {from: a, to: b, relation: r, status: alleged, first_reported: 2023}\n",
			[]string{`t.yaml:9:68: claim first_reported is "2023", but its dates say ""`}},
		{"first_reported checked when the source comes later", "title: t\nentities: [{id: a, name: A, type: company}]\nclaims:\n  - {from: a, to: a, relation: r, status: alleged, sources: [{source: s9}], first_reported: 2023}\nsources:\n  - {id: s9, title: S9, published: 2022}\n",
			[]string{`t.yaml:4:93: claim first_reported is "2023", but its dates say "2022"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src
			if !strings.HasPrefix(src, "title:") {
				src = timeBase + src
			}
			_, err := LoadBytes("t.yaml", []byte(src))
			if err == nil {
				t.Fatal("loaded without error")
			}
			checkProblems(t, err, tc.want)
		})
	}
}

func TestLoadTimeValid(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"open span", "  - {from: a, to: b, relation: r, status: alleged, when: {start: 2020}}\n"},
		{"open start", "  - {from: a, to: b, relation: r, status: alleged, when: {end: 2020-05}}\n"},
		{"when null", "  - {from: a, to: b, relation: r, status: alleged, when: null}\n"},
		{"derived dates agree", "  - {from: a, to: b, relation: r, status: alleged, sources: [{source: s1}, {source: s2}], stances: [{by: a, position: asserts, date: 2022-12}], first_reported: 2022-12, last_reported: 2023-02}\n"},
		{"history ends at status", "  - {from: a, to: b, relation: r, status: reported, history: [{status: alleged, date: 2023}, {status: reported, date: 2023-02, source: s2, note: n}]}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LoadBytes("t.yaml", []byte(timeBase+tc.src)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestRoundTripStory(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "time", "story.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := LoadBytes("story.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, ds)
	out := string(exportJSON(t, ds))
	for _, want := range []string{`"first_reported": "2023-01-10"`, `"last_reported": "2023-04-20"`, `"when": {`, `"history": [`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
}
