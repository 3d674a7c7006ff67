package main

import (
	"io"

	"github.com/claimgraph/claimgraph/render/report"
	"github.com/spf13/cobra"
)

type showOptions struct {
	global *globalOptions
	target string
	format string
	quotes bool
	style  report.Style
}

func newShowCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &showOptions{global: g}
	cmd := &cobra.Command{
		Use:   "show ENTITY|CLAIM|SOURCE",
		Short: "Show an entity, a claim or a source whole",
		Long: `Show prints one entity, claim or source whole.

An entity: its profile, then every claim it is from or to, each read as
every command reads it (its mark, status, who asserts and who denies it,
then the claim with the marks [n] of its sources), contested claims first,
then denied ones, then the others grouped by status (most solid first).
Claims the entity only takes a stance on follow, then the sources cited,
numbered as in the whole dataset (sorted by id) so that [1] means the same
source in every command.

A claim: its reading, every stance with its quote, and the sources it rests
on with the sentences it rests on.

A source: its record, then what rests on it: the claims citing it, those
citing a source derived from it (derived_from), and those on which it
reports a position.

The argument is an entity id, name or alias in any case, a claim id or a
source id. --quotes adds the source sentences to each claim listed.`,
		Example: `  claimgraph show alibaba
  claimgraph show "Financial Times"
  claimgraph show alibaba-data-to-pla
  claimgraph show pla --format json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeEntityArgs(g, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.target = args[0]
			opts.style = s.style()
			return runShow(opts, s.out)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text or json")
	cmd.Flags().BoolVar(&opts.quotes, "quotes", false, "also print the source sentences each claim rests on")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "json"))
	return cmd
}

// runShow shows an entity, else a claim, else a source. An exact entity id
// wins; then a claim id, then a source id; then entity names and aliases
// (with suggestions when nothing matches).
func runShow(opts *showOptions, stdout io.Writer) error {
	if opts.format != "text" && opts.format != "json" {
		return usageErrorf("unknown --format %q (want text or json)", opts.format)
	}
	g, err := opts.global.loadGraph()
	if err != nil {
		return err
	}
	json := opts.format == "json"
	if g.Entity(opts.target) == nil {
		if c := g.Claim(opts.target); c != nil {
			if json {
				return report.WriteJSON(stdout, report.ClaimJSON(g, c))
			}
			return report.ShowClaim(stdout, g, c, opts.style)
		}
		if s := g.Source(opts.target); s != nil {
			if json {
				return report.WriteJSON(stdout, report.SourceJSON(g, s))
			}
			return report.ShowSource(stdout, g, s, opts.style, opts.quotes)
		}
	}
	e, err := resolveEntity(g, opts.target)
	if err != nil {
		return err
	}
	if json {
		return report.WriteJSON(stdout, report.EntityJSON(g, e))
	}
	return report.Entity(stdout, g, e, opts.style, opts.quotes)
}
