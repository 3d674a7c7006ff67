package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// STIX 2.1 (OASIS, 2021) is how threat-intelligence tools exchange who does
// what to whom. A claim is one relationship object, and nothing else is:
// stances are opinion objects about it, sources are external references on
// it and report objects that list it. Ids are UUIDv5 of claimgraph ids, so
// the same dataset gives the same bundle and a claim keeps its STIX id
// across versions.

// stixNamespace is the UUIDv5 namespace of claimgraph's STIX ids. It is
// fixed forever: changing it would change every id ever exported.
var stixNamespace = uuid.MustParse("6f0c4f5e-9a43-5c52-8f3d-1c1a2b7e9d10")

// stixEpoch stands for created and modified, which STIX requires and a
// dataset does not record: a fixed time keeps reruns byte-identical.
const stixEpoch = "1970-01-01T00:00:00.000Z"

// stixKinds maps entity types to STIX objects. No type maps to
// threat-actor: claimgraph records allegations, and exporting an entity as
// a threat actor would state one as fact; a person is an individual, a
// group a group, every institution an organization, products, vessels and
// infrastructure infrastructure (STIX: "physical or virtual resources").
var stixKinds = map[graph.EntityType]struct{ object, class string }{
	graph.Company: {"identity", "organization"}, graph.Government: {"identity", "organization"},
	graph.Agency: {"identity", "organization"}, graph.Military: {"identity", "organization"},
	graph.Legislature: {"identity", "organization"}, graph.Media: {"identity", "organization"},
	graph.Person: {"identity", "individual"}, graph.Country: {"identity", "class"},
	graph.Document: {"identity", "unknown"}, graph.OtherType: {"identity", "unknown"},
	graph.Product: {"infrastructure", ""},
	graph.Group:   {"identity", "group"}, graph.Organization: {"identity", "organization"},
	graph.Infrastructure: {"infrastructure", ""}, graph.Vessel: {"infrastructure", ""},
}

// stixConfidence is the STIX confidence of each Admiralty credibility, by
// the STIX 2.1 specification's normative mapping (Appendix A, "Admiralty
// Credibility"): 6, "truth cannot be judged", has no confidence value, and
// an ungraded claim (0) has none either.
var stixConfidence = [...]int{0, 90, 70, 50, 30, 10, 0}

// stixOpinions maps positions to STIX opinions; declined and silent have
// none (they are not opinions on the claim) and are not exported.
var stixOpinions = map[graph.Position]string{
	graph.Asserts: "agree", graph.Confirms: "strongly-agree",
	graph.Disputes: "disagree", graph.Denies: "strongly-disagree",
}

type stixObject struct {
	Type          string              `json:"type"`
	SpecVersion   string              `json:"spec_version"`
	ID            string              `json:"id"`
	Created       string              `json:"created"`
	Modified      string              `json:"modified"`
	CreatedByRef  string              `json:"created_by_ref,omitempty"`
	Name          string              `json:"name,omitempty"`
	Description   string              `json:"description,omitempty"`
	IdentityClass string              `json:"identity_class,omitempty"`
	Aliases       []string            `json:"aliases,omitempty"`
	RelType       string              `json:"relationship_type,omitempty"`
	SourceRef     string              `json:"source_ref,omitempty"`
	TargetRef     string              `json:"target_ref,omitempty"`
	Opinion       string              `json:"opinion,omitempty"`
	Authors       []string            `json:"authors,omitempty"`
	Explanation   string              `json:"explanation,omitempty"`
	Published     string              `json:"published,omitempty"`
	Confidence    int                 `json:"confidence,omitempty"`
	ObjectRefs    []string            `json:"object_refs,omitempty"`
	ExternalRefs  []stixExternalRef   `json:"external_references,omitempty"`
	Claimgraph    *stixClaimgraphProp `json:"x_claimgraph,omitempty"`
}

