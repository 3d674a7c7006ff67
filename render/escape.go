package render

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes untrusted text safe to carry through Graphviz and XML: invalid
// UTF-8 becomes U+FFFD, line endings become "\n", and the other control
// characters, which XML 1.0 cannot carry at all, become spaces. Everything
// else (non-Latin scripts, emoji, quotes) is kept as written.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, unicode.Is(unicode.Cs, r):
			return ' '
		}
		return r
	}, s)
}

// quote writes s as a DOT double-quoted string whose text, once Graphviz has
// read it, is s with line breaks. Inside quotes the DOT lexer knows only
// \" and \\, and Graphviz's label code turns \n, \l, \r into line breaks and
// \N, \G, \E, \T, \H, \L into names; doubling every backslash keeps all of
// them literal, and escaping '"' keeps the text from closing the string and
// starting attributes of its own. Graphviz also decodes HTML entities in
// labels and passes entity-like text through to SVG unescaped ("&e;" would
// make the SVG ill-formed, "&#x6A;" would show as "j"), so '&' is written
// "&amp;", which every attribute decodes back to '&'.
func quote(s string) string {
	s = clean(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteID writes an identifier (node name, id attribute): as quote, but a
// line break has no meaning in an id, so it becomes a space.
func quoteID(s string) string {
	return quote(strings.ReplaceAll(clean(s), "\n", " "))
}

// html escapes s for a Graphviz HTML-like label: the label is parsed as XML,
// so the five XML specials become entities and line breaks become
// left-aligned <BR/>s. Nothing in s can then open or close an element.
// Graphviz then expands \G, \N, \E ... in the label's text (after decoding
// entities, so "&#92;" would not help); it reads "\\" as one backslash, so
// every backslash is doubled.
func html(s string) string {
	s = clean(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`<BR ALIGN="LEFT"/>`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safeURL returns u normalised when it is an absolute http or https URL
// with a host, and "" otherwise. Only such links reach the SVG: no
// javascript:, data:, vbscript:, file: or relative links, however they are
// spelled (entities, case, whitespace, control characters).
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || strings.ContainsAny(u, "\\\"<>'` \t\r\n") {
		return ""
	}
	for _, r := range u {
		if r < 0x20 || r == 0x7F || r > 0x7E {
			return ""
		}
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.User != nil || p.Opaque != "" {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
	default:
		return ""
	}
	p.Scheme = strings.ToLower(p.Scheme)
	return p.String()
}

// wrap breaks s into lines of at most width runes at spaces, keeping the
// line breaks s already has. A word longer than width gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := words[0]
		for _, w := range words[1:] {
			if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
				lines = append(lines, line)
				line = w
				continue
			}
			line += " " + w
		}
		lines = append(lines, line)
	}
	return lines
}

// classToken makes s usable as one token of an SVG class list: letters,
// digits and hyphens only, lower case.
func classToken(s string) string {
	t := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return -1
	}, s)
	if t == "" {
		return "unknown"
	}
	return t
}
