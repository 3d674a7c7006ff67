package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestParseStatuses(t *testing.T) {
	got, err := parseStatuses("alleged, Proposed,,")
	if err != nil || !slices.Equal(got, []graph.Status{graph.Alleged, graph.Proposed}) {
		t.Fatalf("parseStatuses = %v, %v", got, err)
	}
	_, err = parseStatuses("alleged,rumoured")
	if err == nil || !strings.Contains(err.Error(), `unknown status "rumoured" (want one of: established, reported, alleged`) {
		t.Fatalf("err = %v", err)
	}
}

func TestParseEntityTypes(t *testing.T) {
	got, err := parseEntityTypes("Company,agency")
	if err != nil || !slices.Equal(got, []graph.EntityType{graph.Company, graph.Agency}) {
		t.Fatalf("parseEntityTypes = %v, %v", got, err)
	}
	if _, err := parseEntityTypes("firm"); err == nil || !strings.Contains(err.Error(), `unknown entity type "firm"`) {
		t.Fatalf("err = %v", err)
	}
}

// FuzzParseStatuses: any flag value either parses to valid statuses or is
// refused with a message; it never panics.
func FuzzParseStatuses(f *testing.F) {
	for _, s := range []string{"", "alleged", "alleged, Proposed,,", "rumoured", ",,,", "ALLEGED,established"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		got, err := parseStatuses(list)
		if err != nil {
			if got != nil || !strings.HasPrefix(err.Error(), "unknown status ") {
				t.Fatalf("parseStatuses(%q) = %v, %v", list, got, err)
			}
			return
		}
		for _, s := range got {
			if !s.Valid() {
				t.Fatalf("parseStatuses(%q) returned invalid %q", list, s)
			}
		}
	})
}
