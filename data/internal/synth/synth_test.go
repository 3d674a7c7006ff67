package synth_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/data"
	. "github.com/claimgraph/claimgraph/data/internal/synth"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/goccy/go-yaml"
)

var sizes = []Options{
	{Entities: 2, Claims: 0, Seed: 1},
	{Entities: 2, Claims: 5, Seed: 2, Contested: 0.5},
	{Entities: 11, Claims: 6, Seed: 3, Contested: 0.2},
	{Entities: 200, Claims: 1000, Seed: 4, Contested: 0.2},
	{Entities: 1000, Claims: 4000, Seed: 5, Contested: 1},
}

func write(t testing.TB, opts Options, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, opts, f); err != nil {
		t.Fatalf("Write(%+v, %s): %v", opts, f, err)
	}
	return b.Bytes()
}

// exportOf is what "claimgraph export" prints for ds.
func exportOf(t testing.TB, ds *graph.Dataset) []byte {
	t.Helper()
	g, err := graph.New(ds)
	if err != nil {
		t.Fatalf("graph.New: %v", err)
	}
	var b bytes.Buffer
	if err := data.WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSameSeedSameBytes(t *testing.T) {
	for _, f := range []Format{JSON, YAML} {
		opts := Options{Entities: 300, Claims: 2000, Seed: 42, Contested: 0.2}
		a, b := write(t, opts, f), write(t, opts, f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs with seed 42 differ", f)
		}
		opts.Seed = 43
		if bytes.Equal(a, write(t, opts, f)) {
			t.Errorf("%s: seeds 42 and 43 give the same bytes", f)
		}
	}
}

// TestJSONIsCanonical pins the promise that a generated file is exactly what
// export writes for it, and that loading it back and exporting again (the
// "claimgraph export" round trip) reproduces it byte for byte.
func TestJSONIsCanonical(t *testing.T) {
	for _, opts := range sizes {
		t.Run(fmt.Sprintf("%d_%d", opts.Entities, opts.Claims), func(t *testing.T) {
			got := write(t, opts, JSON)
			ds, err := Generate(opts)
			if err != nil {
				t.Fatal(err)
			}
			if want := exportOf(t, ds); !bytes.Equal(got, want) {
				t.Fatalf("Write differs from data.WriteJSON of Generate:\n%s", firstDiff(got, want))
			}
			loaded, err := data.LoadBytes("synth.json", got)
			if err != nil {
				t.Fatalf("load back: %v", err)
			}
			if again := exportOf(t, loaded); !bytes.Equal(got, again) {
				t.Fatalf("export of the loaded file differs:\n%s", firstDiff(got, again))
			}
		})
	}
}

func TestYAMLLoadsBack(t *testing.T) {
	for _, opts := range sizes {
		t.Run(fmt.Sprintf("%d_%d", opts.Entities, opts.Claims), func(t *testing.T) {
			y := write(t, opts, YAML)
			ds, err := data.LoadBytes("synth.yaml", y)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			if got, want := exportOf(t, ds), write(t, opts, JSON); !bytes.Equal(got, want) {
				t.Fatalf("YAML loads to another dataset than the JSON:\n%s", firstDiff(got, want))
			}
		})
	}
}

func TestShape(t *testing.T) {
	for _, frac := range []float64{0, 0.2, 0.5} {
		t.Run(fmt.Sprint(frac), func(t *testing.T) {
			opts := Options{Entities: 2000, Claims: 20000, Seed: 7, Contested: frac}
			ds, err := Generate(opts)
			if err != nil {
				t.Fatal(err)
			}
			checkValid(t, ds)

			types := map[graph.EntityType]bool{}
			for _, e := range ds.Entities {
				types[e.Type] = true
			}
			statuses := map[graph.Status]bool{}
			positions := map[graph.Position]bool{}
			contested, pairs, quoted := 0, map[[2]string]int{}, 0
			deg := map[string]int{}
			for _, c := range ds.Claims {
				statuses[c.Status] = true
				for _, s := range c.Stances {
					positions[s.Position] = true
				}
				if c.Contested() {
					contested++
				}
				pairs[[2]string{c.From, c.To}]++
				deg[c.From]++
				deg[c.To]++
				if len(c.Sources) > 0 && c.Sources[0].Quote != "" {
					quoted++
				}
			}
			if len(types) != len(graph.EntityTypes) {
				t.Errorf("%d of %d entity types", len(types), len(graph.EntityTypes))
			}
			if len(statuses) != len(graph.Statuses) {
				t.Errorf("%d of %d statuses", len(statuses), len(graph.Statuses))
			}
			if frac > 0 && len(positions) != len(graph.Positions) {
				t.Errorf("%d of %d positions: %v", len(positions), len(graph.Positions), positions)
			}
			if got := float64(contested) / float64(len(ds.Claims)); got < frac-0.02 || got > frac+0.02 {
				t.Errorf("contested fraction %.3f, want %.2f ± 0.02", got, frac)
			}
			parallel := 0
			for _, n := range pairs {
				if n > 1 {
					parallel++
				}
			}
			if parallel < len(ds.Claims)/50 {
				t.Errorf("%d pairs with parallel claims, want at least %d", parallel, len(ds.Claims)/50)
			}
			if quoted != len(ds.Claims) {
				t.Errorf("%d of %d claims cite a source with a quote", quoted, len(ds.Claims))
			}
			// Heavy tail: the biggest hub has many times the mean degree.
			maxDeg := 0
			for _, d := range deg {
				maxDeg = max(maxDeg, d)
			}
			if mean := 2 * len(ds.Claims) / len(ds.Entities); maxDeg < 10*mean {
				t.Errorf("max degree %d, mean %d: no hub", maxDeg, mean)
			}
			chained := 0
			derived := map[string]bool{}
			for _, s := range ds.Sources {
				for _, p := range s.DerivedFrom {
					if derived[p] {
						chained++
					}
				}
				derived[s.ID] = len(s.DerivedFrom) > 0
			}
			if chained == 0 {
				t.Error("no derived_from chain longer than one link")
			}
		})
	}
}

func TestOptionsRejected(t *testing.T) {
	for _, opts := range []Options{
		{Entities: 1, Claims: 1},
		{Entities: 10, Claims: -1},
		{Entities: 10, Claims: 10, Contested: 1.5},
		{Entities: 10, Claims: 10, Contested: -0.1},
	} {
		if err := Write(&bytes.Buffer{}, opts, JSON); err == nil {
			t.Errorf("Write(%+v) succeeded", opts)
		}
	}
	if err := Write(&bytes.Buffer{}, Options{Entities: 2}, "xml"); err == nil {
		t.Error("format xml accepted")
	}
}

// TestAlwaysValid is the property: whatever the options, the output passes
// graph.New, loads back, and meets the rules the loader enforces.
func TestAlwaysValid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 60 {
		opts := Options{
			Entities:  2 + r.IntN(60),
			Claims:    r.IntN(300),
			Seed:      r.Uint64(),
			Contested: r.Float64(),
		}
		ds, err := Generate(opts)
		if err != nil {
			t.Fatalf("%d: Generate(%+v): %v", i, opts, err)
		}
		checkValid(t, ds)
		if _, err := data.LoadBytes("p.yaml", write(t, opts, YAML)); err != nil {
			t.Fatalf("%d: YAML of %+v does not load: %v", i, opts, err)
		}
		if _, err := Mutate(ds, r.Float64(), r.Uint64()); err != nil {
			t.Fatalf("%d: Mutate: %v", i, err)
		}
		checkValid(t, ds)
	}
}

