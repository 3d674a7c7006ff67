package data

import (
	"net/url"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// suggest returns the candidate closest to s by edit distance, if it is
// close enough to be a plausible typo, or "".
func suggest(s string, candidates []string) string {
	best, bestD := "", -1
	n := len([]rune(s))
	limit := min((n+2)/3, 3, n-1) // 1 edit up to 3 letters, 2 up to 6, else 3; never all of s
	for _, c := range candidates {
		if abs(len(c)-len(s)) > 2*limit { // cheap filter before the quadratic distance
			continue
		}
		d := graph.Levenshtein(strings.ToLower(s), strings.ToLower(c))
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

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
