package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
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

// TestTooLargeHint: the hint that names flags lives in cmd, and says what
// to draw less of for each way a figure is too large.
func TestTooLargeHint(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{errors.New("other"), ""},
		{&render.TooLargeError{Entities: 500, Claims: 900}, "--focus ENTITY --depth 1"},
		{fmt.Errorf("write x: %w", &render.TooLargeError{Entities: 5, Claims: 9, DOTBytes: 4 << 20}), "--labels numbers"},
	} {
		if got := tooLargeHint(tt.err); !strings.Contains(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("tooLargeHint(%v) = %q, want it to contain %q", tt.err, got, tt.want)
		}
	}
}
