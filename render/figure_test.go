package render

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// threeParties is the case issue 11 opens with: a reported claim Gamma
// asserts, Alpha denies and Beta disputes, which used to read "‼ CONTESTED
// denied by Alpha, Beta attacked [1]" (the asserter unnamed, the dispute
// shown as a denial, the parties running into the relation).
//
//	gamma (asserts) ┐
//	alpha ──attacked──▶ beta      alpha denies, beta disputes
func threeParties() *graph.Dataset {
	return &graph.Dataset{
		Title:   "Three parties",
		Sources: []graph.Source{{ID: "s1", Title: "Wire story", Publisher: "Wire"}},
		Entities: []graph.Entity{
			{ID: "alpha", Name: "Alpha", Type: graph.Government},
			{ID: "beta", Name: "Beta", Type: graph.Government},
			{ID: "gamma", Name: "Gamma", Type: graph.Media},
		},
		Claims: []graph.Claim{{ID: "attack", From: "alpha", To: "beta", Relation: "attacked", Status: graph.Reported,
			Stances: []graph.Stance{
				{By: "gamma", Position: graph.Asserts},
				{By: "alpha", Position: graph.Denies},
				{By: "beta", Position: graph.Disputes},
			},
			Sources: []graph.SourceRef{{Source: "s1"}}}},
	}
}

func TestLabelReadsWhoClaimsWhat(t *testing.T) {
	g := mustGraph(t, threeParties())
	root := parseSVG(t, svgOf(t, g, Options{}))
	grp := root.group("attack")
	if grp == nil {
		t.Fatal("no claim group")
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(grp.text()), "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	want := []string{"‼ CONTESTED · reported", "asserted by Gamma", "denied by Alpha", "disputed by Beta", "→ attacked [1]"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("label lines inside the claim's group\n got %q\nwant %q", lines, want)
	}
}

// TestLongPartyListsShorten: four or more parties read "X and 3 others" on
// the arrow; the tooltip names every one.
func TestLongPartyListsShorten(t *testing.T) {
	ds := threeParties()
	for _, n := range []string{"d1", "d2", "d3"} {
		ds.Entities = append(ds.Entities, graph.Entity{ID: n, Name: "Denier " + n, Type: graph.Person})
		ds.Claims[0].Stances = append(ds.Claims[0].Stances, graph.Stance{By: n, Position: graph.Denies})
	}
	g := mustGraph(t, ds)
	root := parseSVG(t, svgOf(t, g, Options{}))
	grp := root.group("attack")
	txt := strings.Join(strings.Fields(grp.text()), " ")
	if !strings.Contains(txt, "denied by Alpha and 3 others") || strings.Contains(txt, "Denier d3") {
		t.Errorf("label %q: want the deniers shortened", txt)
	}
	if tip := grp.title(); !strings.Contains(tip, "denied by Alpha, Denier d1, Denier d2, Denier d3") {
		t.Errorf("tooltip lacks the full list: %q", tip)
	}
}

// TestDeniedWithoutAssertion: a claim its subject denies and nobody asserts
// is marked DENIED and classed "denied", not drawn as settled.
func TestDeniedWithoutAssertion(t *testing.T) {
	ds := threeParties()
	ds.Claims[0].Stances = []graph.Stance{{By: "alpha", Position: graph.Denies}}
	g := mustGraph(t, ds)
	root := parseSVG(t, svgOf(t, g, Options{}))
	grp := root.group("attack")
	if grp.Attr["class"] != "edge claim reported denied" {
		t.Errorf("class %q", grp.Attr["class"])
	}
	if txt := grp.text(); !strings.HasPrefix(strings.TrimSpace(txt), "DENIED · reported") || !strings.Contains(txt, "reported by Wire") {
		t.Errorf("label %q", txt)
	}
	if !strings.Contains(root.group(figureClusterID).text(), "DENIED:") {
		t.Error("key lacks the DENIED entry")
	}
}

// TestFooterCitesStanceSources: a source only a stance cites is listed,
// once, with publisher, date and grade.
func TestFooterCitesStanceSources(t *testing.T) {
	ds := threeParties()
	ds.Sources = append(ds.Sources, graph.Source{ID: "s2", Title: "How America Took Out the Nord Stream Pipeline",
		Publisher: "Seymour Hersh (Substack)", Published: "2023-02-08", Reliability: "E"})
	ds.Claims[0].Stances[0].Source = "s2"
	ds.Claims[0].Stances[1].Source = "s2"
	g := mustGraph(t, ds)
	txt := parseSVG(t, svgOf(t, g, Options{})).group(figureClusterID).text()
	want := "[2] How America Took Out the Nord Stream Pipeline — Seymour Hersh (Substack), 2023-02-08, grade E"
	if strings.Count(strings.Join(strings.Fields(txt), " "), want) != 1 {
		t.Errorf("footer lacks (or repeats) %q:\n%s", want, txt)
	}
}

