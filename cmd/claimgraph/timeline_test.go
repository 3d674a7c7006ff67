package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimelineGoldens pins the timeline of the three-stage story in every
// format; the SVG is also checked by structure below, which a reviewer can
// trust without reading coordinates.
func TestTimelineGoldens(t *testing.T) {
	story := filepath.Join("testdata", "timeline", "story.yaml")
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"story.txt", []string{"--format", "text"}},
		{"story.md", []string{"--format", "markdown"}},
		{"story.json", []string{"--format", "json"}},
		{"story.svg", []string{"--format", "svg"}},
		{"story-focus.txt", []string{"--focus", "The Courier", "--from", "2023-01-10", "--to", "2023-02"}},
		{"story-asof.json", []string{"--as-of", "2023-02-15", "--format", "json"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(append([]string{"timeline", "-d", story}, tc.args...), nil, &stdout, &stderr)
			if code != 0 || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			checkGolden(t, filepath.Join("testdata", "timeline", tc.golden), stdout.Bytes())
		})
	}
}

func TestTimelineSVGStructure(t *testing.T) {
	code, out, stderr := runMain(t, "timeline", "-d", filepath.Join("testdata", "timeline", "story.yaml"), "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	d := xml.NewDecoder(strings.NewReader(out))
	classes := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					classes[a.Value]++
				}
			}
		}
	}
	for class, want := range map[string]int{
		"lane":                        2, // reporting time and event time
		"event published":             2, // the story of 10 January (two claims), before the denial
		"event published contested":   1, // the charges, after it
		"event stance":                1,
		"event stance contested":      2,
		"event status":                1,
		"event status contested":      1,
		"event event-start contested": 1,
		"event event-end contested":   1,
		"span contested":              1, // one bar for the bribes' span
		"event event":                 1,
	} {
		if classes[class] != want {
			t.Errorf("class %q: %d elements, want %d (all: %v)", class, classes[class], want, classes)
		}
	}
}

func TestTimelineUsage(t *testing.T) {
	for _, args := range [][]string{
		{"timeline", "--format", "pdf"},
		{"timeline", "-o", "x.pdf"},
		{"timeline", "--from", "2023-02-30"},
		{"timeline", "--to", "soon"},
	} {
		if code, _, _ := runMain(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
