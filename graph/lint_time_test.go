package graph

import (
	"slices"
	"testing"
)

func TestLintDates(t *testing.T) {
	base := func() *Dataset {
		return &Dataset{
			Entities: []Entity{{ID: "a", Name: "A", Type: Company}, {ID: "b", Name: "B", Type: Person}},
			Sources:  []Source{{ID: "s1", Title: "S1", Published: "2023-03-10"}, {ID: "s2", Title: "S2", Published: "2023-05", Retrieved: "2023-05-01"}},
		}
	}
	claim := func(f func(*Claim)) Claim {
		c := Claim{ID: "c", From: "a", To: "b", Relation: "r", Status: Reported,
			Sources: []SourceRef{{Source: "s1", Quote: "q"}, {Source: "s2", Quote: "q"}}}
		f(&c)
		return c
	}
	for _, tc := range []struct {
		name string
		c    Claim
		want []string // finding lines of the date rules
	}{
		{"in order", claim(func(c *Claim) {
			c.Stances = []Stance{{By: "a", Position: Asserts, Date: "2023-03-10"}, {By: "b", Position: Denies, Date: "2023"}}
			c.History = []HistoryEntry{{Status: Alleged, Date: "2023-03"}, {Status: Reported, Date: "2023-03"}}
			c.When = &When{Start: "2020", End: "2020-01-01"}
		}), nil},
		{"stance before the earliest source", claim(func(c *Claim) {
			c.Stances = []Stance{{By: "b", Position: Denies, Date: "2023-03-09"}}
		}), []string{`claim "c": "b" denies it on 2023-03-09, before its earliest source (2023-03-10) [stance-before-source]`}},
		{"stance of an earlier month", claim(func(c *Claim) {
			c.Stances = []Stance{{By: "a", Position: Asserts, Date: "2023-02"}}
		}), []string{`claim "c": "a" asserts it on 2023-02, before its earliest source (2023-03-10) [stance-before-source]`}},
		{"end before start", claim(func(c *Claim) { c.When = &When{Start: "2021-06", End: "2021-05-31"} }),
			[]string{`claim "c": its event time ends (2021-05-31) before it starts (2021-06) [when-end-before-start]`}},
		{"retrieved before published", claim(func(c *Claim) {}), []string{`source "s1": was retrieved on 2023-03-09, before it was published (2023-03-10) [retrieved-before-published]`}},
		{"history out of order", claim(func(c *Claim) {
			c.History = []HistoryEntry{{Status: Alleged, Date: "2023-04"}, {Status: Reported, Date: "2023-03-31"}}
		}), []string{`claim "c": its history goes back in time: reported (2023-03-31) after alleged (2023-04) [history-order]`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := base()
			ds.Claims = []Claim{tc.c}
			if tc.name == "retrieved before published" {
				ds.Sources[0].Retrieved = "2023-03-09"
			}
			var got []string
			for _, f := range Lint(mustNew(t, ds)) {
				if slices.Contains([]string{"stance-before-source", "when-end-before-start", "history-order", "retrieved-before-published"}, f.Rule) {
					got = append(got, f.String())
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
