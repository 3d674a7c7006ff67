package graph

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Diff is what changed from one version of a dataset to another. Entities,
// claims and sources are matched by id (claims without an id in their file
// by their derived id, so editing the relation of such a claim reads as one
// claim removed and another added).
//
// Order carries no meaning in a dataset: a reordered copy of a dataset,
// including reordered aliases, stances, claim sources and derived_from
// lists, has an empty Diff.
//
// Every list is sorted by id, and within an object the changes come in the
// fixed order of its fields, so that formatting a Diff is deterministic.
type Diff struct {
	Title    *Change // nil when the title did not change
	Entities Section[*Entity]
	Claims   Section[*Claim]
	Sources  Section[*Source]
}

// Section holds the differences for one kind of object.
type Section[T any] struct {
	Added   []T          // from the new version, sorted by id
	Removed []T          // from the old version, sorted by id
	Changed []Changed[T] // sorted by id
}

// Changed is an object present in both versions with at least one change.
type Changed[T any] struct {
	Old, New T
	Changes  []Change
}

// Change is one difference in one field of an object. Which pair of
// values it carries depends on the field's Kind, so that a reader switches
// on a typed field and reads typed values, never asserting an interface:
//   - KindText (name, type, country, note, from, to, relation, detail,
//     status, reported, title, publisher, published, url, reliability):
//     Old and New, the values before and after;
//   - KindList (aliases, derived_from): OldList and NewList, the whole lists;
//   - KindContested (contested, a derived field reported because "this claim
//     is now contested" is one of the most important things a diff can
//     say): WasContested and NowContested;
//   - KindStance (stance): OldStance nil means the party took a new position,
//     NewStance nil that it withdrew one, both set that its position, quote
//     or source changed;
//   - KindSource (source): OldSource nil means the source was added to the
//     claim, NewSource nil that it was removed. A changed quote is one
//     removed and one added, since a claim may cite one source several times;
//   - KindNegated (negated): WasNegated and NowNegated;
//   - KindCredibility (credibility): OldCredibility and NewCredibility,
//     0 for ungraded (see GradeText).
//
// The belief fields credibility_note, basis and likelihood are KindText.
type Change struct {
	Field Field

	Old, New                       string
	OldList, NewList               []string
	WasContested, NowContested     bool
	OldStance, NewStance           *Stance
	OldSource, NewSource           *SourceRef
	WasNegated, NowNegated         bool
	OldCredibility, NewCredibility int8
}

// Field names a changed field by its JSON name in the model, or one of the
// derived fields below.
type Field string

// Fields of Change beyond the JSON names of the model's scalar fields.
const (
	FieldStatus      Field = "status"
	FieldName        Field = "name"
	FieldAliases     Field = "aliases"
	FieldDerivedFrom Field = "derived_from"
	FieldContested   Field = "contested"
	FieldStance      Field = "stance"
	FieldSource      Field = "source"
)

// ChangeKind says which values of a Change are set.
type ChangeKind int

const (
	KindText ChangeKind = iota
	KindList
	KindContested
	KindStance
	KindSource
	KindNegated
	KindCredibility
)

// Kind returns the kind of values a change of f carries.
func (f Field) Kind() ChangeKind {
	switch f {
	case FieldAliases, FieldDerivedFrom:
		return KindList
	case FieldContested:
		return KindContested
	case FieldStance:
		return KindStance
	case FieldSource:
		return KindSource
	case FieldNegated:
		return KindNegated
	case FieldCredibility:
		return KindCredibility
	}
	return KindText
}

// Empty reports whether the two versions are the same.
func (d *Diff) Empty() bool {
	return d.Title == nil && d.Entities.empty() && d.Claims.empty() && d.Sources.empty()
}

func (s *Section[T]) empty() bool {
	return len(s.Added) == 0 && len(s.Removed) == 0 && len(s.Changed) == 0
}

// Compare returns the differences from old to new. It reads the graphs'
// sorted lists in one merge pass, without building any index, so that it
// costs time linear in the input and allocates only for what changed.
// It may use several goroutines; its result does not depend on that.
func Compare(old, new *Graph) *Diff {
	d := &Diff{}
	if old.title != new.title {
		d.Title = &Change{Field: "title", Old: old.title, New: new.title}
	}
	d.Entities = compareSorted(old.entities, new.entities, func(e *Entity) string { return e.ID }, entityChanges)
	d.Claims = compareSorted(old.claims, new.claims, func(c *Claim) string { return c.ID }, claimChanges)
	d.Sources = compareSorted(old.sources, new.sources, func(s *Source) string { return s.ID }, sourceChanges)
	return d
}

