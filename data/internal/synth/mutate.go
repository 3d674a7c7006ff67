package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Changes counts what Mutate did. Each claim is changed by at most one
// edit, so that Claims() is the number of claims a diff should report.
type Changes struct {
	StatusChanges   int // a claim's status moved (alleged → established, …)
	NewDenials      int // a party now denies a claim that was not contested
	StanceChanges   int // a position was withdrawn or added
	ClaimsAdded     int
	ClaimsRemoved   int // including those a removed entity took with it
	ClaimsRewired   int // from, to or a stance moved off a removed entity
	EntitiesAdded   int
	EntitiesRemoved int
	SourcesAdded    int
}

// Claims returns how many claims were added, removed or changed.
func (c Changes) Claims() int {
	return c.StatusChanges + c.NewDenials + c.StanceChanges + c.ClaimsAdded + c.ClaimsRemoved + c.ClaimsRewired
}

// Mutate turns ds, in place, into a "new reporting" version of itself in
// which about fraction of the claims are added, removed or changed: status
// transitions, new denials, withdrawn positions, new claims (some about new
// entities) and removed ones, and a few entities removed, as when a
// duplicate is merged: their claims and stances move to another entity, so
// the result is as valid as ds was. New records cite one new source that
// derives from an old one. Claims without an id get their derived id, so
// that every claim keeps its identity for diff.
//
// The same ds, fraction and seed give the same result. New ids share a
// prefix no id of ds has, so they cannot collide.
func Mutate(ds *graph.Dataset, fraction float64, seed uint64) (Changes, error) {
	var ch Changes
	if !(fraction >= 0 && fraction <= 1) {
		return ch, fmt.Errorf("mutate: %v is not a fraction between 0 and 1", fraction)
	}
	if len(ds.Entities) < 2 {
		return ch, fmt.Errorf("mutate: %d entities are too few to change (want at least 2)", len(ds.Entities))
	}
	for i := range ds.Claims {
		if c := &ds.Claims[i]; c.ID == "" {
			c.ID = graph.DeriveClaimID(c.From, c.Relation, c.To)
		}
	}
	budget := int(math.Round(fraction * float64(len(ds.Claims))))
	if budget == 0 && fraction > 0 && len(ds.Claims) > 0 {
		budget = 1
	}
	if budget == 0 {
		return ch, nil
	}
	m := &mutator{
		ds:      ds,
		r:       rand.New(rand.NewPCG(seed, 0x6d757461746f72)),
		prefix:  freePrefix(ds, "u"+strconv.FormatUint(seed, 36)),
		changed: make([]bool, len(ds.Claims)),
		removed: make([]bool, len(ds.Claims)),
		entIdx:  make(map[string]int32, len(ds.Entities)),
	}
	for i, e := range ds.Entities {
		m.entIdx[e.ID] = int32(i)
	}
	m.addSource(&ch)
	m.removeEntities(int(math.Round(fraction*float64(len(ds.Entities))/2)), &ch)
	newEnts := m.addEntities(int(math.Round(fraction*float64(len(ds.Entities))/2)), &ch)

	rest := max(budget-ch.Claims(), 0)
	add := max(rest*25/100, len(newEnts))
	status := rest * 30 / 100
	denials := rest * 20 / 100
	removals := rest * 15 / 100
	stances := max(rest-add-status-denials-removals, 0)
	for range status {
		if i, ok := m.pickClaim(); ok {
			m.changeStatus(&ds.Claims[i])
			ch.StatusChanges++
		}
	}
	for range denials {
		if i, ok := m.pickClaim(); ok {
			m.deny(&ds.Claims[i])
			ch.NewDenials++
		}
	}
	for range stances {
		if i, ok := m.pickClaim(); ok {
			m.changeStance(&ds.Claims[i])
			ch.StanceChanges++
		}
	}
	for range removals {
		if i, ok := m.pickClaim(); ok {
			m.removed[i] = true
			ch.ClaimsRemoved++
		}
	}
	added := m.newClaims(add, newEnts)
	ch.ClaimsAdded = len(added)
	for i := range ds.Claims {
		if m.changed[i] && !m.removed[i] {
			settle(&ds.Claims[i], m.source)
		}
	}
	for i := range added {
		settle(&added[i], m.source)
	}

	kept := ds.Claims[:0]
	for i := range ds.Claims {
		if !m.removed[i] {
			kept = append(kept, ds.Claims[i])
		}
	}
	ds.Claims = append(kept, added...)
	return ch, nil
}

