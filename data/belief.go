package data

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// This file reads the belief fields (claim credibility, basis, likelihood,
// negation, lint waivers; source text, text_file, retrieved; stance note)
// and checks what needs more than one field or more than one file: the
// title rule and the places of the quotes that check will look up in their
// sources' text.

// maxTextBytes caps one source text_file. A source text is an article or a
// transcript; 16 MiB is far above any, and keeps a mistaken text_file (a
// disk image, a log) from costing the load.
const maxTextBytes = 16 << 20

// textReader reads a source's text_file, named relative to the dataset file
// from, at most max bytes. Each way of loading brings its own: files on
// disk, the embedded dataset, a git revision.
type textReader func(from, rel string, max int64) (string, error)

// beliefState is the loader's state for this file's checks.
type beliefState struct {
	readText textReader
	// withText holds the ids of the sources read so far that have a text:
	// quotes citing them get their place recorded, so that a quote missing
	// from the text is reported where it is written. Only those: recording
	// every quote would cost a million places in a large dataset.
	withText map[string]bool
	quotes   []quotePlace
	titles   []titlePlace
}

type quotePlace struct {
	key graph.QuoteRef
	at  pos
}

type titlePlace struct {
	title string
	at    pos
}

// quotePlaces holds the places of the quotes of the claim being read, by
// stance or source-reference index.
type quotePlaces struct {
	stances, refs []indexedPos
}

type indexedPos struct {
	i  int
	at pos
}

func (q *quotePlaces) reset() { q.stances, q.refs = q.stances[:0], q.refs[:0] }
func (q *quotePlaces) stance(i int, at pos) {
	q.stances = append(q.stances, indexedPos{i, at})
}
func (q *quotePlaces) ref(i int, at pos) { q.refs = append(q.refs, indexedPos{i, at}) }

// beliefFields are the belief fields of one claim as read.
type beliefFields struct {
	credibility, negated, basis, likelihood, lint field
	credNote                                      string
	cred                                          int
	neg                                           bool
	waivers                                       []graph.Waiver
}

// beliefField reads the claim field key, one of the belief fields.
func (d *decoder) beliefField(key string, b *beliefFields) {
	switch key {
	case "credibility":
		b.credibility = field{at: d.r.at(), ok: true}
		switch k := d.r.kind(); k {
		case kindNumber:
			s := d.r.scalar()
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 6 {
				d.add(b.credibility.at, "claim credibility %s is not an Admiralty credibility grade (want 1 to 6: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged; leave it out when ungraded)", s)
				return
			}
			b.cred = n
		case kindNull:
			d.r.skip()
		default:
			if k != kindInvalid {
				d.add(b.credibility.at, "claim credibility: expected a number from 1 to 6, got %s", k)
			}
			d.r.skip()
		}
	case "credibility_note":
		b.credNote = d.str("claim credibility_note")
	case "negated":
		b.negated = field{at: d.r.at(), ok: true}
		switch k := d.r.kind(); k {
		case kindBool:
			b.neg = d.r.scalar() == "true"
		case kindNull:
			d.r.skip()
		default:
			if k != kindInvalid {
				d.add(b.negated.at, "claim negated: expected true or false, got %s", k)
			}
			d.r.skip()
		}
	case "basis":
		b.basis = d.field("claim basis")
	case "likelihood":
		b.likelihood = d.field("claim likelihood")
	case "lint":
		b.lint = field{at: d.r.at(), ok: true}
		d.list("claim lint", func() { d.waiver(b) })
	}
}

var waiverFields = []string{"rule", "reason"}

func (d *decoder) waiver(b *beliefFields) {
	at := d.r.at()
	var rule, reason field
	ok := d.object("lint waiver", waiverFields, func(key string) {
		switch key {
		case "rule":
			rule = d.field("lint waiver rule")
		case "reason":
			reason = d.field("lint waiver reason")
		}
	})
	if !ok {
		return
	}
	if d.required(rule, at, "lint waiver rule") {
		var names []string
		for _, r := range graph.Rules {
			names = append(names, r.Name)
		}
		checkEnum(d, rule, "lint waiver rule", names)
		for _, w := range b.waivers {
			if w.Rule == rule.s {
				d.add(rule.at, "lint waiver rule %q is waived twice on this claim", rule.s)
			}
		}
	}
	// A waiver without a reason would silence a rule and say nothing: the
	// reason is what check --all shows a reviewer.
	d.required(reason, at, "lint waiver reason")
	b.waivers = append(b.waivers, graph.Waiver{Rule: rule.s, Reason: reason.s})
}

