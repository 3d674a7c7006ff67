package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// lintBase is a small dataset no rule fires on: two independent sources,
// one contested claim with quoted stances, every entity mentioned.
//
//	a ──reported, a asserts, b denies (s1, s2)──▶ b
func lintBase() *Dataset {
	return &Dataset{
		Sources: []Source{{ID: "s1", Reliability: "A"}, {ID: "s2", Reliability: "B"}},
		Entities: []Entity{
			{ID: "a", Name: "A", Type: Company},
			{ID: "b", Name: "B", Type: Person},
		},
		Claims: []Claim{{
			ID: "c1", From: "a", To: "b", Relation: "pays", Status: Reported,
			Stances: []Stance{
				{By: "a", Position: Asserts, Quote: "we pay"},
				{By: "b", Position: Denies, Quote: "never"},
			},
			Sources: []SourceRef{{Source: "s1", Quote: "a pays b"}, {Source: "s2", Quote: "payments"}},
		}},
	}
}

func TestLint(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(ds *Dataset)
		want   []string // "severity: finding" lines
	}{
		{"clean", func(*Dataset) {}, nil},

		{"no-source fires", func(ds *Dataset) { ds.Claims[0].Sources = nil },
			[]string{`warning: claim "c1": cites no source [no-source]`}},

		{"unquoted-source fires once per document", func(ds *Dataset) {
			ds.Claims[0].Sources = []SourceRef{{Source: "s1"}, {Source: "s1", Quote: " "}, {Source: "s2", Quote: "q"}}
		}, []string{`warning: claim "c1": cites source "s1" without a quote [unquoted-source]`}},

		{"unquoted-denial fires", func(ds *Dataset) { ds.Claims[0].Stances[1].Quote = "" },
			[]string{`warning: claim "c1": is contested, but "b" denies it without a quote [unquoted-denial]`}},
		{"unquoted-denial needs a contested claim", func(ds *Dataset) {
			ds.Claims[0].Stances = []Stance{{By: "b", Position: Disputes}}
		}, []string{`note: claim "c1": is denied or disputed, but no stance asserts or confirms it [denied-unasserted]`}},

		{"single-source fires", func(ds *Dataset) {
			ds.Claims[0].Sources = []SourceRef{{Source: "s1", Quote: "x"}, {Source: "s1", Quote: "y"}}
		}, []string{`warning: claim "c1": rests on a single source, "s1" [single-source]`}},
		{"single-source is one note when the dataset has one source", func(ds *Dataset) {
			ds.Sources = ds.Sources[:1]
			ds.Claims[0].Sources = ds.Claims[0].Sources[:1]
			ds.Claims = append(ds.Claims, Claim{ID: "c2", From: "b", To: "a", Relation: "r", Status: Reported,
				Sources: []SourceRef{{Source: "s1", Quote: "q"}}})
		}, []string{`note: source "s1": is the dataset's only source: 2 of 2 claims rest on it alone [single-source]`}},

		{"circular-reporting fires on a shared origin", func(ds *Dataset) {
			// s1 ─▶ memo ◀─ s2: both outlets repeat the memo.
			ds.Sources = append(ds.Sources, Source{ID: "memo"})
			ds.Sources[0].DerivedFrom = []string{"memo"}
			ds.Sources[1].DerivedFrom = []string{"memo"}
		}, []string{`warning: claim "c1": its 2 sources (s1, s2) all trace back to one origin, "memo" [circular-reporting]`}},
		{"circular-reporting fires when one source repeats the other", func(ds *Dataset) {
			ds.Sources[1].DerivedFrom = []string{"s1"}
		}, []string{`warning: claim "c1": its 2 sources (s1, s2) all trace back to one origin, "s1" [circular-reporting]`}},
		{"circular-reporting follows chains", func(ds *Dataset) {
			// s1 ─▶ m1 ─▶ memo ◀─ s2
			ds.Sources = append(ds.Sources, Source{ID: "m1", DerivedFrom: []string{"memo"}}, Source{ID: "memo"})
			ds.Sources[0].DerivedFrom = []string{"m1"}
			ds.Sources[1].DerivedFrom = []string{"memo"}
		}, []string{`warning: claim "c1": its 2 sources (s1, s2) all trace back to one origin, "memo" [circular-reporting]`}},
		{"circular-reporting stays quiet with two origins", func(ds *Dataset) {
			// s1 ─▶ memo, s2 ─▶ {memo, leak}: s2 has an independent origin.
			ds.Sources = append(ds.Sources, Source{ID: "memo"}, Source{ID: "leak"})
			ds.Sources[0].DerivedFrom = []string{"memo"}
			ds.Sources[1].DerivedFrom = []string{"memo", "leak"}
		}, nil},

		{"derived-cycle fires once per cycle", func(ds *Dataset) {
			// s1 ─▶ x ─▶ y ─▶ s1, and s2 ─▶ s2.
			ds.Sources = append(ds.Sources, Source{ID: "x", DerivedFrom: []string{"y"}}, Source{ID: "y", DerivedFrom: []string{"s1"}})
			ds.Sources[0].DerivedFrom = []string{"x"}
			ds.Sources[1].DerivedFrom = []string{"s2"}
		}, []string{
			`error: source "s1": derived_from cycle: s1 → x → y → s1 [derived-cycle]`,
			`error: source "s2": derived_from cycle: s2 → s2 [derived-cycle]`,
		}},
		{"derived-cycle ignores a diamond", func(ds *Dataset) {
			// s1 ─▶ {x, y} ─▶ z
			ds.Sources = append(ds.Sources, Source{ID: "x", DerivedFrom: []string{"z"}},
				Source{ID: "y", DerivedFrom: []string{"z"}}, Source{ID: "z"})
			ds.Sources[0].DerivedFrom = []string{"x", "y"}
		}, nil},

		{"status-stance: established yet denied", func(ds *Dataset) { ds.Claims[0].Status = Established },
			[]string{`warning: claim "c1": is established, yet "b" denies it [status-stance]`}},
		{"status-stance: retracted yet confirmed", func(ds *Dataset) {
			ds.Claims[0].Status = Retracted
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "a", Position: Confirms, Quote: "still true"})
		}, []string{`warning: claim "c1": is retracted, yet "a" confirms it [status-stance]`}},
		{"status-stance: retracted after an assertion is fine", func(ds *Dataset) { ds.Claims[0].Status = Retracted }, nil},
		{"status-stance: alleged by no one", func(ds *Dataset) {
			ds.Claims[0].Status = Alleged
			ds.Claims[0].Stances = ds.Claims[0].Stances[1:]
		}, []string{`warning: claim "c1": is alleged, yet no party asserts or confirms it [status-stance]`,
			`note: claim "c1": is denied or disputed, but no stance asserts or confirms it [denied-unasserted]`}},
		{"status-stance: alleged by a party is fine", func(ds *Dataset) { ds.Claims[0].Status = Alleged }, nil},

		{"unmentioned-entity fires", func(ds *Dataset) {
			ds.Entities = append(ds.Entities, Entity{ID: "lonely", Name: "L", Type: OtherType})
		}, []string{`warning: entity "lonely": is mentioned by no claim (as from, to or stance holder) [unmentioned-entity]`}},
		{"unmentioned-entity counts stance holders", func(ds *Dataset) {
			ds.Entities = append(ds.Entities, Entity{ID: "pundit", Name: "P", Type: Person})
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "pundit", Position: Silent})
		}, []string{`note: entity "pundit": is in no claim's from or to; it only takes positions [positions-only-entity]`}},

		{"confusable-ids fires on a Cyrillic look-alike", func(ds *Dataset) {
			// "\u0430" is CYRILLIC SMALL LETTER A.
			ds.Entities = append(ds.Entities, Entity{ID: "\u0430", Name: "A", Type: Company},
				Entity{ID: "alibaba", Name: "Alibaba", Type: Company}, Entity{ID: "\u0430libab\u0430", Name: "Alibaba", Type: Company})
			ds.Sources = append(ds.Sources, Source{ID: "\u0455\u0031"}) // DZE for s
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "\u0430", Position: Silent},
				Stance{By: "alibaba", Position: Silent}, Stance{By: "\u0430libab\u0430", Position: Silent})
			ds.Claims[0].Sources = append(ds.Claims[0].Sources, SourceRef{Source: "\u0455\u0031", Quote: "q"})
		}, []string{
			`warning: entity "а": looks like entity "a" but is spelled differently: U+0430 at byte 0 [confusable-ids]`,
			`warning: entity "аlibabа": looks like entity "alibaba" but is spelled differently: U+0430 at byte 0, U+0430 at byte 7 [confusable-ids]`,
			`warning: source "ѕ1": looks like source "s1" but is spelled differently: U+0455 at byte 0 [confusable-ids]`,
			// The look-alikes only take positions here, which is a note of its own.
			`note: entity "alibaba": is in no claim's from or to; it only takes positions [positions-only-entity]`,
			`note: entity "а": is in no claim's from or to; it only takes positions [positions-only-entity]`,
			`note: entity "аlibabа": is in no claim's from or to; it only takes positions [positions-only-entity]`,
		}},
		{"confusable-ids leaves ASCII look-alikes alone", func(ds *Dataset) {
			ds.Entities = append(ds.Entities, Entity{ID: "rn", Name: "RN", Type: Company}, Entity{ID: "m", Name: "M", Type: Company},
				Entity{ID: "caf\u00e9", Name: "Café", Type: Company})
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "rn", Position: Silent}, Stance{By: "m", Position: Silent},
				Stance{By: "caf\u00e9", Position: Silent})
		}, []string{ // no confusable-ids: only the notes that they only take positions
			`note: entity "café": is in no claim's from or to; it only takes positions [positions-only-entity]`,
			`note: entity "m": is in no claim's from or to; it only takes positions [positions-only-entity]`,
			`note: entity "rn": is in no claim's from or to; it only takes positions [positions-only-entity]`,
		}},

		{"findings sort errors first, then rule order", func(ds *Dataset) {
			ds.Entities = append(ds.Entities, Entity{ID: "lonely", Name: "L", Type: OtherType})
			ds.Claims[0].Sources = nil
			ds.Sources[0].DerivedFrom = []string{"s1"}
		}, []string{
			`error: source "s1": derived_from cycle: s1 → s1 [derived-cycle]`,
			`warning: claim "c1": cites no source [no-source]`,
			`warning: entity "lonely": is mentioned by no claim (as from, to or stance holder) [unmentioned-entity]`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := lintBase()
			tt.mutate(ds)
			g, err := New(ds)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range Lint(g) {
				got = append(got, string(f.Severity)+": "+f.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lint:\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestSourceOriginsCycleTerminates pins that origins are computed without
// looping when derived_from chains cycle, and that a source leading only
// into a cycle has no origin.
func TestSourceOriginsCycleTerminates(t *testing.T) {
	// tail ─▶ a ─▶ b ─▶ a;  root alone;  mixed ─▶ {a, root}
	ds := &Dataset{Sources: []Source{
		{ID: "tail", DerivedFrom: []string{"a"}},
		{ID: "a", DerivedFrom: []string{"b"}},
		{ID: "b", DerivedFrom: []string{"a"}},
		{ID: "root"},
		{ID: "mixed", DerivedFrom: []string{"a", "root"}},
		{ID: "dangling", DerivedFrom: []string{"nowhere"}},
	}}
	g, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"tail": nil, "a": nil, "b": nil,
		"root": {"root"}, "mixed": {"root"}, "dangling": {"dangling"},
	}
	for id, w := range want {
		if got := originIDs(g, id); !slices.Equal(got, w) {
			t.Errorf("origins(%s) = %v, want %v", id, got, w)
		}
	}
}

// originIDs returns the origins the provenance graph keeps for source id
// (at most two), sorted.
func originIDs(g *Graph, id string) []string {
	o := g.provenance().originsOf(g.sourceIndex(id))
	var ids []string
	for _, i := range o.id[:o.n] {
		ids = append(ids, g.sources[i].ID)
	}
	slices.Sort(ids)
	return ids
}

// TestRulesDocumented keeps the rule table honest: every rule has a unique
// name, a severity, a doc line and a check, and the engine runs exactly the
// rules of the table: on a dataset that breaks every rule once, each rule
// reports under its own name, and no finding comes from a rule the table
// (and so check --help) does not list.
func TestRulesDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.Name == "" || r.Doc == "" || r.Severity == "" || r.run == nil || seen[r.Name] {
			t.Errorf("rule %+v: incomplete or duplicate", r.Name)
		}
		seen[r.Name] = true
	}
	ds := lintBase()
	ds.Sources = append(ds.Sources, Source{ID: "loop", DerivedFrom: []string{"loop"}}, Source{ID: "s3", DerivedFrom: []string{"s1"}})
	ds.Entities = append(ds.Entities, Entity{ID: "lonely", Name: "L", Type: OtherType}, Entity{ID: "\u0430", Name: "A", Type: Company})
	ds.Claims = append(ds.Claims,
		Claim{ID: "bare", From: "a", To: "b", Relation: "r", Status: Established,
			Stances: []Stance{{By: "a", Position: Asserts}, {By: "b", Position: Denies}, {By: "\u0430", Position: Silent}}},
		Claim{ID: "one", From: "a", To: "b", Relation: "r", Status: Reported, Sources: []SourceRef{{Source: "s1"}}},
		Claim{ID: "echo", From: "a", To: "b", Relation: "r", Status: Reported,
			Sources: []SourceRef{{Source: "s1", Quote: "q"}, {Source: "s3", Quote: "q"}}},
		// The belief rules: a quote missing from its source's text, a party
		// both denying and silent, a hedged established claim, a denial
		// nobody answers.
		Claim{ID: "belief", From: "a", To: "b", Relation: "r", Status: Established,
			Stances: []Stance{{By: "b", Position: Denies, Quote: "no"}, {By: "b", Position: Silent, Quote: "silent"}},
			Sources: []SourceRef{{Source: "texted", Quote: "it reportedly happened"}}})
	ds.Sources = append(ds.Sources, Source{ID: "texted", Text: "Something else."})
	ds.Sources = append(ds.Sources, Source{ID: "dated", Published: "2023-03", Retrieved: "2023-02-28"})
	ds.Claims = append(ds.Claims, Claim{ID: "dates", From: "a", To: "b", Relation: "r", Status: Reported,
		Sources: []SourceRef{{Source: "dated", Quote: "q"}}, Stances: []Stance{{By: "a", Position: Asserts, Date: "2022"}},
		History: []HistoryEntry{{Status: Reported, Date: "2023"}, {Status: Reported, Date: "2022"}}, When: &When{Start: "2023", End: "2022"}})
	ran := map[string]bool{}
	for _, grp := range LintCapped(mustNew(t, ds), 1) {
		if !seen[grp.Rule] {
			t.Errorf("the engine ran rule %q, which Rules does not list", grp.Rule)
		}
		ran[grp.Rule] = true
	}
	for _, r := range Rules {
		if !ran[r.Name] {
			t.Errorf("rule %q is listed but reported nothing on a dataset that breaks it", r.Name)
		}
	}
}

// BenchmarkLint runs every rule on a synthetic graph: 20k entities, 100k
// claims citing two of 1k sources, half of which repeat one of ten origins.
func BenchmarkLint(b *testing.B) {
	ds := &Dataset{}
	for i := range 1000 {
		s := Source{ID: fmt.Sprintf("s%04d", i)}
		if i >= 10 && i%2 == 0 {
			s.DerivedFrom = []string{fmt.Sprintf("s%04d", i%10)}
		}
		ds.Sources = append(ds.Sources, s)
	}
	for i := range 20000 {
		ds.Entities = append(ds.Entities, Entity{ID: fmt.Sprintf("e%05d", i), Name: "E", Type: OtherType})
	}
	for i := range 100000 {
		ds.Claims = append(ds.Claims, Claim{
			ID: fmt.Sprintf("c%06d", i), From: fmt.Sprintf("e%05d", i%20000), To: fmt.Sprintf("e%05d", (i*7+1)%20000),
			Relation: "r", Status: Alleged,
			Stances: []Stance{{By: fmt.Sprintf("e%05d", i%20000), Position: Asserts, Quote: "q"}},
			Sources: []SourceRef{{Source: fmt.Sprintf("s%04d", i%1000), Quote: "q"}, {Source: fmt.Sprintf("s%04d", (i*3)%1000)}},
		})
	}
	g, err := New(ds)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		Lint(g)
	}
}

