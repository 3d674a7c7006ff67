package data

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// dirWriter is a WriteFileFunc into dir, for tests.
func dirWriter(t testing.TB, dir string) WriteFileFunc {
	return func(name string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
	}
}

// csvRoundTrip checks export csv → import csv → export json is export json.
func csvRoundTrip(t testing.TB, ds *graph.Dataset) {
	t.Helper()
	want := exportJSON(t, ds)
	g, err := graph.New(mustLoad(t, want))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteCSV(g, dirWriter(t, dir)); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCSVDir(dir)
	if err != nil {
		t.Fatalf("import csv: %v\nclaims.csv:\n%s", err, readFile(t, filepath.Join(dir, CSVClaimsFile)))
	}
	if got := exportJSON(t, back); !bytes.Equal(got, want) {
		t.Fatalf("export csv → import csv → export json differs:\nwant:\n%s\ngot:\n%s", want, got)
	}
}

func mustLoad(t testing.TB, b []byte) *graph.Dataset {
	t.Helper()
	ds, err := LoadBytes("x.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func readFile(t testing.TB, path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

func TestCSVRoundTripEmbedded(t *testing.T) {
	ds, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	csvRoundTrip(t, ds)
}

func TestCSVRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		ds := genDataset(rng, 1+rng.IntN(8), rng.IntN(12))
		t.Run(fmt.Sprint(i), func(t *testing.T) { csvRoundTrip(t, ds) })
	}
}

func TestGuardCell(t *testing.T) {
	for _, s := range []string{"", "=1+1", "+x", "-3", "@SUM(A1)", "'", "''=", "'tis", "a=b", "=", "'="} {
		t.Run(s, func(t *testing.T) {
			g := guardCell(s)
			if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) && g != "'"+s {
				t.Errorf("guardCell(%q) = %q, want one more leading '", s, g)
			}
			if got := unguardCell(g); got != s {
				t.Errorf("unguardCell(guardCell(%q)) = %q", s, got)
			}
		})
	}
	if got := unguardCell("'tis"); got != "'tis" {
		t.Errorf("a hand-typed leading ' before a plain letter was removed: %q", got)
	}
}

