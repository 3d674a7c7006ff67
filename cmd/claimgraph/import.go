package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type importOptions struct {
	global *globalOptions
	output string
	simple data.SimpleCSV
	create string
}

func newImportCmd(g *globalOptions, s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Make a dataset from spreadsheets (CSV) or FollowTheMoney entities",
		Long: `Import reads data kept in another form and writes a claimgraph dataset:
JSON, or YAML when -o ends in .yaml or .yml (JSON for large data: YAML
files over 64 MiB are refused on load, so import refuses to write them).
Without -o the JSON goes to standard output.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageErrorf("import needs a source format: csv or ftm (see claimgraph import --help)")
		},
	}
	cmd.AddCommand(newImportCSVCmd(g, s), newImportFTMCmd(g, s))
	return cmd
}

func newImportFTMCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &importOptions{global: g}
	cmd := &cobra.Command{
		Use:   "ftm FILE",
		Short: "Make a dataset from FollowTheMoney entities (Aleph, OpenSanctions)",
		Long: `Import ftm reads FollowTheMoney entities, one JSON object per line, as Aleph
and OpenSanctions publish them (- for standard input), streaming.

Entities: Person → person, Company → company, PublicBody → government,
Organization → company and LegalEntity → other (both organization once
claimgraph has that type; the FtM schema is kept in the note), Document and
its kinds (Article, …) → document and a source; a schema that descends from
one of these takes its type. Country codes are upper-cased; codes that are
not two letters are dropped.

Links (Ownership, Directorship, Membership, Employment, Representation,
UnknownLink, Family, Associate, Payment, Documentation, …) become claims
with status reported, from the link's first end to its second, the relation
the FtM edge label refined by role or relationship ("owns (as beneficial
owner)"); start, end and other dates and the edge's figures (percentage,
amount) go to the detail. sourceUrl and publisher become a source. A
Documentation of a link adds its document as a source of that claim.

What is left out is counted on standard error, one line per kind: schemata
with no claimgraph type ("13 Sanction entities not mapped"), links whose
ends are not imported, dropped country codes.

Mapping made from ` + data.FtMModelVersion() + ` (MIT).`,
		Example: `  claimgraph import ftm entities.ftm.json -o dataset.json
  curl -s https://data.opensanctions.org/.../entities.ftm.json | claimgraph import ftm - -o sanctions.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runImportFTM(opts, args[0], s) },
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` (.json, .yaml or .yml) instead of standard output")
	return cmd
}

func runImportFTM(opts *importOptions, path string, s streams) error {
	if err := checkImportOutput(opts.output); err != nil {
		return err
	}
	var r io.Reader = s.in
	name := data.StdinName
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("import ftm: %w", err)
		}
		defer f.Close()
		r, name = f, path
	}
	lr := &io.LimitedReader{R: r, N: opts.global.maxBytes + 1}
	ds, warnings, err := data.ReadFTM(name, lr)
	if err != nil {
		return err
	}
	if lr.N <= 0 {
		return withHint(fmt.Errorf("%s is larger than --max-bytes (%d bytes)", name, opts.global.maxBytes), "raise --max-bytes")
	}
	for _, w := range warnings {
		fmt.Fprintf(s.err, "claimgraph: warning: %s\n", w)
	}
	return writeImported(ds, opts.output, s.out)
}

func newImportCSVCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &importOptions{global: g}
	cmd := &cobra.Command{
		Use:   "csv [DIR]",
		Short: "Make a dataset from spreadsheets",
		Long: `Import csv reads spreadsheets saved as CSV, in one of two forms.

The full form, "claimgraph import csv DIR", reads the files that
"claimgraph export --format csv --dir DIR" writes (dataset.csv,
entities.csv, sources.csv, claims.csv, claim_sources.csv, stances.csv):
every field a column, nothing lost.

The simple form is for typing claims by hand: one row per claim in
--claims, with columns matched by header name in any order, from
  id, from, relation, to, status, detail, source, quote,
  asserted_by, confirmed_by, denied_by, disputed_by, reported
of which from, relation, to and status are required. Parties (from, to, the
*_by columns) name an entity of --entities by id, name or alias, any case;
source names a source of --sources by id or title. Cells of several names
are ";"-separated; quote is the first source's. An unknown name is an error
with a "did you mean", or with --create-entities TYPE a new entity of that
type. --entities and --sources take the columns of the full form; their id
may be left empty and is then made from the name or title. Claims without
an id get the derived one. "claimgraph template csv DIR" writes the three
sheets with an example row.

