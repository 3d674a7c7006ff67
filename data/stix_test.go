package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestSTIXBelief checks the belief grades in STIX on random datasets:
// confidence by the STIX 2.1 Admiralty credibility table (1→90, 2→70,
// 3→50, 4→30, 5→10, 6 and ungraded: no confidence), a negated claim's
// relationship type saying "not", and no entity ever a threat-actor.
func TestSTIXBelief(t *testing.T) {
	want := map[int8]int{1: 90, 2: 70, 3: 50, 4: 30, 5: 10} // from the spec, not from stixConfidence
	rng := rand.New(rand.NewPCG(11, 12))
	graded := map[int8]bool{}
	for i := range 150 {
		g, err := graph.New(genDataset(rng, 1+rng.IntN(8), rng.IntN(12)))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteSTIX(&b, g); err != nil {
				t.Fatal(err)
			}
			var bundle struct {
				Objects []struct {
					Type       string
					RelType    string         `json:"relationship_type"`
					Confidence *int           `json:"confidence"`
					X          map[string]any `json:"x_claimgraph"`
				}
			}
			if err := json.Unmarshal(b.Bytes(), &bundle); err != nil {
				t.Fatal(err)
			}
			for _, o := range bundle.Objects {
				if o.Type == "threat-actor" {
					t.Fatalf("a threat-actor: an entity exported as one would state an allegation as fact")
				}
				if o.Type != "relationship" {
					continue
				}
				c := g.Claim(o.X["id"].(string))
				graded[c.Credibility] = true
				w, ok := want[c.Credibility]
				switch {
				case ok && (o.Confidence == nil || *o.Confidence != w):
					t.Errorf("claim %q credibility %d: confidence %v, want %d", c.ID, c.Credibility, o.Confidence, w)
				case !ok && o.Confidence != nil:
					t.Errorf("claim %q credibility %d: confidence %d, want none", c.ID, c.Credibility, *o.Confidence)
				}
				if c.Negated != strings.HasPrefix(o.RelType, "not-") {
					t.Errorf("claim %q negated %t: relationship_type %q", c.ID, c.Negated, o.RelType)
				}
			}
		})
	}
	if len(graded) != 7 {
		t.Errorf("the generator gave credibilities %v: want every one of 0 to 6", graded)
	}
}

// TestSTIXEntityKinds pins the object and identity class of every entity
// type: a new type must be placed here on purpose.
func TestSTIXEntityKinds(t *testing.T) {
	for _, typ := range graph.EntityTypes {
		k, ok := stixKinds[typ]
		if !ok {
			t.Errorf("entity type %q has no STIX kind", typ)
			continue
		}
		if k.object != "identity" && k.object != "infrastructure" {
			t.Errorf("entity type %q exports as %q: want identity or infrastructure", typ, k.object)
		}
	}
	if k := stixKinds[graph.Group]; k.class != "group" {
		t.Errorf("group is identity class %q, want group", k.class)
	}
}
