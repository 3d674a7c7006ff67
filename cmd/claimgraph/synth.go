package main

import (
	"io"

	"github.com/claimgraph/claimgraph/data"
	"github.com/spf13/cobra"
)

type synthOptions struct {
	global *globalOptions
	gen    data.SynthOptions
	format string
	output string
	mutate float64
	from   string
	// set records which flags were given, to tell the two modes apart
	// and refuse flags of the other mode.
	set func(name string) bool
}

// newSynthCmd is hidden from --help: it makes benchmark data, not analyses,
// and is documented in the README's performance section instead.
func newSynthCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &synthOptions{global: g}
	cmd := &cobra.Command{
		Use:   "synth",
		Short: "Write a synthetic dataset for benchmarks",
		Long: `Synth writes a synthetic dataset of the given size: invented entities of
every type with a few hubs, claims of every status, about --contested of
them asserted by one party and denied by another, parallel claims, and
sources that repeat earlier sources. The same --seed gives the same bytes.
JSON output is in the canonical form of export.

With --mutate FRACTION --from FILE it instead writes a "new reporting"
version of FILE in which about FRACTION of the claims were added, removed
or changed (status changes, new denials, withdrawn positions, new and
removed entities), for diff benchmarks.`,
		Example: `  claimgraph synth --entities 100000 --claims 1000000 --seed 1 -o big.json
  claimgraph synth --mutate 0.01 --seed 2 --from big.json -o big-new.json`,
		Hidden: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.set = func(name string) bool { return cmd.Flags().Changed(name) }
			return runSynth(opts, s.out)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.gen.Entities, "entities", 200, "number of `N` entities")
	f.IntVar(&opts.gen.Claims, "claims", 1000, "number of `M` claims")
	f.Uint64Var(&opts.gen.Seed, "seed", 1, "random `seed`: the same seed gives the same output")
	f.Float64Var(&opts.gen.Contested, "contested", 0.2, "`fraction` of claims that are contested")
	f.StringVar(&opts.format, "format", "json", "output `format`: json or yaml")
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.Float64Var(&opts.mutate, "mutate", 0, "write a changed version of --from, with about this `fraction` of claims changed")
	f.StringVar(&opts.from, "from", "", "dataset `FILE` to mutate (- for standard input)")
	return cmd
}

func runSynth(opts *synthOptions, stdout io.Writer) error {
	format := data.SynthFormat(opts.format)
	if format != data.SynthJSON && format != data.SynthYAML {
		return usageErrorf("unknown --format %q (want json or yaml)", opts.format)
	}
	if opts.set("mutate") != opts.set("from") {
		return usageErrorf("--mutate and --from go together")
	}
	if !opts.set("mutate") {
		if err := checkSynthOptions(opts.gen); err != nil {
			return err
		}
		return writeOutput(opts.output, stdout, func(w io.Writer) error {
			return data.WriteSynthetic(w, opts.gen, format)
		})
	}
	for _, name := range []string{"entities", "claims", "contested"} {
		if opts.set(name) {
			return usageErrorf("--%s does not apply to --mutate", name)
		}
	}
	if !(opts.mutate >= 0 && opts.mutate <= 1) {
		return usageErrorf("--mutate %v is not a fraction between 0 and 1", opts.mutate)
	}
	ds, err := data.Load([]string{opts.from}, data.Options{MaxBytes: opts.global.maxBytes, Stdin: opts.global.stdin})
	if err != nil {
		return err
	}
	if err := data.MutateSynthetic(ds, opts.mutate, opts.gen.Seed); err != nil {
		return err
	}
	return writeOutput(opts.output, stdout, func(w io.Writer) error {
		return data.WriteSyntheticDataset(w, ds, format)
	})
}

// checkSynthOptions turns the generator's limits into usage errors, which
// name the flag.
func checkSynthOptions(o data.SynthOptions) error {
	switch {
	case o.Entities < 2:
		return usageErrorf("--entities %d is too few (want at least 2)", o.Entities)
	case o.Claims < 0:
		return usageErrorf("--claims %d is negative", o.Claims)
	case !(o.Contested >= 0 && o.Contested <= 1):
		return usageErrorf("--contested %v is not a fraction between 0 and 1", o.Contested)
	}
	return nil
}
