package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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

// TestDiffColor runs the text report as on a terminal and as piped, through
// the streams Main would set up: colour only on the terminal, the same words
// either way.
func TestDiffColor(t *testing.T) {
	run := func(color bool) string {
		var out, errb bytes.Buffer
		s := streams{in: strings.NewReader(""), out: &out, err: &errb, isTTY: color, colorEnabled: color}
		if code := run([]string{"diff", exampleOld, exampleNew}, s); code != exitFailure {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return out.String()
	}
	plain, colored := run(false), run(true)
	if strings.Contains(plain, "\x1b[") {
		t.Error("piped output has escape sequences")
	}
	if !strings.Contains(colored, "\x1b[32m") || !strings.Contains(colored, "\x1b[31m") {
		t.Error("terminal output has no colour")
	}
	if stripped := stripANSI(colored); stripped != plain {
		t.Errorf("terminal and piped output differ beyond colour:\n%s\n---\n%s", stripped, plain)
	}
}

var ansiSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

func stripANSI(s string) string { return ansiSGR.ReplaceAllString(s, "") }
