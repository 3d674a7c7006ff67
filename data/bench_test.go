package data

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// writeBigJSON writes a dataset of the size the scale target names, in the
// shape export writes, with mostly plain text (as real datasets have) and a
// few escapes. It writes the text directly: building a million-claim Graph
// to export it would measure the graph, not the loader.
func writeBigJSON(w io.Writer, nEntities, nClaims int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	rng := rand.New(rand.NewPCG(7, 7))
	words := strings.Fields("alleges transfers data to funds supplies denies reports claims military company memo report agency network cloud \"quoted\" café 中国")
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[rng.IntN(len(words))]
		}
		return strings.ReplaceAll(strings.Join(ws, " "), `"`, `\"`)
	}
	fmt.Fprintf(bw, "{\n  \"title\": \"synthetic\",\n  \"entities\": [\n")
	for i := range nEntities {
		sep := ","
		if i == nEntities-1 {
			sep = ""
		}
		fmt.Fprintf(bw, "    {\n      \"id\": \"entity-%d\",\n      \"name\": \"Entity %d %s\",\n      \"type\": %q,\n      \"aliases\": [],\n      \"country\": \"US\",\n      \"note\": \"\"\n    }%s\n",
			i, i, text(2), graph.EntityTypes[i%len(graph.EntityTypes)], sep)
	}
	fmt.Fprintf(bw, "  ],\n  \"sources\": [\n    {\n      \"id\": \"source-0\",\n      \"title\": \"A report\",\n      \"publisher\": \"\",\n      \"published\": \"2024-05-01\",\n      \"url\": \"https://example.org/r\",\n      \"reliability\": \"B\",\n      \"derived_from\": []\n    }\n  ],\n  \"claims\": [\n")
	for i := range nClaims {
		sep := ","
		if i == nClaims-1 {
			sep = ""
		}
		fmt.Fprintf(bw, "    {\n      \"id\": \"claim-%07d\",\n      \"from\": \"entity-%d\",\n      \"to\": \"entity-%d\",\n      \"relation\": \"%s\",\n      \"detail\": \"\",\n      \"status\": %q,\n      \"contested\": false,\n      \"stances\": [\n        {\n          \"by\": \"entity-%d\",\n          \"position\": \"asserts\",\n          \"quote\": \"%s\",\n          \"source\": \"\"\n        }\n      ],\n      \"sources\": [],\n      \"reported\": \"\"\n    }%s\n",
			i, rng.IntN(nEntities), rng.IntN(nEntities), text(3), graph.Statuses[i%len(graph.Statuses)], rng.IntN(nEntities), text(4), sep)
	}
	fmt.Fprintf(bw, "  ]\n}\n")
	return bw.Flush()
}

// TestWriteBigJSON writes the scale-target file when CLAIMGRAPH_BIG names a
// path (100,000 entities, 1,000,000 claims unless CLAIMGRAPH_BIG_CLAIMS
// says otherwise), for measuring the CLI with /usr/bin/time -v.
func TestWriteBigJSON(t *testing.T) {
	path := os.Getenv("CLAIMGRAPH_BIG")
	if path == "" {
		t.Skip("set CLAIMGRAPH_BIG=file.json to write the big dataset")
	}
	n := 1_000_000
	fmt.Sscan(os.Getenv("CLAIMGRAPH_BIG_CLAIMS"), &n)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeBigJSON(f, n/10, n); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLoadJSON loads a 100,000-claim file (about 30 MB); run with
// -benchtime=3x. The MB/s it reports carries over to the million-claim file.
func BenchmarkLoadJSON(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeBigJSON(f, 10_000, 100_000); err != nil {
		b.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		ds, err := Load([]string{path}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Claims) != 100_000 {
			b.Fatalf("%d claims", len(ds.Claims))
		}
	}
}

// TestTimeBigJSON times Load and graph.New on the file CLAIMGRAPH_BIG_LOAD
// names, to tell the loader's share of a check from the graph's.
func TestTimeBigJSON(t *testing.T) {
	path := os.Getenv("CLAIMGRAPH_BIG_LOAD")
	if path == "" {
		t.Skip("set CLAIMGRAPH_BIG_LOAD=file.json")
	}
	start := time.Now()
	ds, err := Load([]string{path}, Options{MaxBytes: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Now()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("load %v: heap in use %d MB, from the OS %d MB", loaded.Sub(start), ms.HeapInuse>>20, ms.Sys>>20)
	if _, err := graph.New(ds); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&ms)
	t.Logf("graph.New %v: heap in use %d MB, from the OS %d MB", time.Since(loaded), ms.HeapInuse>>20, ms.Sys>>20)
}

func BenchmarkLoadBigFile(b *testing.B) {
	path := os.Getenv("CLAIMGRAPH_BIG_LOAD")
	if path == "" {
		b.Skip("set CLAIMGRAPH_BIG_LOAD=file.json")
	}
	for b.Loop() {
		if _, err := Load([]string{path}, Options{MaxBytes: 1 << 40}); err != nil {
			b.Fatal(err)
		}
	}
}
