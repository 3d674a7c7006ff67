package graph

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
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
	new = &Dataset{Title: old.Title, Sources: slices.Clone(old.Sources), Entities: slices.Clone(old.Entities)}
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
	// Loaded versions share no memory: every string of the new version is a
	// copy, so that comparing equal strings costs what it does after two
	// real loads (a memory compare, not a pointer check).
	cloneStrings(new)
	return old, new
}

func cloneStrings(ds *Dataset) {
	for i := range ds.Entities {
		e := &ds.Entities[i]
		e.ID, e.Name, e.Type = strings.Clone(e.ID), strings.Clone(e.Name), EntityType(strings.Clone(string(e.Type)))
	}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		s.ID, s.Title = strings.Clone(s.ID), strings.Clone(s.Title)
		s.DerivedFrom = slices.Clone(s.DerivedFrom)
		for k := range s.DerivedFrom {
			s.DerivedFrom[k] = strings.Clone(s.DerivedFrom[k])
		}
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		c.ID, c.From, c.To = strings.Clone(c.ID), strings.Clone(c.From), strings.Clone(c.To)
		c.Relation, c.Status = strings.Clone(c.Relation), Status(strings.Clone(string(c.Status)))
		c.Stances = slices.Clone(c.Stances)
		for k := range c.Stances {
			st := &c.Stances[k]
			st.By, st.Position, st.Quote = strings.Clone(st.By), Position(strings.Clone(string(st.Position))), strings.Clone(st.Quote)
		}
		c.Sources = slices.Clone(c.Sources)
		for k := range c.Sources {
			r := &c.Sources[k]
			r.Source, r.Quote = strings.Clone(r.Source), strings.Clone(r.Quote)
		}
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
			cpu0 := cpuTime()
			for b.Loop() {
				d = Compare(ga, gb)
			}
			// CPU time per comparison, all threads: on a machine shared
			// with other work it says more than the wall time does.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			s := d.Summarize()
			b.ReportMetric(float64(s.StatusChanges+s.ClaimsAdded+s.ClaimsRemoved+s.NewDenials+s.StancesWithdrawn), "changes")
		})
	}
}
