package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NotFoundError is returned by Resolve when no entity matches the query.
// Suggestions holds the ids of the closest entities, best first.
type NotFoundError struct {
	Query       string
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	msg := "no entity " + quoteShort(e.Query)
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
	return fmt.Sprintf("%s names several entities: %s", quoteShort(e.Query), strings.Join(quoteAll(e.Candidates), ", "))
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quoteShort(s)
	}
	return q
}

// quoteShort quotes s for a message, cut to 80 characters with "…": a
// query or a name can be any length.
func quoteShort(s string) string {
	n := 0
	for i := range s {
		if n == 80 {
			return strconv.Quote(s[:i] + "…")
		}
		n++
	}
	return strconv.Quote(s)
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

// maxSuggestRunes is the longest query that gets "did you mean"
// suggestions: names and ids are typed by people, and edit distances on
// text of any length would let one query cost seconds.
const maxSuggestRunes = 64

// suggest returns up to n entity ids whose id, name or alias is closest to q
// by edit distance, or contains q, best first. Distances are computed only
// within the threshold (see LevenshteinWithin), and not at all for a query
// longer than maxSuggestRunes, which can still match by containment.
func (g *Graph) suggest(q string, n int) []string {
	type cand struct {
		id   string
		dist int
	}
	qn := utf8.RuneCountInString(q)
	limit := max(1, qn/3)
	var cs []cand
	for _, e := range g.entities {
		best := limit + 1
		for _, name := range e.Names() {
			name = strings.ToLower(name)
			d := limit + 1
			if qn <= maxSuggestRunes {
				d = LevenshteinWithin(q, name, limit)
			}
			if len(q) >= 3 && strings.Contains(name, q) || len(name) >= 3 && strings.Contains(q, name) {
				d = min(d, 1)
			}
			best = min(best, d)
		}
		if best <= limit {
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
// It costs the product of the lengths: it is the reference that
// LevenshteinWithin, which suggestions use, is tested against.
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

// LevenshteinWithin returns the edit distance between a and b, counted in
// runes, if it is at most k, else k+1. It looks only at the band of cells
// within k of the diagonal and stops as soon as a row has no cell within k,
// so it costs at most about (2k+1) times the shorter length, and a pair of
// unrelated strings costs about k² whatever their length. "Did you mean"
// over every id of a dataset runs it; Levenshtein on ids of any length
// took 37 s on a 200 KB file.
func LevenshteinWithin(a, b string, k int) int {
	k = max(k, 0)
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > k {
		return k + 1
	}
	inf := k + 1
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-k), min(len(rb), i+k)
		cur[lo-1] = inf
		if lo == 1 {
			cur[0] = min(i, inf)
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < len(rb) {
			cur[hi+1] = inf
		}
		if rowMin > k {
			return inf
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], inf)
}
