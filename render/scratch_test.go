package render_test

import (
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
)

func TestScratch(t *testing.T) {
	ds, err := data.LoadEmbedded()
	if err != nil { t.Fatal(err) }
	g, err := graph.New(ds)
	if err != nil { t.Fatal(err) }
	for _, f := range []struct{name string; fn func(*os.File) error}{
		{"/tmp/r.dot", func(w *os.File) error { return render.DOT(w, g, render.Options{}) }},
		{"/tmp/r.svg", func(w *os.File) error { return render.SVG(w, g, render.Options{}) }},
		{"/tmp/r.png", func(w *os.File) error { return render.PNG(w, g, render.Options{}) }},
	} {
		w, _ := os.Create(f.name)
		if err := f.fn(w); err != nil { t.Fatal(f.name, err) }
		w.Close()
	}
}
