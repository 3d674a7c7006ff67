package data

import (
	"math/rand/v2"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// genCountry picks a real code, or one of the two accepted beyond the list.
func genCountry(rng *rand.Rand) string {
	codes := strings.Fields(iso3166 + " " + acceptedCountries)
	return codes[rng.IntN(len(codes))]
}

func genSourceBelief(rng *rand.Rand, s *graph.Source) {
	s.Text = maybe(rng, genText(rng, 60))
	s.Retrieved = maybe(rng, genDate(rng))
}

// genClaimBelief sets the belief fields at random, valid as the loader
// wants them (an inference has a detail, a credibility note a grade).
func genClaimBelief(rng *rand.Rand, c *graph.Claim) {
	if rng.IntN(2) == 0 {
		c.Credibility = int8(1 + rng.IntN(6))
		c.CredibilityNote = maybe(rng, genText(rng, 20))
	}
	c.Negated = rng.IntN(4) == 0
	if rng.IntN(2) == 0 {
		c.Basis = graph.Bases[rng.IntN(len(graph.Bases))]
		if c.Basis == graph.BasisInference && strings.TrimSpace(c.Detail) == "" {
			c.Detail = "rests on x"
		}
	}
	if rng.IntN(3) == 0 {
		c.Likelihood = graph.Likelihoods[rng.IntN(len(graph.Likelihoods))]
	}
	for i := range rng.IntN(3) {
		c.Lint = append(c.Lint, graph.Waiver{Rule: graph.Rules[i].Name, Reason: "r" + genText(rng, 10)})
	}
}