// TestKeyFromDrawnStyles: a figure of contested claims only draws the
// contested line, so its key has no rows for the statuses' own lines.
func TestKeyFromDrawnStyles(t *testing.T) {
	g := mustGraph(t, fixture()).Filter((*graph.Claim).Contested)
	f, err := newFigure(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.writeDOT(&bytes.Buffer{})
	key := f.legendLabel()
	if !strings.Contains(key, "‼ CONTESTED:") {
		t.Error("key lacks the contested row")
	}
	for _, not := range []string{"reported:", "alleged:", "established:"} {
		if strings.Contains(key, not) {
			t.Errorf("key has %q, which the figure does not draw", not)
		}
	}
}

// TestGreyscaleDistinct: no two statuses (nor the contested style) share
// a line pattern, line count, arrowhead and width class; colour is left out
// on purpose, as a greyscale print leaves it out.
func TestGreyscaleDistinct(t *testing.T) {
	type look struct {
		style     string
		double    bool
		arrowhead string
		heavy     int
	}
	lookOf := func(st edgeStyle) look {
		var w float64
		fmt.Sscan(st.penwidth, &w)
		heavy := 0
		switch {
		case w >= 3:
			heavy = 2
		case w >= 1.5:
			heavy = 1
		}
		return look{st.style, st.double, st.arrowhead, heavy}
	}
	seen := map[look]string{lookOf(contestedStyle): "contested", lookOf(stanceStyle): "stance"}
	for _, s := range graph.Statuses {
		st := statusStyles[s]
		l := lookOf(st)
		if other, ok := seen[l]; ok {
			t.Errorf("%s and %s look alike in greyscale: %+v", s, other, l)
		}
		seen[l] = string(s)
		if !strings.HasPrefix(st.meaning, string(s)) || st.word == "" {
			t.Errorf("%s: key entry %q or label word %q does not name the status", s, st.meaning, st.word)
		}
	}
	// And in the drawing: the SVG attributes of each status's arrow differ.
	root := parseSVG(t, svgOf(t, mustGraph(t, fixture()), Options{}))
	drawn := map[string]string{}
	for _, c := range fixture().Claims {
		var sig []string
		root.group(c.ID).walk(func(x *svgElement) {
			if x.Name == "path" || x.Name == "polygon" || x.Name == "polyline" {
				sig = append(sig, x.Name+" "+x.Attr["stroke-width"]+" "+x.Attr["stroke-dasharray"])
			}
		})
		k := strings.Join(sig, ";")
		if other, ok := drawn[k]; ok {
			t.Errorf("%s and %s drawn alike without colour: %s", c.ID, other, k)
		}
		drawn[k] = c.ID
	}
}

// TestStanceConnectors: a party in no claim (an allegation's author) is
// tied to the claim's subject by a labelless dotted connector.
func TestStanceConnectors(t *testing.T) {
	root := parseSVG(t, svgOf(t, embedded(t), Options{}))
	for _, id := range []string{"stance:us-gov-critics:apple-deal-bolsters-alibaba", "stance:dod-memo:alibaba-data-to-pla"} {
		grp := root.group(id)
		if grp == nil {
			t.Errorf("no connector %q", id)
			continue
		}
		if !strings.HasPrefix(grp.Attr["class"], "edge stance asserts") {
			t.Errorf("%s: class %q", id, grp.Attr["class"])
		}
		if strings.TrimSpace(grp.text()) != "" {
			t.Errorf("%s: connector carries text %q", id, grp.text())
		}
	}
	if root.group("stance:alibaba:alibaba-data-to-pla") != nil {
		t.Error("a party that is one of the claim's ends got a connector")
	}
}

// TestStanceBox: with the box option the party only taking positions sits
// in the box as a group with its entity id and classes "entity <type> party".
func TestStanceBox(t *testing.T) {
	root := parseSVG(t, svgOf(t, embedded(t), Options{StanceHolders: StanceBox}))
	box := root.group(partiesID)
	if box == nil {
		t.Fatal("no parties box")
	}
	grp := root.group("us-gov-critics")
	if grp == nil || grp.Attr["class"] != "entity government party" {
		t.Fatalf("party group: %+v", grp)
	}
	if txt := grp.text(); !strings.Contains(txt, "asserts #") {
		t.Errorf("party lists no claim numbers: %q", txt)
	}
	root.walk(func(x *svgElement) {
		if strings.HasPrefix(x.Attr["id"], "stance:") {
			t.Errorf("box option drew connector %s", x.Attr["id"])
		}
	})
}

func TestFocusTitle(t *testing.T) {
	g := embedded(t)
	sub := g.Filter(g.Focus("us-gov-critics", 1), append([]string{"us-gov-critics"}, g.Parties(g.Focus("us-gov-critics", 1))...)...)
	if n := len(sub.Claims()); n != 2 {
		t.Errorf("focus on a party that only takes positions: %d claims, want its 2", n)
	}
	root := parseSVG(t, svgOf(t, sub, Options{Focus: "us-gov-critics", Depth: 1}))
	if txt := root.group(figureID).text(); !strings.Contains(strings.Join(strings.Fields(txt), " "), "focused on Critics within the U.S. government") {
		t.Errorf("title does not say what it is focused on: %q", txt)
	}
}

func TestLabelModes(t *testing.T) {
	g := mustGraph(t, fixture())
	t.Run("numbers", func(t *testing.T) {
		root := parseSVG(t, svgOf(t, g, Options{Labels: LabelsNumbers}))
		// Claims are numbered in id order: c-contested is 1.
		if txt := strings.TrimSpace(root.group("c-contested").text()); txt != "‼ 1" {
			t.Errorf("numbered label %q", txt)
		}
		key := strings.Join(strings.Fields(root.group(figureClusterID).text()), " ")
		for _, want := range []string{"Who asserts, who denies", "‼ CONTESTED · alleged", "Acme Corp → sells data to → Government B", "asserted by A memo; denied by Government B", "[1,2]"} {
			if !strings.Contains(key, want) {
				t.Errorf("claims table lacks %q:\n%s", want, key)
			}
		}
	})
	t.Run("short", func(t *testing.T) {
		root := parseSVG(t, svgOf(t, g, Options{Labels: LabelsShort}))
		if txt := strings.Join(strings.Fields(root.group("c-contested").text()), " "); !strings.HasPrefix(txt, "‼ · alleged asserted by A memo denied by") {
			t.Errorf("short label %q", txt)
		}
	})
	t.Run("default by size", func(t *testing.T) {
		if DefaultLabels(16, Options{}) != LabelsFull || DefaultLabels(FullLabelsUpTo+1, Options{}) != LabelsNumbers || DefaultLabels(16, Options{Layout: "neato"}) != LabelsNumbers {
			t.Error("default label modes changed: update README")
		}
	})
	var oe *OptionError
	if err := DOT(&bytes.Buffer{}, g, Options{Labels: "tiny"}); !errors.As(err, &oe) {
		t.Errorf("unknown label mode: %v", err)
	}
}

// TestBackslashInHTMLLabels (issue 17 item 10): \G, \N, \E in the title,
// caption, key or footer are shown as written, not expanded by Graphviz.
func TestBackslashInHTMLLabels(t *testing.T) {
	ds := fixture()
	ds.Title = `Title \G \N \E end`
	ds.Sources[0].Title = `Source \G \N \L`
	g := mustGraph(t, ds)
	txt := strings.Join(strings.Fields(parseSVG(t, svgOf(t, g, Options{Caption: `cap \G \T`})).text()), " ")
	for _, want := range []string{`Title \G \N \E end`, `cap \G \T`, `Source \G \N \L`} {
		if !strings.Contains(txt, want) {
			t.Errorf("figure lacks %q as written:\n%s", want, txt)
		}
	}
}

// TestOwnIDsDoNotCollide (issue 17 item 10): entities with ids the figure
// used for its own groups keep their ids, and no id is written twice.
func TestOwnIDsDoNotCollide(t *testing.T) {
	ds := fixture()
	for _, id := range []string{"legend", "figure", "claimgraph", "parties"} {
		ds.Entities = append(ds.Entities, graph.Entity{ID: id, Name: "Entity " + id, Type: graph.Company})
		ds.Claims = append(ds.Claims, graph.Claim{ID: "c-" + id, From: "acme", To: id, Relation: "owns", Status: graph.Reported})
	}
	g := mustGraph(t, ds)
	for _, opts := range []Options{{}, {Layout: "neato"}, {StanceHolders: StanceBox}} {
		root := parseSVG(t, svgOf(t, g, opts))
		ids := map[string]int{}
		root.walk(func(x *svgElement) {
			if id, ok := x.Attr["id"]; ok {
				ids[id]++
			}
		})
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%+v: id %q written %d times", opts, id, n)
			}
		}
		for _, id := range []string{"legend", "figure", "claimgraph"} {
			if grp := root.group(id); grp == nil || !strings.HasPrefix(grp.Attr["class"], "node entity") {
				t.Errorf("%+v: entity %q lost its group id", opts, id)
			}
		}
	}
}