type stixExternalRef struct {
	SourceName  string `json:"source_name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
}

// stixClaimgraphProp keeps what STIX has no property for, as a custom
// property (STIX 2.1 §11.1: names start with x_).
type stixClaimgraphProp struct {
	ID        string   `json:"id"`
	Type      string   `json:"type,omitempty"`
	Country   string   `json:"country,omitempty"`
	Note      string   `json:"note,omitempty"`
	Status    string   `json:"status,omitempty"`
	Contested *bool    `json:"contested,omitempty"`
	Reported  string   `json:"reported,omitempty"`
	Relation  string   `json:"relation,omitempty"`
	Reading   string   `json:"reading,omitempty"`
	Aliases   []string `json:"aliases,omitempty"`

	// The belief grades of a claim, as the dataset has them (confidence
	// carries credibility only by the STIX scale, and not 6).
	Negated         bool   `json:"negated,omitempty"`
	Credibility     int8   `json:"credibility,omitempty"`
	CredibilityNote string `json:"credibility_note,omitempty"`
	Basis           string `json:"basis,omitempty"`
	Likelihood      string `json:"likelihood,omitempty"`
	Retrieved       string `json:"retrieved,omitempty"`
	Text            string `json:"text,omitempty"` // a source's full text
}

func stixID(kind, id string) string {
	return kind + "--" + uuid.NewSHA1(stixNamespace, []byte(kind+":"+id)).String()
}

// stixRelType makes a relation a STIX relationship type: lowercase ASCII
// letters, digits and hyphens ("transfers customer data to" →
// "transfers-customer-data-to"); the relation as written is kept in
// x_claimgraph.relation.
func stixRelType(rel string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(rel) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	if t := strings.TrimSuffix(b.String(), "-"); t != "" {
		return t
	}
	return "related-to"
}

// stixTime turns a date (YYYY, YYYY-MM or YYYY-MM-DD) into a STIX
// timestamp at its first day, or the epoch when there is none.
func stixTime(date string) string {
	switch len(date) {
	case 4:
		return date + "-01-01T00:00:00.000Z"
	case 7:
		return date + "-01T00:00:00.000Z"
	case 10:
		return date + "T00:00:00.000Z"
	}
	return stixEpoch
}

// WriteSTIX writes g as one STIX 2.1 bundle, an object per line: entities,
// then one relationship per claim, its opinions, then a report per source
// that some claim cites. Objects appear in id order within each kind.
func WriteSTIX(w io.Writer, g *graph.Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep <, > and & readable; JSON needs no escape for them
	first := true
	emit := func(o *stixObject) {
		if o.SpecVersion == "" {
			o.SpecVersion, o.Created, o.Modified = "2.1", stixEpoch, stixEpoch
		}
		if !first {
			bw.WriteString(",\n")
		}
		first = false
		buf.Reset()
		enc.Encode(o) // plain strings and lists: cannot fail
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	bw.WriteString(`{"type":"bundle","id":"` + stixID("bundle", g.Title()) + `","objects":[` + "\n")
	entityRef := map[string]string{}
	for _, e := range g.Entities() {
		k, ok := stixKinds[e.Type]
		if !ok {
			k = stixKinds[graph.OtherType]
		}
		o := &stixObject{Type: k.object, ID: stixID(k.object, e.ID), Name: e.Name, Description: e.Note,
			IdentityClass: k.class,
			Claimgraph:    &stixClaimgraphProp{ID: e.ID, Type: string(e.Type), Country: e.Country}}
		if k.object == "infrastructure" {
			o.Aliases = e.Aliases
		} else {
			o.Claimgraph.Aliases = e.Aliases // identity has no aliases property
		}
		entityRef[e.ID] = o.ID
		emit(o)
	}
	cites := map[string][]string{}
	for _, c := range g.Claims() {
		contested := c.Contested()
		r := g.Read(c)
		// A negated claim's type starts "not-": a relationship states its
		// type, and this one must not state the relation.
		o := &stixObject{Type: "relationship", ID: stixID("relationship", c.ID), RelType: stixRelType(graph.RelationText(c)),
			SourceRef: entityRef[c.From], TargetRef: entityRef[c.To], Description: c.Detail,
			Confidence: stixConfidence[min(max(int(c.Credibility), 0), 6)],
			Claimgraph: &stixClaimgraphProp{ID: c.ID, Status: string(c.Status), Contested: &contested,
				Reported: c.Reported, Relation: c.Relation, Reading: r.String(), Negated: c.Negated,
				Credibility: c.Credibility, CredibilityNote: c.CredibilityNote, Basis: string(c.Basis), Likelihood: string(c.Likelihood)}}
		for _, ref := range c.Sources {
			s := g.Source(ref.Source)
			x := stixExternalRef{SourceName: ref.Source, Description: ref.Quote, ExternalID: ref.Source}
			if s != nil {
				x.SourceName, x.URL = s.Title, s.URL
			}
			o.ExternalRefs = append(o.ExternalRefs, x)
			if len(cites[ref.Source]) == 0 || cites[ref.Source][len(cites[ref.Source])-1] != o.ID {
				cites[ref.Source] = append(cites[ref.Source], o.ID)
			}
		}
		emit(o)
		for i, st := range c.Stances {
			op, ok := stixOpinions[st.Position]
			if !ok {
				continue
			}
			emit(&stixObject{Type: "opinion", ID: stixID("opinion", c.ID+"#"+itoa(i)), CreatedByRef: identityRef(entityRef[st.By]),
				Opinion: op, Authors: []string{g.EntityName(st.By)}, Explanation: st.Quote, ObjectRefs: []string{o.ID},
				Claimgraph: &stixClaimgraphProp{ID: st.By, Note: st.Note}})
		}
	}
	for _, s := range g.Sources() {
		refs := cites[s.ID]
		if len(refs) == 0 {
			continue // a report must list at least one object
		}
		o := &stixObject{Type: "report", ID: stixID("report", s.ID), Name: s.Title, Published: stixTime(s.Published),
			ObjectRefs: refs, Claimgraph: &stixClaimgraphProp{ID: s.ID, Retrieved: s.Retrieved, Text: s.Text}}
		if s.URL != "" || s.Publisher != "" {
			o.ExternalRefs = []stixExternalRef{{SourceName: cmpOr(s.Publisher, s.Title), URL: s.URL}}
		}
		emit(o)
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// identityRef returns ref when it is an identity: only identities may
// author (created_by_ref) an opinion.
func identityRef(ref string) string {
	if strings.HasPrefix(ref, "identity--") {
		return ref
	}
	return ""
}
