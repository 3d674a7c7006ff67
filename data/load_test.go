package data

import (
	"github.com/claimgraph/claimgraph/data/internal/testcases"

	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs load and fails the test if it takes longer than a limit
// generous enough for a loaded machine: the cases here are about hangs and
// blow-ups, not speed.
func loadWithin(t *testing.T, load func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- load() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("load did not finish within 30s")
		return nil
	}
}

func problemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v (%T), want *Errors", err, err)
	}
	return errs.Problems
}

func checkProblems(t *testing.T, err error, want []string) {
	t.Helper()
	ps := problemsOf(t, err)
	for _, w := range want {
		found := false
		for _, p := range ps {
			if strings.HasPrefix(p.String(), w) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no problem starting with\n\t%s\ngot:\n\t%v", w, strings.ReplaceAll(err.Error(), "\n", "\n\t"))
		}
	}
}

func TestLoadProblems(t *testing.T) {
	for _, tc := range testcases.Load() {
		t.Run(tc.Name, func(t *testing.T) {
			name := tc.File
			if name == "" {
				name = "t.yaml"
			}
			var ds any
			err := loadWithin(t, func() error {
				d, err := LoadBytes(name, []byte(tc.Src))
				ds = d
				return err
			})
			if err == nil {
				t.Fatalf("loaded without error: %+v", ds)
			}
			checkProblems(t, err, tc.Want)
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.HasSuffix(line, ".") || strings.Contains(line, "internal error") {
					t.Errorf("bad message %q", line)
				}
			}
		})
	}
}

// TestLoadValid pins decisions about inputs that are not errors.
func TestLoadValid(t *testing.T) {
	for _, tc := range []struct{ name, file, src string }{
		{"self-referencing claim", "t.yaml", testcases.WithClaims("  - {from: a, to: a, relation: contradicts itself, status: reported}\n")},
		{"claim without id", "t.yaml", testcases.WithClaims("  - {from: a, to: b, relation: funds, status: alleged}\n")},
		{"empty lists and null values", "t.yaml", "title: t\nentities:\nsources: []\nclaims: ~\n"},
		{"empty json object", "t.json", "{}"},
		{"yaml plain scalars as text", "t.yaml", "title: 1984\nentities:\n  - {id: 'no', name: 1984, type: country, country: NO}\n"},
		{"partial dates", "t.yaml", "sources:\n  - {id: s, title: S, published: 2024-05}\n  - {id: s2, title: S, published: '2024'}\n"},
		{"contested agrees", "t.yaml", testcases.WithClaims("  - {from: a, to: b, relation: r, status: alleged, contested: true, stances: [{by: a, position: asserts}, {by: b, position: denies}]}\n")},
		{"byte order mark", "t.yaml", "\uFEFFtitle: t\n"},
		{"brackets in plain text", "t.yaml", testcases.WithClaims("  - from: a\n    to: b\n    relation: cites [1] and {2}\n    detail: a [ b\n    status: alleged\n")},
		{"unicode ids", "t.yaml", "entities:\n  - {id: 中国, name: China, type: country}\n"},
		{"json stdin sniffing", "-", `{"title": "t"}`},
		{"big string json", "t.json", `{"title": "` + strings.Repeat("x", 10<<20) + `"}`},
		{"big string yaml", "t.yaml", "title: \"" + strings.Repeat("x", 10<<20) + "\"\n"},
		// The old pre-scan counted these brackets as nesting.
		{"brackets starting a block scalar line", "t.yaml", "title: |\n  " + strings.Repeat("[", 120) + "\nentities: []\n"},
		{"brackets in a quoted scalar", "t.yaml", "title: '" + strings.Repeat("[", 120) + "'\n"},
		{"lone CR line breaks", "t.yaml", strings.ReplaceAll(testcases.WithClaims("  - {from: a, to: b, relation: funds, status: alleged}\n"), "\n", "\r")},
		{"yaml directive", "t.yaml", "%YAML 1.2\n---\ntitle: t\n"},
		{"empty values in a long list", "t.yaml", testcases.WithClaims(emptyValueClaims(2000))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LoadBytes(tc.file, []byte(tc.src)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// emptyValueClaims returns n claims (YAML lines) with two empty values
// each, as a hand-written file may have.
func emptyValueClaims(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  - id: c%d\n    from: a\n    to: b\n    relation: funds\n    detail:\n    status: alleged\n    reported:\n", i)
	}
	return b.String()
}

// TestSyntaxErrorAlone checks that a JSON syntax error inside a claim is
// not followed by complaints about the fields the claim never got.
func TestSyntaxErrorAlone(t *testing.T) {
	_, err := LoadBytes("t.json", []byte(`{"claims": [{"from": "a", "to" "b"}]}`))
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].String() != `t.json:1:32: invalid JSON: unexpected '"', want ':' after a field name` {
		t.Errorf("got %v", err)
	}
}

func TestYAMLLenientScalars(t *testing.T) {
	ds, err := LoadBytes("t.yaml", []byte("title: 0x1F\nentities:\n  - {id: 'no', name: 1984, type: country, country: NO}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ds.Title != "0x1F" || ds.Entities[0].Name != "1984" || ds.Entities[0].Country != "NO" {
		t.Errorf("got %+v", ds)
	}
}

func TestDerivedClaimID(t *testing.T) {
	ds, err := LoadBytes("t.yaml", []byte(testcases.WithClaims("  - {from: a, to: b, relation: Transfers data to, status: alleged}\n")))
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.Claims[0].ID; got != "a--transfers-data-to--b" {
		t.Errorf("derived id %q", got)
	}
}

func TestErrorsCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("entities:\n")
	for range 2000 {
		b.WriteString("  - {id: a, name: A, type: bogus}\n")
	}
	_, err := LoadBytes("t.yaml", []byte(b.String()))
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatal(err)
	}
	// 2000 bad types and 1999 duplicate ids.
	if errs.Total != 3999 || len(errs.Problems) != maxKept {
		t.Errorf("total %d, kept %d", errs.Total, len(errs.Problems))
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxShown+1 || lines[maxShown] != "... and 3949 more problems" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

// --- Load: files, directories, standard input, the size cap -----------------

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadMergesAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"1-entities.yaml": "title: merged\nentities:\n  - {id: a, name: A, type: company}\n",
		"2-claims.json":   `{"title": "merged", "claims": [{"from": "a", "to": "b", "relation": "r", "status": "alleged"}]}`,
		"3-more.yml":      "entities:\n  - {id: b, name: B, type: person}\n",
		"notes.txt":       "not data",
		".hidden.yaml":    "this: is skipped",
		"sub/x.yaml":      "neither: is this",
	})
	ds, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Title != "merged" || len(ds.Entities) != 2 || len(ds.Claims) != 1 {
		t.Errorf("got %+v", ds)
	}
}

func TestLoadDuplicateAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.yaml": "entities:\n  - {id: a, name: A, type: company}\n",
		"b.yaml": "sources:\n  - {id: x, title: X}\n  - {id: a, title: A}\n",
	})
	_, err := Load([]string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")}, Options{})
	checkProblems(t, err, []string{filepath.Join(dir, "b.yaml") + `:3:10: duplicate id "a": this source, and the entity at ` + filepath.Join(dir, "a.yaml") + ":2:10"})
}

func TestLoadStdin(t *testing.T) {
	ds, err := Load([]string{"-"}, Options{Stdin: strings.NewReader(`{"title": "from stdin"}`)})
	if err != nil || ds.Title != "from stdin" {
		t.Fatalf("%v %+v", err, ds)
	}
	_, err = Load([]string{"-"}, Options{Stdin: strings.NewReader("title: [\n")})
	checkProblems(t, err, []string{"<stdin>:"})
	// Named twice, it was read twice: the second time empty.
	_, err = Load([]string{"-", "-"}, Options{Stdin: strings.NewReader(`{"title": "from stdin"}`)})
	checkProblems(t, err, []string{"<stdin>: standard input (-) is named twice: it can be read only once"})
}

// TestLoadHugeCap pins the largest --max-bytes: the limit on each read
// was the cap plus one, which overflowed, and every file read as empty.
func TestLoadHugeCap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.yaml": "title: t\n"})
	ds, err := Load([]string{filepath.Join(dir, "a.yaml"), "-"}, Options{MaxBytes: math.MaxInt64, Stdin: strings.NewReader("entities: []\n")})
	if err != nil || ds.Title != "t" {
		t.Fatalf("%v %+v", err, ds)
	}
}