func TestMutate(t *testing.T) {
	base := Options{Entities: 500, Claims: 5000, Seed: 9, Contested: 0.2}
	for _, frac := range []float64{0, 0.01, 0.1, 0.3} {
		t.Run(fmt.Sprint(frac), func(t *testing.T) {
			old, _ := Generate(base)
			ds, _ := Generate(base)
			ch, err := Mutate(ds, frac, 11)
			if err != nil {
				t.Fatal(err)
			}
			checkValid(t, ds)
			diff := claimDiff(old, ds)
			if diff != ch.Claims() {
				t.Errorf("%d claims differ, Mutate reports %d (%+v)", diff, ch.Claims(), ch)
			}
			want := frac * float64(len(old.Claims))
			if got := float64(diff); got < 0.8*want || got > 1.25*want+1 {
				t.Errorf("%d claims differ, want about %.0f", diff, want)
			}
			if frac == 0 {
				return
			}
			if ch.StatusChanges == 0 || ch.NewDenials == 0 || ch.ClaimsAdded == 0 || ch.ClaimsRemoved == 0 ||
				ch.EntitiesAdded == 0 || ch.EntitiesRemoved == 0 {
				t.Errorf("some kind of edit is missing: %+v", ch)
			}
			again, _ := Generate(base)
			Mutate(again, frac, 11)
			var a, b bytes.Buffer
			WriteDataset(&a, ds, JSON)
			WriteDataset(&b, again, JSON)
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("same seed, different mutation")
			}
		})
	}
}

