package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"
	"unsafe"

	"github.com/claimgraph/claimgraph/graph"
)

// Options bound and direct a load.
type Options struct {
	MaxBytes int64     // total input cap; 0 means DefaultMaxBytes
	Stdin    io.Reader // read for the path "-"
}

// DefaultMaxBytes is the input cap when Options.MaxBytes is 0.
const DefaultMaxBytes = 256 << 20

// StdinName is the file name problems in standard input are reported under.
const StdinName = "<stdin>"

// Load reads and merges the datasets at paths: files, directories (the
// *.yaml, *.yml and *.json files directly inside, by name; subdirectories
// and hidden files are not read) and "-" for opts.Stdin. On any problem it
// returns a nil Dataset and an *Errors listing them all.
func Load(paths []string, opts Options) (*graph.Dataset, error) {
	l := newLoader()
	budget := opts.MaxBytes
	if budget <= 0 {
		budget = DefaultMaxBytes
	}
	// The reads limit themselves to budget+1 bytes, to tell a file at the
	// cap from one over it: a cap of MaxInt64 overflowed into a negative
	// limit, and every file read as empty.
	l.budget, l.maxBytes = min(budget, math.MaxInt64-1), budget
	stdinRead := false
	l.belief.readText = osTextReader
	for _, p := range paths {
		if l.overCap {
			break
		}
		if p == "-" {
			switch {
			case opts.Stdin == nil:
				l.fileProblem(StdinName, "no standard input to read")
			case stdinRead:
				// A second read would find it empty, or, for a
				// terminal, wait for a second input.
				l.fileProblem(StdinName, "standard input (-) is named twice: it can be read only once")
			default:
				stdinRead = true
				l.read(StdinName, opts.Stdin, -1)
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			l.fileProblem(p, "%s", describe(err))
			continue
		}
		if !fi.IsDir() {
			l.readFile(p)
			continue
		}
		l.readDir(p)
	}
	return l.finish()
}

// LoadBytes parses one file's content; name is used in error positions and,
// by its extension, chooses the syntax (.json is JSON; .yaml and .yml are
// YAML; anything else is JSON if it starts with '{', else YAML).
func LoadBytes(name string, b []byte) (*graph.Dataset, error) {
	l := newLoader()
	l.parse(name, string(b))
	return l.finish()
}

// idKind says what an id names.
type idKind uint8

const (
	kindEntity idKind = iota + 1
	kindSource
	kindClaim
	kindDerivedClaim // a claim whose id the loader derived
)

func (k idKind) String() string {
	return [...]string{"", "entity", "source", "claim", "claim"}[k]
}

func (k idKind) withArticle() string {
	if k == kindEntity {
		return "an entity"
	}
	return "a " + k.String()
}

// ref is a reference to an id not yet defined when it was read; it is
// checked when every file has been read.
type ref struct {
	id   string
	at   pos
	want idKind
	what string
}

type sourcePlaces struct {
	id      pos
	derived []pos // of each derived_from entry
}

type inputFile struct {
	name string
	text string
}

// loader holds the state of one load across all its files.
type loader struct {
	files []*inputFile
	ds    graph.Dataset
	// The places where ids are defined, one map per kind: references
	// name entities or sources, and looking them up in a map without the
	// million claims keeps the lookups in cache.
	ids [kindClaim + 1]map[string]pos
	// Claim ids that arrive in increasing order (export and synth write
	// claims sorted) are kept in this run instead of ids[kindClaim]:
	// appending to it costs a comparison where a map insert of a million
	// ids cost a fifth of the load, and it takes half the memory. The
	// others go to the map; an id is in one or the other.
	claimRun   []string
	claimRunAt []pos
	refs       []ref
	sourceAt   []sourcePlaces  // parallel to ds.Sources
	claims     [][]graph.Claim // in chunks, joined by finish
	nClaims    int
	errs       problems

	// For the derived first_reported and last_reported (decode_time.go).
	publishedOf map[string]string
	spanLater   []spanCheck

	budget, maxBytes int64
	overCap          bool

	belief beliefState // see belief.go
}

func newLoader() *loader {
	l := &loader{}
	for k := range l.ids {
		l.ids[k] = make(map[string]pos)
	}
	return l
}

func (l *loader) addFile(name, text string) int32 {
	l.files = append(l.files, &inputFile{name: name, text: text})
	return int32(len(l.files) - 1)
}

// fileProblem reports a problem with a whole file.
func (l *loader) fileProblem(name, format string, args ...any) {
	f := l.addFile(name, "")
	l.errs.add(filePos(f), format, args...)
}

// describe drops the operation and path from an os error: the path is
// already the problem's file name.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

func (l *loader) readDir(dir string) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		l.fileProblem(dir, "%s", describe(err))
		return
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !isDataFile(name) {
			continue
		}
		// Entries are not followed into subdirectories, so a symlink loop
		// can at worst make one open fail (ELOOP), never recurse.
		if e.IsDir() {
			continue
		}
		n++
		l.readDirEntry(filepath.Join(dir, name))
		if l.overCap {
			return
		}
	}
	if n == 0 {
		l.fileProblem(dir, "no *.yaml, *.yml or *.json files in this directory")
	}
}

func isDataFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// readDirEntry reads a file found in a directory if it is a regular file,
// and reports it otherwise: a FIFO would wait for a writer, /dev/zero would
// read to the cap. It is opened without blocking (a FIFO's open blocks
// until a writer comes) and checked on the open file, so that it cannot be
// swapped between the check and the read. Files named on the command line
// are read whatever they are (see readFile): the user chose them.
func (l *loader) readDirEntry(path string) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		l.fileProblem(path, "%s", describe(err))
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		l.fileProblem(path, "%s", describe(err))
		return
	}
	switch m := fi.Mode(); {
	case m.IsDir():
		l.fileProblem(path, "is a directory")
	case !m.IsRegular():
		l.fileProblem(path, "is %s, not a regular file: only regular files are read from a directory (name it on its own to read it)", fileKind(m))
	default:
		l.read(path, f, fi.Size())
	}
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "special"
}

func (l *loader) readFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		l.fileProblem(path, "%s", describe(err))
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		l.fileProblem(path, "%s", describe(err))
		return
	}
	if fi.IsDir() {
		l.fileProblem(path, "is a directory")
		return
	}
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	l.read(path, f, size)
}

// read reads one input within the remaining budget. The size, when known,
// is checked before reading; the read itself is limited too, because a
// file can grow and a pipe has no size.
func (l *loader) read(name string, r io.Reader, size int64) {
	if size > l.budget {
		l.capExceeded(name)
		return
	}
	var text string
	var err error
	if f, ok := r.(*os.File); ok && size >= readHalvesMin && runtime.GOMAXPROCS(0) > 1 {
		text, err = readHalves(f, size, l.budget)
	} else {
		text, err = readAll(io.LimitReader(r, l.budget+1), make([]byte, 0, max(size+1, 512)))
	}
	if err != nil {
		l.fileProblem(name, "%s", describe(err))
		return
	}
	n := int64(len(text))
	if n > l.budget {
		l.capExceeded(name)
		return
	}
	l.budget -= n
	l.parse(name, text)
}

// readHalvesMin is the least file size read in two halves at once.
const readHalvesMin = 16 << 20

// readHalves reads a regular file of the given size as readAll would, the
// two halves at once: most of reading a large file is the kernel faulting
// in and filling fresh pages, which two cores do in about half the time.
// The rest, if the file grew, is read after; if either half comes short
// (the file shrank) or fails, the file is read again from the start.
func readHalves(f *os.File, size, budget int64) (string, error) {
	b := make([]byte, size, size+1)
	half := size / 2
	var wg sync.WaitGroup
	var err2 error
	wg.Go(func() { _, err2 = f.ReadAt(b[half:], half) })
	_, err1 := f.ReadAt(b[:half], 0)
	wg.Wait()
	if err1 != nil || err2 != nil {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return "", err
		}
		return readAll(io.LimitReader(f, budget+1), b[:0])
	}
	if _, err := f.Seek(size, io.SeekStart); err != nil {
		return "", err
	}
	return readAll(io.LimitReader(f, budget+1-size), b)
}

