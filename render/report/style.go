package report

import (
	"fmt"
	"io"
)

// Style says how text meets its reader: with colour and bold on a terminal
// that wants them, plain otherwise. The command decides once, from its
// streams; writers only ask.
type Style struct {
	Color bool
}

// ANSI SGR sequences, applied only when Style.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

func (st Style) apply(code, s string) string {
	if !st.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (st Style) Bold(s string) string   { return st.apply(ansiBold, s) }
func (st Style) Dim(s string) string    { return st.apply(ansiDim, s) }
func (st Style) Red(s string) string    { return st.apply(ansiRed, s) }
func (st Style) Green(s string) string  { return st.apply(ansiGreen, s) }
func (st Style) Yellow(s string) string { return st.apply(ansiYellow, s) }
func (st Style) Cyan(s string) string   { return st.apply(ansiCyan, s) }

// Printer writes lines, remembering the first error so that a long report
// checks it once.
type Printer struct {
	W     io.Writer
	Style Style
	Err   error
}

// Line writes s and a newline. s must already be safe (see safe.go).
func (p *Printer) Line(s string) {
	if p.Err == nil {
		_, p.Err = io.WriteString(p.W, s+"\n")
	}
}

// Field prints a profile line, "  name:    value", skipping empty values.
func (p *Printer) Field(name, value string) {
	if value != "" {
		p.Line(fmt.Sprintf("  %-8s %s", name+":", Text(value)))
	}
}

// Plural says "1 hop" or "3 hops".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