// amplifier is issue 17's figure amplifier, scaled down: claims denied by
// many entities with long names, and long relations.
func amplifier(claims, deniers, nameLen int) *graph.Dataset {
	ds := &graph.Dataset{Title: strings.Repeat("T", 5000)}
	long := strings.Repeat("x", nameLen)
	for i := range deniers + 2 {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("e%03d", i), Name: fmt.Sprintf("%d %s", i, long), Type: graph.Person})
	}
	for i := range claims {
		c := graph.Claim{ID: fmt.Sprintf("c%03d", i), From: "e000", To: "e001", Relation: strings.Repeat("relation ", nameLen/9+1), Status: graph.Alleged,
			Detail: long, Stances: []graph.Stance{{By: "e000", Position: graph.Asserts, Quote: long}}}
		for d := range deniers {
			c.Stances = append(c.Stances, graph.Stance{By: fmt.Sprintf("e%03d", d+2), Position: graph.Denies, Quote: long})
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

// TestTextCaps (issue 17 item 8): names, relations and party lists are cut
// on labels, tooltips are capped, and the figure's text grows with the
// number of elements, not with the length of what the data says.
func TestTextCaps(t *testing.T) {
	g := mustGraph(t, amplifier(3, 20, 1000))
	var dot bytes.Buffer
	if err := DOT(&dot, g, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(dot.String(), "\n") {
		if strings.Contains(l, "label=") && len(l) > 6*maxTooltip+4000 {
			t.Errorf("DOT line of %d bytes: %.200s", len(l), l)
		}
	}
	root := parseSVG(t, svgOf(t, g, Options{}))
	grp := root.group("c000")
	if txt := grp.text(); len(txt) > 600 || !strings.Contains(txt, "…") || !strings.Contains(txt, "and 19 others") {
		t.Errorf("label of %d bytes: %.300q", len(txt), txt)
	}
	if tip := grp.title(); len(tip) > maxTooltip {
		t.Errorf("tooltip of %d bytes", len(tip))
	}
}

// TestDOTBudget: a figure whose DOT text exceeds MaxDOTBytes is refused
// with a TooLargeError (the CLI gives it the size guard's hint) before
// Graphviz runs.
func TestDOTBudget(t *testing.T) {
	ds := amplifier(MaxClaims, 60, 10)
	for i := range ds.Claims {
		for j := range ds.Claims[i].Stances {
			id := fmt.Sprintf("s%03d-%03d", i, j)
			ds.Sources = append(ds.Sources, graph.Source{ID: id, Title: strings.Repeat("a long title ", 20)})
			ds.Claims[i].Stances[j].Source = id
		}
	}
	err := SVG(&bytes.Buffer{}, mustGraph(t, ds), Options{})
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.DOTBytes <= MaxDOTBytes || !strings.Contains(err.Error(), "bytes of Graphviz input") {
		t.Fatalf("err = %v, want a TooLargeError on DOT bytes", err)
	}
}

// TestPNGPixelCap: a drawing whose PNG would exceed MaxPNGPixels at the
// default resolution is drawn at a lower one.
func TestPNGPixelCap(t *testing.T) {
	// A 6,000 × 6,000 point drawing: 12,000 × 12,000 pixels at 144 dpi.
	js := `{"bb":"0,0,6000,6000","_subgraph_cnt":0,"objects":[],"edges":[],"_draw_":[{"op":"c","color":"#000000"},{"op":"L","points":[[0,0],[6000,6000]]}]}`
	var b bytes.Buffer
	if err := writePNG(&b, []byte(js), PNGDPI); err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(&b)
	if err != nil {
		t.Fatal(err)
	}
	if px := cfg.Width * cfg.Height; px > MaxPNGPixels || cfg.Width < 6000 {
		t.Errorf("PNG %d×%d = %d pixels (cap %d)", cfg.Width, cfg.Height, px, MaxPNGPixels)
	}
}
