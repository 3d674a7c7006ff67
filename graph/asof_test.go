package graph

import (
	"fmt"
	"slices"
	"testing"
)

// asOfFixture is the three-stage story: an allegation (s1, 2023-01-10), a
// denial (s2, 2023-02), a status change when prosecutors charge (s3,
// 2023-04-20), plus an undated source and an inference with no source.
func asOfFixture() *Dataset {
	return &Dataset{
		Title: "story",
		Entities: []Entity{
			{ID: "acme", Name: "Acme", Type: Company}, {ID: "port", Name: "Port", Type: Agency},
			{ID: "paper", Name: "Paper", Type: Media}, {ID: "pros", Name: "Prosecutor", Type: Agency},
		},
		Sources: []Source{
			{ID: "s1", Title: "story", Published: "2023-01-10"},
			{ID: "s2", Title: "denial", Published: "2023-02"},
			{ID: "s3", Title: "charges", Published: "2023-04-20", DerivedFrom: []string{"s1"}},
			{ID: "u", Title: "undated"},
		},
		Claims: []Claim{
			{ID: "bribe", From: "acme", To: "port", Relation: "bribed", Status: Established,
				History: []HistoryEntry{{Status: Alleged, Date: "2023-01-10", Source: "s1"}, {Status: Established, Date: "2023-04-20", Source: "s3"}},
				Stances: []Stance{
					{By: "paper", Position: Asserts, Source: "s1"},
					{By: "acme", Position: Denies, Source: "s2"},
					{By: "pros", Position: Confirms, Source: "s3"},
					{By: "port", Position: Declined, Date: "2023-01-12", Source: "s3"}, // dated before its source
				},
				Sources: []SourceRef{{Source: "s1"}, {Source: "s3"}}},
			{ID: "award", From: "port", To: "acme", Relation: "awarded", Status: Established,
				Sources: []SourceRef{{Source: "s3"}}},
			{ID: "undated", From: "port", To: "paper", Relation: "talks to", Status: Reported,
				Sources: []SourceRef{{Source: "u"}}, Stances: []Stance{{By: "paper", Position: Asserts}}},
			{ID: "inferred", From: "pros", To: "port", Relation: "investigates", Status: Reported},
		},
	}
}

// summary writes what AsOf kept, one line per claim.
func asOfSummary(ds *Dataset) []string {
	var out []string
	for _, s := range ds.Sources {
		out = append(out, fmt.Sprintf("source %s %v", s.ID, s.DerivedFrom))
	}
	for _, c := range ds.Claims {
		line := fmt.Sprintf("claim %s %s contested=%t sources=%d", c.ID, c.Status, c.Contested(), len(c.Sources))
		for _, st := range c.Stances {
			line += fmt.Sprintf(" %s:%s@%s", st.By, st.Position, st.Source)
		}
		line += fmt.Sprintf(" history=%d", len(c.History))
		out = append(out, line)
	}
	return out
}

