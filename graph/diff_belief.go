package graph

import "strconv"

// Field names of the belief changes diff reports (see beliefChanges).
const (
	FieldCredibility = "credibility"
	FieldNegated     = "negated"
)

// Grade is a credibility as diff reports it: its digit, or "ungraded". It
// marshals to JSON as the number (0 for ungraded), as the field is written.
type Grade int8

func (g Grade) String() string {
	if g == 0 {
		return "ungraded"
	}
	return strconv.Itoa(int(g))
}

// beliefChanges lists the changes of a claim's grades, in the order a
// reader wants them: negation first (it turns the claim around), then
// credibility, basis and likelihood. Old and New are bool for negated,
// Grade for credibility, string for the others (basis "" reads "stated").
func beliefChanges(a, b *Claim) []Change {
	var ch []Change
	if a.Negated != b.Negated {
		ch = append(ch, Change{FieldNegated, a.Negated, b.Negated})
	}
	if a.Credibility != b.Credibility {
		ch = append(ch, Change{FieldCredibility, Grade(a.Credibility), Grade(b.Credibility)})
	}
	ch = scalar(ch, "credibility_note", a.CredibilityNote, b.CredibilityNote)
	ch = scalar(ch, "basis", string(BasisOf(a)), string(BasisOf(b)))
	ch = scalar(ch, "likelihood", string(a.Likelihood), string(b.Likelihood))
	return ch
}
