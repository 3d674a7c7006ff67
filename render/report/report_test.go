package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// The minimal three-party case of issue 11: a reported claim that Gamma
// asserts, Alpha denies and Beta disputes. Before, it read "‼ CONTESTED /
// denied by Alpha, Beta / attacked", never naming who asserts it and
// calling a dispute a denial.
//
//	gamma ──asserts──┐
//	alpha ──denies───┼── x ─attacked→ y ─supplies→ z
//	beta ──disputes──┘                 ▲
//	                          y denies, nobody asserts (DENIED)
func threeParties(t *testing.T) *graph.Graph {
	t.Helper()
	ds := &graph.Dataset{
		Title: "Three parties",
		Entities: []graph.Entity{
			{ID: "alpha", Name: "Alpha", Type: graph.Government},
			{ID: "beta", Name: "Beta officials", Type: graph.Government},
			{ID: "gamma", Name: "Gamma", Type: graph.Government},
			{ID: "x", Name: "X", Type: graph.Military},
			{ID: "y", Name: "Y", Type: graph.Company},
			{ID: "z", Name: "Z", Type: graph.Company},
			{ID: "critic", Name: "Unnamed officials", Type: graph.Person},
		},
		Sources: []graph.Source{
			{ID: "a-wire", Title: "Wire story", Publisher: "Wire"},
			{ID: "b-blog", Title: "Blog repeats the wire", DerivedFrom: []string{"a-wire"}},
			{ID: "c-post", Title: "Post repeats the blog", DerivedFrom: []string{"b-blog"}},
		},
		Claims: []graph.Claim{
			{ID: "x-attacked-y", From: "x", To: "y", Relation: "attacked", Status: graph.Reported,
				Stances: []graph.Stance{
					{By: "gamma", Position: graph.Asserts},
					{By: "alpha", Position: graph.Denies, Quote: "false"},
					{By: "beta", Position: graph.Disputes, Source: "c-post"},
				},
				Sources: []graph.SourceRef{{Source: "a-wire", Quote: "X attacked Y, Gamma said."}}},
			{ID: "y-supplies-z", From: "y", To: "z", Relation: "supplies", Status: graph.Alleged,
				Stances: []graph.Stance{{By: "y", Position: graph.Denies}},
				Sources: []graph.SourceRef{{Source: "c-post"}}},
		},
	}
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

const threeReading = "‼ CONTESTED · reported · asserted by Gamma · denied by Alpha · disputed by Beta officials"

func findPaths(t *testing.T, g *graph.Graph, from, to string) *Paths {
	t.Helper()
	opts := graph.PathOptions{MaxHops: 6, Limit: 20}
	found, _, err := g.Paths(from, to, opts)
	if err != nil || len(found) == 0 {
		t.Fatalf("Paths(%s, %s) = %v, %v", from, to, found, err)
	}
	return &Paths{G: g, From: g.Entity(from), To: g.Entity(to), Search: opts, Found: found}
}

// TestPathsReading: every paths format names who asserts, who denies and
// who disputes each hop, in reading order, and says once that the chain is
// claimgraph's.
func TestPathsReading(t *testing.T) {
	g := threeParties(t)
	r := findPaths(t, g, "x", "z")
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"text", []string{
			"     x-attacked-y: " + threeReading + "\n       attacked [1]\n",
			"     y-supplies-z: DENIED · alleged · reported by “Post repeats the blog” · denied by Y\n",
			"   y → z  [denied]\n",
			"2 hops, 1 contested, 1 denied; weakest link: x-attacked-y (reported, contested)",
		}},
		{"markdown", []string{
			"`x-attacked-y` \\‼ CONTESTED", // never: the mark is no markup
			"| y → z | **denied** |",
			"*" + PathsNote + "*",
		}},
		{"json", []string{
			`"note": "` + PathsNote + `"`,
			`"reading": "X —attacked (` + threeReading + `)→ Y —supplies (DENIED · alleged`,
			`"denied": true`,
		}},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := r.Write(&b, tt.format); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if tt.format == "markdown" {
				tt.want[0] = "`x-attacked-y` " + md(threeReading)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if n := strings.Count(out, "no source states these chains"); n != 1 {
				t.Errorf("the note appears %d times, want once:\n%s", n, out)
			}
		})
	}
}

