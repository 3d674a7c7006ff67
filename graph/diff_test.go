package graph

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// facts renders a Diff as one line per reported edit, the form the tests
// state their expectations in.
func facts(d *Diff) []string {
	var out []string
	if d.Title != nil {
		out = append(out, "title")
	}
	for _, e := range d.Entities.Added {
		out = append(out, "entity+ "+e.ID)
	}
	for _, e := range d.Entities.Removed {
		out = append(out, "entity- "+e.ID)
	}
	for _, c := range d.Entities.Changed {
		for _, ch := range c.Changes {
			out = append(out, fmt.Sprintf("entity~ %s %s", c.New.ID, changeFact(ch)))
		}
	}
	for _, s := range d.Sources.Added {
		out = append(out, "source+ "+s.ID)
	}
	for _, s := range d.Sources.Removed {
		out = append(out, "source- "+s.ID)
	}
	for _, c := range d.Sources.Changed {
		for _, ch := range c.Changes {
			out = append(out, fmt.Sprintf("source~ %s %s", c.New.ID, ch.Field))
		}
	}
	for _, c := range d.Claims.Added {
		out = append(out, "claim+ "+c.ID)
	}
	for _, c := range d.Claims.Removed {
		out = append(out, "claim- "+c.ID)
	}
	for _, c := range d.Claims.Changed {
		for _, ch := range c.Changes {
			out = append(out, fmt.Sprintf("claim~ %s %s", c.New.ID, changeFact(ch)))
		}
	}
	slices.Sort(out)
	return out
}

func changeFact(ch Change) string {
	switch ch.Field {
	case FieldStance:
		old, new := ch.OldStance, ch.NewStance
		by, from, to := "", "-", "-"
		if old != nil {
			by, from = old.By, string(old.Position)
		}
		if new != nil {
			by, to = new.By, string(new.Position)
		}
		return fmt.Sprintf("stance %s %s>%s", by, from, to)
	case FieldSource:
		if r := ch.OldSource; r != nil {
			return fmt.Sprintf("source -%s|%s", r.Source, r.Quote)
		}
		r := ch.NewSource
		return fmt.Sprintf("source +%s|%s", r.Source, r.Quote)
	}
	switch ch.Field.Kind() {
	case KindList:
		return fmt.Sprintf("%s %v>%v", ch.Field, ch.OldList, ch.NewList)
	case KindContested:
		return fmt.Sprintf("%s %v>%v", ch.Field, ch.WasContested, ch.NowContested)
	}
	return fmt.Sprintf("%s %v>%v", ch.Field, ch.Old, ch.New)
}

