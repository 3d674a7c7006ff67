package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/graph"
)

// genDataset returns a valid random dataset: the synthetic generator's
// (data/internal/synth: the one generator; every field exercised, ids
// unique, references resolved, derived_from acyclic), with its text
// replaced by strings drawn from an alphabet of the characters that break
// naive encoders (quotes, backslashes, tab and newline, HTML, non-ASCII,
// U+2028), some optional fields emptied, some claims without an id and
// some self-referencing, and with the time fields (addTime). nEntities is
// at least 2, the generator's least.
func genDataset(rng *rand.Rand, nEntities, nClaims int) *graph.Dataset {
	ds, err := synth.Generate(synth.Options{Entities: max(nEntities, 2), Claims: nClaims, Seed: rng.Uint64(), Contested: rng.Float64()})
	if err != nil {
		panic(err) // the options are valid
	}
	ds.Title = genText(rng, 20)
	for i := range ds.Entities {
		e := &ds.Entities[i]
		e.Name = "n" + genText(rng, 15)
		e.Note = maybe(rng, genText(rng, 30))
		e.Aliases = nil
		for range rng.IntN(3) {
			e.Aliases = append(e.Aliases, genText(rng, 8))
		}
		if rng.IntN(2) == 0 {
			e.Country = ""
		}
	}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		s.Title = "t" + genText(rng, 20)
		s.Publisher = maybe(rng, genText(rng, 10))
		s.Published = maybe(rng, s.Published)
		s.URL = maybe(rng, "https://example.org/"+fmt.Sprint(rng.IntN(1000))+"?q=a&b=<c>")
		s.Reliability = maybe(rng, s.Reliability)
		genSourceBelief(rng, s)
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		// The number keeps derived ids apart.
		c.Relation = fmt.Sprintf("r%d %s", i, genText(rng, 12))
		c.Detail = maybe(rng, genText(rng, 40))
		c.Reported = maybe(rng, c.Reported)
		if rng.IntN(3) == 0 {
			c.ID = ""
		}
		if rng.IntN(8) == 0 {
			c.To = c.From
		}
		for j := range c.Stances {
			c.Stances[j].Quote = maybe(rng, genText(rng, 30))
			c.Stances[j].Note = maybe(rng, genText(rng, 20))
		}
		for j := range c.Sources {
			c.Sources[j].Quote = maybe(rng, genText(rng, 50))
		}
		genClaimBelief(rng, c)
	}
	addTime(rng, ds)
	return ds
}

// addTime dates some stances and gives claims histories and event times,
// valid as the loader wants them: a history in date order that ends at the
// claim's status, a when that is a date or a span.
func addTime(rng *rand.Rand, ds *graph.Dataset) {
	var sources []string
	for _, s := range ds.Sources {
		sources = append(sources, s.ID)
	}
	pick := func() string {
		if len(sources) == 0 || rng.IntN(3) == 0 {
			return ""
		}
		return sources[rng.IntN(len(sources))]
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		for j := range c.Stances {
			c.Stances[j].Date = maybe(rng, genDate(rng))
		}
		if n := rng.IntN(3); n > 0 {
			date := 2000 + rng.IntN(10)
			for k := range n {
				date += rng.IntN(3)
				c.History = append(c.History, graph.HistoryEntry{
					Status: graph.Statuses[rng.IntN(len(graph.Statuses))],
					Date:   strconv.Itoa(date) + []string{"", "-03", "-07-15"}[rng.IntN(3)],
					Source: pick(), Note: maybe(rng, "note "+strconv.Itoa(k)),
				})
			}
			c.Status = c.History[n-1].Status
		}
		switch rng.IntN(4) {
		case 1:
			c.When = &graph.When{On: genDate(rng)}
		case 2:
			c.When = &graph.When{Start: maybe(rng, genDate(rng)), End: genDate(rng)}
		}
	}
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

// The loader refuses other control characters and invisible ones (see
// the "characters that forge output" cases of data/internal/testcases),
// so the alphabet has only tab and newline.
var genAlphabet = []rune("abcdefghij klmnop XYZ 0123 .,;:!?-_'\"\\/<>&{}[]#*|%@`~\t\néü中文😀\u2028\u2029\u00a0")

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
		ds := genDataset(rng, 1+rng.IntN(8), rng.IntN(12))
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
