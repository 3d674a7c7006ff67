package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type listOptions struct {
	global    *globalOptions
	kind      string // entities, claims or sources
	types     string
	statuses  string
	contested bool
	source    string
	involving string
	format    string

	credibility string // see belief.go
}

var listKinds = []string{"entities", "claims", "sources"}

func newListCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &listOptions{global: g}
	cmd := &cobra.Command{
		Use:   "list entities|claims|sources",
		Short: "List entities, claims or sources, filtered",
		Long: `List prints one row per entity, claim or source.

The claim filters (--status, --contested, --source, --involving) select
claims. "list claims" prints those; "list entities" and "list sources" then
print the entities and sources the selected claims mention (as from, to or
stance holder; as cited source or stance source). Without a claim filter
every entity and source is listed, mentioned or not. --type filters entities.

Output is an aligned table with a header on a terminal, and tab-separated
lines without a header when piped (one record per line, for cut, sort and
while-read loops); --format table|tsv|json chooses explicitly.`,
		Example: `  claimgraph list claims --contested
  claimgraph list claims --status alleged,reported --involving Alibaba
  claimgraph list entities --type company,government
  claimgraph list sources --format json`,
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		ValidArgs: listKinds,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.kind = args[0]
			return runList(opts, s.out)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.types, "type", "", "only entities of these `types` (comma-separated)")
	f.StringVar(&opts.statuses, "status", "", "only claims with these `statuses` (comma-separated)")
	f.BoolVar(&opts.contested, "contested", false, "only contested claims")
	f.StringVar(&opts.source, "source", "", "only claims citing source `ID`")
	f.StringVar(&opts.involving, "involving", "", "only claims `ENTITY` is from, to or takes a stance on")
	f.StringVar(&opts.credibility, "credibility", "", "only claims with these credibility `grades` (comma-separated: 1 to 6, or ungraded)")
	f.StringVar(&opts.format, "format", "", "output `format`: table, tsv or json (default: table on a terminal, tsv otherwise)")
	_ = cmd.RegisterFlagCompletionFunc("type", completeList(graph.EntityTypes))
	_ = cmd.RegisterFlagCompletionFunc("status", completeList(graph.Statuses))
	_ = cmd.RegisterFlagCompletionFunc("credibility", completeList([]string{"1", "2", "3", "4", "5", "6", graph.Ungraded}))
	_ = cmd.RegisterFlagCompletionFunc("source", completeSources(g))
	_ = cmd.RegisterFlagCompletionFunc("involving", completeEntities(g))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("table", "tsv", "json"))
	return cmd
}

