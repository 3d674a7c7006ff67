package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
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
	grades    string       // --credibility, see belief.go
	tty       bool         // standard output is a terminal: a table by default
	style     report.Style // colour for the table's header
}

var listKinds = []string{"entities", "claims", "sources"}

func newListCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &listOptions{global: g}
	cmd := &cobra.Command{
		Use:   "list entities|claims|sources",
		Short: "List entities, claims or sources, filtered",
		Long: `List prints one row per entity, claim or source.

The claim filters (--status, --contested, --source, --involving,
--credibility) select
claims. "list claims" prints those; "list entities" and "list sources" then
print the entities and sources the selected claims mention (as from, to or
stance holder; as cited source or stance source). Without a claim filter
every entity and source is listed, mentioned or not. --type filters entities.

Output is an aligned table with a header on a terminal, and tab-separated
lines without a header when piped (one record per line, for cut, sort and
while-read loops: a tab, newline, carriage return or backslash inside a
value is written \t, \n, \r or \\); --format table|tsv|json chooses
explicitly. Claims end with their reading: mark, status, who asserts and who
denies them.`,
		Example: `  claimgraph list claims --contested
  claimgraph list claims --status alleged,reported --involving Alibaba
  claimgraph list entities --type company,government
  claimgraph list sources --format json`,
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		ValidArgs: listKinds,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.kind = args[0]
			opts.tty, opts.style = s.isTTY, s.style()
			return runList(opts, s.out)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.types, "type", "", "only entities of these `types` (comma-separated)")
	f.StringVar(&opts.statuses, "status", "", "only claims with these `statuses` (comma-separated)")
	f.BoolVar(&opts.contested, "contested", false, "only contested claims")
	f.StringVar(&opts.source, "source", "", "only claims citing source `ID`")
	f.StringVar(&opts.involving, "involving", "", "only claims `ENTITY` is from, to or takes a stance on")
	f.StringVar(&opts.grades, "credibility", "", "only claims with these credibility `grades` (comma-separated: 1 to 6, or ungraded)")
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
	st := opts.style
	format, err := tableFormat(opts.format, opts.tty)
	if err != nil {
		return err
	}
	if !slices.Contains(listKinds, opts.kind) {
		return usageErrorf("cannot list %q (want entities, claims or sources)", opts.kind)
	}
	types, err := parseEntityTypes(opts.types)
	if err != nil {
		return usageErrorf("--type: %w", err)
	}
	if len(types) > 0 && opts.kind != "entities" {
		return usageErrorf("--type filters entities, not %s", opts.kind)
	}
	statuses, err := parseStatuses(opts.statuses)
	if err != nil {
		return usageErrorf("--status: %w", err)
	}
	grades, err := parseGrades(opts.grades)
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
			(opts.source == "" || report.Cites(c, opts.source)) &&
			(involving == "" || report.Involves(c, involving)) &&
			(grades == nil || grades[c.Credibility]) {
			claims = append(claims, c)
		}
	}

	switch opts.kind {
	case "claims":
		return report.Claims(stdout, format, st, g, claims)
	case "entities":
		var es []*graph.Entity
		var mentioned map[string]bool
		if filtered {
			mentioned = report.MentionedEntities(claims)
		}
		for _, e := range g.Entities() {
			if (mentioned == nil || mentioned[e.ID]) && (len(types) == 0 || slices.Contains(types, e.Type)) {
				es = append(es, e)
			}
		}
		return report.Entities(stdout, format, st, g, es)
	default:
		var ss []*graph.Source
		var cited map[string]bool
		if filtered {
			cited = report.CitedSources(claims)
		}
		for _, src := range g.Sources() {
			if cited == nil || cited[src.ID] {
				ss = append(ss, src)
			}
		}
		return report.Sources(stdout, format, st, g, ss)
	}
}

// tableFormat resolves a --format for tabular output: the default is an
// aligned table on a terminal and tab-separated values otherwise.
func tableFormat(format string, tty bool) (string, error) {
	switch format {
	case "":
		if tty {
			return report.FormatTable, nil
		}
		return report.FormatTSV, nil
	case report.FormatTable, report.FormatTSV, "json":
		return format, nil
	}
	return "", usageErrorf("unknown --format %q (want table, tsv or json)", format)
}
