package web

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSearchFindsEveryName is the property the index must keep: every
// entity is found by its id, its name and each alias, and by any word of
// them, whatever the case.
func TestSearchFindsEveryName(t *testing.T) {
	g, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	ix := newSearchIndex(g)
	for _, e := range g.Entities() {
		for _, n := range e.Names() {
			for _, q := range append([]string{n, strings.ToUpper(n)}, strings.Fields(n)...) {
				found := false
				for _, r := range ix.search(g, q, maxSearchLimit) {
					found = found || r.Kind == "entity" && r.ID == e.ID
				}
				if !found {
					t.Errorf("search %q does not find %s", q, e.ID)
				}
			}
		}
	}
}

func FuzzSearch(f *testing.F) {
	g, err := loadEmbedded()
	if err != nil {
		f.Fatal(err)
	}
	ix := newSearchIndex(g)
	for _, s := range []string{"ali", "ÄLI", "", " ", "\x00", "‼", "peoples lib", "a-b"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, q string, limit int) {
		if limit < 1 || limit > maxSearchLimit {
			limit = defaultSearchLimit
		}
		res := ix.search(g, q, limit)
		if len(res) > limit {
			t.Fatalf("%d results, limit %d", len(res), limit)
		}
		for _, r := range res {
			if !utf8.ValidString(r.Label) && utf8.ValidString(q) {
				t.Fatalf("label %q", r.Label)
			}
		}
	})
}