func runList(opts *listOptions, stdout io.Writer) error {
	format, err := tableFormat(opts.format, stdout)
	if err != nil {
		return err
	}
	if !slices.Contains(listKinds, opts.kind) {
		return usageErrorf("cannot list %q (want entities, claims or sources)", opts.kind)
	}
	types, err := graph.ParseEntityTypes(opts.types)
	if err != nil {
		return usageErrorf("--type: %w", err)
	}
	if len(types) > 0 && opts.kind != "entities" {
		return usageErrorf("--type filters entities, not %s", opts.kind)
	}
	statuses, err := graph.ParseStatuses(opts.statuses)
	if err != nil {
		return usageErrorf("--status: %w", err)
	}
	grades, err := parseGrades(opts.credibility)
	if err != nil {
		return err
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	var involving string
	if opts.involving != "" {
		e, err := resolveEntity(g, opts.involving)
		if err != nil {
			return fmt.Errorf("--involving: %w", err)
		}
		involving = e.ID
	}
	if opts.source != "" && g.Source(opts.source) == nil {
		return withHint(fmt.Errorf("--source: no source %q", opts.source),
			"run 'claimgraph list sources' to see them")
	}
	filtered := len(statuses) > 0 || opts.contested || opts.source != "" || involving != "" || grades != nil
	var claims []*graph.Claim
	for _, c := range g.Claims() {
		if (len(statuses) == 0 || slices.Contains(statuses, c.Status)) &&
			(!opts.contested || c.Contested()) &&
			(opts.source == "" || cites(c, opts.source)) &&
			(involving == "" || involves(c, involving)) &&
			(grades == nil || grades[c.Credibility]) {
			claims = append(claims, c)
		}
	}

	switch opts.kind {
	case "claims":
		return writeClaims(stdout, format, g, claims)
	case "entities":
		var es []*graph.Entity
		var mentioned map[string]bool
		if filtered {
			mentioned = mentionedEntities(claims)
		}
		for _, e := range g.Entities() {
			if (mentioned == nil || mentioned[e.ID]) && (len(types) == 0 || slices.Contains(types, e.Type)) {
				es = append(es, e)
			}
		}
		return writeEntities(stdout, format, g, es)
	default:
		var ss []*graph.Source
		var cited map[string]bool
		if filtered {
			cited = citedSources(claims)
		}
		for _, s := range g.Sources() {
			if cited == nil || cited[s.ID] {
				ss = append(ss, s)
			}
		}
		return writeSources(stdout, format, g, ss)
	}
}

// cites reports whether c rests on source id or a stance on it was reported
// by that source.
func cites(c *graph.Claim, id string) bool {
	return slices.ContainsFunc(c.Sources, func(r graph.SourceRef) bool { return r.Source == id }) ||
		slices.ContainsFunc(c.Stances, func(s graph.Stance) bool { return s.Source == id })
}

// involves reports whether entity id is c's from or to, or takes a stance on it.
func involves(c *graph.Claim, id string) bool {
	return c.From == id || c.To == id ||
		slices.ContainsFunc(c.Stances, func(s graph.Stance) bool { return s.By == id })
}

func mentionedEntities(claims []*graph.Claim) map[string]bool {
	m := map[string]bool{}
	for _, c := range claims {
		m[c.From], m[c.To] = true, true
		for _, s := range c.Stances {
			m[s.By] = true
		}
	}
	return m
}

func citedSources(claims []*graph.Claim) map[string]bool {
	m := map[string]bool{}
	for _, c := range claims {
		for _, r := range c.Sources {
			m[r.Source] = true
		}
		for _, s := range c.Stances {
			if s.Source != "" {
				m[s.Source] = true
			}
		}
	}
	return m
}

// degree counts the claims an entity is from or to, a self-claim once.
func degree(g *graph.Graph, id string) int {
	n := len(g.Out(id))
	for _, c := range g.In(id) {
		if c.From != id {
			n++
		}
	}
	return n
}

func writeEntities(w io.Writer, format string, g *graph.Graph, es []*graph.Entity) error {
	if format == "json" {
		out := make([]graph.Entity, len(es))
		for i, e := range es {
			out[i] = data.EntityJSON(e)
		}
		return writeJSON(w, out)
	}
	t := table{header: []string{"ID", "NAME", "TYPE", "COUNTRY", "CLAIMS"}}
	for _, e := range es {
		t.rows = append(t.rows, []string{e.ID, e.Name, string(e.Type), e.Country, fmt.Sprint(degree(g, e.ID))})
	}
	return t.write(w, format)
}

func writeClaims(w io.Writer, format string, g *graph.Graph, claims []*graph.Claim) error {
	if format == "json" {
		out := make([]data.ClaimJSON, len(claims))
		for i, c := range claims {
			out[i] = data.NewClaimJSON(c)
		}
		return writeJSON(w, out)
	}
	t := table{header: []string{"ID", "FROM", "RELATION", "TO", "STATUS", "CONTESTED", "SOURCES"}}
	for _, c := range claims {
		contested := "no"
		if c.Contested() {
			contested = "yes"
		}
		var docs []string
		for _, r := range c.Sources {
			if !slices.Contains(docs, r.Source) {
				docs = append(docs, r.Source)
			}
		}
		t.rows = append(t.rows, []string{c.ID, c.From, graph.RelationText(c), c.To, string(c.Status), contested, strings.Join(docs, ",")})
	}
	return t.write(w, format)
}

func writeSources(w io.Writer, format string, g *graph.Graph, ss []*graph.Source) error {
	if format == "json" {
		out := make([]graph.Source, len(ss))
		for i, s := range ss {
			out[i] = data.SourceJSON(s)
		}
		return writeJSON(w, out)
	}
	citing := map[string]int{}
	for _, c := range g.Claims() {
		for id := range citedSources([]*graph.Claim{c}) {
			citing[id]++
		}
	}
	t := table{header: []string{"ID", "TITLE", "PUBLISHER", "PUBLISHED", "RELIABILITY", "DERIVED_FROM", "CLAIMS"}}
	for _, s := range ss {
		title := s.Title
		if format == "table" {
			title = truncate(title, 60)
		}
		t.rows = append(t.rows, []string{s.ID, title, s.Publisher, s.Published, s.Reliability,
			strings.Join(s.DerivedFrom, ","), fmt.Sprint(citing[s.ID])})
	}
	return t.write(w, format)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// writeJSON writes v indented, without HTML escaping (quotes contain ‘&’
// and ‘<’ as often as any text), ending in a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// tableFormat resolves a --format for tabular output: the default is an
// aligned table on a terminal and tab-separated values otherwise.
func tableFormat(format string, w io.Writer) (string, error) {
	switch format {
	case "":
		if isTerminal(w) {
			return "table", nil
		}
		return "tsv", nil
	case "table", "tsv", "json":
		return format, nil
	}
	return "", usageErrorf("unknown --format %q (want table, tsv or json)", format)
}

// table is rows of cells with a header.
type table struct {
	header []string
	rows   [][]string
}

// write prints t as an aligned table with its header ("table"; empty cells
// as "-" so that columns stay readable; the header bold when colour is on)
// or as tab-separated lines without header ("tsv"; tabs and newlines inside
// cells become spaces, so that every record is one line of len(header)
// fields).
func (t table) write(w io.Writer, format string) error {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	if format == "tsv" {
		var b bytes.Buffer
		for _, row := range t.rows {
			for i, cell := range row {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(clean.Replace(cell))
			}
			b.WriteByte('\n')
		}
		_, err := w.Write(b.Bytes())
		return err
	}
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, row := range t.rows {
		cells := make([]string, len(row))
		for i, cell := range row {
			cells[i] = clean.Replace(cell)
			if cells[i] == "" {
				cells[i] = "-"
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	out := b.String()
	// tabwriter pads the last column too: trim it so that lines end clean.
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	if useColor(w) {
		lines[0] = bold(lines[0])
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

// bold and the other styles are plain ANSI SGR sequences; callers apply
// them only when useColor says so.
func bold(s string) string { return "\x1b[1m" + s + "\x1b[0m" }
func red(s string) string  { return "\x1b[31m" + s + "\x1b[0m" }
func dim(s string) string  { return "\x1b[2m" + s + "\x1b[0m" }
