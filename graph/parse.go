package graph

import (
	"fmt"
	"strings"
)

// ParseStatuses parses a comma-separated list of statuses, as flags such as
// --status take it. Unknown names are an error listing the valid ones.
func ParseStatuses(list string) ([]Status, error) {
	return parseList(list, "status", Statuses)
}

// ParseEntityTypes parses a comma-separated list of entity types.
func ParseEntityTypes(list string) ([]EntityType, error) {
	return parseList(list, "entity type", EntityTypes)
}

// ParsePositions parses a comma-separated list of stance positions.
func ParsePositions(list string) ([]Position, error) {
	return parseList(list, "position", Positions)
}

func parseList[T ~string](list, what string, valid []T) ([]T, error) {
	var out []T
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		ok := false
		for _, v := range valid {
			if string(v) == f {
				ok = true
				break
			}
		}
		if !ok {
			return nil, fmt.Errorf("unknown %s %q (want one of: %s)", what, f, joinStrings(valid))
		}
		out = append(out, T(f))
	}
	return out, nil
}

func joinStrings[T ~string](vs []T) string {
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	return strings.Join(ss, ", ")
}
