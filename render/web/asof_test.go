package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
)

// loadStory is the three-stage story: an allegation (2023-01-10), a denial
// (2023-02-15), a status change and a new claim (2023-04-20).
func loadStory() (*graph.Graph, error) {
	ds, err := data.Load([]string{"testdata/story.yaml"}, data.Options{MaxBytes: data.DefaultMaxBytes})
	if err != nil {
		return nil, err
	}
	return graph.New(ds)
}

func storyConfig() Config { return Config{Load: loadStory, CheckDate: data.CheckDate} }

func TestAsOfNeighbourhood(t *testing.T) {
	_, ts := startServer(t, storyConfig())
	type elements struct {
		Elements struct {
			Edges []struct {
				Data    struct{ ID string }
				Classes string
			}
		}
	}
	tests := []struct {
		asOf string
		want map[string]string // claim id → its classes; absent: not drawn
	}{
		{"", map[string]string{"acme-bribed-port": "claim established contested", "port-awarded-acme": "claim established", "prosecutor-charged-officials": "claim established"}},
		{"2022-12-31", map[string]string{}},
		{"2023-01-10", map[string]string{"acme-bribed-port": "claim alleged", "port-awarded-acme": "claim established"}},
		{"2023-02", map[string]string{"acme-bribed-port": "claim alleged", "port-awarded-acme": "claim established"}},
		{"2023-03-01", map[string]string{"acme-bribed-port": "claim alleged contested", "port-awarded-acme": "claim established"}},
		{"2023-04-20", map[string]string{"acme-bribed-port": "claim established contested", "port-awarded-acme": "claim established", "prosecutor-charged-officials": "claim established"}},
	}
	for _, tt := range tests {
		t.Run("as-of="+tt.asOf, func(t *testing.T) {
			var res elements
			getJSON(t, ts, "/api/neighbourhood?id=port&depth=1&as-of="+tt.asOf, http.StatusOK, &res)
			got := map[string]string{}
			for _, e := range res.Elements.Edges {
				got[e.Data.ID] = e.Classes
			}
			if len(got) != len(tt.want) {
				t.Errorf("drawn %v, want %v", got, tt.want)
			}
			for id, cls := range tt.want {
				if got[id] != cls {
					t.Errorf("%s: classes %q, want %q", id, got[id], cls)
				}
			}
		})
	}
}

func TestAsOfClaim(t *testing.T) {
	_, ts := startServer(t, storyConfig())
	// Its one source is published on 2023-04-20: the day before, the
	// claim was not known.
	getJSON(t, ts, "/api/claim/prosecutor-charged-officials?as-of=2023-04-19", http.StatusNotFound, nil)
	getJSON(t, ts, "/api/claim/prosecutor-charged-officials?as-of=2023-04-20", http.StatusOK, nil)
	getJSON(t, ts, "/api/source/charges?as-of=2023-04", http.StatusNotFound, nil)

	tests := []struct{ asOf, status string }{
		{"2023-01-10", "alleged"},     // the first history entry
		{"2023-04-19", "alleged"},     // still
		{"2023-04-20", "established"}, // the second
		{"", "established"},
	}
	for _, tt := range tests {
		t.Run("as-of="+tt.asOf, func(t *testing.T) {
			var c struct {
				Status  string
				Stances []struct{ By string }
			}
			getJSON(t, ts, "/api/claim/acme-bribed-port?as-of="+tt.asOf, http.StatusOK, &c)
			if c.Status != tt.status {
				t.Errorf("status %q, want %q", c.Status, tt.status)
			}
		})
	}
	// The entity's claims and search follow the date too.
	_, b := get(t, ts, "/api/entity/prosecutor?as-of=2023-03")
	if strings.Contains(string(b), "prosecutor-charged-officials") {
		t.Errorf("entity as of 2023-03 lists a claim first reported in April: %s", b)
	}
	var sr struct{ Results []struct{ ID string } }
	getJSON(t, ts, "/api/search?q=charges&as-of=2023-03", http.StatusOK, &sr)
	for _, r := range sr.Results {
		if r.ID == "charges" {
			t.Errorf("search as of 2023-03 finds the April source")
		}
	}
	// The figure says its date.
	_, svg := get(t, ts, "/api/figure.svg?as-of=2023-02-15")
	if !strings.Contains(string(svg), "as of 2023-02-15") {
		t.Errorf("figure as of 2023-02-15 does not say its date")
	}
}

func TestAsOfBadParameters(t *testing.T) {
	_, ts := startServer(t, storyConfig())
	tests := []struct{ path, want string }{
		{"/api/neighbourhood?id=port&as-of=yesterday", `as-of "yesterday" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{"/api/claim/acme-bribed-port?as-of=2023-02-30", `as-of "2023-02-30" is not a real date`},
		{"/api/figure.svg?as-of=2023-13", `as-of "2023-13" is not a real date`},
		{"/api/search?q=a&as-of=2023&undated=drop", `unknown undated "drop" (want keep or exclude)`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var e apiError
			getJSON(t, ts, tt.path, http.StatusBadRequest, &e)
			if e.Error != tt.want || e.Hint == "" {
				t.Errorf("error %q hint %q, want %q", e.Error, e.Hint, tt.want)
			}
		})
	}
}

func TestAsOfDiff(t *testing.T) {
	g, err := loadStory()
	if err != nil {
		t.Fatal(err)
	}
	old := g.Filter(func(c *graph.Claim) bool { return c.ID != "prosecutor-charged-officials" })
	cfg := storyConfig()
	cfg.Old, cfg.OldName = old, "old.yaml"
	_, ts := startServer(t, cfg)
	var d struct{ Claims struct{ Added []string } }
	getJSON(t, ts, "/api/diff", http.StatusOK, &d)
	if !slices.Contains(d.Claims.Added, "prosecutor-charged-officials") {
		t.Errorf("diff: added %v", d.Claims.Added)
	}
	// As of March, neither side knew the claim.
	getJSON(t, ts, "/api/diff?as-of=2023-03", http.StatusOK, &d)
	if len(d.Claims.Added) != 0 {
		t.Errorf("diff as of 2023-03: added %v", d.Claims.Added)
	}
}

func TestAPIDates(t *testing.T) {
	_, ts := startServer(t, storyConfig())
	var d datesJSON
	getJSON(t, ts, "/api/dates", http.StatusOK, &d)
	want := []string{"2023-01-10", "2023-02-15", "2023-04-20"}
	if !slices.Equal(d.Dates, want) {
		t.Errorf("dates %v, want %v", d.Dates, want)
	}
}

func TestAsOfCacheEvicts(t *testing.T) {
	var c asOfCache
	first := c.entry("a")
	for i := range asOfCacheSize {
		c.entry(string(rune('b' + i)))
	}
	if len(c.entries) != asOfCacheSize {
		t.Errorf("%d entries, want %d", len(c.entries), asOfCacheSize)
	}
	if c.entry("a") == first {
		t.Error("the least recently used entry stayed")
	}
	if c.entry("a") != c.entry("a") {
		t.Error("one key, two entries")
	}
}