// checkBelief fills c's belief fields from b and checks them, and records
// the places of its quotes that cite a source with a text.
func (d *decoder) checkBelief(c *graph.Claim, b *beliefFields, at pos) {
	c.Credibility, c.CredibilityNote, c.Negated = int8(b.cred), b.credNote, b.neg
	c.Basis, c.Likelihood, c.Lint = graph.Basis(b.basis.s), graph.Likelihood(b.likelihood.s), b.waivers
	if b.basis.ok && d.required(b.basis, at, "claim basis") {
		checkEnum(d, b.basis, "claim basis", graph.Bases)
	}
	if b.likelihood.ok && d.required(b.likelihood, at, "claim likelihood") {
		checkEnum(d, b.likelihood, "claim likelihood", graph.Likelihoods)
	}
	if c.Basis == graph.BasisInference && strings.TrimSpace(c.Detail) == "" {
		d.add(b.basis.at, "claim basis is inference, but the claim has no detail: an inference is stated by no source, so its detail must say what it rests on")
	}
	if b.credNote != "" && c.Credibility == 0 {
		d.add(at, "claim credibility_note without a credibility: grade the claim (1 to 6) or drop the note")
	}
	// The tail decoder (see tail.go) may read withText: no source is
	// defined while a claims list is being read.
	if len(d.l.belief.withText) == 0 || c.ID == "" {
		return
	}
	out := &d.l.belief.quotes
	if d.tail != nil {
		out = &d.tail.quotes
	}
	for _, q := range d.quoteAt.stances {
		if q.i < len(c.Stances) && d.l.belief.withText[c.Stances[q.i].Source] && c.Stances[q.i].Quote != "" {
			*out = append(*out, quotePlace{graph.QuoteRef{Claim: c.ID, Stance: true, Index: q.i}, q.at})
		}
	}
	for _, q := range d.quoteAt.refs {
		if q.i < len(c.Sources) && d.l.belief.withText[c.Sources[q.i].Source] && c.Sources[q.i].Quote != "" {
			*out = append(*out, quotePlace{graph.QuoteRef{Claim: c.ID, Index: q.i}, q.at})
		}
	}
}

// reliabilityWithDigit returns the error for a reliability written as a
// full Admiralty grade ("B2"), or "" if r is not one.
func reliabilityWithDigit(r string) string {
	if len(r) != 2 || r[0] < 'A' || r[0] > 'F' || r[1] < '1' || r[1] > '6' {
		return ""
	}
	return fmt.Sprintf("source reliability %q is a full Admiralty grade: the letter %q grades the source, but the digit %q grades one piece of information and belongs to the claim's credibility (write reliability: %c here and credibility: %c on the claims citing it)",
		r, r[:1], r[1:], r[0], r[1])
}

// sourceText reads a source's text or text_file, and its retrieved date.
func (d *decoder) sourceText(s *graph.Source, text, textFile, retrieved field) {
	d.checkDate(retrieved, "source retrieved")
	s.Retrieved = retrieved.s
	s.Text = text.s
	switch {
	case text.ok && textFile.ok:
		d.add(textFile.at, "source has both text and text_file: give one")
	case textFile.ok && d.required(textFile, textFile.at, "source text_file"):
		s.TextFile = textFile.s
		t, err := d.l.readTextFile(textFile.at.file, textFile.s)
		if err != nil {
			d.add(textFile.at, "source text_file %q: %s", textFile.s, err)
			break
		}
		s.Text = t
	}
	if s.Text != "" && s.ID != "" {
		if d.l.belief.withText == nil {
			d.l.belief.withText = map[string]bool{}
		}
		d.l.belief.withText[s.ID] = true
	}
}

