package graph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lint rules about belief: whether a claim's quotes are in its sources'
// text, whether one party takes two stances that cannot both hold, whether
// an "established" claim rests on hedged words, and two notes about parties
// and denials. With them, the per-claim waivers (Claim.Lint) and the
// exemption of the dataset author's inferences from the sourcing rules.

// SevWaived marks a finding a claim waives, with its reason. It never fails
// check; check --all lists it so that a reviewer sees what was silenced.
const SevWaived Severity = "waived"

var beliefRules = []Rule{
	rule("quote-not-in-source", SevError,
		"quotes that are not in the text of the source they cite (whitespace collapsed; ... or … joins fragments in order)", lintQuoteNotInSource),
	rule("conflicting-stances", SevWarning,
		"parties that both assert and deny one claim, or both oppose it and are silent on it", lintConflictingStances),
	rule("hedge-vs-status", SevWarning,
		"established claims whose source quote hedges (reportedly, allegedly, according to, could, might, may, if)", lintHedgeVsStatus),
	rule("positions-only-entity", SevNote,
		"entities in no claim's from or to that only take positions", lintPositionsOnly),
	rule("denied-unasserted", SevNote,
		"claims someone denies or disputes that no stance asserts or confirms", lintDeniedUnasserted),
}

func init() { Rules = append(Rules, beliefRules...) }

// exempt reports whether the finding of s's rule on c is not to be made: an
// inference is stated by no source, so the sourcing rules do not apply to
// it; a claim may waive a rule, and the finding is then recorded as waived.
func (s *sink) exempt(c *Claim, msg func() string) bool {
	if c.Basis == BasisInference && (s.rule == "no-source" || s.rule == "unquoted-source") {
		return true
	}
	w, ok := c.Waived(s.rule)
	if !ok || s.rule == "" {
		return false
	}
	s.add(SevWaived, "claim", c.ID, func() string { return msg() + " (waived: " + w.Reason + ")" })
	return true
}

// QuotePlace returns where the quote is written ("file:line:col"), or "".
func (g *Graph) QuotePlace(q QuoteRef) string { return g.quotePlaces[q] }

func lintQuoteNotInSource(g *Graph, s *sink) {
	texts := map[string]string{} // source id → its text, whitespace collapsed
	for _, src := range g.sources {
		if src.Text != "" {
			texts[src.ID] = collapseSpace(src.Text)
		}
	}
	if len(texts) == 0 {
		return
	}
	check := func(c *Claim, q QuoteRef, source, quote, what string) {
		text, ok := texts[source]
		if !ok || strings.TrimSpace(quote) == "" || quoteIn(text, quote) {
			return
		}
		s.claim(c, func() string {
			at := ""
			if p := g.QuotePlace(q); p != "" {
				at = " at " + p
			}
			return fmt.Sprintf("%s quote%s is not in the text of source %q: %q", what, at, source, quote)
		})
	}
	for _, c := range g.claims {
		for i, st := range c.Stances {
			check(c, QuoteRef{c.ID, true, i}, st.Source, st.Quote, fmt.Sprintf("the %s stance of %q:", st.Position, st.By))
		}
		for i, r := range c.Sources {
			check(c, QuoteRef{c.ID, false, i}, r.Source, r.Quote, fmt.Sprintf("source reference %d:", i+1))
		}
	}
}

// collapseSpace turns every run of white space into one space and trims
// the ends: a quote copied from a page keeps its words, not its line
// breaks.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// quoteIn reports whether quote occurs in text (collapsed already): its
// fragments, apart by "..." or "…", each in text, in order.
func quoteIn(text, quote string) bool {
	q := strings.ReplaceAll(collapseSpace(quote), "…", "...")
	at := 0
	for _, frag := range strings.Split(q, "...") {
		frag = strings.TrimSpace(frag)
		if frag == "" {
			continue
		}
		i := strings.Index(text[at:], frag)
		if i < 0 {
			return false
		}
		at += i + len(frag)
	}
	return true
}

func lintConflictingStances(g *Graph, s *sink) {
	for _, c := range g.claims {
		if len(c.Stances) < 2 {
			continue
		}
		for i := range c.Stances {
			for j := i + 1; j < len(c.Stances); j++ {
				a, b := &c.Stances[i], &c.Stances[j]
				if a.By != b.By || !conflicting(a.Position, b.Position) {
					continue
				}
				s.claim(c, func() string {
					return fmt.Sprintf("%q %s (%q) and %s (%q)", a.By, stanceVerb(a.Position), a.Quote, stanceVerb(b.Position), b.Quote)
				})
			}
		}
	}
}

