package data

import (
	"embed"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// EmbeddedName is the file name the embedded dataset reports in errors and
// provenance.
const EmbeddedName = "embedded:alibaba-pla-memo.yaml"

//go:embed alibaba-pla-memo.yaml
var embedded []byte

// embeddedFS holds the files the embedded dataset's text_file names.
//
//go:embed alibaba-pla-memo.yaml *.txt
var embeddedFS embed.FS

// Embedded returns the default dataset's file content: the claims of one news
// report on a U.S. defence memo about Alibaba and the PLA, and on Apple's AI
// plans in China.
func Embedded() []byte { return embedded }

// LoadEmbedded parses the default dataset.
func LoadEmbedded() (*graph.Dataset, error) {
	return loadBytesWith(EmbeddedName, embedded, fsTextReader(embeddedFS, func(from string) string {
		return strings.TrimPrefix(from, "embedded:")
	}))
}
