package graph

import "strconv"

// Fields of the belief changes diff reports (see beliefChanges).
const (
	FieldCredibility Field = "credibility"
	FieldNegated     Field = "negated"
)

// GradeText is a credibility as diff and the other text outputs say it: its
// digit, or "ungraded" for 0.
func GradeText(n int8) string {
	if n == 0 {
		return Ungraded
	}
	return strconv.Itoa(int(n))
}

// beliefChanges lists the changes of a claim's grades, in the order a
// reader wants them: negation first (it turns the claim around), then
// credibility, its note, basis and likelihood. Basis "" reads "stated".
func beliefChanges(a, b *Claim) []Change {
	var ch []Change
	if a.Negated != b.Negated {
		ch = append(ch, Change{Field: FieldNegated, WasNegated: a.Negated, NowNegated: b.Negated})
	}
	if a.Credibility != b.Credibility {
		ch = append(ch, Change{Field: FieldCredibility, OldCredibility: a.Credibility, NewCredibility: b.Credibility})
	}
	ch = scalar(ch, "credibility_note", a.CredibilityNote, b.CredibilityNote)
	ch = scalar(ch, "basis", string(BasisOf(a)), string(BasisOf(b)))
	ch = scalar(ch, "likelihood", string(a.Likelihood), string(b.Likelihood))
	return ch
}