// TestWriteDatasetIsCanonical checks the writer Mutate's output goes
// through against data.WriteJSON on an unsorted dataset with derived ids
// and awkward strings.
func TestWriteDatasetIsCanonical(t *testing.T) {
	ds, _ := Generate(Options{Entities: 50, Claims: 300, Seed: 3, Contested: 0.3})
	Mutate(ds, 0.2, 5) // leaves the lists out of order
	// Invalid UTF-8 would not round-trip: it becomes U+FFFD. Control
	// characters but tab and newline are refused by the loader
	// (TestAppendYAMLString covers their escaping).
	ds.Title = "quotes \" and \\ and <tags> & \u2028 é"
	ds.Entities[3].Note = "tab\there\nnewline"
	ds.Claims[7].ID = ""
	ds.Claims[8].Stances = nil
	ds.Claims[9].Sources = []graph.SourceRef{}
	for _, f := range []Format{JSON, YAML} {
		var b bytes.Buffer
		if err := WriteDataset(&b, ds, f); err != nil {
			t.Fatal(err)
		}
		if f == JSON {
			if want := exportOf(t, ds); !bytes.Equal(b.Bytes(), want) {
				t.Fatalf("WriteDataset differs from data.WriteJSON:\n%s", firstDiff(b.Bytes(), want))
			}
		}
		loaded, err := data.LoadBytes("w."+string(f), b.Bytes())
		if err != nil {
			t.Fatalf("%s: load: %v", f, err)
		}
		if got, want := exportOf(t, loaded), exportOf(t, ds); !bytes.Equal(got, want) {
			t.Fatalf("%s: round trip differs:\n%s", f, firstDiff(got, want))
		}
	}
}

