package graph

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// randomDataset returns a valid dataset of about n claims, drawn from rng:
// entities of every type, claims of every status, some without an id (their
// id is derived), stances by up to three distinct parties, sources with
// derived_from links, parallel claims between some pairs.
func randomDataset(rng *rand.Rand, nEntities, nClaims int) *Dataset {
	ds := &Dataset{Title: fmt.Sprintf("random %d", rng.IntN(1000))}
	nSources := 1 + nClaims/50
	for i := range nSources {
		s := Source{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Source %d", i)}
		if i > 0 && rng.IntN(3) == 0 {
			s.DerivedFrom = []string{fmt.Sprintf("s%d", rng.IntN(i))}
		}
		if rng.IntN(2) == 0 {
			s.Publisher = "Publisher"
		}
		ds.Sources = append(ds.Sources, s)
	}
	for i := range nEntities {
		e := Entity{
			ID:   fmt.Sprintf("e%d", i),
			Name: fmt.Sprintf("Entity %d", i),
			Type: EntityTypes[rng.IntN(len(EntityTypes))],
		}
		for k := range rng.IntN(3) {
			e.Aliases = append(e.Aliases, fmt.Sprintf("E%d-%d", i, k))
		}
		ds.Entities = append(ds.Entities, e)
	}
	derived := map[string]bool{}
	for i := range nClaims {
		c := Claim{
			ID:       fmt.Sprintf("c%d", i),
			From:     ds.Entities[rng.IntN(nEntities)].ID,
			To:       ds.Entities[rng.IntN(nEntities)].ID,
			Relation: fmt.Sprintf("relates %d to", rng.IntN(5)),
			Status:   Statuses[rng.IntN(len(Statuses))],
		}
		if rng.IntN(5) == 0 {
			// No id: the derived one must be unique.
			if id := DeriveClaimID(c.From, c.Relation, c.To); !derived[id] {
				derived[id] = true
				c.ID = ""
			}
		}
		if rng.IntN(2) == 0 {
			c.Detail = fmt.Sprintf("detail %d", i)
		}
		parties := rng.Perm(nEntities)[:rng.IntN(min(4, nEntities+1))]
		for _, p := range parties {
			c.Stances = append(c.Stances, Stance{
				By:       ds.Entities[p].ID,
				Position: Positions[rng.IntN(len(Positions))],
				Quote:    fmt.Sprintf("quote %d", rng.IntN(3)),
			})
		}
		for k := range 1 + rng.IntN(2) {
			c.Sources = append(c.Sources, SourceRef{
				Source: ds.Sources[rng.IntN(nSources)].ID,
				Quote:  fmt.Sprintf("sentence %d of claim %d", k, i),
			})
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

// cloneDataset deep-copies ds, so that edits to the copy leave ds alone.
func cloneDataset(ds *Dataset) *Dataset {
	cp := *ds
	cp.Entities = slices.Clone(ds.Entities)
	for i := range cp.Entities {
		cp.Entities[i].Aliases = slices.Clone(cp.Entities[i].Aliases)
	}
	cp.Sources = slices.Clone(ds.Sources)
	for i := range cp.Sources {
		cp.Sources[i].DerivedFrom = slices.Clone(cp.Sources[i].DerivedFrom)
	}
	cp.Claims = slices.Clone(ds.Claims)
	for i := range cp.Claims {
		cp.Claims[i].Stances = slices.Clone(cp.Claims[i].Stances)
		cp.Claims[i].Sources = slices.Clone(cp.Claims[i].Sources)
	}
	return &cp
}

// shuffled returns a copy of ds with every list in a random order: the same
// dataset as far as diff is concerned.
func shuffled(rng *rand.Rand, ds *Dataset) *Dataset {
	cp := cloneDataset(ds)
	shuffle(rng, cp.Entities)
	shuffle(rng, cp.Sources)
	shuffle(rng, cp.Claims)
	for i := range cp.Entities {
		shuffle(rng, cp.Entities[i].Aliases)
	}
	for i := range cp.Sources {
		shuffle(rng, cp.Sources[i].DerivedFrom)
	}
	for i := range cp.Claims {
		shuffle(rng, cp.Claims[i].Stances)
		shuffle(rng, cp.Claims[i].Sources)
	}
	return cp
}

func shuffle[T any](rng *rand.Rand, s []T) {
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

// canonical returns ds in a normal form: claims with their derived ids,
// every list sorted, empty lists nil. Two datasets are the same to diff
// exactly when their canonical forms are deeply equal.
func canonical(t testing.TB, ds *Dataset) *Dataset {
	t.Helper()
	g, err := New(ds)
	if err != nil {
		t.Fatalf("canonical: %v", err)
	}
	cp := cloneDataset(g.Dataset())
	for i := range cp.Entities {
		cp.Entities[i].Aliases = sortedOrNil(cp.Entities[i].Aliases, strings.Compare)
	}
	for i := range cp.Sources {
		cp.Sources[i].DerivedFrom = sortedOrNil(cp.Sources[i].DerivedFrom, strings.Compare)
	}
	for i := range cp.Claims {
		cp.Claims[i].Stances = sortedOrNil(cp.Claims[i].Stances, compareStance)
		cp.Claims[i].Sources = sortedOrNil(cp.Claims[i].Sources, compareSourceRef)
	}
	cp.Entities = sortedOrNil(cp.Entities, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	cp.Sources = sortedOrNil(cp.Sources, func(a, b Source) int { return cmp.Compare(a.ID, b.ID) })
	cp.Claims = sortedOrNil(cp.Claims, func(a, b Claim) int { return cmp.Compare(a.ID, b.ID) })
	return cp
}

func sortedOrNil[T any](s []T, order func(a, b T) int) []T {
	if len(s) == 0 {
		return nil
	}
	slices.SortFunc(s, order)
	return s
}

// apply rebuilds the new version from the old one and d, using only what
// the Changes say (never Changed.New): if it gets the new version back, the
// Diff left nothing out.
func apply(t testing.TB, old *Graph, d *Diff) *Dataset {
	t.Helper()
	ds := cloneDataset(old.Dataset())
	if d.Title != nil {
		ds.Title = d.Title.New
	}
	ds.Entities = applySection(t, ds.Entities, d.Entities, func(e *Entity) string { return e.ID }, applyEntity)
	ds.Sources = applySection(t, ds.Sources, d.Sources, func(s *Source) string { return s.ID }, applySource)
	ds.Claims = applySection(t, ds.Claims, d.Claims, func(c *Claim) string { return c.ID }, applyClaim)
	return ds
}

func applySection[T any](t testing.TB, items []T, s Section[*T], id func(*T) string, applyOne func(testing.TB, *T, Change)) []T {
	t.Helper()
	byID := make(map[string]int, len(items))
	for i := range items {
		byID[id(&items[i])] = i
	}
	removed := map[string]bool{}
	for _, x := range s.Removed {
		if _, ok := byID[id(x)]; !ok {
			t.Fatalf("apply: removed %q is not in the old version", id(x))
		}
		removed[id(x)] = true
	}
	for _, c := range s.Changed {
		i, ok := byID[id(c.Old)]
		if !ok {
			t.Fatalf("apply: changed %q is not in the old version", id(c.Old))
		}
		for _, ch := range c.Changes {
			applyOne(t, &items[i], ch)
		}
	}
	var out []T
	for i := range items {
		if !removed[id(&items[i])] {
			out = append(out, items[i])
		}
	}
	for _, x := range s.Added {
		out = append(out, *x)
	}
	return out
}

func applyEntity(t testing.TB, e *Entity, ch Change) {
	switch ch.Field {
	case "name":
		e.Name = ch.New
	case "type":
		e.Type = EntityType(ch.New)
	case "aliases":
		e.Aliases = ch.NewList
	case "country":
		e.Country = ch.New
	case "note":
		e.Note = ch.New
	default:
		t.Fatalf("apply: unknown entity field %q", ch.Field)
	}
}

func applySource(t testing.TB, s *Source, ch Change) {
	switch ch.Field {
	case "title":
		s.Title = ch.New
	case "publisher":
		s.Publisher = ch.New
	case "published":
		s.Published = ch.New
	case "url":
		s.URL = ch.New
	case "reliability":
		s.Reliability = ch.New
	case "derived_from":
		s.DerivedFrom = ch.NewList
	default:
		t.Fatalf("apply: unknown source field %q", ch.Field)
	}
}

func applyClaim(t testing.TB, c *Claim, ch Change) {
	switch ch.Field {
	case "status":
		c.Status = Status(ch.New)
	case FieldContested:
		// Derived from the stances, which have their own changes.
	case FieldStance:
		if old := ch.OldStance; old != nil {
			i := slices.Index(c.Stances, *old)
			if i < 0 {
				t.Fatalf("apply: claim %q has no stance %+v", c.ID, *old)
			}
			c.Stances = slices.Delete(c.Stances, i, i+1)
		}
		if s := ch.NewStance; s != nil {
			c.Stances = append(c.Stances, *s)
		}
	case FieldSource:
		if old := ch.OldSource; old != nil {
			i := slices.Index(c.Sources, *old)
			if i < 0 {
				t.Fatalf("apply: claim %q has no source %+v", c.ID, *old)
			}
			c.Sources = slices.Delete(c.Sources, i, i+1)
		}
		if s := ch.NewSource; s != nil {
			c.Sources = append(c.Sources, *s)
		}
	case "from":
		c.From = ch.New
	case "to":
		c.To = ch.New
	case "relation":
		c.Relation = ch.New
	case "detail":
		c.Detail = ch.New
	case "reported":
		c.Reported = ch.New
	default:
		t.Fatalf("apply: unknown claim field %q", ch.Field)
	}
}

// checkApply fails t unless applying Compare(a, b) to a gives b.
func checkApply(t testing.TB, a, b *Dataset) {
	t.Helper()
	ga, err := New(a)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := New(b)
	if err != nil {
		t.Fatal(err)
	}
	got := canonical(t, apply(t, ga, Compare(ga, gb)))
	want := canonical(t, b)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("applying the diff does not give the new version:\ngot  %+v\nwant %+v", got, want)
	}
}
