package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render/internal/graphviz"
	"github.com/claimgraph/claimgraph/render/internal/wasmcache"
)

func init() {
	// Graphviz reads files only for attributes that name them (image,
	// shapefile, fontpath); we never write those, and an empty file system
	// makes sure no input can make it read the disk.
	graphviz.SetFileSystem(noFiles{})
}

// Size limits for a layout. Graphviz runs in-process, cannot be cancelled,
// and the dot layout is superlinear: a random 500-entity, 1,500-claim graph
// ran for over 20 minutes. These limits are about 10 s on a slow machine
// (see the BenchmarkLayout numbers in the commit that set them); above them
// we refuse and say how to draw less.
const (
	MaxEntities = 150
	MaxClaims   = 250
)

// MaxDOTBytes bounds the DOT text handed to Graphviz. Labels and tooltips
// are capped (label.go): 250 claims, each denied by 140 parties of
// 1,000-character names, make 2.4 MB of DOT, 3.9 MB of SVG in 6 s. What the
// caps leave unbounded is the number of things listed (thousands of cited
// sources in the footer); past this budget the figure is refused.
const MaxDOTBytes = 3 << 20

// TooLargeError is returned by SVG and PNG for a graph above the limits:
// too many entities or claims, or (DOTBytes > 0) too much text to draw. It
// says what was too large; how to draw less is the command line's to say
// (it names flags), so the hint lives there.
type TooLargeError struct{ Entities, Claims, DOTBytes int }

func (e *TooLargeError) Error() string {
	if e.DOTBytes > 0 {
		return fmt.Sprintf("graph too large to lay out: %d entities and %d claims make %d bytes of Graphviz input (limit %d bytes)",
			e.Entities, e.Claims, e.DOTBytes, MaxDOTBytes)
	}
	return fmt.Sprintf("graph too large to lay out: %d entities, %d claims (limit %d entities, %d claims)",
		e.Entities, e.Claims, MaxEntities, MaxClaims)
}

var (
	// gvMu serialises every call into go-graphviz: it runs one WebAssembly
	// instance per process that is not safe for concurrent use.
	gvMu sync.Mutex
	gv   *graphviz.Graphviz // created on first use, under gvMu
)

// SVG lays out g and writes it as a standalone SVG document.
func SVG(w io.Writer, g *graph.Graph, opts Options) error {
	f, err := newFigure(g, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := layout(f, graphviz.SVG, &buf); err != nil {
		return err
	}
	f.tooltips["node "+legendID] = "Key: line styles, entity shapes and sources"
	f.tooltips["graph "+figureID] = clean(f.title)
	return sanitizeSVG(w, placeSVG(buf.Bytes()), f.tooltips)
}

// PNGDPI is the resolution of PNG output: twice the 72 dpi of Graphviz's
// points, so text stays sharp on a projected slide.
const PNGDPI = 144

// PNG lays out g and writes it as a PNG image (see png.go). Text is drawn
// with the Go fonts (golang.org/x/image/font/gofont), compiled into the
// binary, so the image is the same on every machine and needs no system
// fonts; characters they lack (CJK, emoji) show as boxes, which the SVG
// does not have.
func PNG(w io.Writer, g *graph.Graph, opts Options) error {
	f, err := newFigure(g, opts)
	if err != nil {
		return err
	}
	var js bytes.Buffer
	if err := layout(f, "json", &js); err != nil {
		return err
	}
	return writePNG(w, js.Bytes(), PNGDPI)
}

// layout runs Graphviz on the figure's DOT, so that what SVG and PNG draw
// is exactly what DOT writes.
func layout(f *figure, format graphviz.Format, w io.Writer) error {
	ne, nc := len(f.g.Entities()), len(f.g.Claims())
	if ne > MaxEntities || nc > MaxClaims {
		return &TooLargeError{Entities: ne, Claims: nc}
	}
	var dot bytes.Buffer
	if err := f.writeDOT(&dot); err != nil {
		return err
	}
	if dot.Len() > MaxDOTBytes {
		return &TooLargeError{Entities: ne, Claims: nc, DOTBytes: dot.Len()}
	}
	ctx := context.Background()
	gvMu.Lock()
	defer gvMu.Unlock()
	if gv == nil {
		v, err := startGraphviz(ctx)
		if err != nil {
			return fmt.Errorf("start graphviz: %w", err)
		}
		gv = v
	}
	gr, err := graphviz.ParseBytes(dot.Bytes())
	if err != nil {
		return fmt.Errorf("graphviz: read generated dot: %w", err)
	}
	defer gr.Close()
	gv.SetLayout(graphviz.Layout(f.opts.Layout))
	var out bytes.Buffer
	if err := gv.Render(ctx, gr, format, &out); err != nil {
		return fmt.Errorf("graphviz %s: %w", f.opts.Layout, err)
	}
	_, err = w.Write(out.Bytes())
	return err
}

// startGraphviz makes the first call into go-graphviz, which compiles and
// instantiates Graphviz now (our patched copy does it on first use, not at
// package init), with a compilation cache only where wasmcache allows one.
// No panic of go-graphviz's start-up gets out: it becomes the error.
func startGraphviz(ctx context.Context) (_ *graphviz.Graphviz, err error) {
	cache := openCache()
	graphviz.SetCompilationCacheDir(cache.Dir())
	if err := graphviz.Start(); err != nil {
		return nil, err
	}
	if graphviz.CompilationCacheError() != nil {
		cache.Discard() // compiled afresh; the next run writes a good entry
	} else {
		cache.Seal()
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return graphviz.New(ctx)
}

// openCache opens the compilation cache once per process, so that the note
// about running without one is said once.
var openCache = sync.OnceValue(func() *wasmcache.Cache {
	cache, why := wasmcache.Open()
	if why != nil {
		note(fmt.Sprintf("compiling Graphviz without a cache (slower start): %v", why))
	}
	return cache
})

var (
	noteMu sync.Mutex
	noteFn = func(string) {}
)

// SetNotes gives render a way to tell the user about its own set-up, once
// per process (today: that Graphviz runs without a compilation cache, and
// why). Without it, such notes are dropped.
func SetNotes(f func(msg string)) {
	noteMu.Lock()
	defer noteMu.Unlock()
	noteFn = f
}

func note(msg string) {
	noteMu.Lock()
	defer noteMu.Unlock()
	noteFn(msg)
}

// noFiles is a file system with no files.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
