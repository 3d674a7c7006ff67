package data

// STUB: replaced by the real loader (positions, validation, merging).

import (
	"fmt"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/goccy/go-yaml"
)

// Options bound and direct a load.
type Options struct {
	MaxBytes int64     // total input cap; 0 means DefaultMaxBytes
	Stdin    io.Reader // read for the path "-"
}

// DefaultMaxBytes is the input cap when Options.MaxBytes is 0.
const DefaultMaxBytes = 256 << 20

// Load reads and merges the datasets at paths ("-" is standard input).
func Load(paths []string, opts Options) (*graph.Dataset, error) {
	var all graph.Dataset
	for _, p := range paths {
		var b []byte
		var err error
		if p == "-" {
			b, err = io.ReadAll(opts.Stdin)
		} else {
			b, err = os.ReadFile(p)
		}
		if err != nil {
			return nil, err
		}
		ds, err := LoadBytes(p, b)
		if err != nil {
			return nil, err
		}
		all.Title = ds.Title
		all.Entities = append(all.Entities, ds.Entities...)
		all.Claims = append(all.Claims, ds.Claims...)
		all.Sources = append(all.Sources, ds.Sources...)
	}
	return &all, nil
}

// LoadBytes parses one file's content; name is used in error positions.
func LoadBytes(name string, b []byte) (*graph.Dataset, error) {
	var ds graph.Dataset
	if err := yaml.Unmarshal(b, &ds); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &ds, nil
}
