package data

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// suggest returns the candidate closest to s by edit distance, if it is
// close enough to be a plausible typo, or "". The distance is computed
// only within that threshold (graph.LevenshteinWithin), and not for text
// longer than maxSuggestRunes: nobody mistypes a 200-character id, and a
// full edit distance on ids of any length took 37 s on a 200 KB file.
//
// budget, when not nil, is the number of distance cells left to spend; it
// is decreased by the most each candidate can cost, and no suggestion is
// made once it is spent: "did you mean" for 50 references against a
// million ids must not cost more than the load.
func suggest(s string, candidates []string, budget *int) string {
	n := utf8.RuneCountInString(s)
	if n > maxSuggestRunes {
		return ""
	}
	best, bestD := "", -1
	limit := min((n+2)/3, 3, n-1) // 1 edit up to 3 letters, 2 up to 6, else 3; never all of s
	if limit < 0 {
		return ""
	}
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if abs(len(c)-len(s)) > 4*limit { // bytes: a rune is up to 4 of them
			continue
		}
		k := limit
		if bestD >= 0 {
			k = bestD - 1 // only a closer candidate matters now
		}
		if k < 0 {
			break
		}
		if budget != nil {
			if *budget <= 0 {
				return ""
			}
			*budget -= (2*k + 1) * (n + 1)
		}
		d := graph.LevenshteinWithin(ls, strings.ToLower(c), k)
		if d <= k {
			best, bestD = c, d
		}
	}
	return best
}

// maxSuggestRunes is the longest text that gets a suggestion;
// suggestBudget the distance cells all the suggestions of one load may
// cost (about half a second).
const (
	maxSuggestRunes = 64
	suggestBudget   = 200_000_000
)

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func isCountryCode(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

// checkURL returns what is wrong with u, or "". Only http and https are
// allowed: a dataset's links end up clickable in SVG and HTML output, where
// javascript: or data: would run.
func checkURL(u string) string {
	if strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return "has spaces or control characters"
	}
	p, err := url.Parse(u)
	if err != nil {
		return "is not a valid url"
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return "is not an http or https url"
	}
	if p.Host == "" {
		return "has no host"
	}
	return ""
}

// checkDate returns what is wrong with a date, or "". Dates are YYYY-MM-DD,
// or YYYY-MM or YYYY when reporting gives no more: a partial date is honest
// where an invented day would not be.
func checkDate(s string) string {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	shape := len(layout) > 0
	for i := 0; shape && i < len(s); i++ {
		if layout[i] == '-' {
			shape = s[i] == '-'
		} else {
			shape = '0' <= s[i] && s[i] <= '9'
		}
	}
	if !shape {
		return "is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)"
	}
	if _, err := time.Parse(layout, s); err != nil || s[:4] == "0000" {
		return "is not a real date"
	}
	return ""
}
