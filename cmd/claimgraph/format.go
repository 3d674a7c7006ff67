package main

import (
	"path/filepath"
	"slices"
	"strings"
)

// reportFormats are the formats of the reports diff and timeline write.
var reportFormats = []string{"text", "markdown", "json", "svg"}

// reportFormat decides a report's format from --format and the -o name,
// before anything is loaded or written: --format when given, else the
// extension of -o (as render does), else text. An extension it cannot
// write is a usage error, so that "-o briefing.png" writes nothing rather
// than text under a picture's name.
func reportFormat(command, format, output string) (string, error) {
	if format != "" {
		if !slices.Contains(reportFormats, format) {
			return "", usageErrorf("unknown --format %q (want text, markdown, json or svg)", format)
		}
		return format, nil
	}
	if output == "" || output == "-" {
		return "text", nil
	}
	switch ext := strings.ToLower(filepath.Ext(output)); ext {
	case "", ".txt", ".text":
		return "text", nil
	case ".md", ".markdown":
		return "markdown", nil
	case ".json":
		return "json", nil
	case ".svg":
		return "svg", nil
	default:
		return "", usageErrorf("%s cannot write %q: its extension %q is none of .txt, .md, .json or .svg (text, markdown, json, svg); use one, or --format", command, output, ext)
	}
}
