package graph

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// syntheticPair returns two versions of a dataset of nClaims claims that
// differ in about frac of them: status changes, new denials, withdrawn
// stances, claims removed and added. It is seeded and cheap to build, unlike
// randomDataset, which is shaped for small property tests.
func syntheticPair(seed uint64, nEntities, nClaims int, frac float64) (old, new *Dataset) {
	rng := rand.New(rand.NewPCG(seed, 3))
	old = &Dataset{Title: "synthetic"}
	old.Sources = []Source{{ID: "s0", Title: "Source 0"}, {ID: "s1", Title: "Source 1", DerivedFrom: []string{"s0"}}}
	old.Entities = make([]Entity, nEntities)
	for i := range old.Entities {
		id := "e" + strconv.Itoa(i)
		old.Entities[i] = Entity{ID: id, Name: "Entity " + id, Type: EntityTypes[i%len(EntityTypes)]}
	}
	// Heavy-tailed endpoints: the square of a uniform draw favours low ids.
	pick := func() string {
		u := rng.Float64()
		return old.Entities[int(u*u*float64(nEntities))].ID
	}
	old.Claims = make([]Claim, nClaims)
	for i := range old.Claims {
		c := Claim{
			ID: "c" + strconv.Itoa(i), From: pick(), To: pick(),
			Relation: "relates to",
			Status:   Statuses[rng.IntN(len(Statuses))],
			Sources:  []SourceRef{{Source: "s1", Quote: "sentence " + strconv.Itoa(i)}},
		}
		c.Stances = []Stance{{By: c.From, Position: Asserts, Quote: "we did"}}
		if rng.IntN(5) == 0 {
			c.Stances = append(c.Stances, Stance{By: c.To, Position: Denies, Quote: "nonsense"})
		}
		old.Claims[i] = c
	}
	new = &Dataset{Title: old.Title, Sources: old.Sources, Entities: old.Entities}
	new.Claims = make([]Claim, 0, nClaims)
	for i, c := range old.Claims {
		if rng.Float64() >= frac {
			new.Claims = append(new.Claims, c)
			continue
		}
		switch rng.IntN(4) {
		case 0:
			c.Status = Statuses[(statusIndex(c.Status)+1)%len(Statuses)]
		case 1:
			c.Stances = append(append([]Stance(nil), c.Stances...), Stance{By: pick(), Position: Denies, Quote: "no"})
		case 2:
			c.Stances = c.Stances[:1]
			c.Status = Retracted
		case 3:
			continue // removed
		}
		new.Claims = append(new.Claims, c)
		if i%2 == 0 {
			new.Claims = append(new.Claims, Claim{ID: "n" + strconv.Itoa(i), From: pick(), To: pick(), Relation: "newly relates to", Status: Reported})
		}
	}
	return old, new
}

func statusIndex(s Status) int {
	for i, x := range Statuses {
		if x == s {
			return i
		}
	}
	return 0
}

// BenchmarkCompare measures the comparison step alone, on graphs already
// built: issue 7 bounds it at 300 ms for a million claims.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			oldDS, newDS := syntheticPair(1, n/10, n, 0.01)
			ga, err := New(oldDS)
			if err != nil {
				b.Fatal(err)
			}
			gb, err := New(newDS)
			if err != nil {
				b.Fatal(err)
			}
			oldDS, newDS = nil, nil
			b.ReportAllocs()
			var d *Diff
			for b.Loop() {
				d = Compare(ga, gb)
			}
			s := d.Summarize()
			b.ReportMetric(float64(s.StatusChanges+s.ClaimsAdded+s.ClaimsRemoved+s.NewDenials+s.StancesWithdrawn), "changes")
		})
	}
}