var stringCases = []string{
	"", "plain", `"quoted"`, `back\slash`, "<html> & 'apostrophe'", "tab\t nl\n cr\r bs\b ff\f",
	"\x00\x01\x1f\x7f", "é ü 中文 — ’", "\u2028\u2029", "\xff\xfe bad utf8 \xc3", "\ufeff bom", "\u0085 nel",
	"true", "null", "yes", "c-0001", "123", "a: b", "- dash", "#hash", "{flow}", "[list]", "x-",
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range stringCases {
		if got, want := string(AppendJSONString(nil, s)), encodingJSON(s); got != want {
			t.Errorf("AppendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range stringCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendJSONString(nil, s)), encodingJSON(s); got != want {
			t.Errorf("AppendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestAppendYAMLString(t *testing.T) {
	for _, s := range stringCases {
		doc := append([]byte("title: "), AppendYAMLString(nil, s)...)
		// The YAML library reads it back: the loader refuses the control
		// characters, which are here to test the escaping.
		var v struct {
			Title string `yaml:"title"`
		}
		if err := yaml.Unmarshal(doc, &v); err != nil {
			t.Errorf("%q → %s: %v", s, doc, err)
			continue
		}
		if want := validUTF8(s); v.Title != want {
			t.Errorf("%q → %s → %q", s, doc, v.Title)
		}
	}
}

// validUTF8 is s with each invalid byte replaced by U+FFFD, which is what
// both writers store for it.
func validUTF8(s string) string {
	var b []byte
	for _, r := range s {
		b = fmt.Appendf(b, "%c", r)
	}
	return string(b)
}

func encodingJSON(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// claimDiff counts claims added, removed or changed between two versions.
func claimDiff(a, b *graph.Dataset) int {
	old := map[string]*graph.Claim{}
	for i := range a.Claims {
		old[a.Claims[i].ID] = &a.Claims[i]
	}
	n := 0
	seen := map[string]bool{}
	for i := range b.Claims {
		c := &b.Claims[i]
		seen[c.ID] = true
		o, ok := old[c.ID]
		if !ok {
			n++
			continue
		}
		x, _ := json.Marshal(o)
		y, _ := json.Marshal(c)
		if !bytes.Equal(x, y) {
			n++
		}
	}
	for id := range old {
		if !seen[id] {
			n++
		}
	}
	return n
}

var (
	datePattern    = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
)

// checkValid holds ds to the rules of the data model (issue 2): ids unique
// across kinds, known references, valid enums, dates, URLs and grades,
// derived_from without cycles; and to graph.New.
func checkValid(t testing.TB, ds *graph.Dataset) {
	t.Helper()
	kind := map[string]string{}
	define := func(id, k string) {
		if id == "" {
			t.Fatalf("%s with empty id", k)
		}
		if prev, dup := kind[id]; dup {
			t.Fatalf("id %q is both a %s and a %s", id, prev, k)
		}
		kind[id] = k
	}
	for _, e := range ds.Entities {
		define(e.ID, "entity")
		if e.Name == "" || !e.Type.Valid() || e.Country != "" && !countryPattern.MatchString(e.Country) {
			t.Fatalf("bad entity %+v", e)
		}
	}
	for _, s := range ds.Sources {
		define(s.ID, "source")
		if s.Published != "" && !datePattern.MatchString(s.Published) {
			t.Fatalf("source %s: bad date %q", s.ID, s.Published)
		}
		if u, err := url.Parse(s.URL); s.URL != "" && (err != nil || u.Scheme != "https" && u.Scheme != "http") {
			t.Fatalf("source %s: bad url %q", s.ID, s.URL)
		}
		if s.Reliability != "" && !slices.Contains(Reliabilities, s.Reliability) {
			t.Fatalf("source %s: bad grade %q", s.ID, s.Reliability)
		}
	}
	for _, s := range ds.Sources {
		for _, p := range s.DerivedFrom {
			if kind[p] != "source" {
				t.Fatalf("source %s derives from unknown %q", s.ID, p)
			}
		}
	}
	checkAcyclic(t, ds.Sources)
	for _, c := range ds.Claims {
		define(c.ID, "claim")
		if kind[c.From] != "entity" || kind[c.To] != "entity" || c.From == c.To {
			t.Fatalf("claim %s: bad ends %q → %q", c.ID, c.From, c.To)
		}
		if c.Relation == "" || !c.Status.Valid() || c.Reported != "" && !datePattern.MatchString(c.Reported) {
			t.Fatalf("bad claim %+v", c)
		}
		for _, s := range c.Stances {
			if kind[s.By] != "entity" || !s.Position.Valid() || s.Source != "" && kind[s.Source] != "source" {
				t.Fatalf("claim %s: bad stance %+v", c.ID, s)
			}
		}
		for _, s := range c.Sources {
			if kind[s.Source] != "source" || s.Quote == "" {
				t.Fatalf("claim %s: bad source ref %+v", c.ID, s)
			}
		}
		// The status-stance rule of check's lint: generated data should
		// not trip it, as careful real data would not.
		for _, s := range c.Stances {
			if c.Status == graph.Established && s.Position.Opposes() || c.Status == graph.Retracted && s.Position == graph.Confirms {
				t.Fatalf("claim %s is %s, yet %s %s it", c.ID, c.Status, s.By, s.Position)
			}
		}
		if c.Status == graph.Alleged && !Supported(&c) {
			t.Fatalf("claim %s is alleged by no one", c.ID)
		}
	}
	if _, err := graph.New(ds); err != nil {
		t.Fatalf("graph.New: %v", err)
	}
}

func checkAcyclic(t testing.TB, sources []graph.Source) {
	t.Helper()
	parents := map[string][]string{}
	for _, s := range sources {
		parents[s.ID] = s.DerivedFrom
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var visit func(id string)
	visit = func(id string) {
		switch state[id] {
		case visiting:
			t.Fatalf("derived_from cycle through %s", id)
		case done:
			return
		}
		state[id] = visiting
		for _, p := range parents[id] {
			visit(p)
		}
		state[id] = done
	}
	for _, s := range sources {
		visit(s.ID)
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-200, 0)
	return fmt.Sprintf("at byte %d:\n got: …%s…\nwant: …%s…", i, a[lo:min(i+200, len(a))], b[lo:min(i+200, len(b))])
}

func BenchmarkWriteJSON(b *testing.B) {
	opts := Options{Entities: 10000, Claims: 100000, Seed: 1, Contested: 0.2}
	n := len(write(b, opts, JSON))
	b.SetBytes(int64(n))
	b.ResetTimer()
	for range b.N {
		if err := Write(discard{}, opts, JSON); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestMutateEveryClaimRemoved pins the end of an endless loop: when the
// edits remove every claim of a tiny dataset (an entity merged into the
// other turns its claims into self-loops, which go), the new claims took
// their endpoints from the claims that stay, drawing forever. The
// deadline is a watchdog for the hang, not a speed test.
func TestMutateEveryClaimRemoved(t *testing.T) {
	hit := 0
	for seed := range uint64(300) {
		ds := &graph.Dataset{
			Entities: []graph.Entity{{ID: "a", Name: "A", Type: graph.Company}, {ID: "b", Name: "B", Type: graph.Person}, {ID: "c", Name: "C", Type: graph.Agency}},
			Claims:   []graph.Claim{{ID: "c1", From: "a", To: "b", Relation: "funds", Status: graph.Alleged, Stances: []graph.Stance{{By: "b", Position: graph.Asserts}}}},
		}
		done := make(chan error, 1)
		go func() {
			_, err := Mutate(ds, 1, seed)
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("seed %d: Mutate did not finish within 30s", seed)
		}
		checkValid(t, ds)
		if !slices.ContainsFunc(ds.Claims, func(c graph.Claim) bool { return c.ID == "c1" }) {
			hit++
		}
	}
	if hit == 0 {
		t.Error("no seed removed the only claim: the case is not exercised")
	}
}
