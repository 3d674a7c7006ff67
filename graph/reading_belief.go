package graph

import "strings"

// NegatedWord opens the relation of a claim that states the relation does
// NOT hold ("not: is unavailable in"). It is a word, like the marks, so that
// a negated claim cannot be read as the relation itself in greyscale.
const NegatedWord = "not:"

func (r *Reading) readBelief(g *Graph) {
	c := r.Claim
	r.Credibility = int(c.Credibility)
	r.Grade = g.Grade(c)
	if BasisOf(c) != BasisStated {
		r.Basis = c.Basis
	}
	r.Likelihood = c.Likelihood
	r.Negated = c.Negated
}

// beliefParts returns the reading's grade parts, after the status word: the
// basis word when it is not the default ("inference", "assessment"), the
// likelihood ("likely"), and the Admiralty grade with its meaning
// ("B4 doubtful").
func (r Reading) beliefParts() []string { return r.BeliefParts() }

// BeliefParts returns the grade parts of the reading (see beliefParts), for
// outputs that set them apart from the status, as figure labels do.
func (r Reading) BeliefParts() []string {
	var out []string
	if r.Basis != "" {
		out = append(out, string(r.Basis))
	}
	if r.Likelihood != "" {
		out = append(out, r.Likelihood.Words())
	}
	if r.Grade != "" {
		if r.Credibility > 0 {
			out = append(out, r.Grade+" "+CredibilityWord(r.Credibility))
		} else {
			out = append(out, r.Grade)
		}
	}
	return out
}

// Relation is the claim's relation as outputs print it: with NegatedWord
// before it when the claim is negated.
func (r Reading) Relation() string { return RelationText(r.Claim) }

// RelationText is c's relation as every output prints it: "not: is
// available in" for a negated claim, so that no output can show a negated
// claim as the relation itself.
func RelationText(c *Claim) string {
	if c.Negated {
		return NegatedWord + " " + c.Relation
	}
	return c.Relation
}

// BeliefNote returns the grades of c to follow its status word in one-line
// text outputs (paths, show), each after ", ": ", negated, inference,
// likely, –6 cannot be judged"; "" for a claim without grades.
func BeliefNote(g *Graph, c *Claim) string {
	r := Reading{Claim: c}
	r.readBelief(g)
	parts := r.BeliefParts()
	if r.Negated {
		parts = append([]string{"negated"}, parts...)
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}