// parallelMin is the list length from which compareSorted splits the work:
// below it, starting goroutines costs more than it saves.
var parallelMin = 1 << 15 // a variable so that tests can exercise the split on small lists

// compareSorted merges two lists sorted by id. Long lists are cut into one
// key range per processor and merged in parallel: at a million claims the
// merge is bound by memory latency (every string compared is a pointer to
// chase), which more cores do hide. The pieces are joined in key order, so
// the result does not depend on how many there were.
func compareSorted[T any](old, new []T, id func(T) string, changes func(a, b T) []Change) Section[T] {
	n := min(runtime.GOMAXPROCS(0), len(old)/parallelMin)
	if n < 2 {
		return mergeSorted(old, new, id, changes)
	}
	parts := make([]Section[T], n)
	var wg sync.WaitGroup
	oldFrom, newFrom := 0, 0
	for k := range n {
		oldTo, newTo := len(old), len(new)
		if k < n-1 {
			oldTo = (k + 1) * len(old) / n
			key := id(old[oldTo])
			newTo, _ = slices.BinarySearchFunc(new, key, func(x T, key string) int { return strings.Compare(id(x), key) })
		}
		wg.Add(1)
		go func(k int, old, new []T) {
			defer wg.Done()
			parts[k] = mergeSorted(old, new, id, changes)
		}(k, old[oldFrom:oldTo], new[newFrom:newTo])
		oldFrom, newFrom = oldTo, newTo
	}
	wg.Wait()
	var s Section[T]
	for _, p := range parts {
		s.Added = append(s.Added, p.Added...)
		s.Removed = append(s.Removed, p.Removed...)
		s.Changed = append(s.Changed, p.Changed...)
	}
	return s
}

func mergeSorted[T any](old, new []T, id func(T) string, changes func(a, b T) []Change) Section[T] {
	var s Section[T]
	i, j := 0, 0
	for i < len(old) && j < len(new) {
		switch c := strings.Compare(id(old[i]), id(new[j])); {
		case c < 0:
			s.Removed = append(s.Removed, old[i])
			i++
		case c > 0:
			s.Added = append(s.Added, new[j])
			j++
		default:
			if ch := changes(old[i], new[j]); len(ch) > 0 {
				s.Changed = append(s.Changed, Changed[T]{old[i], new[j], ch})
			}
			i++
			j++
		}
	}
	s.Removed = append(s.Removed, old[i:]...)
	s.Added = append(s.Added, new[j:]...)
	return s
}

func entityChanges(a, b *Entity) []Change {
	var ch []Change
	ch = scalar(ch, "name", a.Name, b.Name)
	ch = scalar(ch, "type", string(a.Type), string(b.Type))
	ch = set(ch, "aliases", a.Aliases, b.Aliases)
	ch = scalar(ch, "country", a.Country, b.Country)
	ch = scalar(ch, "note", a.Note, b.Note)
	return ch
}

func sourceChanges(a, b *Source) []Change {
	var ch []Change
	ch = scalar(ch, "title", a.Title, b.Title)
	ch = scalar(ch, "publisher", a.Publisher, b.Publisher)
	ch = scalar(ch, "published", a.Published, b.Published)
	ch = scalar(ch, "url", a.URL, b.URL)
	ch = scalar(ch, "reliability", a.Reliability, b.Reliability)
	ch = scalar(ch, "retrieved", a.Retrieved, b.Retrieved)
	ch = set(ch, "derived_from", a.DerivedFrom, b.DerivedFrom)
	return ch
}

