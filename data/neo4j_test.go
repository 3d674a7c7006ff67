package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestGraphDBBelief checks, on random datasets, that the neo4j, cypher and
// FtM exports never state a negated claim's relation: its direct link is
// NEGATED (outside every status type a path query names), its FtM role
// starts "not:"; and that each claim node carries its credibility.
func TestGraphDBBelief(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for i := range 100 {
		g, err := graph.New(genDataset(rng, 1+rng.IntN(8), rng.IntN(12)))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			files := memFiles{}
			if err := WriteNeo4j(g, files.create); err != nil {
				t.Fatal(err)
			}
			for _, row := range csvRows(t, files["claim_links.csv"])[1:] {
				c := g.Claim(row[3])
				if (row[2] == neo4jNegatedType) != c.Negated {
					t.Errorf("neo4j: claim %q negated %t has link type %s", c.ID, c.Negated, row[2])
				}
			}
			claims := csvRows(t, files["claims.csv"])
			col := indexOf(claims[0], "credibility:int")
			for _, row := range claims[1:] {
				if c := g.Claim(row[0]); row[col] != credibilityCell(c) {
					t.Errorf("neo4j: claim %q credibility %q, want %q", c.ID, row[col], credibilityCell(c))
				}
			}
			cy := memFiles{}
			if err := WriteCypher(g, cy.create); err != nil {
				t.Fatal(err)
			}
			for name, b := range cy {
				if !strings.HasPrefix(name, "05-links-") || !strings.HasSuffix(name, ".json") {
					continue
				}
				var rows []struct{ Claim string }
				if err := json.Unmarshal(b, &rows); err != nil {
					t.Fatal(err)
				}
				for _, r := range rows {
					if c := g.Claim(r.Claim); c.Negated != strings.HasPrefix(name, "05-links-negated") {
						t.Errorf("cypher: claim %q negated %t is in %s", c.ID, c.Negated, name)
					}
				}
			}
			var ftm bytes.Buffer
			if err := WriteFTM(&ftm, g); err != nil {
				t.Fatal(err)
			}
			negated := 0
			for _, c := range g.Claims() {
				if c.Negated {
					negated++
				}
			}
			if n := strings.Count(ftm.String(), `"role":["not: `); n != negated {
				t.Errorf("ftm: %d roles start \"not:\", want %d (the negated claims)", n, negated)
			}
		})
	}
}

func credibilityCell(c *graph.Claim) string {
	if c.Credibility == 0 {
		return ""
	}
	return strconv.Itoa(int(c.Credibility))
}

func csvRows(t *testing.T, b []byte) [][]string {
	t.Helper()
	cr := newCSVReader("f.csv", bytes.NewReader(b))
	cr.comma = ','
	var rows [][]string
	for {
		ok, err := cr.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return rows
		}
		rows = append(rows, append([]string(nil), cr.cells...))
	}
}