func TestAsOf(t *testing.T) {
	for _, tc := range []struct {
		date     string
		undated  Undated
		want     []string
		nUndated int
	}{
		{"2022-12-31", KeepUndated, []string{
			"source u []",
			"claim undated reported contested=false sources=1 paper:asserts@ history=0",
			"claim inferred reported contested=false sources=0 history=0",
		}, 3},
		{"2023-01-10", KeepUndated, []string{
			"source s1 []", "source u []",
			"claim bribe alleged contested=false sources=1 paper:asserts@s1 history=1",
			"claim undated reported contested=false sources=1 paper:asserts@ history=0",
			"claim inferred reported contested=false sources=0 history=0",
		}, 3},
		{"2023-01", KeepUndated, []string{ // a month counts as its first day
			"source u []",
			"claim undated reported contested=false sources=1 paper:asserts@ history=0",
			"claim inferred reported contested=false sources=0 history=0",
		}, 3},
		{"2023-02-01", ExcludeUndated, []string{ // s2's "2023-02" is 1 February
			"source s1 []", "source s2 []",
			"claim bribe alleged contested=true sources=1 paper:asserts@s1 acme:denies@s2 port:declined@ history=1",
		}, 2}, // the undated claim's stance is not met: its source is dropped
		{"2023-04-20", KeepUndated, []string{
			"source s1 []", "source s2 []", "source s3 [s1]", "source u []",
			"claim bribe established contested=true sources=2 paper:asserts@s1 acme:denies@s2 pros:confirms@s3 port:declined@s3 history=2",
			"claim award established contested=false sources=1 history=0",
			"claim undated reported contested=false sources=1 paper:asserts@ history=0",
			"claim inferred reported contested=false sources=0 history=0",
		}, 3},
	} {
		t.Run(fmt.Sprint(tc.date, tc.undated), func(t *testing.T) {
			ds := asOfFixture()
			before := asOfSummary(ds)
			got, st := AsOf(ds, tc.date, tc.undated)
			if s := asOfSummary(got); !slices.Equal(s, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", s, tc.want)
			}
			if st.Undated != tc.nUndated {
				t.Errorf("undated = %d, want %d", st.Undated, tc.nUndated)
			}
			if after := asOfSummary(ds); !slices.Equal(before, after) {
				t.Errorf("AsOf changed its input:\n%q", after)
			}
			if len(got.Entities) != len(ds.Entities) {
				t.Errorf("entities: %d, want all %d", len(got.Entities), len(ds.Entities))
			}
			if _, err := New(got); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestAsOfStatusBeforeHistory pins the rule for a date before the first
// history entry: the claim reads as its first status, not its last.
func TestAsOfStatusBeforeHistory(t *testing.T) {
	ds := &Dataset{
		Entities: []Entity{{ID: "a"}, {ID: "b"}},
		Sources:  []Source{{ID: "s", Published: "2020"}},
		Claims: []Claim{{ID: "c", From: "a", To: "b", Status: Retracted, Sources: []SourceRef{{Source: "s"}},
			History: []HistoryEntry{{Status: Alleged, Date: "2021"}, {Status: Retracted, Date: "2022"}}}},
	}
	got, _ := AsOf(ds, "2020-06", KeepUndated)
	if c := got.Claims[0]; c.Status != Alleged || len(c.History) != 0 {
		t.Errorf("got %s with %d history entries, want alleged and none", c.Status, len(c.History))
	}
}

func TestReportedSpan(t *testing.T) {
	ds := asOfFixture()
	g, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ claim, first, last string }{
		{"bribe", "2023-01-10", "2023-04-20"},
		{"award", "2023-04-20", "2023-04-20"},
		{"undated", "", ""},
		{"inferred", "", ""},
	} {
		first, last := g.ReportedSpan(g.Claim(tc.claim))
		if first != tc.first || last != tc.last {
			t.Errorf("%s: got %q..%q, want %q..%q", tc.claim, first, last, tc.first, tc.last)
		}
	}
}

func TestCompareDates(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"2023", "2023-01-01", -1}, // same first day: by how written
		{"2023-01", "2023-01-02", -1},
		{"2023-02", "2023-01-31", 1},
		{"", "1999", -1},
		{"2023-03-01", "2023-03-01", 0},
	} {
		if got := CompareDates(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareDates(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestAsOfInPlace: the in-place projection gives what the copying one does.
func TestAsOfInPlace(t *testing.T) {
	for _, date := range []string{"2022", "2023-01-10", "2023-02", "2023-04-20", "2030"} {
		for _, u := range []Undated{KeepUndated, ExcludeUndated} {
			want, wst := AsOf(asOfFixture(), date, u)
			got, gst := AsOfInPlace(asOfFixture(), date, u)
			if !slices.Equal(asOfSummary(got), asOfSummary(want)) || gst != wst {
				t.Errorf("%s %d: in place\n%q\ncopy\n%q", date, u, asOfSummary(got), asOfSummary(want))
			}
		}
	}
}
