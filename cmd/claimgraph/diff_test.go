package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The worked example of the README: the embedded dataset against a
// hypothetical update of it, in every format.
const (
	exampleOld = "../../data/alibaba-pla-memo.yaml"
	exampleNew = "testdata/hypothetical-update.yaml"
)

func TestDiffExample(t *testing.T) {
	for _, tt := range []struct{ format, golden string }{
		{"text", "example.txt"},
		{"markdown", "example.md"},
		{"json", "example.json"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main([]string{"diff", exampleOld, exampleNew, "--format", tt.format}, nil, &stdout, &stderr)
			if code != exitFailure || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr %q; want exit 1 and no error", code, stderr.String())
			}
			checkGolden(t, filepath.Join("testdata", "diff-example", tt.golden), stdout.Bytes())
		})
	}
}

// TestDiffExampleSVG checks the laid-out diff figure by its structure, not
// byte for byte (a golden re-lays out on any label change): every claim and
// entity of either version is one group with its id, marked added, removed
// or changed exactly as the JSON report says, with its reading on it. With
// -update it also rewrites example.svg, the picture the README shows.
func TestDiffExampleSVG(t *testing.T) {
	diffOut := func(format string) []byte {
		var stdout, stderr bytes.Buffer
		if code := Main([]string{"diff", exampleOld, exampleNew, "--format", format}, nil, &stdout, &stderr); code != exitFailure || stderr.Len() > 0 {
			t.Fatalf("%s: exit %d, stderr %q", format, code, stderr.String())
		}
		return stdout.Bytes()
	}
	svg := diffOut("svg")
	if *update {
		checkGolden(t, filepath.Join("testdata", "diff-example", "example.svg"), svg)
	}
	var rep struct {
		Entities struct {
			Added, Removed []string
			Changed        []struct{ ID string }
		}
		Claims struct {
			Added, Removed []string
			Changed        []struct{ ID string }
		}
	}
	if err := json.Unmarshal(diffOut("json"), &rep); err != nil {
		t.Fatal(err)
	}
	groups := svgGroups(t, svg)
	mark := map[string]string{}
	for _, id := range rep.Claims.Added {
		mark[id] = "added"
	}
	for _, id := range rep.Claims.Removed {
		mark[id] = "removed"
	}
	for _, c := range rep.Claims.Changed {
		mark[c.ID] = "changed"
	}
	for _, id := range rep.Entities.Added {
		mark[id] = "added"
	}
	for _, e := range rep.Entities.Changed {
		mark[e.ID] = "changed"
	}
	claims := 0
	for id, g := range groups {
		if !g.has("claim") && !g.has("entity") {
			continue
		}
		if g.has("claim") {
			claims++
		}
		for _, m := range []string{"added", "removed", "changed"} {
			if want := mark[id] == m; g.has(m) != want {
				t.Errorf("group %q: class %q, want %s %v", id, g.class, m, want)
			}
		}
	}
	for id := range mark {
		if _, ok := groups[id]; !ok && !slices.Contains(rep.Entities.Removed, id) {
			t.Errorf("no group for %q", id)
		}
	}
	oldN, newN := claimCount(t, exampleOld), claimCount(t, exampleNew)
	if want := newN + len(rep.Claims.Removed); claims != want {
		t.Errorf("%d claim groups, want %d (%d new + %d removed; old had %d)", claims, want, newN, len(rep.Claims.Removed), oldN)
	}
	for _, id := range rep.Claims.Added {
		if !strings.Contains(groups[id].text, "NEW") {
			t.Errorf("added claim %q: label %q lacks NEW", id, groups[id].text)
		}
	}
	for _, id := range rep.Claims.Removed {
		if !strings.Contains(groups[id].text, "(removed)") {
			t.Errorf("removed claim %q: label %q lacks (removed)", id, groups[id].text)
		}
	}
	if g := groups["alibaba-data-to-pla"]; !strings.Contains(g.text, "‼ CONTESTED") || !strings.Contains(g.text, "denied by") {
		t.Errorf("contested claim's label %q lacks its mark or who denies", g.text)
	}
}

type svgGroup struct{ class, text string }

func (g svgGroup) has(class string) bool { return slices.Contains(strings.Fields(g.class), class) }

// svgGroups returns the SVG's groups by id, each with its class and the text
// inside it; duplicate ids fail the test.
func svgGroups(t *testing.T, svg []byte) map[string]svgGroup {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = false
	groups := map[string]svgGroup{}
	var stack []string // ids of the open groups, "" for groups without one
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local != "g" {
				continue
			}
			var id, class string
			for _, a := range e.Attr {
				switch a.Name.Local {
				case "id":
					id = a.Value
				case "class":
					class = a.Value
				}
			}
			if id != "" {
				if _, dup := groups[id]; dup {
					t.Errorf("duplicate id %q", id)
				}
				groups[id] = svgGroup{class: class}
			}
			stack = append(stack, id)
		case xml.EndElement:
			if e.Name.Local == "g" && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			for _, id := range stack {
				if g, ok := groups[id]; ok && id != "" && !strings.HasPrefix(id, "cg:") {
					g.text += string(e) + "\n"
					groups[id] = g
				}
			}
		}
	}
	return groups
}

func claimCount(t *testing.T, path string) int {
	t.Helper()
	var out, errb bytes.Buffer
	if code := Main([]string{"list", "claims", "-d", path, "--format", "tsv"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("list %s: exit %d: %s", path, code, errb.String())
	}
	return strings.Count(out.String(), "\n")
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; if the change is intended, run go test ./cmd/claimgraph -run %s -update\ngot:\n%s", path, t.Name(), got)
	}
}

// TestDiffColor runs the text report as on a terminal and as piped, through
// the streams Main would set up: colour only on the terminal, the same words
// either way.
func TestDiffColor(t *testing.T) {
	run := func(color bool) string {
		var out, errb bytes.Buffer
		s := streams{in: strings.NewReader(""), out: &out, err: &errb, isTTY: color, colorEnabled: color}
		if code := run([]string{"diff", exampleOld, exampleNew}, s); code != exitFailure {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return out.String()
	}
	plain, colored := run(false), run(true)
	if strings.Contains(plain, "\x1b[") {
		t.Error("piped output has escape sequences")
	}
	if !strings.Contains(colored, "\x1b[32m") || !strings.Contains(colored, "\x1b[31m") {
		t.Error("terminal output has no colour")
	}
	if stripped := stripANSI(colored); stripped != plain {
		t.Errorf("terminal and piped output differ beyond colour:\n%s\n---\n%s", stripped, plain)
	}
}

var ansiSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

func stripANSI(s string) string { return ansiSGR.ReplaceAllString(s, "") }