// TestPathsClaimDetail: hops[].claims stays a list of ids, and
// hops[].claim_detail reads the same claims in the same order.
func TestPathsClaimDetail(t *testing.T) {
	g := threeParties(t)
	pj := findPaths(t, g, "x", "z").JSON()
	h := pj.Paths[0].Hops[0]
	if len(h.Claims) != 1 || h.Claims[0] != "x-attacked-y" {
		t.Fatalf("claims = %v", h.Claims)
	}
	d := h.ClaimDetail[0]
	if d.ID != "x-attacked-y" || !d.Contested || d.Denied || d.Status != graph.Reported ||
		strings.Join(d.Supporters, ",") != "gamma" || strings.Join(d.Opponents, ",") != "alpha,beta" ||
		strings.Join(d.Sources, ",") != "a-wire" {
		t.Errorf("claim_detail = %+v", d)
	}
	// A contested hop ranks below a denied one of a stronger status.
	if w := pj.Paths[0].Weakest; w.Denied || !w.Contested || w.Claim != "x-attacked-y" {
		t.Errorf("weakest = %+v", w)
	}
}

// TestShowQuotes: show and paths print source marks, and with quotes the
// sentences a claim rests on.
func TestShowQuotes(t *testing.T) {
	g := threeParties(t)
	var b bytes.Buffer
	if err := Entity(&b, g, g.Entity("x"), Style{}, true); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"  - " + threeReading + "\n    X attacked Y [1]\n",
		"      disputes  Beta officials [3]\n",
		"      [1] “X attacked Y, Gamma said.”\n",
		"  [1] a-wire: Wire story; Wire\n",
		"  [3] c-post: Post repeats the blog; derived from b-blog\n",
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("show lacks %q:\n%s", w, b.String())
		}
	}
}

// TestSourceJSON: what rests on a source directly, through sources derived
// from it at any remove, and through the stances it reports.
func TestSourceJSON(t *testing.T) {
	g := threeParties(t)
	for _, tt := range []struct {
		id                      string
		claims, derived, stance string
	}{
		{"a-wire", "x-attacked-y", "y-supplies-z", ""},
		{"b-blog", "", "y-supplies-z", ""},
		{"c-post", "y-supplies-z", "", "x-attacked-y"},
	} {
		t.Run(tt.id, func(t *testing.T) {
			s := SourceJSON(g, g.Source(tt.id))
			if got := strings.Join(s.Claims, ","); got != tt.claims {
				t.Errorf("claims = %q, want %q", got, tt.claims)
			}
			if got := strings.Join(s.DerivedClaims, ","); got != tt.derived {
				t.Errorf("derived_claims = %q, want %q", got, tt.derived)
			}
			if got := strings.Join(s.StanceClaims, ","); got != tt.stance {
				t.Errorf("stance_claims = %q, want %q", got, tt.stance)
			}
		})
	}
}

