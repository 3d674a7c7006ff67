package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestTableFormatDefault: output that is not a terminal (a pipe, a file, a
// buffer) gets TSV unless a format is asked for; a terminal gets a table.
func TestTableFormatDefault(t *testing.T) {
	for _, tt := range []struct {
		in   string
		tty  bool
		want string
	}{
		{"", false, "tsv"}, {"", true, "table"}, {"table", false, "table"}, {"json", true, "json"}, {"tsv", true, "tsv"},
	} {
		got, err := tableFormat(tt.in, tt.tty)
		if err != nil || got != tt.want {
			t.Errorf("tableFormat(%q, tty %v) = %q, %v; want %q", tt.in, tt.tty, got, err, tt.want)
		}
	}
	if _, err := tableFormat("csv", false); exitCode(err) != exitUsage {
		t.Errorf("tableFormat(csv): want a usage error, got %v", err)
	}
}

// TestListTerminal runs list through the streams as on a terminal and as
// piped: an aligned table with a bold header on a colour terminal, the same
// table without colour under NO_COLOR, TSV in a pipe.
func TestListTerminal(t *testing.T) {
	for _, tt := range []struct {
		name       string
		tty, color bool
		want       []string // substrings of the first line
		not        []string
	}{
		{"terminal", true, true, []string{"\x1b[1mID", "READING"}, nil},
		{"terminal without colour", true, false, []string{"ID  ", "READING"}, []string{"\x1b["}},
		{"pipe", false, false, []string{"alibaba-data-to-pla\t"}, []string{"\x1b[", "READING"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			s := streams{in: strings.NewReader(""), out: &out, err: &errb, isTTY: tt.tty, colorEnabled: tt.color}
			if code := run([]string{"list", "claims", "--contested"}, s); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			first, _, _ := strings.Cut(out.String(), "\n")
			for _, w := range tt.want {
				if !strings.Contains(first, w) {
					t.Errorf("first line %q lacks %q", first, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out.String(), n) {
					t.Errorf("output has %q:\n%s", n, out.String())
				}
			}
		})
	}
}