// readTextFile reads a text_file named in input file f.
func (l *loader) readTextFile(f int32, rel string) (string, error) {
	if l.belief.readText == nil {
		return "", errors.New("cannot be read: this dataset was not read from a file, so there is no directory to find it in (give the source's text inline)")
	}
	if !filepath.IsLocal(rel) || strings.Contains(rel, `\`) {
		return "", errors.New("must be a relative path inside the dataset's directory (no \"..\", no absolute path)")
	}
	max := int64(maxTextBytes)
	if l.maxBytes > 0 { // Load's total cap counts the texts too
		max = min(max, l.budget)
	}
	t, err := l.belief.readText(l.files[f].name, rel, max)
	if err != nil {
		return "", err
	}
	if int64(len(t)) > max {
		return "", fmt.Errorf("larger than %d bytes", max)
	}
	if strings.IndexByte(t, 0) >= 0 || !utf8.ValidString(t) {
		return "", errors.New("is not UTF-8 text")
	}
	l.budget -= int64(len(t))
	return strings.TrimPrefix(t, "\uFEFF"), nil
}

// osTextReader reads a text_file next to a dataset file on disk. The file
// must resolve, symlinks followed, to a regular file inside the dataset's
// own directory: a dataset received from someone else must not be able to
// make claimgraph read (and export) ~/.ssh/id_rsa or /etc/shadow.
func osTextReader(from, rel string, max int64) (string, error) {
	if from == StdinName {
		return "", errors.New("cannot be read from standard input, which has no directory (give the source's text inline)")
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(from))
	if err != nil {
		return "", errors.New(describe(err))
	}
	real, err := filepath.EvalSymlinks(filepath.Join(dir, rel))
	if err != nil {
		return "", errors.New(describe(err))
	}
	if inside, err := filepath.Rel(dir, real); err != nil || !filepath.IsLocal(inside) {
		return "", errors.New("resolves, through a symlink, to a file outside the dataset's directory")
	}
	f, err := os.Open(real)
	if err != nil {
		return "", errors.New(describe(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", errors.New(describe(err))
	}
	if !fi.Mode().IsRegular() {
		return "", errors.New("is not a regular file")
	}
	if fi.Size() > max {
		return "", fmt.Errorf("larger than %d bytes", max)
	}
	return readAll(io.LimitReader(f, max+1), make([]byte, 0, fi.Size()+1))
}

// fsTextReader reads text files from fsys, where from is fsys-relative.
func fsTextReader(fsys fs.FS, name func(from string) string) textReader {
	return func(from, rel string, max int64) (string, error) {
		p := path.Join(path.Dir(name(from)), filepath.ToSlash(rel))
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return "", errors.New(describe(err))
		}
		if int64(len(b)) > max {
			return "", fmt.Errorf("larger than %d bytes", max)
		}
		return string(b), nil
	}
}

// gitTextReader reads text files from the git revision rev; from is
// "rev:path".
func gitTextReader(rev, file string) textReader {
	return func(_, rel string, max int64) (string, error) {
		b, err := readRevision(rev+":"+path.Join(path.Dir(file), filepath.ToSlash(rel)), max)
		if err != nil {
			return "", err
		}
		return string(b), nil
	}
}

// loadBytesWith is LoadBytes with a way to read text files.
func loadBytesWith(name string, b []byte, read textReader) (*graph.Dataset, error) {
	l := newLoader()
	l.belief.readText = read
	l.parse(name, string(b))
	return l.finish()
}

// noteTitle records a file's title and where it is.
func (l *loader) noteTitle(t string, at pos) {
	if strings.TrimSpace(t) != "" {
		l.belief.titles = append(l.belief.titles, titlePlace{t, at})
	}
}

// finishBelief runs the checks of this file that need every input: the
// title rule. It also hands the quotes' places to the dataset.
//
// Several files may each carry a title only if they agree: the merged
// dataset has one, and picking the first would make the output depend on
// the order of the arguments (which the README promises it does not). The
// error names both places, the files sorted by path, so it reads the same
// whatever that order.
func (l *loader) finishBelief() {
	ts := slices.Clone(l.belief.titles)
	slices.SortStableFunc(ts, func(a, b titlePlace) int {
		return cmp.Compare(l.files[a.at.file].name, l.files[b.at.file].name)
	})
	for _, t := range ts[min(1, len(ts)):] {
		if t.title != ts[0].title {
			l.errs.addRef(ts[0].at, t.at, "title %s differs from the title %s at "+placeMark+": the files of one dataset share one title (keep it in one file)",
				echo(ts[0].title), echo(t.title))
			break
		}
	}
	if len(l.belief.quotes) > 0 {
		ats := make([]pos, len(l.belief.quotes))
		for i, q := range l.belief.quotes {
			ats[i] = q.at
		}
		places := l.places(ats)
		l.ds.QuotePlaces = make(map[graph.QuoteRef]string, len(l.belief.quotes))
		for i, q := range l.belief.quotes {
			l.ds.QuotePlaces[q.key] = places[i]
		}
	}
}