// readAll reads r to its end into a string, appending to b, reading
// straight into the string's memory: JSON values are sliced from the text,
// so it must be a string, and io.Copy into a strings.Builder copied every
// byte twice (a tenth of the load of a 700 MB file). b's capacity should
// be the expected length plus one.
func readAll(r io.Reader, b []byte) (string, error) {
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append pick the growth
		}
	}
	if len(b) == 0 {
		return "", nil
	}
	// b is never written again: the string owns its bytes.
	return unsafe.String(&b[0], len(b)), nil
}

func (l *loader) capExceeded(name string) {
	l.overCap = true
	l.fileProblem(name, "input exceeds the size limit of %d bytes in total (see --max-bytes)", l.maxBytes)
}

// maxYAMLBytes bounds one YAML file; maxYAMLTokens (yamlscan.go) bounds
// its tokens. goccy/go-yaml's tokens and syntax tree take memory per token,
// and its string handling memory per byte; measured peaks (check, v1.19.2):
//
//	3,000,000 tokens of "[a,a,a,…]" (3 MB)     1.15 GB  383 bytes per token
//	3,000,000 tokens of "[[],[],…]" (3 MB)     1.23 GB  410 bytes per token (and per byte)
//	3,000,000 tokens of "- a" lines (6 MB)     1.31 GB  436 bytes per token
//	2,466,980 tokens of synth YAML (20.9 MB)   1.25 GB  508 bytes per token, 60 per byte
//	one 8 MB quoted scalar                     0.27 GB   32 bytes per byte
//
// so 3,000,000 tokens and 48 MiB each keep a YAML file near 1.5 GB, the
// budget of a million-claim JSON check; JSON has no such limit (about 1.8
// bytes per byte). A variable so that tests can lower it.
var maxYAMLBytes = 48 << 20

// parse decodes one file's text into the loader's dataset.
func (l *loader) parse(name, text string) {
	// A UTF-8 byte order mark is dropped: editors add it and it means
	// nothing. (Columns on line 1 are then one less than an editor that
	// counts the mark would show.)
	text = strings.TrimPrefix(text, "\uFEFF")
	file := l.addFile(name, text)
	at := func(off int) pos { return offPos(file, off) }
	if strings.TrimSpace(text) == "" {
		l.errs.add(filePos(file), "empty file: a dataset needs at least a mapping with title, sources, entities, claims")
		return
	}
	if isUTF16(text) {
		l.errs.add(filePos(file), "UTF-16 text: save the file as UTF-8")
		return
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		l.errs.add(at(i), "NUL byte: this is not a text file")
		return
	}
	if !utf8.ValidString(text) {
		l.errs.add(at(invalidUTF8(text)), "invalid UTF-8: save the file as UTF-8")
		return
	}
	defer func() {
		// The last line of defence: the decoders are written and fuzzed
		// not to panic, but a dataset must never crash the program.
		if r := recover(); r != nil {
			l.errs.add(filePos(file), "internal error while reading this file (please report it): %v", r)
		}
	}()
	if isJSON(name, text) {
		l.parseJSON(file, text)
	} else if len(text) > maxYAMLBytes {
		l.errs.add(filePos(file), "YAML file of %d MiB is over the %d MiB limit for YAML: the YAML parser needs 30 to 400 times a file's size in memory; split it into several files in one directory, or write it as JSON (claimgraph export writes JSON)",
			len(text)>>20, maxYAMLBytes>>20)
	} else {
		l.parseYAML(file, text)
	}
}

// isUTF16 reports whether text looks like UTF-16: it starts with a UTF-16
// byte order mark, or its first characters are ASCII with a NUL byte
// beside each, as UTF-16 without a mark writes them.
func isUTF16(text string) bool {
	if strings.HasPrefix(text, "\xff\xfe") || strings.HasPrefix(text, "\xfe\xff") {
		return true
	}
	n := min(len(text), 64) &^ 1
	if n < 4 {
		return false
	}
	for _, nul := range []int{0, 1} { // big-endian, little-endian
		ok := true
		for i := 0; i < n && ok; i += 2 {
			ok = text[i+nul] == 0 && text[i+1-nul] != 0 && text[i+1-nul] < 0x80
		}
		if ok {
			return true
		}
	}
	return false
}

func isJSON(name, text string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(text, " \t\r\n"), "{")
}

func invalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// addClaim keeps claims in fixed-size chunks: growing one slice of a
// million claims by doubling would copy it again and again.
func (l *loader) addClaim(c graph.Claim) {
	const chunk = 8192
	if n := len(l.claims); n == 0 || len(l.claims[n-1]) == cap(l.claims[n-1]) {
		l.claims = append(l.claims, make([]graph.Claim, 0, chunk))
	}
	last := &l.claims[len(l.claims)-1]
	*last = append(*last, c)
	l.nClaims++
}

// reserveClaims makes room for n more claims in the last chunk, so that a
// file's claims end up in one slice that finish hands over as it is:
// joining chunks copied 160 MB for a million claims, with the garbage
// collector's write barriers on, as they usually are by then.
func (l *loader) reserveClaims(n int) {
	if len(l.claims) == 0 {
		return
	}
	last := &l.claims[len(l.claims)-1]
	*last = slices.Grow(*last, n)
	// Their ids too, most likely: growing these by a quarter at a time
	// allocated five times their final size.
	l.claimRun = slices.Grow(l.claimRun, n)
	l.claimRunAt = slices.Grow(l.claimRunAt, n)
}

// appendClaims adds claims decoded elsewhere (see tail.go), into the room
// reserveClaims made if there is enough.
func (l *loader) appendClaims(cs []graph.Claim) {
	if len(cs) == 0 {
		return
	}
	if n := len(l.claims); n > 0 && cap(l.claims[n-1])-len(l.claims[n-1]) >= len(cs) {
		l.claims[n-1] = append(l.claims[n-1], cs...)
	} else {
		l.claims = append(l.claims, cs)
	}
	l.nClaims += len(cs)
}

// defineID records an id and reports a second definition, naming both
// places. Ids share one namespace across entities, sources and claims.
// It returns the id as stored: for an entity or a source, a copy that the
// caller should keep in place of id (see below).
func (l *loader) defineID(id string, at pos, k idKind) string {
	if id == "" {
		return id
	}
	if k >= kindClaim && (len(l.claimRun) == 0 || id > l.claimRun[len(l.claimRun)-1]) && !l.definedNotRun(id) {
		l.claimRun = append(l.claimRun, id)
		l.claimRunAt = append(l.claimRunAt, at)
		return id
	}
	prevKind, prev, dup := l.lookup(id)
	if !dup {
		if k < kindClaim {
			// A copy of the id, packed with the others, rather than a
			// slice of the input scattered over it: every reference is
			// looked up here and compares against the key. The entity
			// or source keeps the copy too, for graph.New's index,
			// where the same holds.
			id = strings.Clone(id)
		}
		l.ids[min(k, kindClaim)][id] = at
		return id
	}
	if k == kindDerivedClaim {
		l.errs.addRef(at, prev, "duplicate id %s, derived from this claim's from, relation and to: the %s at "+placeMark+" has it too (give one of them an id)",
			echo(id), prevKind)
		return id
	}
	l.errs.addRef(at, prev, "duplicate id %s: this %s, and the %s at "+placeMark, echo(id), k, prevKind)
	return id
}

// lookup finds where id is defined.
func (l *loader) lookup(id string) (idKind, pos, bool) {
	for k := kindEntity; k <= kindClaim; k++ {
		if at, ok := l.ids[k][id]; ok {
			return k, at, true
		}
	}
	if i, ok := slices.BinarySearch(l.claimRun, id); ok {
		return kindClaim, l.claimRunAt[i], true
	}
	return 0, pos{}, false
}

// definedNotRun reports whether id is defined anywhere but claimRun.
func (l *loader) definedNotRun(id string) bool {
	for k := kindEntity; k <= kindClaim; k++ {
		if _, ok := l.ids[k][id]; ok {
			return true
		}
	}
	return false
}

// refer checks a reference to an entity or a source now if its target is
// already known, else remembers it for finish: the target may come later
// in the file or in another file.
func (l *loader) refer(id string, at pos, want idKind, what string) {
	if _, ok := l.ids[want][id]; ok {
		return
	}
	if k, _, ok := l.lookup(id); ok {
		l.wrongKind(k, ref{id, at, want, what})
		return
	}
	l.refs = append(l.refs, ref{id, at, want, what})
}

