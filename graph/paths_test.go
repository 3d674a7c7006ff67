package graph

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// memoFixture is the part of the embedded dataset that connects Apple to
// the PLA:
//
//	          ┌─ proposed ──────────┐
//	apple ────┤                     ▼        ┌ alleged, denied ┐
//	  ▲       └─ alleged ───────▶ alibaba ═══┤                 ├══▶ pla
//	  │                             ▲        └ alleged, denied ┘
//	  └── proposed ── us-gov ── alleged ┘
func memoFixture() *Dataset {
	denied := []Stance{{By: "dod-memo", Position: Asserts}, {By: "alibaba", Position: Denies}}
	return &Dataset{
		Title: "memo",
		Entities: []Entity{
			{ID: "alibaba", Name: "Alibaba Group", Type: Company},
			{ID: "apple", Name: "Apple", Type: Company},
			{ID: "dod-memo", Name: "Department of Defense memo", Type: Document},
			{ID: "pla", Name: "People's Liberation Army", Type: Military},
			{ID: "us-gov", Name: "U.S. government", Type: Government},
		},
		Claims: []Claim{
			{ID: "apple-alibaba-ai-partnership", From: "apple", To: "alibaba", Relation: "is exploring an AI partnership with", Status: Proposed},
			{ID: "apple-deal-bolsters-alibaba", From: "apple", To: "alibaba", Relation: "could bolster the AI dominance of", Status: Alleged},
			{ID: "alibaba-data-to-pla", From: "alibaba", To: "pla", Relation: "transfers customer data to", Status: Alleged, Stances: denied},
			{ID: "alibaba-opportunities-to-pla", From: "alibaba", To: "pla", Relation: "provides ‘opportunities’ to", Status: Alleged, Stances: denied},
			{ID: "us-gov-manipulates-opinion", From: "us-gov", To: "alibaba", Relation: "seeks to manipulate public opinion against", Status: Alleged},
			{ID: "us-gov-considers-apple-ai-ban", From: "us-gov", To: "apple", Relation: "is considering banning the China AI launch of", Status: Proposed},
		},
	}
}

func defaultPathOptions() PathOptions { return PathOptions{MaxHops: 6, Limit: 20} }

func pathIDs(p Path) string {
	var b strings.Builder
	b.WriteString(p.Entities[0].ID)
	for _, h := range p.Hops {
		if h.Direction == Backward {
			b.WriteString(" <- ")
		} else {
			b.WriteString(" -> ")
		}
		b.WriteString(h.To.ID)
	}
	return b.String()
}