// claimChanges lists status first and stances before the other fields: the
// order in which a reader wants to hear about them.
func claimChanges(a, b *Claim) []Change {
	var ch []Change
	ch = scalar(ch, "status", string(a.Status), string(b.Status))
	ch = append(ch, beliefChanges(a, b)...) // see diff_belief.go
	stances := stanceChanges(a.Stances, b.Stances)
	if len(stances) > 0 {
		if ca, cb := a.Contested(), b.Contested(); ca != cb {
			ch = append(ch, Change{Field: FieldContested, WasContested: ca, NowContested: cb})
		}
		ch = append(ch, stances...)
	}
	ch = scalar(ch, "from", a.From, b.From)
	ch = scalar(ch, "to", a.To, b.To)
	ch = scalar(ch, "relation", a.Relation, b.Relation)
	ch = scalar(ch, "detail", a.Detail, b.Detail)
	ch = scalar(ch, "reported", a.Reported, b.Reported)
	ch = append(ch, timeChanges(a, b)...) // see diff_time.go
	ch = append(ch, sourceRefChanges(a.Sources, b.Sources)...)
	return ch
}

func scalar(ch []Change, field Field, a, b string) []Change {
	if a != b {
		ch = append(ch, Change{Field: field, Old: a, New: b})
	}
	return ch
}

func set(ch []Change, field Field, a, b []string) []Change {
	if !sameSet(a, b, strings.Compare) {
		ch = append(ch, Change{Field: field, OldList: a, NewList: b})
	}
	return ch
}

// sameSet reports whether a and b hold the same elements, counted with
// multiplicity, in any order. The common case (same order) costs no
// allocation.
func sameSet[T comparable](a, b []T, order func(x, y T) int) bool {
	if len(a) != len(b) {
		return false
	}
	if slices.Equal(a, b) {
		return true
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, order)
	slices.SortFunc(b, order)
	return slices.Equal(a, b)
}

func compareStance(x, y Stance) int {
	return cmp.Or(
		strings.Compare(x.By, y.By),
		strings.Compare(string(x.Position), string(y.Position)),
		strings.Compare(x.Quote, y.Quote),
		strings.Compare(x.Source, y.Source))
}

func compareSourceRef(x, y SourceRef) int {
	return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Quote, y.Quote))
}

// stanceChanges matches stances by party: what a reader wants to know is
// that Alibaba, which denied the claim, now confirms it, not that one stance
// disappeared and another appeared. Stances equal in every field cancel
// out first; the rest of each party's stances are paired in sorted order,
// and whatever is left over was taken or withdrawn.
func stanceChanges(a, b []Stance) []Change {
	if slices.Equal(a, b) {
		return nil
	}
	olds, news := unmatched(a, b, compareStance)
	var ch []Change
	i, j := 0, 0
	for i < len(olds) || j < len(news) {
		var c int
		switch {
		case i == len(olds):
			c = 1
		case j == len(news):
			c = -1
		default:
			c = strings.Compare(olds[i].By, news[j].By)
		}
		switch {
		case c < 0:
			ch = append(ch, Change{Field: FieldStance, OldStance: &olds[i]})
			i++
		case c > 0:
			ch = append(ch, Change{Field: FieldStance, NewStance: &news[j]})
			j++
		default:
			ch = append(ch, Change{Field: FieldStance, OldStance: &olds[i], NewStance: &news[j]})
			i++
			j++
		}
	}
	return ch
}

func sourceRefChanges(a, b []SourceRef) []Change {
	if slices.Equal(a, b) {
		return nil
	}
	olds, news := unmatched(a, b, compareSourceRef)
	var ch []Change
	for i := range olds {
		ch = append(ch, Change{Field: FieldSource, OldSource: &olds[i]})
	}
	for i := range news {
		ch = append(ch, Change{Field: FieldSource, NewSource: &news[i]})
	}
	return ch
}

// unmatched returns the elements of a not in b and of b not in a, counted
// with multiplicity, each sorted by order. The results are fresh copies, so
// the Diff does not point into the graphs' stance lists.
func unmatched[T any](a, b []T, order func(x, y T) int) (onlyA, onlyB []T) {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, order)
	slices.SortFunc(b, order)
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := order(a[i], b[j]); {
		case c < 0:
			onlyA = append(onlyA, a[i])
			i++
		case c > 0:
			onlyB = append(onlyB, b[j])
			j++
		default:
			i++
			j++
		}
	}
	onlyA = append(onlyA, a[i:]...)
	onlyB = append(onlyB, b[j:]...)
	return onlyA, onlyB
}

// StanceKind says what a stance change means for a claim.
type StanceKind int

