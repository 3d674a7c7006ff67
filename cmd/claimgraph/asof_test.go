package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"testing"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
)

// TestDiffAsOfEqualsExportThenDiff is the property the issue promises:
// "diff --as-of A --as-of B -d DATA" says exactly what diffing the files
// "export --as-of A" and "export --as-of B" write says, in every format,
// with the same exit status, on random dated datasets.
func TestDiffAsOfEqualsExportThenDiff(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 1))
	dir := t.TempDir()
	for i := range 40 {
		ds := randomTimeDataset(rng)
		g, err := graph.New(ds)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("d%d.json", i))
		var b bytes.Buffer
		if err := data.WriteJSON(&b, g); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		a, bDate := randomDate(rng), randomDate(rng)
		t.Run(fmt.Sprintf("%d_%s_%s", i, a, bDate), func(t *testing.T) {
			ea, eb := filepath.Join(dir, fmt.Sprintf("a%d.json", i)), filepath.Join(dir, fmt.Sprintf("b%d.json", i))
			for _, e := range [][2]string{{a, ea}, {bDate, eb}} {
				if code, _, stderr := runMain(t, "export", "-d", path, "--as-of", e[0], "-o", e[1]); code != 0 {
					t.Fatalf("export --as-of %s: exit %d: %s", e[0], code, stderr)
				}
			}
			for _, format := range []string{"text", "json", "markdown"} {
				code1, out1, _ := runMain(t, "diff", "-d", path, "--as-of", a, "--as-of", bDate, "--format", format)
				code2, out2, err2 := runMain(t, "diff", ea, eb, "--format", format)
				// Markdown names the two versions: dates on one side, files on
				// the other. What it says about them must be the same.
				out1, out2 = fromLine.ReplaceAllString(out1, ""), fromLine.ReplaceAllString(out2, "")
				if code1 != code2 || out1 != out2 {
					t.Fatalf("%s: diff --as-of gave exit %d:\n%s\nexport then diff gave exit %d (%s):\n%s", format, code1, out1, code2, err2, out2)
				}
			}
		})
	}
}

var fromLine = regexp.MustCompile("(?m)^From `.*` to `.*`\\.\n")

func randomDate(rng *rand.Rand) string {
	y := strconv.Itoa(2019 + rng.IntN(5))
	switch rng.IntN(3) {
	case 0:
		return y
	case 1:
		return fmt.Sprintf("%s-%02d", y, 1+rng.IntN(12))
	}
	return fmt.Sprintf("%s-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28))
}

// randomTimeDataset makes a small valid dataset with dated (and undated)
// sources, stances, histories and event times.
func randomTimeDataset(rng *rand.Rand) *graph.Dataset {
	maybeDate := func() string {
		if rng.IntN(4) == 0 {
			return ""
		}
		return randomDate(rng)
	}
	ds := &graph.Dataset{Title: "random"}
	nE, nS, nC := 2+rng.IntN(4), rng.IntN(5), rng.IntN(8)
	for i := range nE {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("E%d", i), Type: graph.Company})
	}
	for i := range nS {
		s := graph.Source{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("S%d", i), Published: maybeDate()}
		if i > 0 && rng.IntN(3) == 0 {
			s.DerivedFrom = []string{fmt.Sprintf("s%d", rng.IntN(i))}
		}
		ds.Sources = append(ds.Sources, s)
	}
	src := func() string {
		if nS == 0 || rng.IntN(4) == 0 {
			return ""
		}
		return fmt.Sprintf("s%d", rng.IntN(nS))
	}
	for i := range nC {
		c := graph.Claim{ID: fmt.Sprintf("c%d", i), From: fmt.Sprintf("e%d", rng.IntN(nE)), To: fmt.Sprintf("e%d", rng.IntN(nE)),
			Relation: "r", Status: graph.Statuses[rng.IntN(len(graph.Statuses))]}
		for range rng.IntN(3) {
			if s := src(); s != "" {
				c.Sources = append(c.Sources, graph.SourceRef{Source: s, Quote: "q"})
			}
		}
		for range rng.IntN(4) {
			c.Stances = append(c.Stances, graph.Stance{By: fmt.Sprintf("e%d", rng.IntN(nE)),
				Position: graph.Positions[rng.IntN(len(graph.Positions))], Source: src(), Date: maybeDate()})
		}
		if n := rng.IntN(3); n > 0 {
			for range n {
				c.History = append(c.History, graph.HistoryEntry{Status: graph.Statuses[rng.IntN(len(graph.Statuses))], Date: randomDate(rng), Source: src()})
			}
			c.Status = c.History[n-1].Status
		}
		if rng.IntN(3) == 0 {
			c.When = &graph.When{Start: maybeDate(), End: randomDate(rng)}
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

// TestShowClaimTimeFields: show CLAIM --format json carries the time fields
// as export writes them (TestShowClaimIsExportJSON, on a dated dataset).
func TestShowClaimTimeFields(t *testing.T) {
	g, err := (&globalOptions{data: []string{filepath.Join("testdata", "timeline", "story.yaml")}, maxBytes: data.DefaultMaxBytes}).loadGraph()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range g.Claims() {
		export, err := json.Marshal(data.ClaimJSONIn(g, c))
		if err != nil {
			t.Fatal(err)
		}
		shown, err := json.Marshal(report.ClaimJSON(g, c))
		if err != nil {
			t.Fatal(err)
		}
		var e, s map[string]any
		_ = json.Unmarshal(export, &e)
		_ = json.Unmarshal(shown, &s)
		for k, v := range e {
			if !reflect.DeepEqual(s[k], v) {
				t.Errorf("claim %s: %s = %v, export has %v", c.ID, k, s[k], v)
			}
		}
		if _, ok := e["first_reported"]; !ok {
			t.Errorf("claim %s: export has no first_reported", c.ID)
		}
	}
}