// TestDerivedCycle: a derived_from cycle (which check reports) is walked
// once, not forever.
func TestDerivedCycle(t *testing.T) {
	g, err := graph.New(&graph.Dataset{
		Entities: []graph.Entity{{ID: "a", Name: "A", Type: graph.Company}, {ID: "b", Name: "B", Type: graph.Company}},
		Sources:  []graph.Source{{ID: "s1", DerivedFrom: []string{"s2"}}, {ID: "s2", DerivedFrom: []string{"s1"}}},
		Claims:   []graph.Claim{{ID: "c", From: "a", To: "b", Relation: "r", Status: graph.Reported, Sources: []graph.SourceRef{{Source: "s2"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := SourceJSON(g, g.Source("s1")); strings.Join(s.DerivedClaims, ",") != "c" || len(s.Claims) != 0 {
		t.Errorf("s1 = %+v", s)
	}
}

func TestClaimJSON(t *testing.T) {
	g := threeParties(t)
	c := ClaimJSON(g, g.Claim("y-supplies-z"))
	if !c.Denied || c.Contested || len(c.Supporters) != 0 || strings.Join(c.Opponents, ",") != "y" ||
		c.Reading != "DENIED · alleged · reported by “Post repeats the blog” · denied by Y" {
		t.Errorf("ClaimJSON = %+v", c)
	}
	b, _ := json.Marshal(c)
	for _, key := range []string{`"supporters":[]`, `"denied":true`, `"stances":[`, `"contested":false`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
}

// TestListClaims: the reading is the last column; the columns before it
// are as they were.
func TestListClaims(t *testing.T) {
	g := threeParties(t)
	var b bytes.Buffer
	if err := Claims(&b, FormatTSV, Style{}, g, g.Claims()); err != nil {
		t.Fatal(err)
	}
	want := "x-attacked-y\tx\tattacked\ty\treported\tyes\ta-wire\t" + threeReading + "\n" +
		"y-supplies-z\ty\tsupplies\tz\talleged\tno\tc-post\tDENIED · alleged · reported by “Post repeats the blog” · denied by Y\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestHostileNames: names made of terminal control sequences and
// bidirectional overrides reach no output raw, whatever the writer, on a
// model built in memory (the loader is not in the way).
func TestHostileNames(t *testing.T) {
	const clear, osc, rlo = "\x1b[2J", "\x1b]0;pwned\x07", "\u202e"
	g, err := graph.New(&graph.Dataset{
		Title: "T" + clear,
		Entities: []graph.Entity{
			{ID: "a", Name: "A" + clear, Type: graph.Company, Note: "line\nbreak"},
			{ID: "b", Name: "B" + osc + rlo, Type: graph.Company},
		},
		Sources: []graph.Source{{ID: "s", Title: "S" + rlo}},
		Claims: []graph.Claim{{ID: "a-b", From: "a", To: "b", Relation: "pays\u009b" + rlo, Status: graph.Reported,
			Detail: "two\nlines", Stances: []graph.Stance{{By: "b", Position: graph.Denies, Quote: "no" + clear}},
			Sources: []graph.SourceRef{{Source: "s", Quote: "q" + osc}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	empty, _ := graph.New(&graph.Dataset{})
	paths := findPaths(t, g, "a", "b")
	paths.Quotes = true
	diff := &Diff{D: graph.Compare(empty, g), Old: empty, New: g, OldName: "old" + clear, NewName: "new" + rlo}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"paths text":     func(b *bytes.Buffer) error { return paths.Text(b) },
		"paths markdown": func(b *bytes.Buffer) error { return paths.Markdown(b) },
		"show entity":    func(b *bytes.Buffer) error { return Entity(b, g, g.Entity("a"), Style{}, true) },
		"show claim":     func(b *bytes.Buffer) error { return ShowClaim(b, g, g.Claim("a-b"), Style{}) },
		"show source":    func(b *bytes.Buffer) error { return ShowSource(b, g, g.Source("s"), Style{}, true) },
		"list table":     func(b *bytes.Buffer) error { return Claims(b, FormatTable, Style{}, g, g.Claims()) },
		"list tsv":       func(b *bytes.Buffer) error { return Claims(b, FormatTSV, Style{}, g, g.Claims()) },
		"entities":       func(b *bytes.Buffer) error { return Entities(b, FormatTable, Style{}, g, g.Entities()) },
		"sources":        func(b *bytes.Buffer) error { return Sources(b, FormatTSV, Style{}, g, g.Sources()) },
		"diff text":      func(b *bytes.Buffer) error { return diff.Text(b) },
		"diff markdown":  func(b *bytes.Buffer) error { return diff.Markdown(b) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if strings.ContainsAny(out, "\x1b\x07\u009b"+rlo) {
				t.Errorf("raw control or override in output: %q", out)
			}
			if !strings.Contains(out, `\x1b`) && !strings.Contains(out, `\u202e`) {
				t.Errorf("escaped sequence missing: %q", out)
			}
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "break") || strings.HasPrefix(l, "lines") {
					t.Errorf("a field's line break passes for a new line: %q", out)
				}
			}
		})
	}
}

// TestColour runs the writers as on a colour terminal and as piped: colour
// only with Style.Color, the same words either way.
func TestColour(t *testing.T) {
	g := threeParties(t)
	empty, _ := graph.New(&graph.Dataset{})
	for name, write := range map[string]func(*bytes.Buffer, Style) error{
		"show":  func(b *bytes.Buffer, st Style) error { return Entity(b, g, g.Entity("x"), st, false) },
		"claim": func(b *bytes.Buffer, st Style) error { return ShowClaim(b, g, g.Claim("x-attacked-y"), st) },
		"diff": func(b *bytes.Buffer, st Style) error {
			return (&Diff{D: graph.Compare(empty, g), Old: empty, New: g, Style: st}).Text(b)
		},
		"table": func(b *bytes.Buffer, st Style) error { return Claims(b, FormatTable, st, g, g.Claims()) },
	} {
		t.Run(name, func(t *testing.T) {
			var plain, coloured bytes.Buffer
			if err := write(&plain, Style{}); err != nil {
				t.Fatal(err)
			}
			if err := write(&coloured, Style{Color: true}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(plain.String(), "\x1b[") {
				t.Errorf("plain output has escape sequences: %q", plain.String())
			}
			if !strings.Contains(coloured.String(), ansiBold) {
				t.Errorf("coloured output has no bold: %q", coloured.String())
			}
			if stripped := ansiSGR.ReplaceAllString(coloured.String(), ""); stripped != plain.String() {
				t.Errorf("coloured and plain output differ beyond colour:\n%s\n---\n%s", stripped, plain.String())
			}
		})
	}
}