func TestCompare(t *testing.T) {
	base := func() *Dataset {
		return &Dataset{
			Title:   "t",
			Sources: []Source{{ID: "r", Title: "Report"}},
			Entities: []Entity{
				{ID: "a", Name: "A", Type: Company, Aliases: []string{"x", "y"}},
				{ID: "b", Name: "B", Type: Military},
				{ID: "m", Name: "Memo", Type: Document},
			},
			// a --data to--> b, asserted by m, denied by a
			// a --relies on--> b (no id)
			Claims: []Claim{
				{ID: "c1", From: "a", To: "b", Relation: "data to", Status: Alleged,
					Stances: []Stance{{By: "m", Position: Asserts, Quote: "q1"}, {By: "a", Position: Denies, Quote: "nonsense"}},
					Sources: []SourceRef{{Source: "r", Quote: "s1"}, {Source: "r", Quote: "s2"}}},
				{From: "a", To: "b", Relation: "relies on", Status: Established},
			},
		}
	}
	tests := []struct {
		name string
		edit func(*Dataset)
		want []string
	}{
		{"same", func(*Dataset) {}, nil},
		{"reordered", func(ds *Dataset) {
			slices.Reverse(ds.Entities)
			slices.Reverse(ds.Claims)
			slices.Reverse(ds.Entities[2].Aliases)
			slices.Reverse(ds.Claims[1].Stances)
			slices.Reverse(ds.Claims[1].Sources)
		}, nil},
		{"nil and empty lists", func(ds *Dataset) {
			ds.Entities[1].Aliases = []string{}
			ds.Claims[1].Stances = []Stance{}
		}, nil},
		{"title", func(ds *Dataset) { ds.Title = "u" }, []string{"title"}},
		{"status", func(ds *Dataset) { ds.Claims[0].Status = Established },
			[]string{"claim~ c1 status alleged>established"}},
		{"denial withdrawn, no longer contested", func(ds *Dataset) { ds.Claims[0].Stances = ds.Claims[0].Stances[:1] },
			[]string{"claim~ c1 contested true>false", "claim~ c1 stance a denies>-"}},
		{"denier now confirms", func(ds *Dataset) { ds.Claims[0].Stances[1].Position = Confirms },
			[]string{"claim~ c1 contested true>false", "claim~ c1 stance a denies>confirms"}},
		{"new denial, now contested", func(ds *Dataset) {
			ds.Claims[1].Stances = []Stance{{By: "m", Position: Asserts}, {By: "b", Position: Disputes, Quote: "no"}}
		}, []string{
			"claim~ a--relies-on--b contested false>true",
			"claim~ a--relies-on--b stance b ->disputes",
			"claim~ a--relies-on--b stance m ->asserts",
		}},
		{"quote of a stance", func(ds *Dataset) { ds.Claims[0].Stances[1].Quote = "rubbish" },
			[]string{"claim~ c1 stance a denies>denies"}},
		{"source quote", func(ds *Dataset) { ds.Claims[0].Sources[1].Quote = "s3" },
			[]string{"claim~ c1 source +r|s3", "claim~ c1 source -r|s2"}},
		{"fields", func(ds *Dataset) {
			ds.Claims[0].Detail = "d"
			ds.Claims[0].To = "m"
			ds.Entities[0].Name = "AA"
			ds.Entities[0].Aliases = []string{"x"}
			ds.Entities[2].Type = Media
		}, []string{
			"claim~ c1 detail >d",
			"claim~ c1 to b>m",
			"entity~ a aliases [x y]>[x]",
			"entity~ a name A>AA",
			"entity~ m type document>media",
		}},
		{"derived id claim renamed", func(ds *Dataset) { ds.Claims[1].Relation = "depends on" },
			[]string{"claim+ a--depends-on--b", "claim- a--relies-on--b"}},
		{"added and removed", func(ds *Dataset) {
			ds.Entities = append(ds.Entities, Entity{ID: "c", Name: "C", Type: Person})
			ds.Claims = append(ds.Claims[:1], Claim{ID: "c2", From: "c", To: "a", Relation: "r", Status: Reported})
			ds.Sources = append(ds.Sources, Source{ID: "r2"})
		}, []string{"claim+ c2", "claim- a--relies-on--b", "entity+ c", "source+ r2"}},
		{"source record", func(ds *Dataset) {
			ds.Sources[0].URL = "https://example.org"
			ds.Sources = append(ds.Sources, Source{ID: "r0"})
			ds.Sources[0].DerivedFrom = []string{"r0"}
		}, []string{"source+ r0", "source~ r derived_from", "source~ r url"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := base()
			new := base()
			tt.edit(new)
			d := Compare(mustNew(t, old), mustNew(t, new))
			got := facts(d)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Compare:\ngot  %q\nwant %q", got, want)
			}
			if d.Empty() != (len(want) == 0) {
				t.Errorf("Empty() = %v with %d changes", d.Empty(), len(want))
			}
			checkApply(t, old, new)
		})
	}
}

