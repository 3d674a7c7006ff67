package graph

import (
	"slices"
	"testing"
)

func TestComputeStats(t *testing.T) {
	//   a ──▶ b ──▶ c      a ──▶ a (self)     d alone
	//   a ──▶ b (twice, contested once)
	ds := &Dataset{
		Sources: []Source{{ID: "s1", Reliability: "B"}, {ID: "s2"}, {ID: "s3", Reliability: "B"}},
		Entities: []Entity{
			{ID: "a", Name: "A", Type: Company}, {ID: "b", Name: "B", Type: Company},
			{ID: "c", Name: "C", Type: Person}, {ID: "d", Name: "D", Type: Media},
		},
		Claims: []Claim{
			{ID: "ab1", From: "a", To: "b", Relation: "r", Status: Alleged,
				Stances: []Stance{{By: "a", Position: Asserts}, {By: "b", Position: Denies}}},
			{ID: "ab2", From: "a", To: "b", Relation: "s", Status: Reported},
			{ID: "bc", From: "b", To: "c", Relation: "r", Status: Established},
			{ID: "aa", From: "a", To: "a", Relation: "r", Status: Established},
		},
	}
	g, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	st := ComputeStats(g, 2)
	if st.Entities != 4 || st.Claims != 4 || st.Contested != 1 || st.Sources != 3 {
		t.Errorf("totals = %d/%d/%d/%d, want 4/4/1/3", st.Entities, st.Claims, st.Contested, st.Sources)
	}
	if n := count(st.EntitiesByType, "company"); n != 2 {
		t.Errorf("company = %d, want 2", n)
	}
	if len(st.EntitiesByType) != len(EntityTypes) || len(st.ClaimsByStatus) != len(Statuses) {
		t.Errorf("breakdowns must list every key, zeros included")
	}
	if n := count(st.ClaimsByStatus, "established"); n != 2 {
		t.Errorf("established = %d, want 2", n)
	}
	if b, u := count(st.SourcesByReliability, "B"), count(st.SourcesByReliability, Unrated); b != 2 || u != 1 {
		t.Errorf("reliability B=%d unrated=%d, want 2 and 1", b, u)
	}
	// a: ab1, ab2, aa (the self-claim once) = 3; b: ab1, ab2, bc = 3; tie by id.
	want := []Degree{{ID: "a", Name: "A", Claims: 3, Out: 3, In: 1}, {ID: "b", Name: "B", Claims: 3, Out: 1, In: 2}}
	if !slices.Equal(st.MostConnected, want) {
		t.Errorf("MostConnected = %+v, want %+v", st.MostConnected, want)
	}
}

func count(cs []Count, key string) int {
	for _, c := range cs {
		if c.Key == key {
			return c.N
		}
	}
	return -1
}