const (
	StanceOther        StanceKind = iota // a new silent or declined, a changed quote or source
	StanceDenial                         // the party now denies or disputes the claim
	StanceConfirmation                   // the party now confirms it
	StanceWithdrawn                      // the party no longer takes this position
	StanceAssertion                      // the party now asserts it
)

// KindOf classifies a stance change, old or new nil as in Change.
func KindOf(old, new *Stance) StanceKind {
	switch {
	case new == nil:
		return StanceWithdrawn
	case new.Position.Opposes() && (old == nil || !old.Position.Opposes()):
		return StanceDenial
	case new.Position.Supports() && (old == nil || !old.Position.Supports()):
		// A party that asserts a claim makes it; one that confirms it
		// vouches for it. A briefing counts them apart.
		if new.Position == Asserts {
			return StanceAssertion
		}
		return StanceConfirmation
	}
	return StanceOther
}

// Summary counts a Diff's changes by what they mean to a reader. A claim
// counts in ClaimsChanged only for changes other than its status, contested
// state and stances, which have their own counts.
type Summary struct {
	StatusChanges      int  `json:"status_changes"`
	NowContested       int  `json:"now_contested"`
	NoLongerContested  int  `json:"no_longer_contested"`
	NewDenials         int  `json:"new_denials"`
	NewConfirmations   int  `json:"new_confirmations"` // parties that now confirm, only
	NewAssertions      int  `json:"new_assertions"`
	StancesWithdrawn   int  `json:"stances_withdrawn"`
	OtherStanceChanges int  `json:"other_stance_changes"`
	ClaimsAdded        int  `json:"claims_added"`
	ClaimsRemoved      int  `json:"claims_removed"`
	ClaimsChanged      int  `json:"claims_changed"`
	EntitiesAdded      int  `json:"entities_added"`
	EntitiesRemoved    int  `json:"entities_removed"`
	EntitiesChanged    int  `json:"entities_changed"`
	SourcesAdded       int  `json:"sources_added"`
	SourcesRemoved     int  `json:"sources_removed"`
	SourcesChanged     int  `json:"sources_changed"`
	TitleChanged       bool `json:"title_changed"`
}

// Summarize counts d's changes.
func (d *Diff) Summarize() Summary {
	s := Summary{
		ClaimsAdded:     len(d.Claims.Added),
		ClaimsRemoved:   len(d.Claims.Removed),
		EntitiesAdded:   len(d.Entities.Added),
		EntitiesRemoved: len(d.Entities.Removed),
		EntitiesChanged: len(d.Entities.Changed),
		SourcesAdded:    len(d.Sources.Added),
		SourcesRemoved:  len(d.Sources.Removed),
		SourcesChanged:  len(d.Sources.Changed),
		TitleChanged:    d.Title != nil,
	}
	for _, c := range d.Claims.Changed {
		other := false
		for _, ch := range c.Changes {
			switch ch.Field {
			case FieldStatus:
				s.StatusChanges++
			case FieldContested:
				if ch.NowContested {
					s.NowContested++
				} else {
					s.NoLongerContested++
				}
			case FieldStance:
				switch KindOf(ch.OldStance, ch.NewStance) {
				case StanceDenial:
					s.NewDenials++
				case StanceConfirmation:
					s.NewConfirmations++
				case StanceAssertion:
					s.NewAssertions++
				case StanceWithdrawn:
					s.StancesWithdrawn++
				default:
					s.OtherStanceChanges++
				}
			default:
				other = true
			}
		}
		if other {
			s.ClaimsChanged++
		}
	}
	return s
}

// Union returns the new version's dataset plus what d says the old one had
// and the new one lost: removed entities, claims and sources. It is the
// picture a diff is drawn on, where removed parts are shown faded next to
// what replaced them. The result is a fresh copy that New accepts.
func (d *Diff) Union(old, new *Graph) *Dataset {
	ds := new.Dataset()
	for _, e := range d.Entities.Removed {
		ds.Entities = append(ds.Entities, *e)
	}
	for _, c := range d.Claims.Removed {
		ds.Claims = append(ds.Claims, *c)
	}
	for _, s := range d.Sources.Removed {
		ds.Sources = append(ds.Sources, *s)
	}
	// A removed claim may still name an entity that the new version keeps
	// under the same id: it is there. One whose entity was removed has it
	// back from the loop above. Stances and source references of removed
	// claims are kept as they were, for the same reason.
	return ds
}
