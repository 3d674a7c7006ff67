package data

import (
	"io"

	"github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/graph"
)

// The synthetic generator lives in data/internal/synth, where data's tests
// and tools use it directly; the hidden synth command, outside data, cannot
// import an internal package, so it reaches the generator through these
// names, which add nothing to it.

// SynthOptions size and seed a synthetic dataset (see synth.Options).
type SynthOptions = synth.Options

// SynthFormat is an output format of WriteSynthetic: SynthJSON or SynthYAML.
type SynthFormat = synth.Format

// The formats WriteSynthetic and WriteSyntheticDataset write.
const (
	SynthJSON = synth.JSON
	SynthYAML = synth.YAML
)

// WriteSynthetic generates the dataset for opts and writes it to w, claim by
// claim: the same options give the same bytes.
func WriteSynthetic(w io.Writer, opts SynthOptions, f SynthFormat) error {
	return synth.Write(w, opts, f)
}

// MutateSynthetic turns ds, in place, into a "new reporting" version of
// itself in which about fraction of the claims changed (see synth.Mutate).
func MutateSynthetic(ds *graph.Dataset, fraction float64, seed uint64) error {
	_, err := synth.Mutate(ds, fraction, seed)
	return err
}

// WriteSyntheticDataset writes ds as the generator writes its datasets.
func WriteSyntheticDataset(w io.Writer, ds *graph.Dataset, f SynthFormat) error {
	return synth.WriteDataset(w, ds, f)
}

// GenerateSynthetic returns the dataset for opts, as WriteSynthetic would
// write it; benchmarks outside data build their graphs from it.
func GenerateSynthetic(opts SynthOptions) (*graph.Dataset, error) {
	return synth.Generate(opts)
}
