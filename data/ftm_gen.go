//go:build ignore

// ftm_gen extracts from FollowTheMoney's published model the little that
// import and export ftm need (each schema's parents, and the edge of the
// schemata that are links) into ftm_model.json. Run it when FtM changes:
//
//	npm pack @alephdata/followthemoney@VERSION && tar xzf alephdata-followthemoney-VERSION.tgz
//	go run data/ftm_gen.go VERSION package/dist/defaultModel.json > data/ftm_model.json
//
// The model is MIT-licensed (c) Organized Crime and Corruption Reporting
// Project and contributors; only schema names and edge descriptions are kept.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

type edge struct {
	Label       string   `json:"label"`
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	SourceRange string   `json:"source_range"`
	TargetRange string   `json:"target_range"`
	Caption     []string `json:"caption"`
	Directed    bool     `json:"directed"`
}

type schema struct {
	Extends  []string `json:"extends"`
	Abstract bool     `json:"abstract,omitempty"`
	Edge     *edge    `json:"edge,omitempty"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run data/ftm_gen.go VERSION defaultModel.json")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var model struct {
		Schemata map[string]struct {
			Extends    []string `json:"extends"`
			Abstract   bool     `json:"abstract"`
			Edge       *edge    `json:"edge"`
			Properties map[string]struct {
				Range string `json:"range"`
			} `json:"properties"`
		} `json:"schemata"`
	}
	if err := json.Unmarshal(b, &model); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := struct {
		Package  string            `json:"package"`
		Version  string            `json:"version"`
		License  string            `json:"license"`
		Schemata map[string]schema `json:"schemata"`
	}{"@alephdata/followthemoney", os.Args[1], "MIT", map[string]schema{}}
	for name, s := range model.Schemata {
		sc := schema{Extends: s.Extends, Abstract: s.Abstract, Edge: s.Edge}
		if sc.Extends == nil {
			sc.Extends = []string{}
		}
		if e := sc.Edge; e != nil {
			// Edge properties may be inherited; the ranges we need are on
			// the schema itself for every edge schema of the model.
			e.SourceRange = s.Properties[e.Source].Range
			e.TargetRange = s.Properties[e.Target].Range
		}
		out.Schemata[name] = sc
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
