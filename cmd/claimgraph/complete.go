package main

// This file handles entities named on the command line: resolving what the
// user typed to one entity, with advice on a miss, and completing entity ids,
// names and other fixed values in the shell.
//
// Completion runs in the hidden "__complete" command the shell scripts call
// (see "claimgraph completion --help"). By then cobra has parsed the flags
// already on the command line, so -d/--data point at the dataset the user is
// working with, and the suggestions come from it.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

// resolveEntity finds the entity query names (id, name or alias, any case).
// A miss suggests the closest entities; an ambiguous name lists the ids that
// would settle it.
func resolveEntity(g *graph.Graph, query string) (*graph.Entity, error) {
	e, err := g.Resolve(query)
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &nf):
		hint := "run 'claimgraph list entities' to see them all"
		if len(nf.Suggestions) > 0 {
			hint = "did you mean " + orList(quoted(nf.Suggestions)) + "?"
		}
		return nil, withHint(fmt.Errorf("no entity %q", query), hint)
	case errors.As(err, &amb):
		return nil, withHint(fmt.Errorf("%q names several entities", query),
			"use an id: "+strings.Join(amb.Candidates, ", "))
	}
	return e, err
}

func quoted(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}

// orList joins ["a", "b", "c"] as "a, b or c".
func orList(ss []string) string {
	if len(ss) <= 1 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

// completionGraph loads the dataset the command line points at, for
// completion. It gives up quietly: a completion must never print an error
// into the user's prompt, and it must not read standard input, which the
// shell does not connect.
func completionGraph(g *globalOptions) *graph.Graph {
	if slices.Contains(g.data, "-") {
		return nil
	}
	// cobra (v1.10.2, getCompletions) parses the command line twice, and
	// a repeatable flag appends on the second pass: -d a -d b arrives as
	// [a b a b]. Keep each path's first occurrence.
	var paths []string
	for _, p := range g.data {
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	opts := *g
	opts.data = paths
	gr, err := opts.loadGraph()
	if err != nil {
		cobra.CompDebugln("claimgraph: completion: "+err.Error(), false)
		return nil
	}
	return gr
}

// entityCompletions returns the entity ids starting with prefix (any case),
// each described by its name and type, then, when prefix is not empty, the
// names and aliases starting with it, each described by its id. An empty
// prefix offers ids only: a list of every name and alias is too long to read.
func entityCompletions(gr *graph.Graph, prefix string) []cobra.Completion {
	p := strings.ToLower(prefix)
	var ids, names []cobra.Completion
	seen := map[string]bool{}
	for _, e := range gr.Entities() {
		if strings.HasPrefix(strings.ToLower(e.ID), p) {
			ids = append(ids, cobra.CompletionWithDesc(e.ID, e.Name+" ("+string(e.Type)+")"))
			seen[e.ID] = true
		}
	}
	if p == "" {
		return ids
	}
	for _, e := range gr.Entities() {
		for _, n := range e.Names()[1:] {
			if !seen[n] && strings.HasPrefix(strings.ToLower(n), p) {
				names = append(names, cobra.CompletionWithDesc(n, "→ "+e.ID))
				seen[n] = true
			}
		}
	}
	return append(ids, names...)
}

// completeEntities completes an entity for a flag (render --focus, list
// --involving), whatever the positional arguments.
func completeEntities(g *globalOptions) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		gr := completionGraph(g)
		if gr == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return entityCompletions(gr, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeEntityArgs completes the first n positional arguments as entities
// (show ENTITY: n = 1; paths FROM TO: n = 2) and nothing after them.
func completeEntityArgs(g *globalOptions, n int) cobra.CompletionFunc {
	entities := completeEntities(g)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return entities(cmd, args, toComplete)
	}
}

// completeSources completes a source id, described by its title.
func completeSources(g *globalOptions) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		gr := completionGraph(g)
		if gr == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, s := range gr.Sources() {
			if strings.HasPrefix(s.ID, toComplete) {
				out = append(out, cobra.CompletionWithDesc(s.ID, s.Title))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeFormats completes a --format flag with the given names.
func completeFormats(formats ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp)
}

// completeList completes a comma-separated list flag (--status
// alleged,reported): the part after the last comma is completed from
// values, minus those already in the list, keeping the part before it.
func completeList[T ~string](values []T) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		head, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			head, last = toComplete[:i+1], toComplete[i+1:]
		}
		have := strings.Split(head, ",")
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(string(v), last) && !slices.Contains(have, string(v)) {
				out = append(out, head+string(v))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}
