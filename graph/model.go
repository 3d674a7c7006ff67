package graph

import (
	"slices"
	"strings"
	"unicode"
)

// EntityType classifies an entity; the renderer shapes nodes by it.
type EntityType string

const (
	Company     EntityType = "company"
	Government  EntityType = "government"
	Agency      EntityType = "agency"
	Military    EntityType = "military"
	Legislature EntityType = "legislature"
	Person      EntityType = "person"
	Media       EntityType = "media"
	Document    EntityType = "document"
	Product     EntityType = "product"
	Country     EntityType = "country"
	OtherType   EntityType = "other"

	Group          EntityType = "group"          // unnamed officials, a movement
	Organization   EntityType = "organization"   // international or non-governmental
	Infrastructure EntityType = "infrastructure" // a pipeline, a cable, a data centre
	Vessel         EntityType = "vessel"
)

// EntityTypes lists the valid entity types in documentation order.
var EntityTypes = []EntityType{Company, Government, Agency, Military, Legislature, Person, Media, Document, Product, Country, OtherType,
	Group, Organization, Infrastructure, Vessel}

// Valid reports whether t is one of EntityTypes.
func (t EntityType) Valid() bool { return slices.Contains(EntityTypes, t) }

// Status is what the reporting establishes about a claim.
type Status string

const (
	Established Status = "established" // stated as fact and not disputed
	Reported    Status = "reported"    // reported, not confirmed
	Alleged     Status = "alleged"     // an accusation attributed to a party
	Proposed    Status = "proposed"    // a plan or deal under consideration
	Failed      Status = "failed"      // a plan that did not happen
	Retracted   Status = "retracted"   // withdrawn by those who reported it
)

// Statuses lists the valid statuses, from the most to the least solid.
var Statuses = []Status{Established, Reported, Alleged, Proposed, Failed, Retracted}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Position is the stance a party takes on a claim.
type Position string

const (
	Asserts  Position = "asserts"
	Confirms Position = "confirms"
	Denies   Position = "denies"
	Disputes Position = "disputes"
	Declined Position = "declined" // declined to comment
	Silent   Position = "silent"
)

// Positions lists the valid positions.
var Positions = []Position{Asserts, Confirms, Denies, Disputes, Declined, Silent}

// Valid reports whether p is one of Positions.
func (p Position) Valid() bool { return slices.Contains(Positions, p) }

// Supports reports whether p backs the claim (asserts or confirms).
func (p Position) Supports() bool { return p == Asserts || p == Confirms }

// Opposes reports whether p rejects the claim (denies or disputes).
func (p Position) Opposes() bool { return p == Denies || p == Disputes }

// Entity is a party or thing that claims are about or made by.
type Entity struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases"`
	Country string     `json:"country"` // ISO 3166-1 alpha-2, or empty
	Note    string     `json:"note"`
}

// Source is a document that claims rest on.
type Source struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Publisher   string   `json:"publisher"`
	Published   string   `json:"published"` // YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown
	URL         string   `json:"url"`       // http or https only
	Reliability string   `json:"reliability"`
	DerivedFrom []string `json:"derived_from"` // ids of sources this one repeats

	// Text is the source's full text, when the dataset carries it, so that
	// check can find every quote in it. The loader reads a text_file into
	// Text; TextFile keeps the path for messages only, and export writes
	// the text inline so that the exported file stands alone.
	Text      string `json:"text,omitempty"`
	TextFile  string `json:"-"`
	Retrieved string `json:"retrieved,omitempty"` // date the text was retrieved, as Published
}

// Stance is one party's position on a claim.
type Stance struct {
	By       string   `json:"by"`
	Position Position `json:"position"`
	Quote    string   `json:"quote"`
	Date     string   `json:"date,omitempty"` // when the position was taken (see StanceDate)
	Source   string   `json:"source"`
	Note     string   `json:"note,omitempty"` // e.g. "no supporting evidence offered"
}

