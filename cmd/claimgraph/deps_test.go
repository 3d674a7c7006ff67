package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestDependencyDirection holds the module to the layout the README
// promises: cmd → data, graph, render; render → graph; data → graph; graph
// imports nothing of ours; only cmd imports cobra. Test files may reach
// further (a render test may load data), so only the code that ships is
// checked.
func TestDependencyDirection(t *testing.T) {
	const mod = "github.com/claimgraph/claimgraph/"
	allowed := map[string][]string{ // top-level folder → ours it may import
		"graph":  {"graph"},
		"data":   {"graph", "data"},
		"render": {"graph", "render"},
		"cmd":    {"graph", "data", "render", "cmd"},
	}
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		ok, known := allowed[top]
		if !known {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if f.Name.Name == "main" && top != "cmd" {
			return nil // a tool run with go run (data/internal/...), not the product
		}
		checked++
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if strings.HasPrefix(p, "github.com/spf13/cobra") && top != "cmd" {
				t.Errorf("%s imports cobra: only cmd may", rel)
			}
			ours, found := strings.CutPrefix(p, mod)
			if !found {
				continue
			}
			if to := strings.Split(ours, "/")[0]; !slices.Contains(ok, to) {
				t.Errorf("%s imports %s: %s may import only %v of ours", rel, p, top, ok)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files: is the module root %s?", checked, root)
	}
}
