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
)

// EntityTypes lists the valid entity types in documentation order.
var EntityTypes = []EntityType{Company, Government, Agency, Military, Legislature, Person, Media, Document, Product, Country, OtherType}

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
}

// Stance is one party's position on a claim.
type Stance struct {
	By       string   `json:"by"`
	Position Position `json:"position"`
	Quote    string   `json:"quote"`
	Date     string   `json:"date,omitempty"` // when the position was taken (see StanceDate)
	Source   string   `json:"source"`
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
