package data

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ftmEdgeSchemata lists the link schemata of the model in name order, for a
// deterministic choice among them.
var ftmEdgeSchemata = func() []string {
	var names []string
	for name, s := range ftmModel.Schemata {
		if s.Edge != nil && !s.Abstract {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}()

// ftmClaimSchema picks the link schema for a claim: the one whose edge
// label is the relation (as import writes it: "directs" or "directs (as
// chairman)", the role then kept) and whose ends accept the entities'
// schemata; else UnknownLink, with the relation as its role.
func ftmClaimSchema(relation, fromSchema, toSchema string) (schema, role string) {
	label, role := relation, ""
	if i := strings.Index(relation, " (as "); i > 0 && strings.HasSuffix(relation, ")") {
		label, role = relation[:i], relation[i+len(" (as "):len(relation)-1]
	}
	for _, name := range ftmEdgeSchemata {
		e := ftmModel.Schemata[name].Edge
		if e.Label == label && name != "Documentation" && ftmIsA(fromSchema, e.SourceRange) && ftmIsA(toSchema, e.TargetRange) {
			return name, role
		}
	}
	return "UnknownLink", relation
}

// WriteFTM writes g as FtM entities, one JSON object per line: entities by
// type (see ftmTypes), claims as the matching link schema or UnknownLink.
// Ids are rewritten to FtM's characters; two ids that rewrite the same are
// an error. FtM has no place for stances, quotes, statuses, contested or
// the belief grades: the claim's reading (which says them, "B2 probably
// true", "inference") goes to its description, and a negated claim's role
// starts "not:".
func WriteFTM(w io.Writer, g *graph.Graph) error {
	ids := map[string]string{} // FtM id → claimgraph id
	idOf := func(id string) (string, error) {
		f := ftmID(id)
		if prev, dup := ids[f]; dup && prev != id {
			return "", fmt.Errorf("ids %q and %q are both %q in FtM, which allows only letters, digits, '.' and '-': rename one", prev, id, f)
		}
		ids[f] = id
		return f, nil
	}
	for _, e := range g.Entities() {
		if _, err := idOf(e.ID); err != nil {
			return err
		}
	}
	for _, c := range g.Claims() {
		if _, err := idOf(c.ID); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type entity struct {
		ID         string              `json:"id"`
		Schema     string              `json:"schema"`
		Properties map[string][]string `json:"properties"`
	}
	set := func(props map[string][]string, key string, values ...string) {
		for _, v := range values {
			if v != "" && !slices.Contains(props[key], v) {
				props[key] = append(props[key], v)
			}
		}
	}
	schemaOf := map[string]string{}
	for _, e := range g.Entities() {
		out := entity{ID: ftmID(e.ID), Schema: ftmSchemaOf(e.Type), Properties: map[string][]string{}}
		schemaOf[e.ID] = out.Schema
		set(out.Properties, "name", e.Name)
		set(out.Properties, "alias", e.Aliases...)
		set(out.Properties, "country", strings.ToLower(e.Country))
		set(out.Properties, "notes", e.Note)
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	for _, c := range g.Claims() {
		schema, role := ftmClaimSchema(c.Relation, schemaOf[c.From], schemaOf[c.To])
		if c.Negated {
			// A link schema states its relation: a claim that the relation
			// does NOT hold is an UnknownLink whose role says so.
			schema, role = "UnknownLink", graph.RelationText(c)
		}
		edge := ftmModel.Schemata[schema].Edge
		out := entity{ID: ftmID(c.ID), Schema: schema, Properties: map[string][]string{}}
		set(out.Properties, edge.Source, ftmID(c.From))
		set(out.Properties, edge.Target, ftmID(c.To))
		roleProp := "role"
		if slices.Contains(edge.Caption, "relationship") {
			roleProp = "relationship" // Family, Associate
		}
		set(out.Properties, roleProp, role)
		set(out.Properties, "summary", c.Detail)
		set(out.Properties, "description", g.Read(c).String())
		set(out.Properties, "date", c.Reported)
		for _, ref := range c.Sources {
			if s := g.Source(ref.Source); s != nil {
				set(out.Properties, "sourceUrl", s.URL)
				set(out.Properties, "publisher", s.Publisher)
			}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return bw.Flush()
}
