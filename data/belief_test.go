package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

const textDataset = `title: t
sources:
  - {id: s, title: S, text_file: %s}
entities:
  - {id: a, name: A, type: company}
claims:
  - {id: c, from: a, to: a, relation: r, status: reported, sources: [{source: s, quote: "the quote"}]}
`

func writeTextDataset(t *testing.T, dir, textFile string) string {
	t.Helper()
	p := filepath.Join(dir, "d.yaml")
	writeFiles(t, dir, map[string]string{"d.yaml": strings.Replace(textDataset, "%s", textFile, 1)})
	return p
}

func TestTextFile(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, dir, map[string]string{"texts/report.txt": "The   quote\nhere.", "binary.txt": "a\x00b"})
	writeFiles(t, outside, map[string]string{"secret.txt": "secret"})
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("texts/report.txt", filepath.Join(dir, "inside-link.txt")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, textFile, want string // want: the problem, "" for a load
	}{
		{"relative", "texts/report.txt", ""},
		{"symlink inside", "inside-link.txt", ""},
		{"dot-dot", "../x.txt", `must be a relative path inside the dataset's directory`},
		{"absolute", filepath.Join(outside, "secret.txt"), `must be a relative path inside the dataset's directory`},
		{"symlink out", "link.txt", "resolves, through a symlink, to a file outside the dataset's directory"},
		{"missing", "nope.txt", "no such file or directory"},
		{"directory", "texts", "is not a regular file"},
		{"not text", "binary.txt", "is not UTF-8 text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeTextDataset(t, dir, tc.textFile)
			ds, err := Load([]string{p}, Options{})
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := ds.Sources[0].Text; got != "The   quote\nhere." {
					t.Errorf("text = %q", got)
				}
				if got := ds.QuotePlaces[graph.QuoteRef{Claim: "c", Index: 0}]; got != p+":7:89" {
					t.Errorf("quote place = %q, want %s:7:89", got, p)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), p+":3:34: source text_file") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q at %s:3:34", err, tc.want, p)
			}
		})
	}
}

func TestTextFileSizeCap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"big.txt": strings.Repeat("x", 4000)})
	p := writeTextDataset(t, dir, "big.txt")
	_, err := Load([]string{p}, Options{MaxBytes: 1000})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("got %v, want a size error", err)
	}
}

func TestTextFileFromStdin(t *testing.T) {
	_, err := Load([]string{"-"}, Options{Stdin: strings.NewReader(strings.Replace(textDataset, "%s", "r.txt", 1))})
	if err == nil || !strings.Contains(err.Error(), "standard input, which has no directory") {
		t.Errorf("got %v", err)
	}
}

// TestTextFileExportStandsAlone: export writes the text inline and no
// text_file, and the export round-trips byte for byte.
func TestTextFileExportStandsAlone(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"r.txt": "the quote"})
	ds, err := Load([]string{writeTextDataset(t, dir, "r.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := exportJSON(t, ds)
	if !bytes.Contains(out, []byte(`"text": "the quote"`)) || bytes.Contains(out, []byte("text_file")) {
		t.Errorf("export:\n%s", out)
	}
	roundTrip(t, ds)
}

func TestTitlesMustAgree(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.yaml": "title: Alpha\n",
		"b.yaml": "entities: []\n",
		"c.yaml": "title: Gamma\n",
		"d.yaml": "title: Alpha\n",
	})
	a, b, c, d := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"), filepath.Join(dir, "c.yaml"), filepath.Join(dir, "d.yaml")
	want := a + `:1:8: title "Alpha" differs from the title "Gamma" at ` + c + ":1:8"
	for _, order := range [][]string{{a, c}, {c, a}, {c, b, a}} {
		_, err := Load(order, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%v: got %v\nwant %s", order, err, want)
		}
	}
	for _, order := range [][]string{{a, b}, {b, c}, {a, d}, {d, b, a}} {
		if _, err := Load(order, Options{}); err != nil {
			t.Errorf("%v: %v", order, err)
		}
	}
}
