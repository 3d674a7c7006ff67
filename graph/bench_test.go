package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchDataset builds a seeded dataset with heavy-tailed degrees: entity k is
// picked with probability ∝ 1/(k+1), so a few hubs carry most claims, as in
// real reporting.
func benchDataset(entities, claims int, seed uint64) *Dataset {
	r := rand.New(rand.NewPCG(seed, seed))
	z := rand.NewZipf(r, 1.1, 1, uint64(entities-1))
	ds := &Dataset{Title: "bench", Sources: []Source{{ID: "s", Title: "S"}}}
	for i := range entities {
		ds.Entities = append(ds.Entities, Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("Entity %d", i), Type: EntityTypes[i%len(EntityTypes)]})
	}
	for i := range claims {
		from, to := z.Uint64(), uint64(r.IntN(entities))
		c := Claim{ID: fmt.Sprintf("c%d", i), From: fmt.Sprintf("e%d", from), To: fmt.Sprintf("e%d", to),
			Relation: "relates to", Status: Statuses[i%len(Statuses)],
			Sources: []SourceRef{{Source: "s", Quote: "q"}}}
		if i%5 == 0 {
			c.Stances = []Stance{{By: c.To, Position: Asserts}, {By: c.From, Position: Denies}}
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

func BenchmarkNew(b *testing.B) {
	for _, size := range []struct{ e, c int }{{1_000, 10_000}, {100_000, 1_000_000}} {
		ds := benchDataset(size.e, size.c, 1)
		b.Run(fmt.Sprintf("%dx%d", size.e, size.c), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