func TestSummarize(t *testing.T) {
	old := &Dataset{
		Entities: []Entity{{ID: "a"}, {ID: "b"}, {ID: "gone"}},
		Claims: []Claim{
			{ID: "c1", From: "a", To: "b", Status: Alleged, Stances: []Stance{{By: "a", Position: Asserts}}},
			{ID: "c2", From: "a", To: "b", Status: Proposed, Stances: []Stance{{By: "b", Position: Denies}}},
			{ID: "c3", From: "a", To: "b", Status: Reported},
		},
	}
	new := &Dataset{
		Entities: []Entity{{ID: "a", Name: "A"}, {ID: "b"}, {ID: "new1"}, {ID: "new2"}},
		Claims: []Claim{
			{ID: "c1", From: "a", To: "b", Status: Established,
				Stances: []Stance{{By: "a", Position: Asserts}, {By: "b", Position: Denies}}},
			{ID: "c2", From: "a", To: "b", Status: Failed, Detail: "x"},
			{ID: "c4", From: "a", To: "b", Status: Reported},
			{ID: "c5", From: "a", To: "b", Status: Reported},
		},
	}
	got := Compare(mustNew(t, old), mustNew(t, new)).Summarize()
	want := Summary{
		StatusChanges: 2, NowContested: 1, NewDenials: 1, StancesWithdrawn: 1,
		ClaimsAdded: 2, ClaimsRemoved: 1, ClaimsChanged: 1,
		EntitiesAdded: 2, EntitiesRemoved: 1, EntitiesChanged: 1,
	}
	if got != want {
		t.Errorf("Summarize:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		old, new *Stance
		want     StanceKind
	}{
		{nil, &Stance{Position: Denies}, StanceDenial},
		{nil, &Stance{Position: Confirms}, StanceConfirmation},
		{nil, &Stance{Position: Silent}, StanceOther},
		{&Stance{Position: Silent}, &Stance{Position: Disputes}, StanceDenial},
		{&Stance{Position: Denies}, &Stance{Position: Disputes}, StanceOther},
		// Issue 11: a new assertion is not a confirmation.
		{&Stance{Position: Denies}, &Stance{Position: Asserts}, StanceAssertion},
		{nil, &Stance{Position: Asserts}, StanceAssertion},
		{&Stance{Position: Asserts}, &Stance{Position: Confirms}, StanceOther},
		{&Stance{Position: Denies}, nil, StanceWithdrawn},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.old, tt.new), func(t *testing.T) {
			if got := KindOf(tt.old, tt.new); got != tt.want {
				t.Errorf("KindOf = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCompareReordered: a dataset and a reordered copy of itself do not differ.
func TestCompareReordered(t *testing.T) {
	for seed := range uint64(50) {
		rng := rand.New(rand.NewPCG(seed, 1))
		ds := randomDataset(rng, 2+rng.IntN(30), rng.IntN(200))
		d := Compare(mustNew(t, ds), mustNew(t, shuffled(rng, ds)))
		if !d.Empty() {
			t.Fatalf("seed %d: reordered copy differs: %q", seed, facts(d))
		}
	}
}

// TestCompareEdits applies a random set of known edits to a random dataset
// and checks that Compare reports exactly those edits. Each object is edited
// at most once, so that the expected report follows from the edit alone.
func TestCompareEdits(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 2))
		old := randomDataset(rng, 3+rng.IntN(30), 1+rng.IntN(150))
		new, want := randomEdits(rng, old, rng.IntN(12))
		got := facts(Compare(mustNew(t, old), mustNew(t, new)))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d:\ngot  %q\nwant %q", seed, got, want)
		}
		checkApply(t, old, new)
	}
}

// randomEdits returns a copy of ds with n random edits and the facts a
// correct diff reports for them.
func randomEdits(rng *rand.Rand, ds *Dataset, n int) (*Dataset, []string) {
	g, err := New(ds)
	if err != nil {
		panic(err)
	}
	cp := cloneDataset(g.Dataset()) // claims carry their ids
	var want []string
	touchedEntity := map[string]bool{}
	touchedClaim := map[string]bool{}
	untouchedClaim := func() *Claim {
		for range 20 {
			if len(cp.Claims) == 0 {
				return nil
			}
			c := &cp.Claims[rng.IntN(len(cp.Claims))]
			if c.ID != "" && !touchedClaim[c.ID] { // "": a claim added above, without id
				touchedClaim[c.ID] = true
				return c
			}
		}
		return nil
	}
	untouchedEntity := func() *Entity {
		for range 20 {
			e := &cp.Entities[rng.IntN(len(cp.Entities))]
			if !touchedEntity[e.ID] {
				touchedEntity[e.ID] = true
				return e
			}
		}
		return nil
	}
	// stanceEdit records a stance edit and the contested change it causes.
	stanceEdit := func(c *Claim, before bool, fact string) {
		want = append(want, fmt.Sprintf("claim~ %s %s", c.ID, fact))
		if after := c.Contested(); after != before {
			want = append(want, fmt.Sprintf("claim~ %s contested %v>%v", c.ID, before, after))
		}
	}
	for k := range n {
		switch rng.IntN(13) {
		case 0: // add an entity
			id := fmt.Sprintf("new-e%d", k)
			cp.Entities = append(cp.Entities, Entity{ID: id, Name: id, Type: Person})
			touchedEntity[id] = true
			want = append(want, "entity+ "+id)
		case 1: // remove an entity and its claims; only one that takes no stance
			e := untouchedEntity()
			if e == nil || takesStance(cp, e.ID) {
				continue
			}
			var hit []string
			for _, c := range cp.Claims {
				if c.From == e.ID || c.To == e.ID {
					hit = append(hit, c.ID)
				}
			}
			if slices.ContainsFunc(hit, func(id string) bool { return touchedClaim[id] }) {
				continue
			}
			id := e.ID
			want = append(want, "entity- "+id)
			for _, c := range hit {
				touchedClaim[c] = true
				want = append(want, "claim- "+c)
			}
			cp.Claims = slices.DeleteFunc(cp.Claims, func(c Claim) bool { return c.From == id || c.To == id })
			cp.Entities = slices.DeleteFunc(cp.Entities, func(e Entity) bool { return e.ID == id })
		case 2: // rename an entity
			if e := untouchedEntity(); e != nil {
				want = append(want, fmt.Sprintf("entity~ %s name %s>%s!", e.ID, e.Name, e.Name))
				e.Name += "!"
			}
		case 3: // retype an entity
			if e := untouchedEntity(); e != nil {
				t := EntityTypes[(slices.Index(EntityTypes, e.Type)+1+rng.IntN(len(EntityTypes)-1))%len(EntityTypes)]
				want = append(want, fmt.Sprintf("entity~ %s type %s>%s", e.ID, e.Type, t))
				e.Type = t
			}
		case 4: // add a claim, half of them without an id
			from, to := cp.Entities[rng.IntN(len(cp.Entities))].ID, cp.Entities[rng.IntN(len(cp.Entities))].ID
			c := Claim{ID: fmt.Sprintf("new-c%d", k), From: from, To: to, Relation: fmt.Sprintf("newly relates %d to", k), Status: Reported}
			id := c.ID
			if rng.IntN(2) == 0 {
				c.ID, id = "", DeriveClaimID(c.From, c.Relation, c.To)
			}
			touchedEntity[from], touchedEntity[to] = true, true
			touchedClaim[id] = true
			cp.Claims = append(cp.Claims, c)
			want = append(want, "claim+ "+id)
		case 5: // remove a claim
			if c := untouchedClaim(); c != nil {
				id := c.ID
				want = append(want, "claim- "+id)
				cp.Claims = slices.DeleteFunc(cp.Claims, func(c Claim) bool { return c.ID == id })
			}
		case 6: // change a status
			if c := untouchedClaim(); c != nil {
				s := Statuses[(slices.Index(Statuses, c.Status)+1+rng.IntN(len(Statuses)-1))%len(Statuses)]
				want = append(want, fmt.Sprintf("claim~ %s status %s>%s", c.ID, c.Status, s))
				c.Status = s
			}
		case 7: // a party takes a new stance
			c := untouchedClaim()
			if c == nil {
				continue
			}
			by := cp.Entities[rng.IntN(len(cp.Entities))].ID
			if slices.ContainsFunc(c.Stances, func(s Stance) bool { return s.By == by }) {
				continue
			}
			before := c.Contested()
			p := Positions[rng.IntN(len(Positions))]
			c.Stances = append(c.Stances, Stance{By: by, Position: p, Quote: "new"})
			stanceEdit(c, before, fmt.Sprintf("stance %s ->%s", by, p))
		case 8: // a party withdraws its stance
			c := untouchedClaim()
			if c == nil || len(c.Stances) == 0 {
				continue
			}
			before := c.Contested()
			i := rng.IntN(len(c.Stances))
			s := c.Stances[i]
			c.Stances = slices.Delete(c.Stances, i, i+1)
			stanceEdit(c, before, fmt.Sprintf("stance %s %s>-", s.By, s.Position))
		case 9: // a source is added to a claim
			if c := untouchedClaim(); c != nil {
				r := SourceRef{Source: cp.Sources[rng.IntN(len(cp.Sources))].ID, Quote: "new sentence"}
				c.Sources = append(c.Sources, r)
				want = append(want, fmt.Sprintf("claim~ %s source +%s|%s", c.ID, r.Source, r.Quote))
			}
		case 10: // a source is removed from a claim
			if c := untouchedClaim(); c != nil && len(c.Sources) > 0 {
				i := rng.IntN(len(c.Sources))
				r := c.Sources[i]
				c.Sources = slices.Delete(c.Sources, i, i+1)
				want = append(want, fmt.Sprintf("claim~ %s source -%s|%s", c.ID, r.Source, r.Quote))
			}
		case 11: // edit a plain field of an entity
			if e := untouchedEntity(); e != nil {
				if rng.IntN(2) == 0 {
					want = append(want, fmt.Sprintf("entity~ %s note %s>%s+", e.ID, e.Note, e.Note))
					e.Note += "+"
				} else {
					want = append(want, fmt.Sprintf("entity~ %s country %s>%s+", e.ID, e.Country, e.Country))
					e.Country += "+"
				}
			}
		case 12: // edit a plain field of a claim
			c := untouchedClaim()
			if c == nil {
				continue
			}
			switch rng.IntN(3) {
			case 0:
				want = append(want, fmt.Sprintf("claim~ %s detail %s>%s+", c.ID, c.Detail, c.Detail))
				c.Detail += "+"
			case 1:
				want = append(want, fmt.Sprintf("claim~ %s reported %s>%s+", c.ID, c.Reported, c.Reported))
				c.Reported += "+"
			case 2:
				to := cp.Entities[rng.IntN(len(cp.Entities))].ID
				if to == c.To || strings.Contains(c.ID, "--") {
					continue // a claim with a derived id would change id
				}
				touchedEntity[to] = true
				want = append(want, fmt.Sprintf("claim~ %s to %s>%s", c.ID, c.To, to))
				c.To = to
			}
		}
	}
	return cp, want
}

func takesStance(ds *Dataset, id string) bool {
	for _, c := range ds.Claims {
		for _, s := range c.Stances {
			if s.By == id {
				return true
			}
		}
	}
	return false
}

func TestFactsSeeEverything(t *testing.T) {
	// A guard on the test helper itself: facts must not drop a change kind.
	d := &Diff{Title: &Change{Field: "title", Old: "a", New: "b"}}
	if got := strings.Join(facts(d), ","); got != "title" {
		t.Errorf("facts = %q", got)
	}
}

// TestUnion: the union of two random versions indexes, and holds every id
// of both.
func TestUnion(t *testing.T) {
	for seed := range uint64(50) {
		rng := rand.New(rand.NewPCG(seed, 4))
		old := randomDataset(rng, 3+rng.IntN(20), 1+rng.IntN(60))
		new, _ := randomEdits(rng, old, rng.IntN(12))
		ga, gb := mustNew(t, old), mustNew(t, new)
		u := mustNew(t, Compare(ga, gb).Union(ga, gb))
		for _, g := range []*Graph{ga, gb} {
			for _, e := range g.Entities() {
				if u.Entity(e.ID) == nil {
					t.Fatalf("seed %d: union lacks entity %q", seed, e.ID)
				}
			}
			for _, c := range g.Claims() {
				if u.Claim(c.ID) == nil {
					t.Fatalf("seed %d: union lacks claim %q", seed, c.ID)
				}
			}
		}
		if want := len(gb.Claims()) + len(Compare(ga, gb).Claims.Removed); len(u.Claims()) != want {
			t.Fatalf("seed %d: union has %d claims, want %d", seed, len(u.Claims()), want)
		}
	}
}

// TestCompareParallel: splitting the merge into key ranges gives the same
// result as one merge, whatever the number of pieces.
func TestCompareParallel(t *testing.T) {
	defer func(n int) { parallelMin = n }(parallelMin)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for seed := range uint64(100) {
		rng := rand.New(rand.NewPCG(seed, 5))
		old := randomDataset(rng, 3+rng.IntN(20), 1+rng.IntN(100))
		new, _ := randomEdits(rng, old, rng.IntN(30))
		ga, gb := mustNew(t, old), mustNew(t, new)
		parallelMin = 1 << 30
		want := facts(Compare(ga, gb))
		parallelMin = 1 + rng.IntN(10)
		runtime.GOMAXPROCS(1 + rng.IntN(8))
		if got := facts(Compare(ga, gb)); !slices.Equal(got, want) {
			t.Fatalf("seed %d: split merge:\ngot  %q\nwant %q", seed, got, want)
		}
	}
}