// stanceVerb says what a party with position p does to a claim.
func stanceVerb(p Position) string {
	switch p {
	case Silent:
		return "is silent on it"
	case Declined:
		return "declined to comment on it"
	}
	return string(p) + " it"
}

// conflicting reports whether one party cannot hold both positions: backing
// and rejecting a claim, or rejecting it and keeping silent on it.
func conflicting(a, b Position) bool {
	opposesSilent := func(x, y Position) bool { return x.Opposes() && y == Silent }
	return a.Supports() && b.Opposes() || a.Opposes() && b.Supports() || opposesSilent(a, b) || opposesSilent(b, a)
}

// hedges are the words that make a sentence report rather than state. They
// match as whole words, lower case as written, so that "3 May" and
// "specific" do not.
var hedges = [][]string{{"reportedly"}, {"allegedly"}, {"according", "to"}, {"could"}, {"might"}, {"may"}, {"if"}}

func lintHedgeVsStatus(g *Graph, s *sink) {
	for _, c := range g.claims {
		if c.Status != Established {
			continue
		}
		for _, r := range c.Sources {
			if h := hedgeIn(r.Quote); h != "" {
				s.claim(c, func() string {
					return fmt.Sprintf("is established, but its quote of %q says %q: %q", r.Source, h, r.Quote)
				})
			}
		}
	}
}

// hedgeIn returns the first hedge in quote, or "". It walks the words in
// place: the rule reads every quote of every established claim, and
// splitting each into a slice of words made it the slowest rule of check.
func hedgeIn(quote string) string {
	for i := 0; i < len(quote); {
		w, next := nextWord(quote, i)
		if w == "" {
			break
		}
		for _, h := range hedges {
			if w != h[0] {
				continue
			}
			at, ok := next, true
			for _, rest := range h[1:] {
				var w2 string
				w2, at = nextWord(quote, at)
				ok = ok && w2 == rest
			}
			if ok {
				return strings.Join(h, " ")
			}
		}
		i = next
	}
	return ""
}

// nextWord returns the word at or after byte i of s (letters, digits and
// '-') and the index after it; "" at the end. ASCII is classified by table:
// the rule reads every quote of every established claim, and decoding
// each rune for unicode.IsLetter was most of its time.
func nextWord(s string, i int) (string, int) {
	for i < len(s) && !isWordAt(s, i) {
		i += runeLen(s, i)
	}
	start := i
	for i < len(s) && isWordAt(s, i) {
		i += runeLen(s, i)
	}
	return s[start:i], i
}

// asciiWord marks the ASCII bytes nextWord counts as word characters.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
	}
	return t
}()

// isWordAt reports whether the character at s[i] is a word character.
func isWordAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func runeLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// lintPositionsOnly looks stance holders up among the entities in no
// claim, usually few, as lintUnmentioned does: a map of every stance
// holder cost more than the rest of the rule at a million claims.
func lintPositionsOnly(g *Graph, s *sink) {
	inClaim := make([]bool, len(g.entities))
	for _, e := range g.ends {
		inClaim[e.from], inClaim[e.to] = true, true
	}
	rest := map[string]int32{}
	for i, e := range g.entities {
		if !inClaim[i] {
			rest[e.ID] = int32(i)
		}
	}
	holds := make([]bool, len(g.entities))
	for _, c := range g.claims {
		if len(rest) == 0 {
			break
		}
		for _, st := range c.Stances {
			if i, ok := rest[st.By]; ok {
				holds[i] = true
				delete(rest, st.By)
			}
		}
	}
	for i, e := range g.entities {
		if holds[i] {
			s.add("", "entity", e.ID, func() string { return "is in no claim's from or to; it only takes positions" })
		}
	}
}

func lintDeniedUnasserted(g *Graph, s *sink) {
	for _, c := range g.claims {
		var pro, con bool
		for _, st := range c.Stances {
			pro = pro || st.Position.Supports()
			con = con || st.Position.Opposes()
		}
		if con && !pro {
			s.claim(c, func() string { return "is denied or disputed, but no stance asserts or confirms it" })
		}
	}
}
