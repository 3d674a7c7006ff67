package data

import (
	"github.com/claimgraph/claimgraph/data/testcases"

	"errors"
	"os"
	"path/filepath"
	"strings"
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
	for _, tc := range testcases.Load {
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LoadBytes(tc.file, []byte(tc.src)); err != nil {
				t.Fatal(err)
			}
		})
	}
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
