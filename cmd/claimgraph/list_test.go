package main

import (
	"bytes"
	"testing"
)

// TestTableWrite pins both shapes of tabular output: the aligned table a
// terminal gets and the header-less TSV a pipe gets.
func TestTableWrite(t *testing.T) {
	tb := table{
		header: []string{"ID", "NAME", "NOTE"},
		rows: [][]string{
			{"a", "Alpha", ""},
			{"bb", "Tab\there", "two\nlines"},
		},
	}
	tests := []struct {
		format, want string
	}{
		{"table", "ID  NAME      NOTE\na   Alpha     -\nbb  Tab here  two lines\n"},
		{"tsv", "a\tAlpha\t\nbb\tTab here\ttwo lines\n"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := tb.write(&b, tt.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", b.String(), tt.want)
			}
		})
	}
}

// TestTableFormatDefault: output that is not a terminal (a pipe, a file, a
// buffer) gets TSV unless a format is asked for.
func TestTableFormatDefault(t *testing.T) {
	var b bytes.Buffer
	for in, want := range map[string]string{"": "tsv", "table": "table", "json": "json"} {
		got, err := tableFormat(in, &b)
		if err != nil || got != want {
			t.Errorf("tableFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := tableFormat("csv", &b); exitCode(err) != exitUsage {
		t.Errorf("tableFormat(csv): want a usage error, got %v", err)
	}
}