type mutator struct {
	ds      *graph.Dataset
	r       *rand.Rand
	prefix  string
	source  string // id of the new source
	changed []bool // claims already edited, which no later edit touches
	removed []bool
	entIdx  map[string]int32
	gone    []bool // removed entities
}

// freePrefix returns base, lengthened until no id in ds starts with it.
func freePrefix(ds *graph.Dataset, base string) string {
	for {
		p := base + "-"
		clash := false
		for i := range ds.Entities {
			clash = clash || strings.HasPrefix(ds.Entities[i].ID, p)
		}
		for i := range ds.Sources {
			clash = clash || strings.HasPrefix(ds.Sources[i].ID, p)
		}
		for i := range ds.Claims {
			clash = clash || strings.HasPrefix(ds.Claims[i].ID, p)
		}
		if !clash {
			return p
		}
		base += "x"
	}
}

// addSource adds the follow-up report the new records cite; it repeats an
// existing source when there is one.
func (m *mutator) addSource(ch *Changes) {
	s := graph.Source{
		ID:        m.prefix + "follow-up",
		Title:     "Follow-up report: " + word(m.r) + " " + pick(m.r, documentKinds) + " revisited",
		Publisher: "The " + word(m.r) + " " + pick(m.r, mediaKinds),
		Published: "2026-0" + strconv.Itoa(1+m.r.IntN(9)) + "-" + two(1+m.r.IntN(28)),
		URL:       "https://" + strings.ToLower(word(m.r)) + ".example.com/follow-up",
	}
	if n := len(m.ds.Sources); n > 0 {
		s.DerivedFrom = []string{m.ds.Sources[m.r.IntN(n)].ID}
	}
	m.ds.Sources = append(m.ds.Sources, s)
	m.source = s.ID
	ch.SourcesAdded++
}

// removeEntities removes up to n entities of low degree (a hub's removal
// would rewire a large part of the graph, which is not what new reporting
// does) and moves their claims and stances to a surviving entity.
func (m *mutator) removeEntities(n int, ch *Changes) {
	ents := m.ds.Entities
	n = min(n, len(ents)-2)
	if n <= 0 {
		return
	}
	deg := make([]int32, len(ents))
	for i := range m.ds.Claims {
		c := &m.ds.Claims[i]
		deg[m.entIdx[c.From]]++
		deg[m.entIdx[c.To]]++
	}
	m.gone = make([]bool, len(ents))
	var victims []int32
	for tries := 0; len(victims) < n && tries < 20*n; tries++ {
		v := int32(m.r.IntN(len(ents)))
		if !m.gone[v] && deg[v] <= 4 {
			m.gone[v] = true
			victims = append(victims, v)
		}
	}
	if len(victims) == 0 {
		return
	}
	heir := make(map[string]string, len(victims))
	for _, v := range victims {
		for {
			h := int32(m.r.IntN(len(ents)))
			if !m.gone[h] {
				heir[ents[v].ID] = ents[h].ID
				break
			}
		}
	}
	for i := range m.ds.Claims {
		c := &m.ds.Claims[i]
		hf, okf := heir[c.From]
		ht, okt := heir[c.To]
		touched := okf || okt
		if okf {
			c.From = hf
		}
		if okt {
			c.To = ht
		}
		var kept []graph.Stance
		for _, s := range c.Stances {
			if h, ok := heir[s.By]; ok {
				touched = true
				if h == c.From || h == c.To {
					continue // the heir speaks for itself already, or is a party
				}
				s.By = h
			}
			kept = append(kept, s)
		}
		if !touched {
			continue
		}
		c.Stances = kept
		switch {
		case c.From == c.To:
			m.removed[i] = true
			ch.ClaimsRemoved++
		default:
			m.changed[i] = true
			ch.ClaimsRewired++
		}
	}
	kept := ents[:0]
	for i := range ents {
		if !m.gone[i] {
			kept = append(kept, ents[i])
		}
	}
	m.ds.Entities = kept
	clear(m.entIdx)
	for i, e := range m.ds.Entities {
		m.entIdx[e.ID] = int32(i)
	}
	ch.EntitiesRemoved = len(victims)
}

