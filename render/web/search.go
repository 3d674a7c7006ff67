package web

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/claimgraph/claimgraph/graph"
)

// searchIndex answers /api/search. It is built once per load: a sorted list
// of keys, one for each word start of each searchable string (so that
// "liberation" finds "People's Liberation Army" and "peoples lib" finds it
// too), each key the folded text from that word to the end. A query is folded
// the same way and found by binary search: a prefix range of the list.
//
// Claims are many (a million) and share few relations, so relations are
// indexed once each with the claims that use them, and claim ids are found
// in the graph's own id-sorted list instead of copied into the index.
type searchIndex struct {
	keys      []searchKey
	relations [][]int32 // claim indexes (into g.Claims()) per relation
}

type searchKey struct {
	key  string // folded text from a word start to the end
	kind uint8  // kindEntity, kindSource or kindRelation
	word bool   // the key starts inside the string, not at its start
	ref  int32  // entity, source or relation index
}

const (
	kindEntity uint8 = iota
	kindClaim
	kindSource
	kindRelation
)

var kindNames = [...]string{kindEntity: "entity", kindClaim: "claim", kindSource: "source", kindRelation: "claim"}

// SearchResult is one hit.
type SearchResult struct {
	Kind  string `json:"kind"` // entity, claim or source
	ID    string `json:"id"`
	Label string `json:"label"`
}

func newSearchIndex(g *graph.Graph) *searchIndex {
	ix := &searchIndex{}
	add := func(text string, kind uint8, ref int32) {
		f := fold(text)
		for i, start := range wordStarts(f) {
			ix.keys = append(ix.keys, searchKey{f[start:], kind, i > 0, ref})
		}
	}
	for i, e := range g.Entities() {
		for _, n := range e.Names() {
			add(n, kindEntity, int32(i))
		}
	}
	for i, s := range g.Sources() {
		add(s.ID, kindSource, int32(i))
		add(s.Title, kindSource, int32(i))
	}
	rel := map[string]int32{}
	for ci, c := range g.Claims() {
		r, ok := rel[c.Relation]
		if !ok {
			r = int32(len(ix.relations))
			rel[c.Relation] = r
			ix.relations = append(ix.relations, nil)
			add(c.Relation, kindRelation, r)
		}
		ix.relations[r] = append(ix.relations[r], int32(ci))
	}
	slices.SortFunc(ix.keys, func(a, b searchKey) int { return strings.Compare(a.key, b.key) })
	ix.keys = slices.Clip(ix.keys)
	return ix
}

// fold lowercases s and strips its accents ("Zürich" → "zurich"), so that
// search ignores both. Punctuation stays: it separates words.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// wordStarts returns the byte offsets where words of f begin: the start of
// each run of letters and digits.
func wordStarts(f string) []int {
	var out []int
	prev := false
	for i, r := range f {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !prev {
			out = append(out, i)
		}
		prev = w
	}
	if len(out) == 0 && f != "" {
		out = append(out, 0)
	}
	return out
}

// search returns up to limit hits for q: entities first, then sources, then
// claims (by id prefix, then by relation); within a kind, strings that start
// with q before strings with a word that does, then by id.
func (ix *searchIndex) search(g *graph.Graph, q string, limit int) []SearchResult {
	fq := strings.TrimSpace(fold(q))
	results := []SearchResult{}
	if fq == "" {
		return results
	}
	lo, _ := slices.BinarySearchFunc(ix.keys, fq, func(k searchKey, q string) int { return strings.Compare(k.key, q) })
	type hit struct {
		kind uint8
		word bool
		id   string
		ref  int32
	}
	var hits []hit
	relations := map[int32]bool{}
	// Every key with the prefix is a hit; a one-letter query on a large
	// graph has many, so the scan stops after enough of each kind could be
	// ranked. (Hits are found in key order, not rank order: keep a margin.)
	for i := lo; i < len(ix.keys) && strings.HasPrefix(ix.keys[i].key, fq) && len(hits) < 50*limit; i++ {
		k := ix.keys[i]
		switch k.kind {
		case kindEntity:
			hits = append(hits, hit{kindEntity, k.word, g.Entities()[k.ref].ID, k.ref})
		case kindSource:
			hits = append(hits, hit{kindSource, k.word, g.Sources()[k.ref].ID, k.ref})
		case kindRelation:
			relations[k.ref] = relations[k.ref] || !k.word
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmpBool(a.word, b.word), strings.Compare(a.id, b.id))
	})
	seen := map[string]bool{}
	for _, h := range hits {
		if len(results) == limit {
			return results
		}
		key := kindNames[h.kind] + "\x00" + h.id
		if seen[key] {
			continue
		}
		seen[key] = true
		if h.kind == kindEntity {
			e := g.Entities()[h.ref]
			results = append(results, SearchResult{"entity", e.ID, cmp.Or(e.Name, e.ID)})
		} else {
			s := g.Sources()[h.ref]
			results = append(results, SearchResult{"source", s.ID, cmp.Or(s.Title, s.ID)})
		}
	}
	addClaim := func(c *graph.Claim) bool {
		if len(results) == limit {
			return false
		}
		if !seen["claim\x00"+c.ID] {
			seen["claim\x00"+c.ID] = true
			results = append(results, SearchResult{"claim", c.ID, claimLabel(g, c)})
		}
		return true
	}
	// Claim ids: a prefix range of the id-sorted claims. Ids are compared
	// folded, which for the usual lower-case ASCII ids is the id itself.
	claims := g.Claims()
	at, _ := slices.BinarySearchFunc(claims, fq, func(c *graph.Claim, q string) int { return strings.Compare(c.ID, q) })
	for ; at < len(claims) && strings.HasPrefix(claims[at].ID, fq); at++ {
		if !addClaim(claims[at]) {
			return results
		}
	}
	rs := make([]int32, 0, len(relations))
	for r := range relations {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b int32) int {
		return cmp.Or(cmpBool(!relations[a], !relations[b]), cmp.Compare(claims[ix.relations[a][0]].ID, claims[ix.relations[b][0]].ID))
	})
	for _, r := range rs {
		for _, ci := range ix.relations[r] {
			if !addClaim(claims[ci]) {
				return results
			}
		}
	}
	return results
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// claimLabel names a claim as a sentence: "Alibaba Group — transfers
// customer data to → People's Liberation Army".
func claimLabel(g *graph.Graph, c *graph.Claim) string {
	return g.EntityName(c.From) + " — " + graph.RelationText(c) + " → " + g.EntityName(c.To)
}
