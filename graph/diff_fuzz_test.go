package graph

import (
	"encoding/json"
	"testing"
)

// FuzzDiff reads two datasets as JSON (the model's own encoding, so that the
// fuzzer needs no loader) and checks, for every pair that indexes: diff(a, a)
// is empty, diff(a, b) neither panics nor loses anything, since applying it
// to a gives b back, and its summary can be taken.
func FuzzDiff(f *testing.F) {
	add := func(a, b *Dataset) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		f.Add(ja, jb)
	}
	small := &Dataset{
		Title:    "t",
		Sources:  []Source{{ID: "r"}},
		Entities: []Entity{{ID: "a", Aliases: []string{"x"}}, {ID: "b"}},
		Claims: []Claim{{From: "a", To: "b", Relation: "r", Status: Alleged,
			Stances: []Stance{{By: "a", Position: Denies}, {By: "b", Position: Asserts}},
			Sources: []SourceRef{{Source: "r", Quote: "q"}}}},
	}
	add(small, small)
	add(small, &Dataset{})
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var da, db Dataset
		if json.Unmarshal(a, &da) != nil || json.Unmarshal(b, &db) != nil {
			return
		}
		ga, err := New(&da)
		if err != nil {
			return
		}
		gb, err := New(&db)
		if err != nil {
			return
		}
		if d := Compare(ga, ga); !d.Empty() {
			t.Fatalf("diff(a, a) is not empty: %q", facts(d))
		}
		Compare(ga, gb).Summarize()
		checkApply(t, &da, &db)
	})
}