Both forms: comma, semicolon and tab separated files are recognised (tab
for .tsv); a leading "'" before = + - @ or ' (the spreadsheet formula
guard export writes) is removed. Problems are reported as file:row:column,
rows counted as the spreadsheet shows them (the header is row 1) and
columns in cells.`,
		Example: `  claimgraph import csv sheets/ -o dataset.json
  claimgraph import csv --claims claims.csv --entities entities.csv -o dataset.yaml
  claimgraph import csv --claims claims.tsv --create-entities company`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runImportCSV(opts, args, s.out) },
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` (.json, .yaml or .yml) instead of standard output")
	f.StringVar(&opts.simple.Claims, "claims", "", "simple form: the claims sheet `FILE`")
	f.StringVar(&opts.simple.Entities, "entities", "", "simple form: the entities sheet `FILE`")
	f.StringVar(&opts.simple.Sources, "sources", "", "simple form: the sources sheet `FILE`")
	f.StringVar(&opts.create, "create-entities", "", "simple form: make an unknown name a new entity of this `TYPE`")
	_ = cmd.RegisterFlagCompletionFunc("create-entities", completeFormats(joinNames(graph.EntityTypes)...))
	return cmd
}

func joinNames[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func runImportCSV(opts *importOptions, args []string, stdout io.Writer) error {
	simple := opts.simple.Claims != "" || opts.simple.Entities != "" || opts.simple.Sources != "" || opts.create != ""
	switch {
	case len(args) == 1 && simple:
		return usageErrorf("give either a directory of the full form or --claims FILE, not both")
	case len(args) == 0 && opts.simple.Claims == "":
		return usageErrorf("import csv needs a directory (the full form) or --claims FILE (the simple form)")
	}
	if opts.create != "" {
		t := graph.EntityType(opts.create)
		if !t.Valid() {
			return usageErrorf("--create-entities: unknown entity type %q (want one of: %s)", opts.create, joinValues(graph.EntityTypes))
		}
		opts.simple.CreateEntities = t
	}
	if err := checkImportOutput(opts.output); err != nil {
		return err
	}
	var ds *graph.Dataset
	var err error
	if len(args) == 1 {
		ds, err = data.ReadCSVDir(args[0])
	} else {
		ds, err = data.ReadSimpleCSV(opts.simple)
	}
	if err != nil {
		return err
	}
	return writeImported(ds, opts.output, stdout)
}

// checkImportOutput refuses an -o whose extension says no format we write.
func checkImportOutput(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".yaml", ".yml":
		return nil
	}
	if path == "" || path == "-" {
		return nil
	}
	return usageErrorf("cannot tell the format of %q from its extension: use .json, .yaml or .yml", path)
}

// maxYAMLOutput is the loader's limit for a YAML file: import does not
// write a file claimgraph would refuse to read.
const maxYAMLOutput = 64 << 20

// writeImported checks ds as a graph and writes it to path (or stdout) as
// JSON or, by extension, YAML. Both go through data.WriteSyntheticDataset, which
// writes export's canonical JSON claim by claim: data.WriteJSON builds the
// whole document first, twice the memory at a million claims.
func writeImported(ds *graph.Dataset, path string, stdout io.Writer) error {
	if _, err := graph.New(ds); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".yaml" && ext != ".yml" {
		return writeOutput(path, stdout, func(w io.Writer) error { return data.WriteSyntheticDataset(w, ds, data.SynthJSON) })
	}
	err := writeOutput(path, stdout, func(w io.Writer) error {
		return data.WriteSyntheticDataset(&cappedWriter{w: w, left: maxYAMLOutput}, ds, data.SynthYAML)
	})
	if errors.Is(err, errYAMLTooLarge) {
		return withHint(err, "write JSON instead: -o "+strings.TrimSuffix(path, filepath.Ext(path))+".json")
	}
	return err
}

var errYAMLTooLarge = fmt.Errorf("the YAML would be over %d MiB, which claimgraph refuses to load", maxYAMLOutput>>20)

// cappedWriter fails once more than left bytes are written.
type cappedWriter struct {
	w    io.Writer
	left int64
}

func (c *cappedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > c.left {
		return 0, errYAMLTooLarge
	}
	c.left -= int64(len(p))
	return c.w.Write(p)
}