// SourceRef ties a claim to a source and the sentence of it that supports the claim.
type SourceRef struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
}

// Claim is a directed statement that From does Relation to To.
type Claim struct {
	ID       string      `json:"id"`
	From     string      `json:"from"`
	To       string      `json:"to"`
	Relation string      `json:"relation"`
	Detail   string      `json:"detail"`
	Status   Status      `json:"status"`
	Stances  []Stance    `json:"stances"`
	Sources  []SourceRef `json:"sources"`
	Reported string      `json:"reported"` // date, as Source.Published

	// The belief grades (see belief.go), apart from the wording of Status.
	// Credibility is 0 when ungraded, else 1 to 6; the int8 sits next to
	// Negated so that the two cost one word in a million-claim dataset.
	Credibility     int8       `json:"credibility,omitempty"`
	Negated         bool       `json:"negated,omitempty"`
	CredibilityNote string     `json:"credibility_note,omitempty"`
	Basis           Basis      `json:"basis,omitempty"` // "" is BasisStated
	Likelihood      Likelihood `json:"likelihood,omitempty"`
	Lint            []Waiver   `json:"lint,omitempty"`
	// The claim in time (see time.go): how its status changed, and when
	// the alleged thing happened (nil when the dataset does not say).
	History []HistoryEntry `json:"history,omitempty"`
	When    *When          `json:"when,omitempty"`
}

// Contested reports whether at least one party asserts or confirms the claim
// and at least one party denies or disputes it. It is derived, never stored,
// so that a dataset cannot say "contested" while its stances say otherwise.
func (c *Claim) Contested() bool {
	var pro, con bool
	for _, s := range c.Stances {
		pro = pro || s.Position.Supports()
		con = con || s.Position.Opposes()
	}
	return pro && con
}

// Opponents returns the ids of the parties that deny or dispute the claim, in
// stance order.
func (c *Claim) Opponents() []string { return c.partiesWhere(Position.Opposes) }

// Supporters returns the ids of the parties that assert or confirm the claim,
// in stance order: for an allegation, who makes it.
func (c *Claim) Supporters() []string { return c.partiesWhere(Position.Supports) }

func (c *Claim) partiesWhere(ok func(Position) bool) []string {
	var ids []string
	for _, s := range c.Stances {
		if ok(s.Position) && !slices.Contains(ids, s.By) {
			ids = append(ids, s.By)
		}
	}
	return ids
}

// Dataset is the loaded, not yet indexed content of one or more data files.
type Dataset struct {
	Title    string   `json:"title"`
	Entities []Entity `json:"entities"`
	Sources  []Source `json:"sources"`
	Claims   []Claim  `json:"claims"`

	// QuotePlaces gives, for the quotes that cite a source with a text,
	// where each is written ("file:line:col"), so that check can report a
	// quote missing from its source where it stands. The loader fills it;
	// a quote without an entry is reported by its claim alone.
	QuotePlaces map[QuoteRef]string `json:"-"`
}

// QuoteRef names one quote of a claim: its Index'th stance (Stance true) or
// source reference.
type QuoteRef struct {
	Claim  string
	Stance bool
	Index  int
}

// DeriveClaimID returns the id given to a claim that has none in its file. It
// depends only on from, relation and to, so that the same claim gets the same
// id in every version of a dataset and diff can match it.
func DeriveClaimID(from, relation, to string) string {
	return from + "--" + Slug(relation) + "--" + to
}

// Slug lowercases s and joins its runs of letters and digits with single
// hyphens: "Transfers customer data to" → "transfers-customer-data-to".
func Slug(s string) string {
	var b strings.Builder
	pending := false
	for _, r := range strings.ToLower(s) {
		if isSlugRune(r) {
			if pending && b.Len() > 0 {
				b.WriteByte('-')
			}
			pending = false
			b.WriteRune(r)
		} else {
			pending = true
		}
	}
	return b.String()
}

func isSlugRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