// addEntities adds n entities with new names; newClaims gives each a claim.
func (m *mutator) addEntities(n int, ch *Changes) []string {
	if n <= 0 {
		return nil
	}
	taken := make(map[string]struct{}, 2*len(m.ds.Entities))
	for _, e := range m.ds.Entities {
		taken[strings.ToLower(e.Name)] = struct{}{}
		for _, a := range e.Aliases {
			taken[strings.ToLower(a)] = struct{}{}
		}
	}
	var ids []string
	for k := range n {
		t := graph.EntityTypes[typeWeights.pick(m.r)]
		name, alias := entityName(m.r, t)
		for tries := 0; ; tries++ {
			if _, dup := taken[strings.ToLower(name)]; !dup {
				break
			}
			name, alias = entityName(m.r, t)
			if tries > 5 {
				name += " " + strconv.Itoa(k)
			}
		}
		taken[strings.ToLower(name)] = struct{}{}
		e := graph.Entity{ID: m.prefix + graph.Slug(name) + "-" + strconv.Itoa(k), Name: name, Type: t}
		if _, dup := taken[strings.ToLower(alias)]; alias != "" && !dup {
			taken[strings.ToLower(alias)] = struct{}{}
			e.Aliases = []string{alias}
		}
		m.entIdx[e.ID] = int32(len(m.ds.Entities))
		m.ds.Entities = append(m.ds.Entities, e)
		ids = append(ids, e.ID)
	}
	ch.EntitiesAdded = n
	return ids
}

// pickClaim returns a claim no edit has touched yet; false when none is left.
func (m *mutator) pickClaim() (int, bool) {
	n := len(m.ds.Claims)
	if n == 0 {
		return 0, false
	}
	for range 64 {
		if i := m.r.IntN(n); !m.changed[i] && !m.removed[i] {
			m.changed[i] = true
			return i, true
		}
	}
	// Nearly everything is taken (fraction close to 1): scan.
	start := m.r.IntN(n)
	for k := range n {
		if i := (start + k) % n; !m.changed[i] && !m.removed[i] {
			m.changed[i] = true
			return i, true
		}
	}
	return 0, false
}

// transitions are the status moves new reporting makes, most likely first.
var transitions = map[graph.Status][]graph.Status{
	graph.Alleged:     {graph.Established, graph.Reported, graph.Retracted},
	graph.Reported:    {graph.Established, graph.Retracted, graph.Alleged},
	graph.Proposed:    {graph.Failed, graph.Established},
	graph.Established: {graph.Retracted, graph.Reported},
	graph.Failed:      {graph.Proposed},
	graph.Retracted:   {graph.Reported},
}

func (m *mutator) changeStatus(c *graph.Claim) {
	var next []graph.Status
	for _, st := range transitions[c.Status] {
		if st != graph.Established || !c.Contested() { // "established" is for undisputed claims
			next = append(next, st)
		}
	}
	if len(next) == 0 {
		next = []graph.Status{graph.Retracted}
		if c.Status == graph.Retracted {
			next[0] = graph.Reported
		}
	}
	c.Status = next[m.r.IntN(len(next))]
}

