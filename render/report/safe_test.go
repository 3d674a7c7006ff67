package report

import (
	"bytes"
	"testing"
)

func TestText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"red\x1b[31mtext", `red\x1b[31mtext`},
		{"a\r\nb\tc", `a\x0d⏎b c`},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"C1 \u0085 \u009b", `C1 \x85 \x9b`},
		{"evil\u202egnp.exe", `evil\u202egnp.exe`},
		{"\u2066isolate\u2069", `\u2066isolate\u2069`},
		{"line\u2028sep", "line⏎sep"},
		{"back\\slash", "back\\slash"},
		{"‼ CONTESTED · ünïcode", "‼ CONTESTED · ünïcode"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTSV(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\tb", `a\tb`},
		{"two\nlines\r", `two\nlines\r`},
		{`C:\dir`, `C:\\dir`},
		{"\x1b[2J", `\x1b[2J`}, // unambiguous: a literal backslash is \\
		{"\u202e", `\u202e`},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := TSV(tt.in); got != tt.want {
				t.Errorf("TSV(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
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
		{"a\nb", false, "a⏎b"},
		{"&amp; | ~~", false, `\&amp; \| \~\~`},
		{"\x1b[2J\u202e", false, `\\x1b\[2J\\u202e`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Markdown(tt.in, tt.lineStart); got != tt.want {
				t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTableWrite pins both shapes of tabular output: the aligned table a
// terminal gets (bold header with colour) and the header-less TSV a pipe
// gets, with cells escaped so that one record stays one line.
func TestTableWrite(t *testing.T) {
	tb := Table{
		Header: []string{"ID", "NAME", "NOTE"},
		Rows: [][]string{
			{"a", "Alpha", ""},
			{"bb", "Tab\there", "two\nlines"},
		},
	}
	tests := []struct {
		format string
		color  bool
		want   string
	}{
		{FormatTable, false, "ID  NAME      NOTE\na   Alpha     -\nbb  Tab here  two⏎lines\n"},
		{FormatTable, true, "\x1b[1mID  NAME      NOTE\x1b[0m\na   Alpha     -\nbb  Tab here  two⏎lines\n"},
		{FormatTSV, false, "a\tAlpha\t\nbb\tTab\\there\ttwo\\nlines\n"},
		{FormatTSV, true, "a\tAlpha\t\nbb\tTab\\there\ttwo\\nlines\n"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := tb.Write(&b, tt.format, Style{Color: tt.color}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", b.String(), tt.want)
			}
		})
	}
}
