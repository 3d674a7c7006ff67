package graph

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestLevenshteinWithin checks the banded distance against the full one on
// random strings over a small alphabet (so that distances are often small)
// and every threshold around them.
func TestLevenshteinWithin(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune([]rune("abcé中")[rng.IntN(5)])
		}
		return b.String()
	}
	for range 20000 {
		a, b := word(), word()
		d := Levenshtein(a, b)
		for k := range 8 {
			if got := LevenshteinWithin(a, b, k); got != min(d, k+1) {
				t.Fatalf("LevenshteinWithin(%q, %q, %d) = %d, want %d (distance %d)", a, b, k, got, min(d, k+1), d)
			}
		}
	}
}

// TestResolveLongQuery pins the bound on suggestions: a query of 300,000
// characters against entities with names as long cost minutes of edit
// distance before; it must come back at once, and still suggest by
// containment. The deadline is a watchdog for a blow-up, not a speed test.
func TestResolveLongQuery(t *testing.T) {
	long := strings.Repeat("ab", 150_000)
	ds := fixture()
	ds.Entities = append(ds.Entities,
		Entity{ID: "long1", Name: long + "x", Type: Company},
		Entity{ID: "long2", Name: "y" + long, Type: Company})
	g := mustNew(t, ds)
	done := make(chan error, 1)
	go func() {
		_, err := g.Resolve(long + "z")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || strings.Contains(err.Error(), "did you mean") || len(err.Error()) > 200 {
			t.Errorf("Resolve = %.200v, want no entity and no suggestion", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Resolve did not finish within 30s")
	}
	if _, err := g.Resolve(long); err == nil || !strings.Contains(err.Error(), `did you mean "long1", "long2"`) {
		t.Errorf("Resolve of a part of two names = %.200v, want both suggested", err)
	}
}
