package graph

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// fixture is a small dataset:
//
//	apple ──proposed──▶ alibaba ══alleged, denied══▶ pla
//	  ▲                    ▲
//	  └──── us-gov ────────┘ (alleged, undenied)
func fixture() *Dataset {
	return &Dataset{
		Title:   "fixture",
		Sources: []Source{{ID: "report", Title: "Report"}},
		Entities: []Entity{
			{ID: "pla", Name: "People's Liberation Army", Type: Military, Aliases: []string{"PLA"}},
			{ID: "alibaba", Name: "Alibaba Group", Type: Company, Aliases: []string{"Alibaba", "Ali"}},
			{ID: "apple", Name: "Apple", Type: Company},
			{ID: "us-gov", Name: "U.S. government", Type: Government, Aliases: []string{"Ali"}},
		},
		Claims: []Claim{
			{ID: "data", From: "alibaba", To: "pla", Relation: "transfers data to", Status: Alleged,
				Stances: []Stance{{By: "us-gov", Position: Asserts}, {By: "alibaba", Position: Denies}}},
			{From: "apple", To: "alibaba", Relation: "Is exploring a deal with", Status: Proposed},
			{ID: "ban", From: "us-gov", To: "apple", Relation: "may ban", Status: Proposed},
			{ID: "smear", From: "us-gov", To: "alibaba", Relation: "smears", Status: Alleged,
				Stances: []Stance{{By: "alibaba", Position: Asserts}}},
		},
	}
}

func mustNew(t *testing.T, ds *Dataset) *Graph {
	t.Helper()
	g, err := New(ds)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return g
}

