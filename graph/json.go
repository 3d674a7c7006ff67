package graph

// The canonical JSON shape of a claim lives here, beside the model, because
// two packages that may not import each other write it: data (export, and
// the loader that reads it back) and render/report (show, the explorer),
// which adds the claim's reading to it.

// ClaimJSON is a claim in the canonical JSON shape: derived fields filled
// in, every key present. contested is written for readers and scripts; the
// loader accepts it back and checks it against the stances, so a round trip
// loses nothing and adds nothing. Commands that print claims as JSON use it,
// so that every claim in claimgraph's JSON has one shape.
type ClaimJSON struct {
	ID        string      `json:"id"`
	From      string      `json:"from"`
	To        string      `json:"to"`
	Relation  string      `json:"relation"`
	Detail    string      `json:"detail"`
	Status    Status      `json:"status"`
	Contested bool        `json:"contested"`
	Stances   []Stance    `json:"stances"`
	Sources   []SourceRef `json:"sources"`
	Reported  string      `json:"reported"`

	// The belief fields are written only when set, so that a dataset
	// without them exports byte for byte as before.
	Credibility     int8       `json:"credibility,omitempty"`
	CredibilityNote string     `json:"credibility_note,omitempty"`
	Negated         bool       `json:"negated,omitempty"`
	Basis           Basis      `json:"basis,omitempty"`
	Likelihood      Likelihood `json:"likelihood,omitempty"`
	Lint            []Waiver   `json:"lint,omitempty"`
	// The claim in time, written only when set so that a dataset without
	// dates exports byte for byte as before. first_reported and
	// last_reported are derived (ReportedSpan): like contested, the
	// loader accepts them back only when they agree.
	History       []HistoryEntry `json:"history,omitempty"`
	When          *When          `json:"when,omitempty"`
	FirstReported string         `json:"first_reported,omitempty"`
	LastReported  string         `json:"last_reported,omitempty"`
}

// NewClaimJSON returns c in the canonical JSON shape, lists never null,
// without the fields derived from a graph's sources (FirstReported,
// LastReported: see ReportedSpan).
func NewClaimJSON(c *Claim) ClaimJSON {
	return ClaimJSON{
		ID: c.ID, From: c.From, To: c.To, Relation: c.Relation, Detail: c.Detail,
		Status: c.Status, Contested: c.Contested(),
		Stances: orEmpty(c.Stances), Sources: orEmpty(c.Sources), Reported: c.Reported,
		Credibility: c.Credibility, CredibilityNote: c.CredibilityNote, Negated: c.Negated,
		Basis: c.Basis, Likelihood: c.Likelihood, Lint: c.Lint,
		History: c.History, When: c.When,
	}
}

// orEmpty makes a nil list an empty one, so that JSON says [] and not null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
