package render

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture is a small dataset with every status, a contested claim, an
// undenied allegation, parallel claims, several entity types and two
// countries:
//
//	acme ──established──▶ gov-a ──reported──▶ press
//	acme ══alleged, contested (gov-b denies)══▶ gov-b
//	acme ──alleged (undenied)──▶ gov-b          (parallel to the above)
//	gov-a ··proposed··▶ memo;  gov-b ─failed─▶ memo;  press ─retracted─▶ acme
func fixture() *graph.Dataset {
	return &graph.Dataset{
		Title: "Fixture: every style",
		Sources: []graph.Source{
			{ID: "s1", Title: "First report", Publisher: "Daily", Published: "2024-05-01", URL: "https://example.org/a?b=1&c=2"},
			{ID: "s2", Title: "Second report", URL: "javascript:alert(1)"},
			{ID: "s3", Title: "Never cited"},
		},
		Entities: []graph.Entity{
			{ID: "acme", Name: "Acme Corp", Type: graph.Company, Country: "US", Aliases: []string{"Acme"}},
			{ID: "gov-a", Name: "Government A", Type: graph.Government, Country: "US"},
			{ID: "gov-b", Name: "Government B", Type: graph.Government, Country: "CN"},
			{ID: "press", Name: "The Press", Type: graph.Media},
			{ID: "memo", Name: "A memo", Type: graph.Document, Country: "US", Note: "unverified"},
		},
		Claims: []graph.Claim{
			{ID: "c-established", From: "acme", To: "gov-a", Relation: "pays taxes to", Status: graph.Established,
				Sources: []graph.SourceRef{{Source: "s1", Quote: "Acme pays taxes."}}},
			{ID: "c-reported", From: "gov-a", To: "press", Relation: "briefed", Status: graph.Reported,
				Sources: []graph.SourceRef{{Source: "s2"}}},
			{ID: "c-contested", From: "acme", To: "gov-b", Relation: "sells data to", Status: graph.Alleged,
				Stances: []graph.Stance{
					{By: "memo", Position: graph.Asserts, Quote: "Acme sells data", Source: "s1"},
					{By: "gov-b", Position: graph.Denies, Quote: "nonsense"},
				},
				Sources: []graph.SourceRef{{Source: "s1", Quote: "it claims Acme sells data"}, {Source: "s2"}}},
			{ID: "c-undenied", From: "acme", To: "gov-b", Relation: "lobbies", Status: graph.Alleged,
				Stances: []graph.Stance{{By: "press", Position: graph.Asserts}}},
			{ID: "c-proposed", From: "gov-a", To: "memo", Relation: "plans to publish", Status: graph.Proposed},
			{ID: "c-failed", From: "gov-b", To: "memo", Relation: "tried to suppress", Status: graph.Failed},
			{ID: "c-retracted", From: "press", To: "acme", Relation: "accused", Status: graph.Retracted},
		},
	}
}

func mustGraph(t testing.TB, ds *graph.Dataset) *graph.Graph {
	t.Helper()
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// shuffled returns a copy of ds with every list in a random order.
func shuffled(ds *graph.Dataset, r *rand.Rand) *graph.Dataset {
	cp := *ds
	cp.Entities = append([]graph.Entity(nil), ds.Entities...)
	cp.Claims = append([]graph.Claim(nil), ds.Claims...)
	cp.Sources = append([]graph.Source(nil), ds.Sources...)
	r.Shuffle(len(cp.Entities), func(i, j int) { cp.Entities[i], cp.Entities[j] = cp.Entities[j], cp.Entities[i] })
	r.Shuffle(len(cp.Claims), func(i, j int) { cp.Claims[i], cp.Claims[j] = cp.Claims[j], cp.Claims[i] })
	r.Shuffle(len(cp.Sources), func(i, j int) { cp.Sources[i], cp.Sources[j] = cp.Sources[j], cp.Sources[i] })
	return &cp
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		diff := firstDiff(string(want), string(got))
		if filepath.Ext(name) == ".png" {
			diff = "(a picture: render it, look at it, then accept it)"
		}
		t.Errorf("%s differs from the golden file; if the change is intended, run: go test ./render -run %s -update\n%s",
			path, t.Name(), diff)
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, w, g)
		}
	}
	return ""
}

// svgElement is a parsed SVG element, for tests that look at structure
// rather than bytes (Graphviz's escaping of ids is its business).
type svgElement struct {
	Name     string
	Attr     map[string]string // "xlink:href" etc., prefix as written
	Text     string            // direct character data
	Children []*svgElement
}

func parseSVG(t testing.TB, b []byte) *svgElement {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var root *svgElement
	var stack []*svgElement
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := &svgElement{Name: qname(tk.Name), Attr: map[string]string{}}
			for _, a := range tk.Attr {
				e.Attr[qname(a.Name)] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tk)
			}
		case xml.Directive:
			t.Errorf("SVG has a directive: <!%s>", tk)
		}
	}
	if root == nil || root.Name != "svg" {
		t.Fatal("no <svg> root element")
	}
	return root
}

func (e *svgElement) walk(fn func(*svgElement)) {
	fn(e)
	for _, c := range e.Children {
		c.walk(fn)
	}
}

// group finds the <g> with the given id.
func (e *svgElement) group(id string) *svgElement {
	var found *svgElement
	e.walk(func(x *svgElement) {
		if found == nil && x.Name == "g" && x.Attr["id"] == id {
			found = x
		}
	})
	return found
}

// text joins all character data below e.
func (e *svgElement) text() string {
	var b strings.Builder
	e.walk(func(x *svgElement) {
		if x.Name == "text" {
			b.WriteString(x.Text)
			b.WriteString("\n")
		}
	})
	return b.String()
}

func (e *svgElement) title() string {
	for _, c := range e.Children {
		if c.Name == "title" {
			return c.Text
		}
	}
	return ""
}
