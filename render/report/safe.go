package report

import (
	"fmt"
	"strings"
	"unicode"
)

// This file is the one output-safety path for text. A dataset's names,
// quotes and relations, file names and git revisions all reach a terminal or
// a Markdown document through it. The loader refuses control characters in
// data; these functions still guard everything else, and keep working if a
// model is built in memory.
//
// What is escaped, everywhere:
//   - C0 and C1 control characters and DEL (ESC starts terminal control
//     sequences that can clear the screen or retitle the window), shown as
//     \x1b;
//   - the bidirectional overrides and isolates U+202A–U+202E and
//     U+2066–U+2069, which can make text display in an order other than the
//     one it is stored in, shown as \u202e;
//   - a line break inside a field, shown as ⏎, so that it cannot pass for a
//     new line of the report (a new record, a new list item); a tab becomes
//     a space.

// Text makes s safe to print as part of one line of terminal text.
func Text(s string) string { return escape(s, false) }

// TSV makes s safe as one cell of tab-separated values: a tab, newline,
// carriage return or backslash is written \t, \n, \r or \\, so that one
// record stays one line and the cell can be read back exactly; other
// controls are escaped as Text does.
func TSV(s string) string { return escape(s, true) }

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || isBidi(r) || r == '\u2028' || r == '\u2029'
}

func isBidi(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

func escape(s string, tsv bool) string {
	if !strings.ContainsFunc(s, needsEscape) && !(tsv && strings.ContainsRune(s, '\\')) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case tsv && r == '\\':
			b.WriteString(`\\`)
		case tsv && r == '\t':
			b.WriteString(`\t`)
		case tsv && r == '\n':
			b.WriteString(`\n`)
		case tsv && r == '\r':
			b.WriteString(`\r`)
		case r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteString("⏎")
		case r == '\t':
			b.WriteByte(' ')
		case isBidi(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Markdown makes s safe as Markdown text on one line: Text's escapes first,
// then a backslash before every character that Markdown (or the HTML it
// allows) would read as markup, so that a name such as "<script>" or
// "*Alibaba*" prints as written and a pipe cannot end a table cell. At the
// start of a line (lineStart), where "-", "+", "#", "=" or "1." would begin
// a list or a heading, that is escaped too. It is the only Markdown escaper.
func Markdown(s string, lineStart bool) string {
	var b strings.Builder
	s = Text(s)
	if lineStart {
		digits := strings.TrimLeftFunc(s, unicode.IsDigit)
		switch {
		case s != "" && strings.ContainsRune("-+=", rune(s[0])): // "#" is escaped below, everywhere
			b.WriteByte('\\')
		case len(digits) < len(s) && digits != "" && (digits[0] == '.' || digits[0] == ')'):
			b.WriteString(s[:len(s)-len(digits)] + "\\")
			s = digits
		}
	}
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// md is Markdown for text inside a line.
func md(s string) string { return Markdown(s, false) }

// code writes s as Markdown inline code; a backquote inside would end it.
func code(s string) string { return "`" + strings.ReplaceAll(Text(s), "`", "'") + "`" }
