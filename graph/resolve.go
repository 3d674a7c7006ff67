package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// NotFoundError is returned by Resolve when no entity matches the query.
// Suggestions holds the ids of the closest entities, best first.
type NotFoundError struct {
	Query       string
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no entity %q", e.Query)
	if len(e.Suggestions) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(quoteAll(e.Suggestions), ", "))
	}
	return msg
}

// AmbiguousError is returned by Resolve when the query names several
// entities (a shared alias, say). Candidates holds their ids, sorted.
type AmbiguousError struct {
	Query      string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q names several entities: %s", e.Query, strings.Join(quoteAll(e.Candidates), ", "))
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}

// Resolve finds the entity a user means by query: an id, a name or an alias,
// compared case-insensitively. An exact id match wins over names and aliases,
// so that every entity stays addressable even when another's alias equals
// its id.
func (g *Graph) Resolve(query string) (*Entity, error) {
	if e := g.Entity(query); e != nil {
		return e, nil
	}
	q := strings.ToLower(strings.TrimSpace(query))
	var ids []string
	for _, e := range g.entities {
		if e.matches(q) {
			ids = append(ids, e.ID)
		}
	}
	switch len(ids) {
	case 0:
		return nil, &NotFoundError{Query: query, Suggestions: g.suggest(q, 3)}
	case 1:
		return g.Entity(ids[0]), nil
	}
	return nil, &AmbiguousError{Query: query, Candidates: ids}
}

func (e *Entity) matches(q string) bool {
	if strings.ToLower(e.ID) == q || strings.ToLower(e.Name) == q {
		return true
	}
	for _, a := range e.Aliases {
		if strings.ToLower(a) == q {
			return true
		}
	}
	return false
}

// Names returns the id, name and aliases of e: every string Resolve accepts for it.
func (e *Entity) Names() []string {
	return append([]string{e.ID, e.Name}, e.Aliases...)
}

// suggest returns up to n entity ids whose id, name or alias is closest to q
// by edit distance, or contains q, best first.
func (g *Graph) suggest(q string, n int) []string {
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	for _, e := range g.entities {
		best := -1
		for _, name := range e.Names() {
			name = strings.ToLower(name)
			d := Levenshtein(q, name)
			if len(q) >= 3 && strings.Contains(name, q) || len(name) >= 3 && strings.Contains(q, name) {
				d = min(d, 1)
			}
			if best < 0 || d < best {
				best = d
			}
		}
		if best <= max(1, len([]rune(q))/3) {
			cs = append(cs, cand{e.ID, best})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.id, b.id))
	})
	var ids []string
	for i := 0; i < len(cs) && i < n; i++ {
		ids = append(ids, cs[i].id)
	}
	return ids
}

// Levenshtein returns the edit distance between a and b, counted in runes.
// It serves "did you mean" suggestions, here and in the loader.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
