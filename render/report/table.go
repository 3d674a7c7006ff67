package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Table is rows of cells with a header.
type Table struct {
	Header []string
	Rows   [][]string
}

// Formats of Table.Write.
const (
	FormatTable = "table"
	FormatTSV   = "tsv"
)

// Write prints t as an aligned table with its header (FormatTable: empty
// cells as "-" so that columns stay readable, line breaks as ⏎, the header
// bold when st.Color) or as tab-separated lines without a header (FormatTSV:
// cells escaped by TSV, so that every record is one line of len(Header)
// fields).
func (t Table) Write(w io.Writer, format string, st Style) error {
	if format == FormatTSV {
		var b bytes.Buffer
		for _, row := range t.Rows {
			for i, cell := range row {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(TSV(cell))
			}
			b.WriteByte('\n')
		}
		_, err := w.Write(b.Bytes())
		return err
	}
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Header, "\t"))
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, cell := range row {
			cells[i] = Text(cell)
			if cells[i] == "" {
				cells[i] = "-"
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// tabwriter pads the last column too: trim it so that lines end clean.
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	lines[0] = st.Bold(lines[0])
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

// WriteJSON writes v indented, without HTML escaping (quotes contain ‘&’
// and ‘<’ as often as any text), ending in a newline. JSON needs no other
// safety path: the encoder escapes every control character.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
