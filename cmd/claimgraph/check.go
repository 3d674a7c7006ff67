package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/report"
	"github.com/spf13/cobra"
)

// checkCap is how many findings of one rule check prints before summing up
// the rest: a big dataset can have thousands of unquoted sources, and a
// screenful of one rule hides the others.
const checkCap = 10

type checkOptions struct {
	global *globalOptions
	strict bool
	all    bool
	format string
}

func newCheckCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &checkOptions{global: g}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Validate a dataset, lint its sourcing and summarise it",
		Long: `Check loads the dataset, reports every problem it finds as file:line:col:
message, and on success prints a one-line summary on standard output.

It then lints what the dataset says, reporting on standard error one line per
finding, "claimgraph: SEVERITY: KIND "ID": message [rule]", at most ` + fmt.Sprint(checkCap) + ` per
rule unless --all. Warnings leave the exit status 0 unless --strict; errors
always exit 1; notes are facts about the whole dataset and never fail.
The rules:
` + ruleHelp() + `
With --format json the summary and the findings are written as one JSON
object on standard output instead.`,
		Example: `  claimgraph check
  claimgraph check -d mydata/ --strict
  claimgraph export --format json | claimgraph check -d -`,
		RunE: func(*cobra.Command, []string) error { return runCheck(opts, s.out, s.err) },
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "exit 1 when the lint finds a warning")
	cmd.Flags().BoolVar(&opts.all, "all", false, "print every finding, not the first "+fmt.Sprint(checkCap)+" per rule")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "json"))
	return cmd
}

func ruleHelp() string {
	var b strings.Builder
	for _, r := range graph.Rules {
		fmt.Fprintf(&b, "  %-19s %-7s %s\n", r.Name, r.Severity, r.Doc)
	}
	return b.String()
}

type checkJSON struct {
	Entities  int             `json:"entities"`
	Claims    int             `json:"claims"`
	Contested int             `json:"contested"`
	Denied    int             `json:"denied"` // denied or disputed, asserted by nobody
	Sources   int             `json:"sources"`
	Findings  []graph.Finding `json:"findings"`
}

func runCheck(opts *checkOptions, stdout, stderr io.Writer) error {
	if opts.format != "text" && opts.format != "json" {
		return usageErrorf("unknown --format %q (want text or json)", opts.format)
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	// Only the findings printed are formatted: at a million claims a rule
	// can have a million findings, and check prints ten of each.
	limit := checkCap
	if opts.all || opts.format == "json" {
		limit = 0
	}
	groups := graph.LintCapped(g, limit)
	if !opts.all {
		// What a claim waives is listed by --all only: the point of a
		// waiver is a quiet check on a dataset whose author has looked.
		groups = slices.DeleteFunc(groups, func(grp graph.LintGroup) bool { return grp.Severity == graph.SevWaived })
	}
	if opts.format == "json" {
		var findings []graph.Finding
		for _, grp := range groups {
			findings = append(findings, grp.Findings...)
		}
		err = report.WriteJSON(stdout, checkJSON{
			Entities: len(g.Entities()), Claims: len(g.Claims()),
			Contested: g.ContestedCount(), Denied: g.DeniedCount(), Sources: len(g.Sources()),
			Findings: nonNil(findings),
		})
	} else {
		if _, err = fmt.Fprintln(stdout, summary(g)); err == nil {
			err = printFindings(stderr, groups)
		}
	}
	if err != nil {
		return err
	}
	return lintExit(groups, opts.strict)
}

// lintExit turns findings into check's exit status: 1 for any error, and
// for any warning under --strict.
func lintExit(groups []graph.LintGroup, strict bool) error {
	for _, grp := range groups {
		if grp.Severity == graph.SevError || (strict && grp.Severity == graph.SevWarning) {
			return &silentExit{exitFailure}
		}
	}
	return nil
}

// printFindings writes one line per finding, in Lint's order, with the
// "claimgraph: " prefix every diagnostic carries; for a group cut at
// checkCap it writes one line counting the rest.
func printFindings(w io.Writer, groups []graph.LintGroup) error {
	p := &report.Printer{W: w}
	for _, grp := range groups {
		for _, f := range grp.Findings {
			p.Line(report.Text(fmt.Sprintf("claimgraph: %s: %s", f.Severity, f)))
		}
		if rest := grp.Total - len(grp.Findings); rest > 0 {
			p.Line(fmt.Sprintf("claimgraph: %s: %d more %s findings (--all lists them)",
				grp.Severity, rest, grp.Rule))
		}
	}
	return p.Err
}

// summary is the one-line description check prints: "14 entities, 16 claims
// (3 contested), 1 source".
func summary(g *graph.Graph) string {
	return fmt.Sprintf("%s, %s (%d contested), %s",
		report.Plural(len(g.Entities()), "entity", "entities"),
		report.Plural(len(g.Claims()), "claim", "claims"),
		g.ContestedCount(),
		report.Plural(len(g.Sources()), "source", "sources"))
}
