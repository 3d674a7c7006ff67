package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/render/report"
)

// TestShowClaimIsExportJSON: `show CLAIM --format json` is the claim's
// export JSON (data.ClaimJSON) plus its reading. render may not import
// data, so report keeps its own copy of the shape; this keeps them equal.
func TestShowClaimIsExportJSON(t *testing.T) {
	g, err := (&globalOptions{}).loadGraph()
	if err != nil {
		t.Fatal(err)
	}
	asMap := func(v any) map[string]any {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	for _, c := range g.Claims() {
		export, shown := asMap(data.NewClaimJSON(c)), asMap(report.ClaimJSON(g, c))
		for k, v := range export {
			if !reflect.DeepEqual(shown[k], v) {
				t.Errorf("claim %s: %s = %v, export has %v", c.ID, k, shown[k], v)
			}
		}
		for _, k := range []string{"reading", "supporters", "opponents", "denied"} {
			if _, ok := shown[k]; !ok {
				t.Errorf("claim %s: no %q", c.ID, k)
			}
		}
	}
}

// TestShowTerminal runs show through the streams as on a colour terminal
// and as piped: bold and red marks only on the terminal, the same words.
func TestShowTerminal(t *testing.T) {
	out := func(color bool) string {
		var o, e bytes.Buffer
		s := streams{in: strings.NewReader(""), out: &o, err: &e, isTTY: color, colorEnabled: color}
		if code := run([]string{"show", "alibaba"}, s); code != 0 {
			t.Fatalf("exit %d: %s", code, e.String())
		}
		return o.String()
	}
	plain, coloured := out(false), out(true)
	if strings.Contains(plain, "\x1b[") {
		t.Error("piped output has escape sequences")
	}
	if !strings.Contains(coloured, "\x1b[31m‼ CONTESTED\x1b[0m") || !strings.Contains(coloured, "\x1b[1mAlibaba Group\x1b[0m") {
		t.Errorf("terminal output lacks its styles:\n%q", coloured)
	}
	if stripANSI(coloured) != plain {
		t.Error("terminal and piped output differ beyond colour")
	}
}
