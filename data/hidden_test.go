package data

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// indexHidden and the JSON scanner find hidden characters by byte table;
// isHiddenRune says what they are. These tests hold the one to the other.

// TestIndexHiddenEveryRune puts every rune, alone and between plain
// text, through indexHidden.
func TestIndexHiddenEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "ab" + string(r) + "cd", "é" + string(r)} {
			if got, want := indexHidden(s), strings.IndexFunc(s, isHiddenRune); got != want {
				t.Fatalf("indexHidden(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func TestIndexHidden(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    string
		want int
	}{
		{"empty", "", -1},
		{"plain", "Acme transfers data", -1},
		{"tab and newline", "a\tb\nc", -1},
		{"carriage return", "a\rb", 1},
		{"escape", "\x1b[2J", 0},
		{"DEL", "ab\x7f", 2},
		{"C1 control", "a\u0085", 1},
		{"not C1: no-break space", "a\u00a0b", -1},
		{"zero-width space", "x\u200by", 1},
		{"right-to-left override", "\u202e", 0},
		{"first strong isolate", "é\u2068", 2},
		{"en dash shares the lead byte", "a\u2013b\u2069", 5},
		{"byte order mark", "ab\ufeff", 2},
		{"other EF sequence", "\uff21", -1},
		{"cut sequence", "a\xe2\x80", -1},
		{"C2 before ASCII (invalid)", "\xc2a", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := indexHidden(tc.s); got != tc.want {
				t.Errorf("indexHidden(%q) = %d, want %d", tc.s, got, tc.want)
			}
		})
	}
}

// TestJSONStringHidden checks what the scanner records as it reads a
// string, with and without escapes.
func TestJSONStringHidden(t *testing.T) {
	for _, tc := range []struct {
		name, json string
		want       int
	}{
		{"plain", `"abc"`, -1},
		{"raw zero-width space", "\"ab\u200bc\"", 2},
		{"raw BOM after an escape", "\"a\\n\ufeff\"", 2},
		{"escaped escape", `"a\u001b"`, 1},
		{"escaped RLO", `"\u202e"`, 0},
		{"escaped tab", `"a\tb"`, -1},
		{"two: the first counts", "\"\u200b\u202e\"", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &jsonReader{l: newLoader(), s: tc.json}
			s := r.scalar()
			if r.failed {
				t.Fatalf("%s: syntax error", tc.json)
			}
			if got := r.hiddenIn(s); got != tc.want {
				t.Errorf("hidden in %s = %d, want %d", tc.json, got, tc.want)
			}
			if got := indexHidden(s); got != tc.want {
				t.Errorf("indexHidden(%q) = %d, want %d", s, got, tc.want)
			}
		})
	}
}

func FuzzIndexHidden(f *testing.F) {
	f.Add("a\u200bb")
	f.Add("\xc2\x85\xe2\x81\xa6\xef\xbb\xbf")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		if got, want := indexHidden(s), strings.IndexFunc(s, isHiddenRune); got != want {
			t.Fatalf("indexHidden(%q) = %d, want %d", s, got, want)
		}
		quoted, _ := json.Marshal(s) // escapes controls, writes the rest raw
		r := &jsonReader{l: newLoader(), s: string(quoted)}
		if v := r.scalar(); !r.failed && r.hiddenIn(v) != strings.IndexFunc(v, isHiddenRune) {
			t.Fatalf("scanner: hidden in %q = %d, want %d", v, r.hiddenIn(v), strings.IndexFunc(v, isHiddenRune))
		}
	})
}
