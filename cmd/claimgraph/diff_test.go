package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The worked example of the README: the embedded dataset against a
// hypothetical update of it, in every format.
const (
	exampleOld = "../../data/alibaba-pla-memo.yaml"
	exampleNew = "testdata/hypothetical-update.yaml"
)

func TestDiffExample(t *testing.T) {
	for _, tt := range []struct{ format, golden string }{
		{"text", "example.txt"},
		{"markdown", "example.md"},
		{"json", "example.json"},
		{"svg", "example.svg"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main([]string{"diff", exampleOld, exampleNew, "--format", tt.format}, nil, &stdout, &stderr)
			if code != exitFailure || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr %q; want exit 1 and no error", code, stderr.String())
			}
			checkGolden(t, filepath.Join("testdata", "diff-example", tt.golden), stdout.Bytes())
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; if the change is intended, run go test ./cmd/claimgraph -run %s -update\ngot:\n%s", path, t.Name(), got)
	}
}

// TestDiffColor runs the text report as on a terminal and as piped: colour
// only on the terminal, the same words either way.
func TestDiffColor(t *testing.T) {
	run := func(color bool) string {
		opts := &diffOptions{global: &globalOptions{}, format: "text", color: color}
		var out bytes.Buffer
		if err := runDiff(opts, exampleOld, exampleNew, &out); exitCode(err) != exitFailure {
			t.Fatalf("runDiff: %v", err)
		}
		return out.String()
	}
	plain, colored := run(false), run(true)
	if strings.Contains(plain, "\x1b[") {
		t.Error("piped output has escape sequences")
	}
	if !strings.Contains(colored, ansiGreen) || !strings.Contains(colored, ansiRed) {
		t.Error("terminal output has no colour")
	}
	if stripped := stripANSI(colored); stripped != plain {
		t.Errorf("terminal and piped output differ beyond colour:\n%s\n---\n%s", stripped, plain)
	}
}

func stripANSI(s string) string {
	for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiGreen, ansiYellow, ansiCyan} {
		s = strings.ReplaceAll(s, code, "")
	}
	return s
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		s    graph.Summary
		want string
	}{
		{graph.Summary{}, "no differences"},
		{graph.Summary{StatusChanges: 2, NewDenials: 1, ClaimsAdded: 3, ClaimsRemoved: 1, EntitiesAdded: 2},
			"2 status changes, 1 new denial, 3 claims added, 1 removed, 2 entities added"},
		{graph.Summary{ClaimsRemoved: 1, EntitiesRemoved: 2, TitleChanged: true},
			"1 claim removed, 2 entities removed, title changed"},
		{graph.Summary{NowContested: 1, NoLongerContested: 2, StancesWithdrawn: 1, SourcesAdded: 1, SourcesChanged: 1},
			"1 now contested, 2 no longer contested, 1 position withdrawn, 1 source added, 1 source changed"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := summaryLine(tt.s); got != tt.want {
				t.Errorf("summaryLine = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct {
		in        string
		lineStart bool
		want      string
	}{
		{"Alibaba Group", true, "Alibaba Group"},
		{"<script>alert(1)</script>", false, `\<script\>alert(1)\</script\>`},
		{"*bold* _it_ [x](javascript:y) `c`", false, "\\*bold\\* \\_it\\_ \\[x\\](javascript:y) \\`c\\`"},
		{"- not a list", true, `\- not a list`},
		{"- mid-line", false, "- mid-line"},
		{"# not a heading", true, `\# not a heading`},
		{"1. not a list", true, `1\. not a list`},
		{"a\nb", false, "a b"},
		{"&amp; | ~~", false, `\&amp; \| \~\~`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := markdownEscape(tt.in, tt.lineStart); got != tt.want {
				t.Errorf("markdownEscape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain":           "plain",
		"red\x1b[31mtext": `red\x1b[31mtext`,
		"a\r\nb\tc":       `a\x0d b c`,
	} {
		if got := terminalSafe(in); got != want {
			t.Errorf("terminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
