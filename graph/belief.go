package graph

import (
	"cmp"
	"slices"
	"strconv"
)

// Analysts grade two things apart: how reliable a source is (Admiralty A–F,
// Source.Reliability) and how credible one piece of information is
// (Admiralty 1–6, Claim.Credibility). Status says how the reporting words a
// claim; these grades say how far it is to be believed, whose reasoning it
// is (Basis), how likely a forecast is (Likelihood), and whether it states
// that a relation does not hold (Negated). They are optional: a dataset
// without them reads as before.

// Credibility grades, Admiralty (NATO AJP-2.1) information credibility.
// 0 means ungraded.
const (
	CredConfirmed   = 1 // confirmed by other sources
	CredProbable    = 2 // probably true
	CredPossible    = 3 // possibly true
	CredDoubtful    = 4 // doubtful
	CredImprobable  = 5 // improbable
	CredCannotJudge = 6 // truth cannot be judged
)

// CredibilityWords names the grades 1 to 6 (index 0 is "ungraded").
var CredibilityWords = [...]string{"ungraded", "confirmed by other sources", "probably true", "possibly true",
	"doubtful", "improbable", "cannot be judged"}

// CredibilityWord returns the Admiralty name of grade n, or "ungraded".
func CredibilityWord(n int) string {
	if n < 1 || n > 6 {
		return CredibilityWords[0]
	}
	return CredibilityWords[n]
}

// Doubtful reports whether the claim is graded doubtful or improbable (4 or
// 5): such claims are drawn apart, so that they never pass for facts.
func (c *Claim) Doubtful() bool {
	return c.Credibility == CredDoubtful || c.Credibility == CredImprobable
}

// CredibleAt reports whether c passes --min-credibility n: graded 1 to n, or
// ungraded. n of 0 keeps every claim. (1 is the most credible grade, so a
// smaller n keeps fewer claims.)
func (c *Claim) CredibleAt(n int) bool {
	return n <= 0 || c.Credibility == 0 || int(c.Credibility) <= n
}

// Basis says whose reasoning a claim is.
type Basis string

const (
	BasisStated     Basis = "stated"     // a source states or attributes it (the default)
	BasisAssessment Basis = "assessment" // the source's own analysis, attributed to no party
	BasisInference  Basis = "inference"  // the dataset author's inference, stated by no source
)

// Bases lists the valid bases.
var Bases = []Basis{BasisStated, BasisAssessment, BasisInference}

// Valid reports whether b is one of Bases.
func (b Basis) Valid() bool { return slices.Contains(Bases, b) }

// BasisOf returns c's basis, BasisStated when the dataset gives none.
func BasisOf(c *Claim) Basis {
	if c.Basis == "" {
		return BasisStated
	}
	return c.Basis
}

// Likelihood is an ICD 203 estimative term, for forecasts and "could"
// statements.
type Likelihood string

// Likelihoods lists the ICD 203 terms from the least to the most likely,
// with the probability each stands for.
var Likelihoods = []Likelihood{
	"almost-no-chance",    // 1–5 %
	"very-unlikely",       // 5–20 %
	"unlikely",            // 20–45 %
	"roughly-even-chance", // 45–55 %
	"likely",              // 55–80 %
	"very-likely",         // 80–95 %
	"almost-certain",      // 95–99 %
}

// Valid reports whether l is one of Likelihoods.
func (l Likelihood) Valid() bool { return slices.Contains(Likelihoods, l) }

// Words returns the term as it reads on a label: "roughly even chance".
func (l Likelihood) Words() string {
	b := []byte(l)
	for i, c := range b {
		if c == '-' {
			b[i] = ' '
		}
	}
	return string(b)
}

// Waiver exempts one claim from one lint rule, with the reason, so that
// check --strict can pass on a dataset whose background facts rest, say, on
// one official transcript. check --all lists what is waived.
type Waiver struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// Waived returns the waiver c holds for rule, if any.
func (c *Claim) Waived(rule string) (Waiver, bool) {
	for _, w := range c.Lint {
		if w.Rule == rule {
			return w, true
		}
	}
	return Waiver{}, false
}

// Grade returns the Admiralty grade of c as cited: its sources' reliability
// letter, then its credibility digit ("B2"); "–" stands for the half that is
// ungraded ("B–", "–2"); "" when neither is graded. A claim citing several
// graded sources takes the most reliable letter: the grade says how well the
// claim can be sourced, and its other citations are listed with their own.
func (g *Graph) Grade(c *Claim) string {
	letter := ""
	for _, r := range c.Sources {
		if s := g.Source(r.Source); s != nil && s.Reliability != "" && (letter == "" || s.Reliability < letter) {
			letter = s.Reliability
		}
	}
	if letter == "" && c.Credibility == 0 {
		return ""
	}
	if letter == "" {
		letter = "–"
	}
	if c.Credibility == 0 {
		return letter + "–"
	}
	return letter + strconv.Itoa(int(c.Credibility))
}

// negatedSlot is the status index path search gives a negated claim (the
// one index Statuses leaves free below unknownStatus): it ranks with failed
// and retracted claims (strength 3 down to 0, by denied and doubtful)
// whatever its status, so that --include-negated follows it only when
// nothing better connects.
// PathOptions.Statuses does not filter negated claims; a caller that wants
// both filters the graph (the CLI does, see cmd/claimgraph/belief.go).
const negatedSlot = 6

// CompareStrength orders two claims strongest first, in the strength order
// of the package doc: by Strength (in which a grade of 4 or 5 counts), then
// by credibility within a strength.
// Every output that lists claims by how solid they are sorts with it.
func CompareStrength(a, b *Claim) int {
	return cmp.Or(cmp.Compare(Strength(b), Strength(a)), compareCredibility(a, b))
}

// compareCredibility orders two claims of equal strength by credibility,
// the more credible first: 1, 2, 3, ungraded, 6, 4, 5. Ungraded claims sit
// between the graded credible ones and the cannot-be-judged, doubtful and
// improbable ones, so that a grade of 4 or 5 can only weaken a claim.
func compareCredibility(a, b *Claim) int {
	return cmp.Compare(credibilityRank(a), credibilityRank(b))
}

func credibilityRank(c *Claim) int {
	return [...]int{3, 0, 1, 2, 5, 6, 4}[min(max(int(c.Credibility), 0), 6)]
}

// Ungraded is the ClaimsByCredibility key for claims without a grade.
const Ungraded = "ungraded"

func claimsByCredibility(g *Graph) []Count {
	by := make(map[string]int)
	for _, c := range g.claims {
		k := Ungraded
		if c.Credibility > 0 {
			k = strconv.Itoa(int(c.Credibility))
		}
		by[k]++
	}
	return countKeys(by, []string{"1", "2", "3", "4", "5", "6", Ungraded})
}
