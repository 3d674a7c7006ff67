package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

var ansiSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		s    graph.Summary
		want string
	}{
		{graph.Summary{}, "no differences"},
		{graph.Summary{StatusChanges: 2, NewDenials: 1, ClaimsAdded: 3, ClaimsRemoved: 1, EntitiesAdded: 2},
			"2 status changes, 1 new denial, 3 claims added, 1 removed, 2 entities added"},
		{graph.Summary{ClaimsRemoved: 1, EntitiesRemoved: 2, TitleChanged: true},
			"1 claim removed, 2 entities removed, title changed"},
		{graph.Summary{NowContested: 1, NoLongerContested: 2, StancesWithdrawn: 1, SourcesAdded: 1, SourcesChanged: 1},
			"1 now contested, 2 no longer contested, 1 position withdrawn, 1 source added, 1 source changed"},
		{graph.Summary{NewConfirmations: 1, NewAssertions: 2}, "1 new confirmation, 2 new assertions"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := SummaryLine(tt.s); got != tt.want {
				t.Errorf("SummaryLine = %q, want %q", got, tt.want)
			}
		})
	}
}

// diffFixture: the old version has one plain claim; the new one adds a
// plain established claim, a contested one and a denied one (ids chosen so
// that id order is the wrong order), and a party now asserts the old claim
// while another now confirms it.
func diffFixture(t *testing.T) *Diff {
	t.Helper()
	ents := []graph.Entity{
		{ID: "a", Name: "A", Type: graph.Company}, {ID: "b", Name: "B", Type: graph.Company},
		{ID: "p", Name: "Unnamed U.S. officials", Type: graph.Person}, {ID: "q", Name: "Q", Type: graph.Government},
	}
	old := &graph.Dataset{Title: "Old", Entities: ents, Claims: []graph.Claim{
		{ID: "base", From: "a", To: "b", Relation: "owns", Status: graph.Reported},
	}}
	new := &graph.Dataset{Title: "New", Entities: ents, Claims: []graph.Claim{
		{ID: "base", From: "a", To: "b", Relation: "owns", Status: graph.Reported,
			Stances: []graph.Stance{{By: "p", Position: graph.Asserts}, {By: "q", Position: graph.Confirms}}},
		{ID: "c1-plain", From: "b", To: "a", Relation: "pays", Status: graph.Established},
		{ID: "c2-denied", From: "b", To: "a", Relation: "bribes", Status: graph.Alleged,
			Stances: []graph.Stance{{By: "b", Position: graph.Denies}}},
		{ID: "c3-contested", From: "a", To: "a", Relation: "spies on", Status: graph.Alleged,
			Stances: []graph.Stance{{By: "p", Position: graph.Asserts}, {By: "a", Position: graph.Disputes}}},
	}}
	go1, err := graph.New(old)
	if err != nil {
		t.Fatal(err)
	}
	gn, err := graph.New(new)
	if err != nil {
		t.Fatal(err)
	}
	return &Diff{D: graph.Compare(go1, gn), Old: go1, New: gn, OldName: "HEAD~1:data.yaml", NewName: "data.yaml"}
}

// TestDiffAddedClaims: each added claim is one "+ " line with its reading,
// ordered by weight (contested, denied, alleged/reported, rest), the claim
// on an indented line after it.
func TestDiffAddedClaims(t *testing.T) {
	r := diffFixture(t)
	var b bytes.Buffer
	if err := r.Text(&b); err != nil {
		t.Fatal(err)
	}
	want := `Claims added
  + ‼ CONTESTED · alleged · asserted by Unnamed U.S. officials · disputed by A
      A — spies on → A
  + DENIED · alleged · denied by B
      B — bribes → A
  + established
      B — pays → A
`
	if !strings.Contains(b.String(), want) {
		t.Errorf("got\n%s\nwant a section\n%s", b.String(), want)
	}
	// Plural-safe: the party comes after a passive verb, never before an
	// agreeing one ("Unnamed U.S. officials now asserts").
	if !strings.Contains(b.String(), "A — owns → B: now asserted by Unnamed U.S. officials\n") {
		t.Errorf("no passive stance line:\n%s", b.String())
	}
}

func TestDiffJSON(t *testing.T) {
	r := diffFixture(t)
	var b bytes.Buffer
	if err := r.JSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Claims struct {
			Added  []string                    `json:"added"`
			Detail map[string]ClaimReadingJSON `json:"detail"`
		} `json:"claims"`
		Summary graph.Summary `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Claims.Added, ",") != "c1-plain,c2-denied,c3-contested" {
		t.Errorf("claims.added = %v, want id order as before", got.Claims.Added)
	}
	if len(got.Claims.Detail) != 4 {
		t.Errorf("detail has %d claims, want the 3 added and 1 changed", len(got.Claims.Detail))
	}
	if d := got.Claims.Detail["c2-denied"]; !d.Denied || d.Contested || strings.Join(d.Opponents, ",") != "b" || d.Reading != "DENIED · alleged · denied by B" {
		t.Errorf("detail[c2-denied] = %+v", d)
	}
	if d := got.Claims.Detail["base"]; strings.Join(d.Supporters, ",") != "p,q" {
		t.Errorf("detail[base] = %+v", d)
	}
	if s := got.Summary; s.NewConfirmations != 1 || s.NewAssertions != 1 {
		t.Errorf("summary: %d new confirmations, %d new assertions; want 1 and 1", s.NewConfirmations, s.NewAssertions)
	}
}

// TestDiffMarkdownHeader: the header names both versions, and their titles
// when they differ.
func TestDiffMarkdownHeader(t *testing.T) {
	r := diffFixture(t)
	var b bytes.Buffer
	if err := r.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	if want := "From `HEAD~1:data.yaml` to `data.yaml` (*Old* → *New*).\n"; !strings.Contains(b.String(), want) {
		t.Errorf("header lacks %q:\n%s", want, b.String())
	}
}
