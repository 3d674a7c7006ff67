package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	global  *globalOptions
	format  string
	output  string
	dir     string
	rankdir string
	filter  filterOptions
	time    string // gexf: the time axis claims are dated on (issue 15)
}

// exportFormat is one --format: a single-stream writer, or (dir) a writer
// of several files into --dir.
type exportFormat struct {
	name     string
	dir      bool
	write    func(w io.Writer, g *graph.Graph, opts *exportOptions) error
	writeDir func(g *graph.Graph, create data.WriteFileFunc) error
}

var exportFormats = []exportFormat{
	{name: "json", write: func(w io.Writer, g *graph.Graph, _ *exportOptions) error { return data.WriteJSON(w, g) }},
	{name: "csv", dir: true, writeDir: data.WriteCSV},
	{name: "mermaid", write: func(w io.Writer, g *graph.Graph, o *exportOptions) error { return render.Mermaid(w, g, o.rankdir) }},
	{name: "graphml", write: func(w io.Writer, g *graph.Graph, _ *exportOptions) error { return render.GraphML(w, g) }},
	{name: "gexf", write: func(w io.Writer, g *graph.Graph, o *exportOptions) error { return render.GEXFTime(w, g, o.time) }},
	{name: "cytoscape", write: func(w io.Writer, g *graph.Graph, _ *exportOptions) error { return render.WriteCytoscape(w, g) }},
	{name: "stix", write: func(w io.Writer, g *graph.Graph, _ *exportOptions) error { return data.WriteSTIX(w, g) }},
	{name: "neo4j", dir: true, writeDir: data.WriteNeo4j},
	{name: "cypher", dir: true, writeDir: data.WriteCypher},
	{name: "ftm", write: func(w io.Writer, g *graph.Graph, _ *exportOptions) error { return data.WriteFTM(w, g) }},
}

func exportFormatNames() []string {
	var names []string
	for _, f := range exportFormats {
		names = append(names, f.name)
	}
	return names
}

func newExportCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &exportOptions{global: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the loaded dataset as JSON, CSV or a format other tools read",
		Long: `Export writes the loaded dataset (all --data inputs merged), or the part of it
the filters keep (--focus/--depth, --status, --type, --contested,
--min-credibility, as render),
in one format. Every format is deterministic: sorted by id, the same input
gives the same bytes.

Formats, and what each cannot carry:
  json      canonical JSON: every list sorted by id, derived fields (claim
            ids, contested) filled in; loading it again gives the same
            dataset. Carries everything.
  csv       the full spreadsheet form, into --dir: dataset.csv, entities.csv,
            sources.csv, claims.csv (event time as when_on, when_start,
            when_end), claim_sources.csv, stances.csv (with date),
            claim_history.csv (status changes), claim_lint.csv
            (waivers); list
            cells ";"-separated (\; a literal ";", \\ a literal "\"); cells
            starting with = + - @ ' get one more leading "'" so that no
            spreadsheet runs them. "claimgraph import csv DIR" reads it back
            losslessly. Carries everything.
  mermaid   a Mermaid flowchart for Markdown (LR, or TB with --rankdir TB):
            one link per claim labelled with its reading (‼ CONTESTED, status,
            grades, who asserts, who denies) and relation ("not: …" when
            negated); dotted for alleged and
            reported, crossed for failed and retracted. Refuses more than 500
            claims (Mermaid's maxEdges): filter first. Cannot carry quotes,
            sources, details, aliases, notes or credibility notes.
  graphml   GraphML for yEd and Gephi: a data key per field, named as in the
            JSON; yEd graphics in the figures' colours and line styles.
            Stances and sources are JSON text in one field each.
  gexf      GEXF 1.3 for Gephi: an attribute per field, named as in the JSON;
            edge kind = relation ("not: …" when negated); viz colour, thickness and line style by
            status. Stances and sources are JSON text in one field each.
  graphml and gexf replace control characters (other than line breaks),
  which XML cannot hold, by spaces; credibility is an integer left out
  when ungraded. Neither holds sources' text.
  cytoscape Cytoscape.js elements JSON, as the explorer's /api/neighbourhood
            gives them: {"elements":{"nodes":[…],"edges":[…]}}, the label,
            reading and classes per claim. Cannot carry quotes, sources,
            details, aliases or notes.
  stix      a STIX 2.1 bundle: entities as identity (person: individual,
            groups: group, institutions: organization) or infrastructure
            (products, vessels, infrastructure), never threat-actor; exactly one relationship object per claim (type
            from the relation, UUIDv5 ids from claim ids); stances as
            opinions (asserts agree, confirms strongly-agree, disputes
            disagree, denies strongly-disagree); sources as
            external_references and reports; credibility as confidence by
            the spec's Admiralty table (1 90, 2 70, 3 50, 4 30, 5 10, 6 none);
            a negated claim's type starts "not-". Status, contested, the
            reading, the exact relation and the grades are in x_claimgraph.
            Cannot carry declined/silent stances, uncited sources,
            derived_from.
  neo4j     into --dir: CSV files and import.sh for neo4j-admin database
            import full: entities, claims and sources as nodes; stances as
            ASSERTS/CONFIRMS/DENIES/DISPUTES/DECLINED_TO_COMMENT/SILENT_ON
            from party to claim; FROM/TO claim to entities; CITES claim to
            source; one ESTABLISHED/REPORTED/ALLEGED/... relationship per
            claim between its entities, for path queries (NEGATED for a
            negated claim, so that they do not follow it). Lists are JSON text.
  cypher    into --dir: the same graph as parameterised Cypher, each
            NN-name.cypher an "UNWIND $rows" query run once per
            NN-name.NNNN.json batch (no value is ever part of a query), and
            load.py that runs them with the official Python driver.
  ftm       FollowTheMoney entities, one JSON object per line (Aleph,
            OpenSanctions): entities as Person, Company, PublicBody,
            Organization, Document, Vessel, Asset or LegalEntity; claims as
            the link schema whose edge label is the relation (owns, directs,
            …) or else
            UnknownLink with the relation as role; ids rewritten to FtM's
            letters, digits, '.' and '-' (two ids that become one: an
            error); a negated claim is an UnknownLink whose role starts
            "not:". FtM cannot hold stances, quotes, statuses, contested,
            source reliability or the grades: the claim's reading (which
            states them) is its description, its sources' urls and
            publishers are kept; sources' text is not.`,
		Example: `  claimgraph export --format json > dataset.json
  claimgraph export -d a.yaml -d b.yaml -o merged.json
  claimgraph export --format csv --dir sheets/
  claimgraph export --format mermaid --contested > contested.mmd
  claimgraph export --format gexf --focus Alibaba --depth 2 -o alibaba.gexf
  claimgraph export --format neo4j --dir neo4j-import && sh neo4j-import/import.sh`,
		RunE: func(*cobra.Command, []string) error { return runExport(opts, s.out) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "json", "output `format`: "+strings.Join(exportFormatNames(), ", "))
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.StringVar(&opts.dir, "dir", "", "write the files of a many-file format (csv, neo4j, cypher) into `DIR`, created if missing")
	f.StringVar(&opts.rankdir, "rankdir", "LR", "direction of a mermaid flowchart: LR or TB")
	f.StringVar(&opts.time, "time", render.TimeReporting, "gexf: date claims by reporting time (from their first report) or event time (their when)")
	opts.filter.register(f, "keep")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(exportFormatNames()...))
	_ = cmd.RegisterFlagCompletionFunc("focus", completeEntities(g))
	_ = cmd.RegisterFlagCompletionFunc("status", completeList(graph.Statuses))
	_ = cmd.RegisterFlagCompletionFunc("type", completeList(graph.EntityTypes))
	_ = cmd.RegisterFlagCompletionFunc("rankdir", completeFormats("LR", "TB"))
	return cmd
}