func (l *loader) wrongKind(k idKind, r ref) {
	l.errs.add(r.at, "%s %s is %s, not %s", r.what, echo(r.id), k.withArticle(), r.want.withArticle())
}

// finish runs the checks that need every file, then returns the dataset or
// the problems.
func (l *loader) finish() (*graph.Dataset, error) {
	var candidates [kindSource + 1][]string
	suggested := map[string]string{}
	budget := suggestBudget
	for _, r := range l.refs {
		if k, _, ok := l.lookup(r.id); ok {
			if k != r.want {
				l.wrongKind(k, r)
			}
			continue
		}
		msg := fmt.Sprintf("%s %s is not a known %s", r.what, echo(r.id), r.want)
		// Suggestions compare against every id: done for the problems
		// that will be shown, not for a million dangling references.
		if l.errs.total < maxShown {
			if candidates[r.want] == nil {
				candidates[r.want] = l.idsOf(r.want)
			}
			s, ok := suggested[r.id]
			if !ok {
				s = suggest(r.id, candidates[r.want], &budget)
				suggested[r.id] = s
			}
			if s != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", echo(s))
			}
		}
		l.errs.add(r.at, "%s", msg)
	}
	l.checkCycles()
	l.checkSpansLater()
	l.finishBelief()
	if err := l.errs.resolve(l.files); err != nil {
		return nil, err
	}
	ds := l.ds
	if len(l.claims) == 1 {
		ds.Claims = slices.Clip(l.claims[0])
	} else if l.nClaims > 0 {
		ds.Claims = make([]graph.Claim, 0, l.nClaims)
		for _, c := range l.claims {
			ds.Claims = append(ds.Claims, c...)
		}
	}
	return &ds, nil
}

func (l *loader) idsOf(k idKind) []string {
	ids := []string{}
	if k == kindEntity {
		for _, e := range l.ds.Entities {
			ids = append(ids, e.ID)
		}
	} else {
		for _, s := range l.ds.Sources {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// checkCycles reports derived_from cycles: a source cannot, through any
// chain, repeat itself. The walk is iterative, so a long chain of sources
// cannot exhaust the stack.
func (l *loader) checkCycles() {
	idx := make(map[string]int, len(l.ds.Sources))
	for i, s := range l.ds.Sources {
		if _, dup := idx[s.ID]; !dup {
			idx[s.ID] = i
		}
	}
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, len(l.ds.Sources))
	type frame struct{ src, next int }
	for start := range l.ds.Sources {
		if color[start] != white {
			continue
		}
		stack := []frame{{start, 0}}
		color[start] = grey
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			df := l.ds.Sources[top.src].DerivedFrom
			if top.next == len(df) {
				color[top.src] = black
				stack = stack[:len(stack)-1]
				continue
			}
			e := top.next
			top.next++
			to, ok := idx[df[e]]
			if !ok {
				continue // dangling: reported with the references
			}
			switch color[to] {
			case white:
				color[to] = grey
				stack = append(stack, frame{to, 0})
			case grey:
				var names []string
				for i := len(stack) - 1; i >= 0; i-- {
					names = append(names, l.ds.Sources[stack[i].src].ID)
					if stack[i].src == to {
						break
					}
				}
				// names runs backwards from the source holding the
				// closing entry to the one it points at.
				for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
					names[i], names[j] = names[j], names[i]
				}
				names = append(names, l.ds.Sources[to].ID)
				l.errs.add(l.sourceAt[top.src].derived[e], "derived_from cycle: %s", cycleText(names))
			}
		}
	}
}

// cycleText writes a cycle's ids joined by arrows, each cut to maxEcho
// characters and the middle of a long cycle left out, so that the message
// stays a line or two whatever the input.
func cycleText(ids []string) string {
	const ends = 5
	var parts []string
	for i, id := range ids {
		if len(ids) > 2*ends+1 && i == ends {
			parts = append(parts, fmt.Sprintf("… (%d more) …", len(ids)-2*ends))
		}
		if len(ids) > 2*ends+1 && i >= ends && i < len(ids)-ends {
			continue
		}
		parts = append(parts, shorten(id))
	}
	return strings.Join(parts, " -> ")
}