func TestPathsMemo(t *testing.T) {
	g := mustNew(t, memoFixture())
	tests := []struct {
		name string
		from string
		to   string
		opts func(*PathOptions)
		want []string
	}{
		{"directed", "apple", "pla", nil, []string{"apple -> alibaba -> pla"}},
		{"undirected ranks the contested hop equal, shorter first", "apple", "pla",
			func(o *PathOptions) { o.Undirected = true },
			[]string{"apple -> alibaba -> pla", "apple <- us-gov -> alibaba -> pla"}},
		{"avoid contested", "apple", "pla", func(o *PathOptions) { o.AvoidContested = true }, nil},
		{"status filter drops the hop", "apple", "pla", func(o *PathOptions) { o.Statuses = []Status{Proposed} }, nil},
		{"no path backwards when directed", "pla", "apple", nil, nil},
		{"stronger weakest link beats fewer hops", "us-gov", "alibaba", nil,
			[]string{"us-gov -> apple -> alibaba", "us-gov -> alibaba"}},
		{"fewer hops on equal links", "us-gov", "pla",
			func(o *PathOptions) { o.Undirected = true },
			[]string{"us-gov -> alibaba -> pla", "us-gov -> apple -> alibaba -> pla"}},
		{"limit", "us-gov", "alibaba",
			func(o *PathOptions) { o.Limit = 1 },
			[]string{"us-gov -> apple -> alibaba"}},
		{"max hops", "apple", "pla", func(o *PathOptions) { o.MaxHops = 1 }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := defaultPathOptions()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			ps, _, err := g.Paths(tt.from, tt.to, opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, pathIDs(p))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPathsMemoDetail(t *testing.T) {
	g := mustNew(t, memoFixture())
	ps, _, err := g.Paths("apple", "pla", defaultPathOptions())
	if err != nil || len(ps) != 1 {
		t.Fatalf("Paths = %d paths, %v", len(ps), err)
	}
	p := ps[0]
	if p.ContestedHops != 1 || p.WeakestHop != 1 || p.Weakest.ID != "alibaba-data-to-pla" {
		t.Errorf("contested %d, weakest hop %d (%s)", p.ContestedHops, p.WeakestHop, p.Weakest.ID)
	}
	if got := claimIDs(p.Hops[0].Claims); !slices.Equal(got, []string{"apple-alibaba-ai-partnership", "apple-deal-bolsters-alibaba"}) {
		t.Errorf("hop 0 claims %v, want strongest (proposed) first", got)
	}
	if p.Hops[0].Contested || !p.Hops[1].Contested {
		t.Errorf("contested hops = %v, %v", p.Hops[0].Contested, p.Hops[1].Contested)
	}
	want := "Apple —is exploring an AI partnership with (proposed; +1 more)→ Alibaba Group" +
		" —transfers customer data to (‼ CONTESTED · alleged · asserted by Department of Defense memo · denied by Alibaba Group; +1 more)→ People's Liberation Army"
	if p.Reading != want {
		t.Errorf("reading\n got %s\nwant %s", p.Reading, want)
	}
	ps, _, _ = g.Paths("apple", "pla", PathOptions{MaxHops: 6, Limit: 5, Undirected: true})
	if want := "Apple ←is considering banning the China AI launch of (proposed)— U.S. government"; !strings.HasPrefix(ps[1].Reading, want) {
		t.Errorf("backward reading %q, want prefix %q", ps[1].Reading, want)
	}
}

func TestPathsErrors(t *testing.T) {
	g := mustNew(t, memoFixture())
	for _, tt := range []struct {
		from, to string
		opts     PathOptions
		want     error
	}{
		{"apple", "apple", defaultPathOptions(), ErrSameEntity},
		{"nobody", "apple", defaultPathOptions(), ErrDangling},
		{"apple", "nobody", defaultPathOptions(), ErrDangling},
		{"apple", "pla", PathOptions{MaxHops: 0, Limit: 1}, nil},
		{"apple", "pla", PathOptions{MaxHops: MaxHopsLimit + 1, Limit: 1}, nil},
		{"apple", "pla", PathOptions{MaxHops: 3, Limit: 0}, nil},
	} {
		_, _, err := g.Paths(tt.from, tt.to, tt.opts)
		if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("Paths(%s, %s, %+v) = %v, want %v", tt.from, tt.to, tt.opts, err, tt.want)
		}
	}
}

func TestStrength(t *testing.T) {
	contested := []Stance{{By: "a", Position: Asserts}, {By: "b", Position: Disputes}}
	denied := []Stance{{By: "b", Position: Denies}, {By: "c", Position: Silent}}
	for _, tt := range []struct {
		c    Claim
		want int
	}{
		{Claim{Status: Established}, 23},
		{Claim{Status: Established, Credibility: 1}, 23},
		{Claim{Status: Established, Credibility: 6}, 23},
		{Claim{Status: Established, Credibility: 4}, 22},
		{Claim{Status: Established, Credibility: 5}, 22},
		{Claim{Status: Established, Stances: denied}, 21},
		{Claim{Status: Established, Stances: denied, Credibility: 5}, 20},
		{Claim{Status: Reported}, 19},
		{Claim{Status: Reported, Stances: denied}, 17},
		{Claim{Status: Proposed}, 15},
		{Claim{Status: Proposed, Stances: denied}, 13},
		{Claim{Status: Alleged}, 11},
		{Claim{Status: Alleged, Credibility: 4}, 10},
		{Claim{Status: Alleged, Stances: denied}, 9},
		{Claim{Status: Established, Stances: contested}, 7},
		{Claim{Status: Established, Stances: contested, Credibility: 5}, 7},
		{Claim{Status: Failed, Stances: contested}, 7},
		{Claim{Status: Failed}, 3},
		{Claim{Status: Failed, Credibility: 5}, 2},
		{Claim{Status: Failed, Stances: denied}, 1},
		{Claim{Status: Failed, Stances: denied, Credibility: 4}, 0},
		{Claim{Status: Retracted}, 3},
		{Claim{Status: Established, Negated: true}, 3},
		{Claim{Status: "bogus"}, 3},
	} {
		if got := Strength(&tt.c); got != tt.want {
			t.Errorf("Strength(%s, contested=%v, credibility %d) = %d, want %d",
				tt.c.Status, tt.c.Contested(), tt.c.Credibility, got, tt.want)
		}
	}
}

// randomPathsDataset makes a small graph with everything path search must get
// right: parallel claims, claims both ways, cycles, self-claims, every
// status, contested claims.
func randomPathsDataset(r *rand.Rand, nEnt, nClaims int) *Dataset {
	ds := &Dataset{Title: "random"}
	for i := range nEnt {
		id := fmt.Sprintf("e%d", i)
		ds.Entities = append(ds.Entities, Entity{ID: id, Name: "E" + id, Type: Company})
	}
	for i := range nClaims {
		c := Claim{
			ID:       fmt.Sprintf("c%02d", i),
			From:     ds.Entities[r.IntN(nEnt)].ID,
			To:       ds.Entities[r.IntN(nEnt)].ID,
			Relation: "r",
			Status:   Statuses[r.IntN(len(Statuses))],
		}
		switch r.IntN(6) {
		case 0:
			c.Stances = []Stance{{By: "e0", Position: Asserts}, {By: "e1", Position: Denies}}
		case 1:
			c.Stances = []Stance{{By: "e1", Position: Disputes}} // denied: nobody asserts it
		}
		if r.IntN(2) == 0 {
			c.Credibility = int8(r.IntN(7)) // 0 (ungraded) to 6
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

type refHop struct {
	to     string
	back   bool
	claims []*Claim
}

type refPath struct {
	ents      []string
	hops      []refHop
	contested int
	weakest   int // strength
	weakID    string
}

// refStrength is the strength order of the package doc, written out: a
// doubtful claim (credibility 4 or 5) one step below the others of its
// status, a denied claim (opposed, backed by nobody) two.
func refStrength(c *Claim) int {
	backed, opposed := false, false
	for _, st := range c.Stances {
		backed = backed || st.Position == Asserts || st.Position == Confirms
		opposed = opposed || st.Position == Denies || st.Position == Disputes
	}
	if backed && opposed {
		return 7
	}
	s := map[Status]int{Established: 23, Reported: 19, Proposed: 15, Alleged: 11}[c.Status]
	if s == 0 {
		s = 3 // failed, retracted, unknown
	}
	if opposed {
		s -= 2
	}
	if c.Credibility == 4 || c.Credibility == 5 {
		s--
	}
	return s
}

// refCredibility orders claims of one strength: 1, 2, 3, ungraded, 6, 4, 5.
func refCredibility(c *Claim) int {
	return slices.Index([]int8{1, 2, 3, 0, 6, 4, 5}, c.Credibility)
}

// bruteForcePaths enumerates every simple path the slow, obvious way and
// sorts them by the documented ranking.
func bruteForcePaths(g *Graph, from, to string, opts PathOptions) []refPath {
	keep := func(c *Claim) bool { return opts.Statuses == nil || slices.Contains(opts.Statuses, c.Status) }
	between := func(u, v string, back bool) []*Claim {
		var cs []*Claim
		for _, c := range g.Claims() {
			if !keep(c) {
				continue
			}
			if !back && c.From == u && c.To == v || back && c.From == v && c.To == u {
				cs = append(cs, c)
			}
		}
		slices.SortFunc(cs, func(a, b *Claim) int {
			return cmp.Or(cmp.Compare(refStrength(b), refStrength(a)),
				cmp.Compare(refCredibility(a), refCredibility(b)), cmp.Compare(a.ID, b.ID))
		})
		return cs
	}
	var all []refPath
	var walk func(ents []string, hops []refHop)
	walk = func(ents []string, hops []refHop) {
		u := ents[len(ents)-1]
		if u == to {
			p := refPath{ents: slices.Clone(ents), hops: slices.Clone(hops), weakest: 99}
			for _, h := range hops {
				s := refStrength(h.claims[0])
				if s == 7 {
					p.contested++
				}
				if s < p.weakest {
					p.weakest, p.weakID = s, h.claims[0].ID
				}
			}
			if !opts.AvoidContested || p.contested == 0 {
				all = append(all, p)
			}
			return
		}
		if len(hops) == opts.MaxHops {
			return
		}
		for _, e := range g.Entities() {
			if slices.Contains(ents, e.ID) {
				continue
			}
			for _, back := range []bool{false, true} {
				if back && !opts.Undirected {
					continue
				}
				if cs := between(u, e.ID, back); len(cs) > 0 {
					walk(append(ents, e.ID), append(hops, refHop{e.ID, back, cs}))
				}
			}
		}
	}
	walk([]string{from}, nil)
	slices.SortStableFunc(all, func(a, b refPath) int {
		key := cmp.Or(cmp.Compare(a.contested, b.contested), cmp.Compare(b.weakest, a.weakest),
			cmp.Compare(len(a.hops), len(b.hops)))
		if opts.Rank == RankHops {
			key = cmp.Or(cmp.Compare(len(a.hops), len(b.hops)), cmp.Compare(a.contested, b.contested),
				cmp.Compare(b.weakest, a.weakest))
		}
		if c := cmp.Or(key, slices.Compare(a.ents, b.ents)); c != 0 {
			return c
		}
		for i := range a.hops {
			if c := cmpBool(a.hops[i].back, b.hops[i].back); c != 0 {
				return c
			}
		}
		return 0
	})
	if len(all) > opts.Limit {
		all = all[:opts.Limit]
	}
	return all
}

func describeRef(p refPath) string {
	var b strings.Builder
	b.WriteString(p.ents[0])
	for _, h := range p.hops {
		arrow := " -> "
		if h.back {
			arrow = " <- "
		}
		fmt.Fprintf(&b, "%s%s%v", arrow, h.to, claimIDs(h.claims))
	}
	fmt.Fprintf(&b, " c=%d weakest=%s", p.contested, p.weakID)
	return b.String()
}

func describePath(p Path) string {
	var b strings.Builder
	b.WriteString(p.Entities[0].ID)
	for _, h := range p.Hops {
		arrow := " -> "
		if h.Direction == Backward {
			arrow = " <- "
		}
		fmt.Fprintf(&b, "%s%s%v", arrow, h.To.ID, claimIDs(h.Claims))
	}
	fmt.Fprintf(&b, " c=%d weakest=%s", p.ContestedHops, p.Weakest.ID)
	return b.String()
}

// TestPathsMatchBruteForce is the property test: on random small graphs,
// the search returns exactly the first Limit paths of a brute-force
// enumeration sorted by the ranking.
func TestPathsMatchBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	found, limited := 0, 0
	defer func() {
		// Guard the guard: the random graphs must exercise the search.
		if !t.Failed() && (found < 2000 || limited < 200) {
			t.Errorf("only %d paths found, %d searches cut by the limit: make the graphs denser", found, limited)
		}
	}()
	for iter := range 3000 {
		nEnt := 2 + r.IntN(7)
		ds := randomPathsDataset(r, nEnt, r.IntN(4*nEnt+1))
		g := mustNew(t, ds)
		opts := PathOptions{
			MaxHops:        1 + r.IntN(6),
			Limit:          1 + r.IntN(8),
			Undirected:     r.IntN(2) == 0,
			AvoidContested: r.IntN(4) == 0,
			Rank:           Rank(r.IntN(2)),
		}
		if r.IntN(4) == 0 {
			opts.Statuses = []Status{}
			for _, s := range Statuses {
				if r.IntN(2) == 0 {
					opts.Statuses = append(opts.Statuses, s)
				}
			}
		}
		from, to := ds.Entities[r.IntN(nEnt)].ID, ds.Entities[r.IntN(nEnt)].ID
		if from == to {
			continue
		}
		got, _, err := g.Paths(from, to, opts)
		if err != nil {
			t.Fatal(err)
		}
		want := bruteForcePaths(g, from, to, opts)
		found += len(want)
		if all := bruteForcePaths(g, from, to, PathOptions{MaxHops: opts.MaxHops, Limit: 1 << 30,
			Undirected: opts.Undirected, AvoidContested: opts.AvoidContested, Statuses: opts.Statuses}); len(all) > len(want) {
			limited++
		}
		var gs, ws []string
		for _, p := range got {
			gs = append(gs, describePath(p))
		}
		for _, p := range want {
			ws = append(ws, describeRef(p))
		}
		if !slices.Equal(gs, ws) {
			t.Fatalf("iteration %d: %s → %s %+v on claims %v\n got %s\nwant %s",
				iter, from, to, opts, describeClaims(ds), strings.Join(gs, "\n     "), strings.Join(ws, "\n     "))
		}
	}
}

func describeClaims(ds *Dataset) string {
	var parts []string
	for _, c := range ds.Claims {
		parts = append(parts, fmt.Sprintf("%s:%s>%s:%d", c.ID, c.From, c.To, refStrength(&c)))
	}
	return strings.Join(parts, " ")
}

// TestStrengthOrderTable keeps the written order and the code as one:
// StatusesByStrength descends in Strength, and every status is in it; a
// doubtful claim is one below its status, a denied one two.
func TestStrengthOrderTable(t *testing.T) {
	if len(StatusesByStrength) != len(Statuses) {
		t.Fatalf("StatusesByStrength has %d statuses, Statuses %d", len(StatusesByStrength), len(Statuses))
	}
	prev := 99
	deny := []Stance{{By: "x", Position: Denies}}
	for _, st := range StatusesByStrength {
		s := Strength(&Claim{Status: st})
		if s > prev {
			t.Errorf("%s (strength %d) ranks above the status before it (%d)", st, s, prev)
		}
		if d := Strength(&Claim{Status: st, Credibility: CredImprobable}); d != s-1 {
			t.Errorf("%s improbable has strength %d, want %d", st, d, s-1)
		}
		if d := Strength(&Claim{Status: st, Stances: deny}); d != s-2 {
			t.Errorf("%s denied has strength %d, want %d", st, d, s-2)
		}
		if d := Strength(&Claim{Status: st, Stances: deny, Credibility: CredDoubtful}); d != s-3 {
			t.Errorf("%s denied and doubtful has strength %d, want %d", st, d, s-3)
		}
		prev = s
	}
}

// TestStrengthTables checks the strength table written in the package doc
// and the one in the README against Strength, row by row, and that each
// lists every strength Strength can return.
func TestStrengthTables(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	all := map[int]bool{}
	for f := range nFlags {
		all[int(strengthOf[f])] = true
	}
	for _, tt := range []struct {
		name string
		text []byte
		row  *regexp.Regexp // strength, status, denied, credibility
	}{
		{"doc.go", doc, regexp.MustCompile(`(?m)^//\t +(\d+)  (\S.*?)  +(no|yes|any) +(not 4 or 5|4 or 5|any)  `)},
		{"README.md", readme, regexp.MustCompile(`(?m)^  \| (\d+) \| ([^|]+) \| (no|yes|any) \| (not 4 or 5|4 or 5|any) \|$`)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := tt.row.FindAllStringSubmatch(string(tt.text), -1)
			seen := map[int]bool{}
			prev := 99
			for _, m := range rows {
				want, _ := strconv.Atoi(m[1])
				if want >= prev {
					t.Errorf("row %q: strength not below the row before (%d)", m[0], prev)
				}
				prev, seen[want] = want, true
				for _, c := range tableClaims(t, m[2], m[3], m[4]) {
					if got := Strength(&c); got != want {
						t.Errorf("row %q: Strength(%s, negated %v, %d stances, credibility %d) = %d",
							m[0], c.Status, c.Negated, len(c.Stances), c.Credibility, got)
					}
				}
			}
			for st := range all {
				if !seen[st] {
					t.Errorf("strength %d is missing from the table", st)
				}
			}
		})
	}
}

// tableClaims returns claims that fit one row of a strength table.
func tableClaims(t *testing.T, status, denied, cred string) []Claim {
	t.Helper()
	var base []Claim
	switch status {
	case "contested":
		for _, st := range Statuses {
			base = append(base, Claim{Status: st, Stances: []Stance{{By: "a", Position: Asserts}, {By: "b", Position: Denies}}})
		}
	case "failed, retracted, negated":
		base = []Claim{{Status: Failed}, {Status: Retracted}, {Status: Established, Negated: true}, {Status: "bogus"}}
	default:
		if !Status(status).Valid() {
			t.Fatalf("unknown status %q in a strength table", status)
		}
		base = []Claim{{Status: Status(status)}}
	}
	var out []Claim
	for _, c := range base {
		if denied == "yes" {
			c.Stances = []Stance{{By: "x", Position: Disputes}}
		}
		var grades []int8
		switch cred {
		case "not 4 or 5":
			grades = []int8{0, 1, 2, 3, 6}
		case "4 or 5":
			grades = []int8{4, 5}
		default:
			grades = []int8{0, 1, 2, 3, 4, 5, 6}
		}
		for _, g := range grades {
			c.Credibility = g
			out = append(out, c)
		}
	}
	return out
}

// TestPathsCredibilityRanks pins issue 12: two paths alike but for one
// claim's credibility; the one through the improbable claim ranks second.
//
//	a --c1 alleged--> b --c2 alleged, credibility 5--> d
//	a --c3 alleged--> c --c4 alleged, ungraded------> d
//
// By entity ids alone a → b → d would come first.
func TestPathsCredibilityRanks(t *testing.T) {
	ds := &Dataset{Title: "cred"}
	for _, id := range []string{"a", "b", "c", "d"} {
		ds.Entities = append(ds.Entities, Entity{ID: id, Name: id, Type: Company})
	}
	claim := func(id, from, to string, cred int8) Claim {
		return Claim{ID: id, From: from, To: to, Relation: "r", Status: Alleged, Credibility: cred}
	}
	ds.Claims = []Claim{claim("c1", "a", "b", 0), claim("c2", "b", "d", CredImprobable),
		claim("c3", "a", "c", 0), claim("c4", "c", "d", 0)}
	g := mustNew(t, ds)
	for _, rank := range []Rank{RankStrength, RankHops} {
		paths, _, err := g.Paths("a", "d", PathOptions{MaxHops: 3, Limit: 5, Rank: rank})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range paths {
			got = append(got, describePath(p))
		}
		want := []string{"a -> c[c3] -> d[c4] c=0 weakest=c3", "a -> b[c1] -> d[c2] c=0 weakest=c2"}
		if !slices.Equal(got, want) {
			t.Errorf("rank %d:\n got %s\nwant %s", rank, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
		}
	}
}