// TestLoadDirSpecialFiles checks that only regular files are read from a
// directory: a FIFO waited for a writer for ever, /dev/zero read to the
// cap. Named on their own, they are still read.
func TestLoadDirSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.yaml": "title: t\n"})
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")); err != nil {
		t.Fatal(err)
	}
	_, err := loadWithin2(t, []string{dir})
	checkProblems(t, err, []string{
		fifo + ": is a named pipe, not a regular file: only regular files are read from a directory",
		filepath.Join(dir, "zero.json") + ": is a device, not a regular file",
	})
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.WriteString("entities: []\n")
			f.Close()
		}
	}()
	ds, err := loadWithin2(t, []string{filepath.Join(dir, "ok.yaml"), fifo})
	if err != nil || ds == nil {
		t.Fatalf("a FIFO named on its own: %v", err)
	}
}

func TestLoadSizeCap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.yaml": "title: " + strings.Repeat("x", 100) + "\n", "b.yaml": "title: y\n"})
	_, err := Load([]string{dir}, Options{MaxBytes: 50})
	checkProblems(t, err, []string{filepath.Join(dir, "a.yaml") + ": input exceeds the size limit of 50 bytes in total"})
	// The cap is on the total: each file fits, both do not.
	_, err = Load([]string{filepath.Join(dir, "b.yaml"), filepath.Join(dir, "a.yaml")}, Options{MaxBytes: 110})
	checkProblems(t, err, []string{filepath.Join(dir, "a.yaml") + ": input exceeds the size limit of 110 bytes in total"})
	// Standard input has no size: the limited read catches it.
	_, err = Load([]string{"-"}, Options{MaxBytes: 50, Stdin: strings.NewReader(strings.Repeat("x", 1000))})
	checkProblems(t, err, []string{"<stdin>: input exceeds the size limit of 50 bytes in total"})
}

func TestLoadFileProblems(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.yaml": "title: t\n"})
	if err := os.Symlink("loop.yaml", filepath.Join(dir, "loop.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "self.json")); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	_, err := loadWithin2(t, []string{dir, filepath.Join(dir, "missing.yaml"), empty})
	checkProblems(t, err, []string{
		filepath.Join(dir, "loop.yaml") + ": too many levels of symbolic links",
		filepath.Join(dir, "self.json") + ": is a directory",
		filepath.Join(dir, "missing.yaml") + ": no such file or directory",
		empty + ": no *.yaml, *.yml or *.json files in this directory",
	})
}

func loadWithin2(t *testing.T, paths []string) (any, error) {
	var ds any
	err := loadWithin(t, func() error {
		d, err := Load(paths, Options{})
		ds = d
		return err
	})
	return ds, err
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"secret.yaml": "title: t\n"})
	if err := os.Chmod(filepath.Join(dir, "secret.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	_, err := Load([]string{dir}, Options{})
	checkProblems(t, err, []string{filepath.Join(dir, "secret.yaml") + ": permission denied"})
}

// TestYAMLSizeLimit pins the guard against the YAML parser's memory use:
// a YAML file over the limit is refused with advice, JSON of the same size
// is not affected.
func TestYAMLSizeLimit(t *testing.T) {
	t.Run("marks", func(t *testing.T) {
		defer func(n int) { maxYAMLMarks = n }(maxYAMLMarks)
		maxYAMLMarks = 10
		_, err := LoadBytes("big.yaml", []byte("title: [a, b, c, d, e, f, g, h, i, j]\n"))
		checkProblems(t, err, []string{"big.yaml:1:19: YAML file of more than 10 words and punctuation marks"})
	})
	t.Run("tokens", func(t *testing.T) {
		defer func(n int) { maxYAMLTokens = n }(maxYAMLTokens)
		maxYAMLTokens = 10
		_, err := LoadBytes("big.yaml", []byte("title: [a, b, c, d, e, f, g, h, i, j]\n"))
		checkProblems(t, err, []string{"big.yaml:1:19: YAML file of more than 10 tokens"})
		if !strings.Contains(err.Error(), "split it into several files in one directory, or write it as JSON") {
			t.Errorf("no advice in %q", err)
		}
	})
	defer func(n int) { maxYAMLBytes = n }(maxYAMLBytes)
	maxYAMLBytes = 64
	src := testcases.WithClaims("  - {from: a, to: b, relation: funds, status: alleged}\n")
	_, err := LoadBytes("big.yaml", []byte(src))
	checkProblems(t, err, []string{"big.yaml: YAML file of 0 MiB is over the 0 MiB limit for YAML"})
	if !strings.Contains(err.Error(), "split it into several files in one directory, or write it as JSON") {
		t.Errorf("no advice in %q", err)
	}
	js := `{"title": "` + strings.Repeat("x", 100) + `"}`
	if _, err := LoadBytes("big.json", []byte(js)); err != nil {
		t.Errorf("JSON refused: %v", err)
	}
}
