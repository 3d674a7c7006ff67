package data

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ftmEntity is one line of FtM JSON Lines.
type ftmEntity struct {
	ID         string                     `json:"id"`
	Schema     string                     `json:"schema"`
	Properties map[string]json.RawMessage `json:"properties"`
}

// values returns a property's string values. Entity references may come
// as ids or, in nested exports, as entities with an id.
func (e *ftmEntity) values(prop string) []string {
	raw, ok := e.Properties[prop]
	if !ok {
		return nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		items = []json.RawMessage{raw}
	}
	var out []string
	for _, it := range items {
		var s string
		var nested struct{ ID string }
		switch {
		case json.Unmarshal(it, &s) == nil:
		case json.Unmarshal(it, &nested) == nil:
			s = nested.ID
		}
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func (e *ftmEntity) first(props ...string) string {
	for _, p := range props {
		if v := e.values(p); len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// maxFTMLine bounds one line of FtM JSON: a document entity with its
// extracted text can be megabytes, never gigabytes.
const maxFTMLine = 64 << 20

// ReadFTM reads FtM entities, one JSON object per line, from r (named name
// in problems), streaming. Entities of a mapped schema become entities
// (documents also sources); edge schemata become claims with status
// reported. warnings counts what was left out, one line per kind, in a
// fixed order.
func ReadFTM(name string, r io.Reader) (ds *graph.Dataset, warnings []string, err error) {
	var probs csvProblems
	ds = &graph.Dataset{}
	br := bufio.NewReaderSize(r, 1<<20)
	unmapped := map[string]int{}
	badCountry := 0
	type edgeRec struct {
		e    ftmEntity
		edge *ftmEdge
		line int
	}
	var edges []edgeRec
	entityIdx := map[string]bool{}
	sourceOf := map[string]string{} // document entity id → source id
	sources := map[string]bool{}
	addSource := func(s graph.Source) string {
		if !sources[s.ID] {
			sources[s.ID] = true
			ds.Sources = append(ds.Sources, s)
		}
		return s.ID
	}
	for line := 1; ; line++ {
		b, rerr := br.ReadSlice('\n')
		for errors.Is(rerr, bufio.ErrBufferFull) && len(b) < maxFTMLine {
			var more []byte
			more, rerr = br.ReadSlice('\n')
			b = append(slices.Clip(b), more...)
		}
		if errors.Is(rerr, bufio.ErrBufferFull) {
			probs.add(name, line, 1, "line longer than %d MiB", maxFTMLine>>20)
			break
		}
		if rerr != nil && rerr != io.EOF {
			return nil, nil, fmt.Errorf("read %s: %w", name, rerr)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			var e ftmEntity
			if jerr := json.Unmarshal(t, &e); jerr != nil || e.ID == "" || e.Schema == "" {
				msg := "not an FtM entity: want a JSON object with id, schema and properties"
				if jerr != nil {
					msg = "invalid JSON: " + jerr.Error()
				}
				probs.add(name, line, 1, "%s", msg)
			} else {
				e.ID = ftmToID(e.ID)
				if sc, ok := ftmModel.Schemata[e.Schema]; ok && sc.Edge != nil {
					edges = append(edges, edgeRec{e, sc.Edge, line})
				} else if t, ok := ftmEntityType(e.Schema); ok && !entityIdx[e.ID] {
					names := e.values("name")
					ent := graph.Entity{ID: e.ID, Name: cmpOr(e.first("name", "title", "fileName"), e.ID), Type: t,
						Note: e.first("description", "summary", "notes")}
					if len(names) > 1 {
						ent.Aliases = names[1:]
					}
					for _, a := range append(e.values("alias"), e.values("weakAlias")...) {
						if !slices.Contains(ent.Aliases, a) && a != ent.Name {
							ent.Aliases = append(ent.Aliases, a)
						}
					}
					if c := strings.ToUpper(e.first("country", "jurisdiction")); c != "" {
						if isCountryCode(c) {
							ent.Country = c
						} else {
							badCountry++
						}
					}
					if ftmSchemaOf(t) != e.Schema {
						// The type is an approximation (LegalEntity → organization,
						// Airplane → product): say what FtM said.
						ent.Note = strings.TrimSpace("FtM schema: " + e.Schema + ". " + ent.Note)
					}
					entityIdx[e.ID] = true
					ds.Entities = append(ds.Entities, ent)
					if t == graph.Document {
						sourceOf[e.ID] = addSource(graph.Source{ID: "src-" + e.ID, Title: ent.Name,
							Publisher: e.first("publisher", "author"), Published: ftmDate(e.first("publishedAt", "date")),
							URL: ftmURL(e.first("sourceUrl"))})
					}
				} else if !ok {
					unmapped[e.Schema]++
				}
			}
		}
		if rerr == io.EOF || probs.total >= maxKept {
			break
		}
	}
	if err := probs.err(); err != nil {
		return nil, nil, err
	}
	// Edges last: their ends may come later in the stream.
	claimOf := map[string]int{} // edge entity id → claim index
	dangling := map[string]int{}
	var docs []edgeRec
	for _, r := range edges {
		if r.e.Schema == "Documentation" {
			docs = append(docs, r)
			continue
		}
		from, to := r.e.first(r.edge.Source), r.e.first(r.edge.Target)
		from, to = ftmToID(from), ftmToID(to)
		if !entityIdx[from] || !entityIdx[to] {
			dangling[r.e.Schema]++
			continue
		}
		if _, dup := claimOf[r.e.ID]; dup || entityIdx[r.e.ID] {
			continue // the same link again (FtM streams repeat fragments)
		}
		c := graph.Claim{ID: r.e.ID, From: from, To: to, Relation: ftmRelation(&r.e, r.edge), Status: graph.Reported,
			Detail: ftmDetail(&r.e, r.edge)}
		if u := ftmURL(r.e.first("sourceUrl")); u != "" || r.e.first("publisher") != "" {
			id := addSource(ftmSource(u, r.e.first("publisher")))
			c.Sources = append(c.Sources, graph.SourceRef{Source: id})
		}
		claimOf[c.ID] = len(ds.Claims)
		ds.Claims = append(ds.Claims, c)
	}
	for _, r := range docs {
		doc, target := ftmToID(r.e.first(r.edge.Source)), ftmToID(r.e.first(r.edge.Target))
		src, isDoc := sourceOf[doc]
		if i, ok := claimOf[target]; ok && isDoc {
			ds.Claims[i].Sources = append(ds.Claims[i].Sources, graph.SourceRef{Source: src})
			continue
		}
		if !isDoc || !entityIdx[target] {
			dangling[r.e.Schema]++
			continue
		}
		if _, dup := claimOf[r.e.ID]; dup || entityIdx[r.e.ID] {
			continue
		}
		claimOf[r.e.ID] = len(ds.Claims)
		ds.Claims = append(ds.Claims, graph.Claim{ID: r.e.ID, From: doc, To: target, Relation: ftmRelation(&r.e, r.edge),
			Status: graph.Reported, Sources: []graph.SourceRef{{Source: src}}})
	}
	// FtM ids name entities and links alike; the sources made here take
	// ids of their own. A clash would make a dataset the loader refuses.
	for _, s := range ds.Sources {
		if _, isClaim := claimOf[s.ID]; isClaim || entityIdx[s.ID] {
			return nil, nil, fmt.Errorf("%s: the id %q is taken twice (an FtM id and the source made for a document or link): rename the FtM entity", name, s.ID)
		}
	}
	for _, c := range ds.Claims {
		if entityIdx[c.ID] {
			return nil, nil, fmt.Errorf("%s: the id %q is both an entity and a link", name, c.ID)
		}
	}
	for _, s := range sortedKeys(unmapped) {
		warnings = append(warnings, fmt.Sprintf("%d %s %s not mapped (no claimgraph type for that FtM schema)", unmapped[s], s, plural(unmapped[s], "entity", "entities")))
	}
	for _, s := range sortedKeys(dangling) {
		warnings = append(warnings, fmt.Sprintf("%d %s %s left out: an end resolves to no imported entity", dangling[s], s, plural(dangling[s], "link", "links")))
	}
	if badCountry > 0 {
		warnings = append(warnings, fmt.Sprintf("%d country %s dropped: not a two-letter code", badCountry, plural(badCountry, "code", "codes")))
	}
	return ds, warnings, nil
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ftmToID keeps an FtM id as a claimgraph id, a character claimgraph ids
// cannot hold becoming '-' (FtM ids are ASCII letters, digits, '.' and
// '-', so only a malformed file needs it).
func ftmToID(id string) string {
	return strings.Map(func(r rune) rune {
		if isIDRune(r) {
			return r
		}
		return '-'
	}, id)
}

// ftmRelation is the edge's label refined by its role or relationship:
// "directs (as chairman)".
func ftmRelation(e *ftmEntity, edge *ftmEdge) string {
	if role := e.first("role", "relationship"); role != "" {
		return edge.Label + " (as " + role + ")"
	}
	return edge.Label
}

// ftmDetail keeps what claims cannot hold yet: dates (until dated claims
// exist) and the edge's other caption properties (percentage, amount, …).
func ftmDetail(e *ftmEntity, edge *ftmEdge) string {
	var parts []string
	for _, p := range []string{"startDate", "endDate", "date"} {
		if v := e.first(p); v != "" {
			parts = append(parts, p+": "+v)
		}
	}
	for _, p := range edge.Caption {
		if p != "role" && p != "relationship" && p != "date" {
			if v := e.values(p); len(v) > 0 {
				parts = append(parts, p+": "+strings.Join(v, "; "))
			}
		}
	}
	return strings.Join(parts, "; ")
}

// ftmSource is the source made from a link's sourceUrl and publisher: one
// per distinct pair, its id from a hash of them.
func ftmSource(url, publisher string) graph.Source {
	h := sha1.Sum([]byte(url + "\x00" + publisher))
	return graph.Source{ID: "src-" + hex.EncodeToString(h[:6]), Title: cmpOr(publisher, url), Publisher: publisher, URL: url}
}

// ftmURL keeps a url claimgraph accepts (http or https), else none.
func ftmURL(u string) string {
	if u != "" && checkURL(u) == "" {
		return u
	}
	return ""
}

// ftmDate keeps a date claimgraph accepts (YYYY, YYYY-MM, YYYY-MM-DD),
// cutting an FtM timestamp to its day.
func ftmDate(d string) string {
	if len(d) > 10 {
		d = d[:10]
	}
	if d != "" && checkDate(d) == "" {
		return d
	}
	return ""
}
