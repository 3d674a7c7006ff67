package synth

import (
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Options size and seed a synthetic dataset.
type Options struct {
	Entities int // at least 2, so that a claim can join two different entities
	Claims   int
	Seed     uint64
	// Contested is the fraction of claims, between 0 and 1, that one party
	// asserts and another denies or disputes. The zero value means none;
	// the command's default is 0.2.
	Contested float64
}

// Format is an output format of Write and WriteDataset.
type Format string

const (
	JSON Format = "json" // the canonical form of data.WriteJSON
	YAML Format = "yaml" // the hand-written form, empty fields left out
)

// Tuning of the shape; see the package comment for why each exists.
const (
	uniformPercent  = 40 // endpoints drawn uniformly; the rest by preferential attachment
	parallelPercent = 8  // claims that reuse the previous claim's pair of entities
	maxSources      = 2000
	entitiesPerSrc  = 25
)

func (o Options) validate() error {
	switch {
	case o.Entities < 2:
		return fmt.Errorf("entities: %d is too few (want at least 2)", o.Entities)
	case o.Claims < 0:
		return fmt.Errorf("claims: %d is negative", o.Claims)
	case !(o.Contested >= 0 && o.Contested <= 1): // also rejects NaN
		return fmt.Errorf("contested: %v is not a fraction between 0 and 1", o.Contested)
	}
	return nil
}

// Generate returns the dataset Write would write for opts, every list sorted
// by id. It holds every claim in memory; Write does not.
func Generate(opts Options) (*graph.Dataset, error) {
	g, err := newGenerator(opts)
	if err != nil {
		return nil, err
	}
	ds := &graph.Dataset{Title: g.title, Entities: g.entities, Sources: g.sources, Claims: make([]graph.Claim, opts.Claims)}
	for i := range ds.Claims {
		g.claim(i, &ds.Claims[i])
	}
	return ds, nil
}

// Write generates the dataset for opts and writes it to w in format f,
// claim by claim, without holding the claims.
func Write(w io.Writer, opts Options, f Format) error {
	g, err := newGenerator(opts)
	if err != nil {
		return err
	}
	s, err := newSink(w, f)
	if err != nil {
		return err
	}
	var c graph.Claim // reused: its slices keep their capacity from claim to claim
	return emit(s, g.title, g.entities, g.sources, opts.Claims, func(i int) *graph.Claim {
		g.claim(i, &c)
		return &c
	})
}

// generator holds what claims are drawn from: the entities, the sources and
// the endpoints drawn so far.
type generator struct {
	opts     Options
	r        *rand.Rand
	title    string
	entities []graph.Entity // sorted by id
	sources  []graph.Source // sorted by id, which is creation order
	width    int            // digits of claim numbers

	// ends lists both endpoints of every claim so far: drawing from it picks
	// an entity with probability proportional to its degree (preferential
	// attachment), which is what makes hubs.
	ends []int32
	// voices are the media and document entities, the usual asserters of
	// an allegation.
	voices []int32
	// citeOrder is a shuffled order of the sources, drawn by a Zipf law so
	// that a few sources carry most claims, as a handful of big reports do.
	citeOrder []int32
	cite      *rand.Zipf

	prevFrom, prevTo int32
	prevRel          int
}

func newGenerator(opts Options) (*generator, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	// The stream constant is fixed so that a seed means the same dataset in
	// every version of claimgraph that keeps this generator.
	r := rand.New(rand.NewPCG(opts.Seed, 0x636c61696d677261))
	g := &generator{
		opts:  opts,
		r:     r,
		title: fmt.Sprintf("Synthetic dataset (seed %d, %d entities, %d claims)", opts.Seed, opts.Entities, opts.Claims),
		width: max(digits(opts.Claims-1), 7),
		ends:  make([]int32, 0, 2*opts.Claims),
	}
	g.makeEntities()
	g.makeSources()
	return g, nil
}

func (g *generator) makeEntities() {
	r := g.r
	n := g.opts.Entities
	g.entities = make([]graph.Entity, n)
	taken := make(map[string]struct{}, 2*n) // lowercased names and aliases, so that none is ambiguous
	ids := make(map[string]struct{}, n)
	for i := range g.entities {
		t := graph.EntityTypes[typeWeights.pick(r)]
		if i < len(graph.EntityTypes) {
			t = graph.EntityTypes[i] // every type, once there is room for all
		}
		name, alias := entityName(r, t)
		for tries := 2; ; tries++ {
			if _, dup := taken[strings.ToLower(name)]; !dup {
				break
			}
			name, alias = entityName(r, t)
			if tries > 5 {
				name += " " + strconv.Itoa(tries)
			}
		}
		taken[strings.ToLower(name)] = struct{}{}
		e := graph.Entity{Name: name, Type: t}
		if _, dup := taken[strings.ToLower(alias)]; alias != "" && !dup {
			taken[strings.ToLower(alias)] = struct{}{}
			e.Aliases = []string{alias}
		}
		if t != graph.Country && r.IntN(4) > 0 {
			e.Country = pick(r, countryCodes)
		}
		if r.IntN(20) == 0 {
			e.Note = "Invented for a synthetic dataset; no real counterpart."
		}
		id := graph.Slug(name)
		for k := 2; ; k++ {
			if _, dup := ids[id]; !dup {
				break
			}
			id = graph.Slug(name) + "-" + strconv.Itoa(k)
		}
		ids[id] = struct{}{}
		e.ID = id
		g.entities[i] = e
	}
	slices.SortFunc(g.entities, func(a, b graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
	for i, e := range g.entities {
		if e.Type == graph.Media || e.Type == graph.Document {
			g.voices = append(g.voices, int32(i))
		}
	}
}

func (g *generator) makeSources() {
	r := g.r
	n := min(max(g.opts.Entities/entitiesPerSrc, 3), maxSources)
	width := digits(n - 1)
	g.sources = make([]graph.Source, n)
	for k := range g.sources {
		var pub string
		if len(g.voices) > 0 && r.IntN(3) > 0 {
			pub = g.entities[g.voices[r.IntN(len(g.voices))]].Name
		} else {
			pub = "The " + word(r) + " " + pick(r, mediaKinds)
		}
		title := word(r) + " " + pick(r, documentKinds) + " shows ties between " + word(r) + " and " + word(r)
		s := graph.Source{
			ID:        "src-" + pad(k, width),
			Title:     title,
			Publisher: pub,
			Published: date(r),
			URL:       "https://" + strings.ToLower(word(r)) + ".example.com/" + strconv.Itoa(2015+r.IntN(11)) + "/" + graph.Slug(title),
		}
		if r.IntN(10) < 7 {
			s.Reliability = pick(r, reliabilities)
		}
		// A source only repeats earlier ones, so derived_from can chain
		// but never loop.
		if k > 0 {
			switch x := r.IntN(100); {
			case x < 30:
				s.DerivedFrom = []string{g.sources[r.IntN(k)].ID}
			case x < 35 && k > 1:
				a, b := r.IntN(k), r.IntN(k-1)
				if b >= a {
					b++
				}
				s.DerivedFrom = []string{g.sources[min(a, b)].ID, g.sources[max(a, b)].ID}
			}
		}
		g.sources[k] = s
	}
	g.citeOrder = make([]int32, n)
	for i := range g.citeOrder {
		g.citeOrder[i] = int32(i)
	}
	r.Shuffle(n, func(i, j int) { g.citeOrder[i], g.citeOrder[j] = g.citeOrder[j], g.citeOrder[i] })
	g.cite = rand.NewZipf(r, 1.2, 1, uint64(n-1))
}

// endpoint draws an entity: uniformly at times, otherwise by degree.
func (g *generator) endpoint() int32 {
	if len(g.ends) == 0 || g.r.IntN(100) < uniformPercent {
		return int32(g.r.IntN(len(g.entities)))
	}
	return g.ends[g.r.IntN(len(g.ends))]
}

// other returns an entity different from a and b (which may be equal).
func (g *generator) other(a, b int32) int32 {
	for {
		x := g.endpoint()
		if x != a && x != b || len(g.entities) <= 2 && x != a {
			return x
		}
	}
}

// claim fills c with claim number i, reusing c's slices.
func (g *generator) claim(i int, c *graph.Claim) {
	r := g.r
	var from, to int32
	rel := r.IntN(len(relations))
	if i > 0 && r.IntN(100) < parallelPercent {
		from, to = g.prevFrom, g.prevTo
		if r.IntN(4) == 0 {
			from, to = to, from
		}
		if rel == g.prevRel {
			rel = (rel + 1) % len(relations)
		}
	} else {
		from = g.endpoint()
		to = g.other(from, from)
	}
	g.ends = append(g.ends, from, to)
	g.prevFrom, g.prevTo, g.prevRel = from, to, rel

	contested := r.Float64() < g.opts.Contested
	status := graph.Statuses[statusWeights.pick(r)]
	if i < len(graph.Statuses) {
		status = graph.Statuses[i] // every status, once there is room for all
		contested = contested && status != graph.Established
	}
	if contested && status == graph.Established {
		// "Established" means stated as fact and not disputed.
		status = graph.Alleged
	}

	fe, te := &g.entities[from], &g.entities[to]
	*c = graph.Claim{
		ID:       "c-" + pad(i, g.width),
		From:     fe.ID,
		To:       te.ID,
		Relation: relations[rel],
		Status:   status,
		Stances:  c.Stances[:0],
		Sources:  c.Sources[:0],
	}
	if r.IntN(100) < 15 {
		c.Detail = pick(r, details)
	}
	if r.IntN(100) < 30 {
		c.Reported = date(r)
	}

	src := g.citeOrder[g.cite.Uint64()]
	c.Sources = append(c.Sources, graph.SourceRef{Source: g.sources[src].ID, Quote: g.quote(fe, te, c.Relation, &g.sources[src])})
	if r.IntN(5) == 0 && len(g.sources) > 1 {
		src2 := g.citeOrder[g.cite.Uint64()]
		if src2 == src {
			src2 = (src + 1) % int32(len(g.sources))
		}
		c.Sources = append(c.Sources, graph.SourceRef{Source: g.sources[src2].ID, Quote: g.quote(fe, te, c.Relation, &g.sources[src2])})
	}
	srcID := g.sources[src].ID

	switch {
	case contested:
		denier := from // the accused, usually
		if r.IntN(10) < 3 {
			denier = to
		}
		asserter := g.voice(from, to)
		if asserter == denier {
			asserter = from + to - denier
		}
		pro := graph.Asserts
		if r.IntN(5) == 0 {
			pro = graph.Confirms
		}
		con := graph.Denies
		if r.IntN(6) == 0 {
			con = graph.Disputes
		}
		de := &g.entities[denier]
		c.Stances = append(c.Stances,
			graph.Stance{By: g.entities[asserter].ID, Position: pro, Source: srcID},
			graph.Stance{By: de.ID, Position: con, Quote: de.Name + ` called the report "` + pick(r, denialWords) + `"`, Source: srcID})
		if r.IntN(10) == 0 {
			c.Stances = append(c.Stances, g.bystander(from+to-denier))
		}
	default:
		switch x := r.IntN(100); {
		case x < 40:
		case x < 75:
			pro := graph.Asserts
			if r.IntN(4) == 0 {
				pro = graph.Confirms
			}
			c.Stances = append(c.Stances, graph.Stance{By: g.entities[g.voice(from, to)].ID, Position: pro, Source: srcID})
		default:
			c.Stances = append(c.Stances, g.bystander(to))
		}
	}
	if c.Status == graph.Alleged && !supported(c) {
		c.Stances = append(c.Stances, graph.Stance{By: g.entities[g.voice(from, to)].ID, Position: graph.Asserts, Source: srcID})
	}
	agreeWithStatus(c)
}

// supported reports whether some party asserts or confirms c.
func supported(c *graph.Claim) bool {
	for _, s := range c.Stances {
		if s.Position.Supports() {
			return true
		}
	}
	return false
}

// agreeWithStatus removes what would contradict c's status: nobody confirms
// a retracted claim (the confirmation becomes an assertion), and an
// established claim is undisputed (a disputed one is only reported). An
// alleged claim needs an alleging party, which the callers add, because who
// that is depends on what they know.
func agreeWithStatus(c *graph.Claim) {
	switch c.Status {
	case graph.Retracted:
		for i := range c.Stances {
			if c.Stances[i].Position == graph.Confirms {
				c.Stances[i].Position = graph.Asserts
			}
		}
	case graph.Established:
		for _, s := range c.Stances {
			if s.Position.Opposes() {
				c.Status = graph.Reported
			}
		}
	}
}

// voice picks who asserts a claim between from and to: a media outlet or a
// document when there are any, otherwise a third party.
func (g *generator) voice(from, to int32) int32 {
	if len(g.voices) > 0 && g.r.IntN(10) < 7 {
		if v := g.voices[g.r.IntN(len(g.voices))]; v != from && v != to {
			return v
		}
	}
	if len(g.entities) > 2 {
		return g.other(from, to)
	}
	return from
}

// bystander is the stance of a party that declined to comment or stayed
// silent.
func (g *generator) bystander(by int32) graph.Stance {
	if g.r.IntN(2) == 0 {
		return graph.Stance{By: g.entities[by].ID, Position: graph.Declined, Quote: "declined to comment"}
	}
	return graph.Stance{By: g.entities[by].ID, Position: graph.Silent}
}

// quote is the sentence of source s that a claim rests on.
func (g *generator) quote(from, to *graph.Entity, relation string, s *graph.Source) string {
	switch g.r.IntN(4) {
	case 0:
		return "According to " + s.Publisher + ", " + from.Name + " " + relation + " " + to.Name + "."
	case 1:
		return from.Name + " " + relation + " " + to.Name + ", people familiar with the matter said."
	case 2:
		return "Records reviewed by reporters show that " + from.Name + " " + relation + " " + to.Name + "."
	default:
		return "The report says " + from.Name + " " + relation + " " + to.Name + " — a link officials have not confirmed."
	}
}
