package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// genDataset returns a valid random dataset: every field exercised, strings
// drawn from an alphabet of the characters that break naive encoders
// (quotes, backslashes, control characters, HTML, non-ASCII, U+2028), ids
// unique, references resolved, derived_from acyclic (a source only repeats
// earlier ones), some claims without an id and some self-referencing.
func genDataset(rng *rand.Rand, nEntities, nSources, nClaims int) *graph.Dataset {
	ds := &graph.Dataset{Title: genText(rng, 20)}
	for i := range nEntities {
		e := graph.Entity{
			ID:   fmt.Sprintf("e%d", i),
			Name: "n" + genText(rng, 15),
			Type: graph.EntityTypes[rng.IntN(len(graph.EntityTypes))],
			Note: maybe(rng, genText(rng, 30)),
		}
		for range rng.IntN(3) {
			e.Aliases = append(e.Aliases, genText(rng, 8))
		}
		if rng.IntN(2) == 0 {
			e.Country = genCountry(rng)
		}
		ds.Entities = append(ds.Entities, e)
	}
	for i := range nSources {
		s := graph.Source{
			ID:          fmt.Sprintf("s%d", i),
			Title:       "t" + genText(rng, 20),
			Publisher:   maybe(rng, genText(rng, 10)),
			Published:   maybe(rng, genDate(rng)),
			URL:         maybe(rng, "https://example.org/"+fmt.Sprint(rng.IntN(1000))+"?q=a&b=<c>"),
			Reliability: maybe(rng, string(rune('A'+rng.IntN(6)))),
		}
		for range rng.IntN(3) {
			if i > 0 {
				s.DerivedFrom = append(s.DerivedFrom, fmt.Sprintf("s%d", rng.IntN(i)))
			}
		}
		genSourceBelief(rng, &s)
		ds.Sources = append(ds.Sources, s)
	}
	for i := range nClaims {
		c := graph.Claim{
			From:     fmt.Sprintf("e%d", rng.IntN(nEntities)),
			To:       fmt.Sprintf("e%d", rng.IntN(nEntities)),
			Relation: fmt.Sprintf("r%d %s", i, genText(rng, 12)),
			Detail:   maybe(rng, genText(rng, 40)),
			Status:   graph.Statuses[rng.IntN(len(graph.Statuses))],
			Reported: maybe(rng, genDate(rng)),
		}
		if rng.IntN(3) > 0 {
			c.ID = fmt.Sprintf("c%d", i)
		}
		for range rng.IntN(4) {
			st := graph.Stance{
				By:       fmt.Sprintf("e%d", rng.IntN(nEntities)),
				Position: graph.Positions[rng.IntN(len(graph.Positions))],
				Quote:    maybe(rng, genText(rng, 30)),
			}
			if nSources > 0 && rng.IntN(2) == 0 {
				st.Source = fmt.Sprintf("s%d", rng.IntN(nSources))
			}
			st.Note = maybe(rng, genText(rng, 20))
			c.Stances = append(c.Stances, st)
		}
		for range rng.IntN(3) {
			if nSources > 0 {
				c.Sources = append(c.Sources, graph.SourceRef{
					Source: fmt.Sprintf("s%d", rng.IntN(nSources)),
					Quote:  maybe(rng, genText(rng, 50)),
				})
			}
		}
		genClaimBelief(rng, &c)
		ds.Claims = append(ds.Claims, c)
	}
	return ds
}

var genAlphabet = []rune("abcdefghij klmnop XYZ 0123 .,;:!?-_'\"\\/<>&{}[]#*|%@`~\t\n\r\x01\x7féü中文😀\u2028\u2029\u00a0")

func genText(rng *rand.Rand, max int) string {
	n := rng.IntN(max + 1)
	var b strings.Builder
	for range n {
		b.WriteRune(genAlphabet[rng.IntN(len(genAlphabet))])
	}
	return b.String()
}

func maybe(rng *rand.Rand, s string) string {
	if rng.IntN(2) == 0 {
		return ""
	}
	return s
}

func genDate(rng *rand.Rand) string {
	y := 1990 + rng.IntN(40)
	switch rng.IntN(3) {
	case 0:
		return fmt.Sprint(y)
	case 1:
		return fmt.Sprintf("%d-%02d", y, 1+rng.IntN(12))
	}
	return fmt.Sprintf("%d-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28))
}

// exportJSON indexes ds and writes its canonical JSON.
func exportJSON(t testing.TB, ds *graph.Dataset) []byte {
	t.Helper()
	g, err := graph.New(ds)
	if err != nil {
		t.Fatalf("graph.New: %v", err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// roundTrip checks export → load → export is byte-identical.
func roundTrip(t testing.TB, ds *graph.Dataset) {
	t.Helper()
	first := exportJSON(t, ds)
	back, err := LoadBytes("export.json", first)
	if err != nil {
		t.Fatalf("loading the export: %v\n%s", err, first)
	}
	if second := exportJSON(t, back); !bytes.Equal(first, second) {
		t.Fatalf("export → load → export differs:\nfirst:\n%s\nsecond:\n%s", first, second)
	}
}

func TestRoundTripEmbedded(t *testing.T) {
	ds, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, ds)
}

func TestRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		ds := genDataset(rng, 1+rng.IntN(8), rng.IntN(4), rng.IntN(12))
		t.Run(fmt.Sprint(i), func(t *testing.T) { roundTrip(t, ds) })
	}
}

func TestEmbeddedLoadsClean(t *testing.T) {
	ds, err := LoadEmbedded()
	if err != nil {
		t.Fatalf("the embedded dataset has problems:\n%v", err)
	}
	g, err := graph.New(ds)
	if err != nil {
		t.Fatal(err)
	}
	if n := g.ContestedCount(); n < 2 {
		t.Errorf("embedded dataset has %d contested claims, want at least 2", n)
	}
}