func ids[T any](items []*T, id func(*T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func claimIDs(cs []*Claim) []string { return ids(cs, func(c *Claim) string { return c.ID }) }

func TestNewSortsAndDerivesIDs(t *testing.T) {
	g := mustNew(t, fixture())
	if got, want := ids(g.Entities(), func(e *Entity) string { return e.ID }), []string{"alibaba", "apple", "pla", "us-gov"}; !slices.Equal(got, want) {
		t.Errorf("entities = %v, want %v", got, want)
	}
	want := []string{"apple--is-exploring-a-deal-with--alibaba", "ban", "data", "smear"}
	if got := claimIDs(g.Claims()); !slices.Equal(got, want) {
		t.Errorf("claims = %v, want %v", got, want)
	}
	if got := claimIDs(g.Out("us-gov")); !slices.Equal(got, []string{"ban", "smear"}) {
		t.Errorf("Out(us-gov) = %v", got)
	}
	if got := claimIDs(g.In("alibaba")); !slices.Equal(got, []string{"apple--is-exploring-a-deal-with--alibaba", "smear"}) {
		t.Errorf("In(alibaba) = %v", got)
	}
	leads := func(from, to string) bool {
		return slices.ContainsFunc(g.Out(from), func(c *Claim) bool { return c.To == to })
	}
	if !leads("alibaba", "pla") || leads("pla", "alibaba") {
		t.Error("Out disagrees with the claims")
	}
	if g.Out("nobody") != nil || g.Entity("nobody") != nil || g.Claim("nobody") != nil {
		t.Error("unknown ids must give nil")
	}
}

// TestNewIgnoresInputOrder pins determinism: any permutation of the input
// lists gives the same graph.
func TestNewIgnoresInputOrder(t *testing.T) {
	want := mustNew(t, fixture()).Dataset()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		ds := fixture()
		r.Shuffle(len(ds.Entities), func(i, j int) { ds.Entities[i], ds.Entities[j] = ds.Entities[j], ds.Entities[i] })
		r.Shuffle(len(ds.Claims), func(i, j int) { ds.Claims[i], ds.Claims[j] = ds.Claims[j], ds.Claims[i] })
		if got := mustNew(t, ds).Dataset(); !reflect.DeepEqual(got, want) {
			t.Fatalf("permutation %d changed the graph", i)
		}
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Dataset)
		want string
	}{
		{"dangling from", func(ds *Dataset) { ds.Claims[0].From = "ghost" }, `claim "data": from "ghost": unknown id`},
		{"dangling to", func(ds *Dataset) { ds.Claims[0].To = "ghost" }, `claim "data": to "ghost": unknown id`},
		{"duplicate entity", func(ds *Dataset) { ds.Entities = append(ds.Entities, ds.Entities[0]) }, `entity "pla" defined twice`},
		{"duplicate claim", func(ds *Dataset) { ds.Claims[2].ID = "data" }, `claim "data" defined twice`},
		{"duplicate derived id", func(ds *Dataset) { ds.Claims = append(ds.Claims, ds.Claims[1]) },
			`claim "apple--is-exploring-a-deal-with--alibaba" defined twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := fixture()
			tt.edit(ds)
			_, err := New(ds)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestContested(t *testing.T) {
	st := func(ps ...Position) *Claim {
		c := &Claim{}
		for _, p := range ps {
			c.Stances = append(c.Stances, Stance{By: "x", Position: p})
		}
		return c
	}
	tests := []struct {
		name string
		c    *Claim
		want bool
	}{
		{"no stances", st(), false},
		{"asserted only", st(Asserts), false},
		{"denied only", st(Denies), false},
		{"asserted and denied", st(Asserts, Denies), true},
		{"confirmed and disputed", st(Disputes, Confirms), true},
		{"asserted, declined, silent", st(Asserts, Declined, Silent), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Contested(); got != tt.want {
				t.Errorf("Contested() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Transfers customer data to":     "transfers-customer-data-to",
		"  provides ‘opportunities’ to ": "provides-opportunities-to",
		"U.S. control":                   "u-s-control",
		"监视 users":                       "监视-users",
		"":                               "",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := Slug(in); got != want {
				t.Errorf("Slug(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	g := mustNew(t, fixture())
	tests := []struct {
		query   string
		want    string
		wantErr string
	}{
		{"pla", "pla", ""},
		{"PLA", "pla", ""},
		{"people's liberation army", "pla", ""},
		{" Alibaba ", "alibaba", ""},
		{"Ali", "", `"Ali" names several entities: "alibaba", "us-gov"`},
		{"aple", "", `no entity "aple" (did you mean "apple"?)`},
		{"zzzzzzzzzz", "", `no entity "zzzzzzzzzz"`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			e, err := g.Resolve(tt.query)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || e.ID != tt.want {
				t.Fatalf("Resolve(%q) = %v, %v; want %s", tt.query, e, err, tt.want)
			}
		})
	}
	var nf *NotFoundError
	if _, err := g.Resolve("aple"); !errors.As(err, &nf) || !slices.Equal(nf.Suggestions, []string{"apple"}) {
		t.Errorf("NotFoundError suggestions = %v", err)
	}
}

func TestFilterAndWithin(t *testing.T) {
	g := mustNew(t, fixture())
	sub := g.Filter(func(c *Claim) bool { return c.Contested() })
	if got := claimIDs(sub.Claims()); !slices.Equal(got, []string{"data"}) {
		t.Errorf("contested claims = %v", got)
	}
	if got := ids(sub.Entities(), func(e *Entity) string { return e.ID }); !slices.Equal(got, []string{"alibaba", "pla"}) {
		t.Errorf("contested entities = %v", got)
	}
	if len(sub.Sources()) != 1 {
		t.Error("Filter must keep every source")
	}
	if got := g.Filter(func(*Claim) bool { return false }, "apple"); len(got.Entities()) != 1 {
		t.Errorf("extra entity not kept: %v", got.Entities())
	}
	within := func(id string, d int) []string {
		var out []string
		for k := range g.Within(id, d) {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	if got := within("pla", 1); !slices.Equal(got, []string{"alibaba", "pla"}) {
		t.Errorf("Within(pla, 1) = %v", got)
	}
	if got := within("pla", 2); !slices.Equal(got, []string{"alibaba", "apple", "pla", "us-gov"}) {
		t.Errorf("Within(pla, 2) = %v", got)
	}
	if got := within("pla", 0); !slices.Equal(got, []string{"pla"}) {
		t.Errorf("Within(pla, 0) = %v", got)
	}
	if got := within("ghost", 3); len(got) != 0 {
		t.Errorf("Within(ghost) = %v", got)
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"ałibaba", "alibaba", 1}} {
		if got := Levenshtein(tt.a, tt.b); got != tt.d {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

// TestProvenanceLibraryGraph checks the graph the library holds: one
// vertex per source and one edge per distinct derived_from pair (repeats
// folded, unknown ids left out, a self-reference kept), and the successor
// lists read from it.
func TestProvenanceLibraryGraph(t *testing.T) {
	ds := &Dataset{Sources: []Source{
		{ID: "a", DerivedFrom: []string{"b", "c", "b", "nowhere"}},
		{ID: "b", DerivedFrom: []string{"b"}},
		{ID: "c"},
	}}
	g := mustNew(t, ds)
	p := g.provenance()
	adj, err := p.lib.AdjacencyMap()
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for from, tos := range adj {
		for to := range tos {
			pairs = append(pairs, from+">"+to)
		}
	}
	slices.Sort(pairs)
	if want := []string{"a>b", "a>c", "b>b"}; !slices.Equal(pairs, want) {
		t.Errorf("library edges = %v, want %v", pairs, want)
	}
	if n, err := p.lib.Order(); err != nil || n != 3 {
		t.Errorf("Order = %d, %v", n, err)
	}
	if got := fmt.Sprint(p.succ); got != "[[1 2] [1] []]" {
		t.Errorf("succ = %s", got)
	}
	if got := fmt.Sprint(p.cyclic[p.comp[1]], p.cyclic[p.comp[0]]); got != "true false" {
		t.Errorf("cyclic(b), cyclic(a) = %s", got)
	}
}

func TestSupportersAndOpponents(t *testing.T) {
	c := &Claim{Stances: []Stance{
		{By: "memo", Position: Asserts}, {By: "alibaba", Position: Denies}, {By: "paper", Position: Confirms},
		{By: "memo", Position: Confirms}, {By: "apple", Position: Silent}, {By: "beijing", Position: Disputes},
	}}
	if got := c.Supporters(); !slices.Equal(got, []string{"memo", "paper"}) {
		t.Errorf("Supporters = %v", got)
	}
	if got := c.Opponents(); !slices.Equal(got, []string{"alibaba", "beijing"}) {
		t.Errorf("Opponents = %v", got)
	}
}

// TestEntityNameAfterFilter pins that a party filtered out of a graph (it
// only takes a stance) is still named, from the graph it came from.
func TestEntityNameAfterFilter(t *testing.T) {
	g := mustNew(t, fixture())
	sub := g.Filter(func(c *Claim) bool { return c.ID == "data" })
	if sub.Entity("us-gov") != nil {
		t.Fatal("us-gov should be filtered out")
	}
	if got := sub.EntityName("us-gov"); got != "U.S. government" {
		t.Errorf("EntityName(us-gov) = %q", got)
	}
	if got := sub.EntityName("ghost"); got != "ghost" {
		t.Errorf("EntityName(ghost) = %q", got)
	}
}