// TestSourceOriginsMatchesReference checks the condensation-based origins
// against the obvious definition, on random derived_from graphs with cycles,
// self-loops, diamonds and dangling references: the origins of s are the
// sources reachable from s (s included) that derive from no known source.
// The provenance graph keeps at most two of them (all the rules ask is
// none, one or more): those must be origins, and as many as there are up
// to two.
func TestSourceOriginsMatchesReference(t *testing.T) {
	// Both ways of building the successor lists: through the library, and
	// directly (above libraryMaxEdges).
	defer func(m int) { libraryMaxEdges = m }(libraryMaxEdges)
	for _, max := range []int{libraryMaxEdges, 0} {
		libraryMaxEdges = max
		t.Run(fmt.Sprint("libraryMaxEdges=", max), testSourceOriginsMatchesReference)
	}
}

func testSourceOriginsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		n := 1 + rng.IntN(12)
		ds := &Dataset{}
		for i := range n {
			s := Source{ID: fmt.Sprintf("s%02d", i)}
			for range rng.IntN(3) {
				if rng.IntN(8) == 0 {
					s.DerivedFrom = append(s.DerivedFrom, "dangling")
				} else {
					s.DerivedFrom = append(s.DerivedFrom, fmt.Sprintf("s%02d", rng.IntN(n)))
				}
			}
			ds.Sources = append(ds.Sources, s)
		}
		g, err := New(ds)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range g.Sources() {
			var want []string
			seen := map[string]bool{s.ID: true}
			queue := []string{s.ID}
			for len(queue) > 0 {
				cur := queue[0]
				queue = queue[1:]
				if !slices.ContainsFunc(g.Source(cur).DerivedFrom, func(d string) bool { return g.Source(d) != nil }) {
					want = append(want, cur)
				}
				for _, d := range g.Source(cur).DerivedFrom {
					if g.Source(d) != nil && !seen[d] {
						seen[d] = true
						queue = append(queue, d)
					}
				}
			}
			slices.Sort(want)
			got := originIDs(g, s.ID)
			ok := len(got) == min(len(want), 2)
			for _, id := range got {
				ok = ok && slices.Contains(want, id)
			}
			if n := g.provenance().originsOf(g.sourceIndex(s.ID)).n; int(n) != min(len(want), 2) {
				ok = false
			}
			if !ok {
				t.Fatalf("round %d: origins(%s) = %v, want %v (at most two of them); sources %+v", round, s.ID, got, want, ds.Sources)
			}
		}
	}
}
