package graph

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mtibben/confusables"
)

// lintConfusableIDs flags ids that read the same as another id of the same
// kind but are spelled with other characters: "alibaba" and "аlibaba" (a
// Cyrillic а) load as two entities, and a claim about the second silently
// misses everything said about the first.
//
// Two ids look alike when their skeletons (Unicode TS #39: the string with
// each character replaced by its prototype among look-alikes) are equal; the
// mapping is Unicode's confusables table, through
// github.com/mtibben/confusables rather than a hand-made list of Cyrillic
// and Greek letters. Pairs of plain-ASCII ids are left alone: the table
// also equates "rn" with "m" and "1" with "l", which in ids someone typed
// are different names, not a disguise: only non-ASCII ids are flagged, and
// only kinds with a non-ASCII id are examined at all (a 100,000-entity ASCII
// dataset costs one scan).
//
// Entity and source ids are checked: those are the ids a dataset refers to
// by hand (from, to, by, source, derived_from). Each non-ASCII id of a
// look-alike group, other than the group's first in id order (ASCII
// spellings sort first), gets a finding naming that first.
func lintConfusableIDs(g *Graph, s *sink) {
	confusableIDs(s, "entity", len(g.entities), func(i int) string { return g.entities[i].ID })
	confusableIDs(s, "source", len(g.sources), func(i int) string { return g.sources[i].ID })
}

// confusableIDs checks the ids at(0..n-1), sorted and distinct.
func confusableIDs(s *sink, kind string, n int, at func(int) string) {
	plain := true
	for i := 0; i < n && plain; i++ {
		plain = isASCII(at(i))
	}
	if plain {
		return
	}
	type entry struct {
		id    string
		ascii bool
	}
	bySkeleton := make(map[string][]entry)
	for i := range n {
		id := at(i)
		sk := confusables.Skeleton(id)
		bySkeleton[sk] = append(bySkeleton[sk], entry{id, isASCII(id)})
	}
	for _, group := range bySkeleton {
		if len(group) < 2 || !slices.ContainsFunc(group, func(e entry) bool { return !e.ascii }) {
			continue
		}
		// group is in id order (at lists ids sorted), so the first
		// is the ASCII spelling if there is one.
		first := group[0].id
		for _, e := range group[1:] {
			if e.ascii {
				continue // the non-ASCII ones are the disguise
			}
			s.add("", kind, e.id, func() string {
				return fmt.Sprintf("looks like %s %q but is spelled differently: %s", kind, first, spelled(e.id))
			})
		}
	}
}

// spelled names the non-ASCII characters of id, at most four:
// "U+0430 at byte 0".
func spelled(id string) string {
	var parts []string
	for i, r := range id {
		if r >= utf8.RuneSelf {
			if len(parts) == 4 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, fmt.Sprintf("%U at byte %d", r, i))
		}
	}
	return strings.Join(parts, ", ")
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