func TestListCells(t *testing.T) {
	for _, items := range [][]string{nil, {""}, {"a"}, {"a", "b"}, {"a;b", `c\`}, {`\`, ""}, {"", ""}, {`x\;y`}, {";"}} {
		t.Run(fmt.Sprint(items), func(t *testing.T) {
			got := splitList(joinList(items))
			if fmt.Sprint(got) != fmt.Sprint(items) || len(got) != len(items) {
				t.Errorf("splitList(joinList(%q)) = %q", items, got)
			}
		})
	}
	if got := splitList(`C:\dir;b`); len(got) != 2 || got[0] != `C:\dir` {
		t.Errorf("a hand-typed backslash was not kept: %q", got)
	}
}

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           [][]string
		err            string
	}{
		{"comma", "x.csv", "a,b\n1,2\n", [][]string{{"a", "b"}, {"1", "2"}}, ""},
		{"crlf", "x.csv", "a,b\r\n1,2\r\n", [][]string{{"a", "b"}, {"1", "2"}}, ""},
		{"semicolon", "x.csv", "a;b\n1,5;2\n", [][]string{{"a", "b"}, {"1,5", "2"}}, ""},
		{"tsv by extension", "x.tsv", "a,b\tc\n1\t2\n", [][]string{{"a,b", "c"}, {"1", "2"}}, ""},
		{"tab sniffed", "x.txt", "a\tb\n1\t2\n", [][]string{{"a", "b"}, {"1", "2"}}, ""},
		{"quoted crlf kept", "x.csv", "a\n\"x\r\ny\"\n", [][]string{{"a"}, {"x\r\ny"}}, ""},
		{"quotes", "x.csv", "a\n\"say \"\"hi\"\"\"\n", [][]string{{"a"}, {`say "hi"`}}, ""},
		{"bom and no final newline", "x.csv", "\uFEFFa,b\n1,", [][]string{{"a", "b"}, {"1", ""}}, ""},
		{"blank lines skipped", "x.csv", "a\n\n1\n\n", [][]string{{"a"}, {"1"}}, ""},
		{"unclosed", "x.csv", "a\n\"x\n", nil, "x.csv:2: quoted cell never closed"},
		{"stray quote", "x.csv", "a\nx\"y\n", nil, `x.csv:2: a " inside an unquoted cell`},
		{"nul", "x.csv", "a\nx\x00\n", nil, "x.csv:2: NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := newCSVReader(tt.file, strings.NewReader(tt.in))
			var got [][]string
			for {
				ok, err := cr.next()
				if err != nil {
					if tt.err == "" || !strings.HasPrefix(err.Error(), tt.err) {
						t.Fatalf("error %v, want %q", err, tt.err)
					}
					return
				}
				if !ok {
					break
				}
				got = append(got, append([]string(nil), cr.cells...))
			}
			if tt.err != "" {
				t.Fatalf("no error, want %q", tt.err)
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCSVWriterRowsIntact(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 200 {
		row := []string{genText(rng, 10), genText(rng, 10), "", genText(rng, 30)}
		var b bytes.Buffer
		cw := newCSVWriter(&b, true)
		cw.row("a", "b", "c", "d")
		cw.row(row...)
		cw.flush()
		cr := newCSVReader("x.csv", &b)
		cr.next()
		if ok, err := cr.next(); !ok || err != nil {
			t.Fatalf("%d: row %q: %v", i, row, err)
		}
		for k := range row {
			if got := unguardCell(cr.cells[k]); got != row[k] {
				t.Fatalf("%d: cell %d = %q, want %q", i, k, got, row[k])
			}
		}
	}
}

// FuzzCSVReader checks that the reader never panics and that what it reads
// is written back and read again the same.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a;b\r\n\"x\"\"y\";z\n", "\"a\nb\",c", "a\tb\n", "\uFEFF=a,'b\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		cr := newCSVReader("f.csv", strings.NewReader(in))
		var rows [][]string
		for len(rows) < 1000 {
			ok, err := cr.next()
			if err != nil || !ok {
				break
			}
			rows = append(rows, append([]string(nil), cr.cells...))
		}
		var b bytes.Buffer
		cw := newCSVWriter(&b, false)
		cw.comma = cr.comma
		for _, r := range rows {
			cw.row(r...)
		}
		cw.flush()
		back := newCSVReader("f.csv", bytes.NewReader(b.Bytes()))
		back.comma = cr.comma
		for i, want := range rows {
			ok, err := back.next()
			if !ok || err != nil {
				t.Fatalf("row %d lost: %v", i, err)
			}
			if fmt.Sprintf("%q", back.cells) != fmt.Sprintf("%q", want) {
				t.Fatalf("row %d: %q, want %q", i, back.cells, want)
			}
		}
	})
}

// TestFieldKinds checks the field constructors that later model fields
// (credibility, negated, ...) take one line each to use.
func TestFieldKinds(t *testing.T) {
	type rec struct {
		n int8
		b bool
	}
	num := integer("credibility", func(r *rec) *int8 { return &r.n }, 0, 6)
	flag := boolean("negated", func(r *rec) *bool { return &r.b })
	for _, tt := range []struct {
		f    csvField[rec]
		in   string
		want string // "" or the start of the problem
		back string
	}{
		{num, "3", "", "3"}, {num, "", "", ""}, {num, "7", `credibility "7" is not a whole number from 0 to 6`, ""},
		{num, "x", `credibility "x"`, ""}, {flag, "true", "", "true"}, {flag, "", "", "false"},
		{flag, "yes", `negated "yes" is not true or false`, ""},
	} {
		var r rec
		msg := tt.f.set(&r, tt.in)
		if !strings.HasPrefix(msg, tt.want) || (tt.want == "") != (msg == "") {
			t.Errorf("%s %q: problem %q, want %q", tt.f.name, tt.in, msg, tt.want)
		}
		if msg == "" && tt.f.get(&r) != tt.back {
			t.Errorf("%s %q reads back as %q, want %q", tt.f.name, tt.in, tt.f.get(&r), tt.back)
		}
	}
}

// TestImportWriterKeepsEveryField checks the writer import uses (the
// streaming one, not WriteJSON): its JSON is export json's bytes, and its
// YAML loads back to them, belief fields included.
func TestImportWriterKeepsEveryField(t *testing.T) {
	embedded, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	sets := []*graph.Dataset{embedded}
	for range 60 {
		sets = append(sets, genDataset(rng, 1+rng.IntN(8), rng.IntN(12)))
	}
	for i, ds := range sets {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			want := exportJSON(t, ds)
			canon := mustLoad(t, want)
			for _, f := range []SynthFormat{SynthJSON, SynthYAML} {
				var b bytes.Buffer
				if err := WriteSyntheticDataset(&b, canon, f); err != nil {
					t.Fatal(err)
				}
				if f == SynthJSON && !bytes.Equal(b.Bytes(), want) {
					t.Fatalf("import's JSON differs from export json:\nwant:\n%s\ngot:\n%s", want, b.Bytes())
				}
				back, err := LoadBytes("x."+string(f), b.Bytes())
				if err != nil {
					t.Fatalf("%s does not load: %v\n%s", f, err, b.Bytes())
				}
				if got := exportJSON(t, back); !bytes.Equal(got, want) {
					t.Fatalf("%s → load → export json differs:\nwant:\n%s\ngot:\n%s", f, want, got)
				}
			}
		})
	}
}

// TestCSVClaimLint checks claim_lint.csv: waivers read into their claim, in
// order, and bad rows reported at file:row:column.
func TestCSVClaimLint(t *testing.T) {
	const claims = "id,from,to,relation,status\nc,x,x,r,reported\n"
	for _, tt := range []struct{ lint, want string }{
		{"claim,rule,reason\nc,single-source,official transcript\nc,no-source,\"see \"\"x\"\"\"\n", ""},
		{"claim,rule,reason\nc,single-sauce,x\n", `claim_lint.csv:2:2: rule "single-sauce" is not a lint rule`},
		{"claim,rule,reason\nc,single-source,\n", `claim_lint.csv:2:3: `},
		{"claim,rule,reason\nc,single-source,a\nc,single-source,b\n", `claim_lint.csv:3:2: lint waiver rule "single-source" is waived twice`},
		{"claim,rule,reason\nd,single-source,a\n", `claim_lint.csv:2:1: claim "d" is not the id of any claim`},
	} {
		t.Run(tt.want, func(t *testing.T) {
			dir := writeCSVFiles(t, map[string]string{CSVClaimsFile: claims, CSVEntitiesFile: "id,name,type\nx,X,person\n", CSVClaimLintFile: tt.lint})
			ds, err := ReadCSVDir(dir)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				want := []graph.Waiver{{Rule: "single-source", Reason: "official transcript"}, {Rule: "no-source", Reason: `see "x"`}}
				if fmt.Sprint(ds.Claims[0].Lint) != fmt.Sprint(want) {
					t.Errorf("waivers %v, want %v", ds.Claims[0].Lint, want)
				}
				return
			}
			if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