func runExport(opts *exportOptions, stdout io.Writer) error {
	k := slices.IndexFunc(exportFormats, func(f exportFormat) bool { return f.name == strings.ToLower(opts.format) })
	if k < 0 {
		return usageErrorf("unknown --format %q (want %s)", opts.format, strings.Join(exportFormatNames(), ", "))
	}
	format := exportFormats[k]
	switch {
	case format.dir && opts.output != "":
		return usageErrorf("--format %s writes several files: use --dir, not -o", format.name)
	case format.dir && opts.dir == "":
		return usageErrorf("--format %s writes several files: give --dir DIR", format.name)
	case !format.dir && opts.dir != "":
		return usageErrorf("--format %s writes one file: use -o, not --dir", format.name)
	}
	if !slices.Contains(render.TimeAxes, opts.time) {
		return usageErrorf("unknown --time %q (want reporting or event)", opts.time)
	}
	if rd := strings.ToUpper(opts.rankdir); rd != "LR" && rd != "TB" {
		return usageErrorf("unknown --rankdir %q (want LR or TB)", opts.rankdir)
	}
	if err := opts.filter.check(); err != nil {
		return err
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	if g, err = opts.filter.apply(g, true); err != nil {
		return err
	}
	if format.name != "json" {
		// WriteJSON builds the whole document in memory before writing it:
		// under the bound its collector would only thrash.
		boundHeap()
	}
	if format.dir {
		if err := os.MkdirAll(opts.dir, 0o755); err != nil {
			return fmt.Errorf("--dir: %w", err)
		}
		return format.writeDir(g, func(name string, write func(io.Writer) error) error {
			return writeOutput(filepath.Join(opts.dir, name), nil, write)
		})
	}
	err = writeOutput(opts.output, stdout, func(w io.Writer) error { return format.write(w, g, opts) })
	var hinted interface{ Hint() string }
	if errors.As(err, &hinted) {
		return withHint(err, hinted.Hint())
	}
	return err
}

// boundHeap caps the heap at a fifth above what the loaded graph holds.
// An export allocates as it writes (labels, JSON rows): left to the
// default pacer the heap would grow to twice the graph before a collection,
// and a million-claim export would need half again the memory of check.
// The limit is soft: the collector works harder near it, and never stops
// the export.
func boundHeap() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	debug.SetMemoryLimit(int64(ms.HeapInuse)/5*6 + 32<<20)
}
