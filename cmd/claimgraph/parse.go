package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Flag values that name several statuses or types ("--status
// alleged,reported") are parsed here, not in graph: the comma-separated
// list is the command line's way of writing a set, and its error message
// speaks to the person who typed it.

// parseStatuses parses a comma-separated list of statuses. Unknown names
// are an error listing the valid ones.
func parseStatuses(list string) ([]graph.Status, error) {
	return parseList(list, "status", graph.Statuses)
}

// parseEntityTypes parses a comma-separated list of entity types.
func parseEntityTypes(list string) ([]graph.EntityType, error) {
	return parseList(list, "entity type", graph.EntityTypes)
}

func parseList[T ~string](list, what string, valid []T) ([]T, error) {
	var out []T
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !slices.Contains(valid, T(f)) {
			return nil, fmt.Errorf("unknown %s %q (want one of: %s)", what, f, joinValues(valid))
		}
		out = append(out, T(f))
	}
	return out, nil
}
