package data

import (
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/claimgraph/claimgraph/graph"
)

// A large JSON claims list is decoded in two halves at once, on two cores:
// decoding the claims is most of the time a million-claim check takes.
//
// The result must be the one the sequential decoder gives, problems and
// their order included, so the second half is optimistic. Where the list
// is split is guessed (a '{' after "}," with a claim field as its first
// key, half-way through the text left). A second goroutine decodes claims
// from there to the end of the list without touching the loader: it checks
// references against the entity and source ids (which no claim can change,
// so both goroutines can read them), and records the claims and claim ids.
// At the first sign of anything unusual (any problem, a reference to an id
// not yet known) it gives up. The main decoder reads the first half as
// always; if it arrives exactly at the guessed place, at the start of a
// list element, then the guess was an element boundary, and decoding from
// there is what it would have done itself: it replays the recorded ids in
// order, takes the claims and jumps to the end of the list. Otherwise (a
// wrong guess, or a tail that gave up) it decodes the rest itself, and the
// other goroutine's work is simply lost.

// tailMin is the least text after the start of a claims list worth
// splitting; a variable so that tests can split small inputs.
var tailMin = 4 << 20

// tailAlways splits even with one processor, where the split is only
// overhead: tests set it, so that they check the same thing whatever the
// number of CPUs.
var tailAlways = false

// tailSpliced counts the tails used, for tests.
var tailSpliced atomic.Int64

type tailDecode struct {
	start int // offset of the guessed first element
	r     *jsonReader
	stop  atomic.Bool // set by the main decoder: the result will not be used
	done  chan struct{}

	// Written by the tail goroutine, read after done is closed.
	failed bool
	end    int // offset after the list's closing bracket
	defs   []tailDef
	claims []graph.Claim
	quotes []quotePlace // see belief.go
}

type tailDef struct {
	id string
	at pos
	k  idKind
}

// startTail starts decoding the second half of the claims list whose first
// element r is about to read, or returns nil.
func (l *loader) startTail(r *jsonReader) *tailDecode {
	if !tailAlways && runtime.GOMAXPROCS(0) < 2 || len(r.s)-r.i < tailMin {
		return nil
	}
	start := guessClaimStart(r.s, r.i+(len(r.s)-r.i)/2)
	if start < 0 {
		return nil
	}
	t := &tailDecode{start: start, done: make(chan struct{})}
	// The tail's reader is at the same depth as r, inside the list, at an
	// element that needs no comma before it.
	first := make([]bool, len(r.first))
	first[len(first)-1] = true
	t.r = &jsonReader{l: l, s: r.s, i: start, file: r.file, first: first, quiet: true}
	go l.decodeTail(t)
	return t
}

// guessClaimStart returns the offset of a '{' after "}," at or after from
// whose first key is a claim field, or -1. Nested objects (stances, source
// references) have no field named like a claim's.
func guessClaimStart(s string, from int) int {
	for range 1000 {
		j := strings.Index(s[from:], "},")
		if j < 0 {
			return -1
		}
		from += j + 2
		k := skipWS(s, from)
		if k >= len(s) || s[k] != '{' {
			continue
		}
		q := skipWS(s, k+1)
		if q >= len(s) || s[q] != '"' {
			continue
		}
		end := strings.IndexByte(s[q+1:], '"')
		if end >= 0 && slices.Contains(claimFields, s[q+1:q+1+end]) {
			return k
		}
	}
	return -1
}

func skipWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func (l *loader) decodeTail(t *tailDecode) {
	defer close(t.done)
	defer func() {
		if recover() != nil {
			t.failed = true
		}
	}()
	r := t.r
	d := &decoder{l: l, r: r, depth: 1, tail: t}
	var est claimEstimate
	for !t.stop.Load() && r.nextItem() {
		if n := est.next(r); n > 0 {
			t.claims = slices.Grow(t.claims, n)
			t.defs = slices.Grow(t.defs, n)
		}
		d.claim()
	}
	if r.failed || t.stop.Load() {
		t.failed = true
		return
	}
	t.end = r.i
}

func (t *tailDecode) abort() { t.r.failed = true }

// refer is loader.refer for references to ids already known, which are all
// there is in a dataset without problems.
func (t *tailDecode) refer(id string, want idKind) {
	if _, ok := t.r.l.ids[want][id]; !ok {
		t.abort()
	}
}

// define records a claim id for the main decoder to define. An id that is
// an entity's or a source's would be a problem.
func (t *tailDecode) define(id string, at pos, k idKind) {
	if id == "" {
		return
	}
	ids := &t.r.l.ids
	if _, ok := ids[kindEntity][id]; ok {
		t.abort()
	} else if _, ok := ids[kindSource][id]; ok {
		t.abort()
	}
	t.defs = append(t.defs, tailDef{id, at, k})
}

// cancel stops the tail goroutine and waits for it: once the main decoder
// leaves the claims list it may define entities, which the tail reads.
func (t *tailDecode) cancel() {
	t.stop.Store(true)
	<-t.done
}

// spliceTail waits for the tail and, if it decoded the rest of the list,
// takes its result and moves r past the list, returning true.
func (l *loader) spliceTail(t *tailDecode, r *jsonReader) bool {
	<-t.done
	if t.failed {
		return false
	}
	l.claimRun = slices.Grow(l.claimRun, len(t.defs))
	l.claimRunAt = slices.Grow(l.claimRunAt, len(t.defs))
	for _, def := range t.defs {
		// The tail checked the entity and source ids.
		if n := len(l.claimRun); (n == 0 || def.id > l.claimRun[n-1]) && len(l.ids[kindClaim]) == 0 {
			l.claimRun = append(l.claimRun, def.id)
			l.claimRunAt = append(l.claimRunAt, def.at)
			continue
		}
		l.defineID(def.id, def.at, def.k)
	}
	l.appendClaims(t.claims)
	l.belief.quotes = append(l.belief.quotes, t.quotes...)
	tailSpliced.Add(1)
	r.i = t.end
	r.first = r.first[:len(r.first)-1]
	return true
}
