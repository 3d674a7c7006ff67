package graph

import "testing"

func TestDiffTimeFields(t *testing.T) {
	c := Claim{ID: "c", From: "a", To: "b", Relation: "r", Status: Reported,
		History: []HistoryEntry{{Status: Alleged, Date: "2023"}, {Status: Reported, Date: "2023-05", Source: "s"}},
		When:    &When{Start: "2021-06"}}
	for _, tc := range []struct {
		name     string
		change   func(*Claim)
		field    Field
		old, new string
	}{
		{"history entry added", func(c *Claim) {
			c.History = append([]HistoryEntry{{Status: Proposed, Date: "2022"}}, c.History...)
		}, "history", "alleged 2023; reported 2023-05 (s)", "proposed 2022; alleged 2023; reported 2023-05 (s)"},
		{"span closed", func(c *Claim) { c.When = &When{Start: "2021-06", End: "2022"} }, "when", "2021-06 to", "2021-06 to 2022"},
		{"event time dropped", func(c *Claim) { c.When = nil }, "when", "2021-06 to", ""},
		{"on", func(c *Claim) { c.When = &When{On: "2020-02-02"} }, "when", "2021-06 to", "2020-02-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := c
			tc.change(&b)
			var got []Change
			for _, ch := range claimChanges(&c, &b) {
				if ch.Field == tc.field {
					got = append(got, ch)
				}
			}
			if len(got) != 1 || got[0].Old != tc.old || got[0].New != tc.new {
				t.Errorf("got %+v, want one %s change %q → %q", got, tc.field, tc.old, tc.new)
			}
		})
	}
}