// deny adds a denial by the claim's subject (its object when the subject
// backs the claim) and, when nobody else backs the claim, an assertion by
// the other party, so that the claim becomes contested.
func (m *mutator) deny(c *graph.Claim) {
	denier, other := c.From, c.To
	for _, s := range c.Stances {
		if s.By == c.From && s.Position.Supports() {
			denier, other = c.To, c.From
		}
	}
	stances := make([]graph.Stance, 0, len(c.Stances)+2)
	pro := false
	for _, s := range c.Stances {
		if s.By != denier { // the denier's earlier position is superseded
			stances = append(stances, s)
			pro = pro || s.Position.Supports()
		}
	}
	if !pro {
		stances = append(stances, graph.Stance{By: other, Position: graph.Asserts, Source: m.source})
	}
	stances = append(stances, graph.Stance{By: denier, Position: graph.Denies, Source: m.source,
		Quote: "denied the new report, calling it \"" + pick(m.r, denialWords) + "\""})
	c.Stances = stances
	if c.Status == graph.Established {
		c.Status = graph.Reported
	}
}

// settle keeps an edited claim's status and stances from contradicting
// each other (see agreeWithStatus); an allegation nobody makes any more is
// made by its object, citing the new source.
func settle(c *graph.Claim, source string) {
	if c.Status == graph.Alleged && !supported(c) {
		c.Stances = append(c.Stances, graph.Stance{By: c.To, Position: graph.Asserts, Source: source})
	}
	agreeWithStatus(c)
}

// changeStance withdraws the last position taken on the claim, or, on a
// claim nobody has taken a position on, adds a confirmation from its
// object.
func (m *mutator) changeStance(c *graph.Claim) {
	if n := len(c.Stances); n > 0 {
		c.Stances = c.Stances[: n-1 : n-1]
		return
	}
	c.Stances = []graph.Stance{{By: c.To, Position: graph.Confirms, Source: m.source, Quote: "confirmed the account"}}
}

// newClaims makes n claims citing the new source; the first ones tie each
// new entity to an existing one, the rest join existing entities chosen by
// degree.
func (m *mutator) newClaims(n int, newEnts []string) []graph.Claim {
	// Endpoints are drawn from the claims that stay, so that busy entities
	// get more; when none stays (every claim of a tiny dataset removed),
	// from the entities: drawing claims until one stays never ended then.
	// The draws are otherwise as they always were, so that a seed gives
	// the same output as before.
	anyKept := slices.Contains(m.removed, false)
	endpoint := func() string {
		if !anyKept {
			return m.ds.Entities[m.r.IntN(len(m.ds.Entities))].ID
		}
		for {
			i := m.r.IntN(len(m.ds.Claims))
			if m.removed[i] {
				continue
			}
			if m.r.IntN(2) == 0 {
				return m.ds.Claims[i].From
			}
			return m.ds.Claims[i].To
		}
	}
	if len(m.ds.Claims) == 0 {
		return nil
	}
	width := digits(n)
	claims := make([]graph.Claim, 0, n)
	for k := range n {
		var from, to string
		if k < len(newEnts) {
			from, to = newEnts[k], endpoint()
			if to == from { // only when no claim stays
				to = m.ds.Entities[(m.entIdx[from]+1)%int32(len(m.ds.Entities))].ID
			}
			if m.r.IntN(2) == 0 {
				from, to = to, from
			}
		} else {
			from = endpoint()
			for tries := 0; tries < 16; tries++ {
				if to = endpoint(); to != from {
					break
				}
			}
			if to == from {
				to = m.ds.Entities[(m.entIdx[from]+1)%int32(len(m.ds.Entities))].ID
			}
		}
		c := graph.Claim{
			ID:       m.prefix + "c-" + pad(k, width),
			From:     from,
			To:       to,
			Relation: pick(m.r, relations),
			Status:   graph.Statuses[statusWeights.pick(m.r)],
			Sources:  []graph.SourceRef{{Source: m.source, Quote: "The follow-up report says " + from + " " + "is linked to " + to + "."}},
		}
		if m.r.IntN(5) == 0 && c.Status != graph.Established {
			c.Stances = []graph.Stance{
				{By: to, Position: graph.Asserts, Source: m.source},
				{By: from, Position: graph.Denies, Source: m.source, Quote: "called it \"" + pick(m.r, denialWords) + "\""},
			}
		}
		claims = append(claims, c)
	}
	return claims
}
