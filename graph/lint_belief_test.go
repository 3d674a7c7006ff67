package graph

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lintFindings runs Lint on ds and returns "severity: finding" lines.
func lintFindings(t *testing.T, ds *Dataset) []string {
	t.Helper()
	g, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Lint(g) {
		got = append(got, string(f.Severity)+": "+f.String())
	}
	return got
}

func TestLintBelief(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(ds *Dataset)
		want   []string
	}{
		{"quote in source text, whitespace collapsed", func(ds *Dataset) {
			ds.Sources[0].Text = "Reports say that  a\n\tpays b, and more."
			ds.Claims[0].Stances[0].Source = "s1"
			ds.Claims[0].Stances[0].Quote = "say that a pays"
		}, nil},
		{"quote-not-in-source fires at the quote's place", func(ds *Dataset) {
			ds.Sources[0].Text = "nothing of the sort"
			ds.QuotePlaces = map[QuoteRef]string{{Claim: "c1", Index: 0}: "d.yaml:12:9"}
		}, []string{`error: claim "c1": source reference 1: quote at d.yaml:12:9 is not in the text of source "s1": "a pays b" [quote-not-in-source]`}},
		{"quote-not-in-source checks stances citing the source", func(ds *Dataset) {
			ds.Sources[0].Text = "a pays b"
			ds.Claims[0].Stances[1].Source = "s1"
		}, []string{`error: claim "c1": the denies stance of "b": quote is not in the text of source "s1": "never" [quote-not-in-source]`}},
		{"fragments joined by ... and … in order", func(ds *Dataset) {
			ds.Sources[0].Text = "a pays, through a shell company, b every month"
			ds.Claims[0].Sources[0].Quote = "a pays ... b every … month"
		}, nil},
		{"fragments out of order fire", func(ds *Dataset) {
			ds.Sources[0].Text = "a pays, through a shell company, b every month"
			ds.Claims[0].Sources[0].Quote = "b every … a pays"
		}, []string{`error: claim "c1": source reference 1: quote is not in the text of source "s1": "b every … a pays" [quote-not-in-source]`}},

		{"conflicting-stances: asserts and denies", func(ds *Dataset) {
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "a", Position: Denies, Quote: "not us"})
		}, []string{`warning: claim "c1": "a" asserts it ("we pay") and denies it ("not us") [conflicting-stances]`}},
		{"conflicting-stances: denies and silent", func(ds *Dataset) {
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "b", Position: Silent, Quote: "silent"})
		}, []string{`warning: claim "c1": "b" denies it ("never") and is silent on it ("silent") [conflicting-stances]`}},
		{"conflicting-stances waived, listed as waived", func(ds *Dataset) {
			ds.Claims[0].Stances = append(ds.Claims[0].Stances, Stance{By: "b", Position: Silent, Quote: "silent"})
			ds.Claims[0].Lint = []Waiver{{Rule: "conflicting-stances", Reason: "the report contradicts itself"}}
		}, []string{`waived: claim "c1": "b" denies it ("never") and is silent on it ("silent") (waived: the report contradicts itself) [conflicting-stances]`}},

		{"hedge-vs-status fires on established", func(ds *Dataset) {
			ds.Claims[0].Stances = nil
			ds.Claims[0].Status = Established
			ds.Claims[0].Sources[0].Quote = "a reportedly pays b"
		}, []string{`warning: claim "c1": is established, but its quote of "s1" says "reportedly": "a reportedly pays b" [hedge-vs-status]`}},
		{"hedge-vs-status: according to, two words", func(ds *Dataset) {
			ds.Claims[0].Stances = nil
			ds.Claims[0].Status = Established
			ds.Claims[0].Sources[1].Quote = "payments, according to the memo"
		}, []string{`warning: claim "c1": is established, but its quote of "s2" says "according to": "payments, according to the memo" [hedge-vs-status]`}},
		{"hedge-vs-status: whole lower-case words only", func(ds *Dataset) {
			ds.Claims[0].Stances = nil
			ds.Claims[0].Status = Established
			ds.Claims[0].Sources[0].Quote = "on 3 May, specific payments; Could it? Iffy maybe"
		}, nil},
		{"hedge-vs-status: reported claims may hedge", func(ds *Dataset) {
			ds.Claims[0].Sources[0].Quote = "a could pay b"
		}, nil},

		{"denied-unasserted", func(ds *Dataset) {
			ds.Claims[0].Stances = ds.Claims[0].Stances[1:]
		}, []string{`note: claim "c1": is denied or disputed, but no stance asserts or confirms it [denied-unasserted]`}},

		{"inference is exempt from no-source and unquoted-source", func(ds *Dataset) {
			ds.Claims[0].Basis = BasisInference
			ds.Claims = append(ds.Claims, Claim{ID: "c2", From: "a", To: "b", Relation: "r", Status: Reported,
				Basis: BasisInference, Detail: "from c1", Sources: []SourceRef{{Source: "s1"}}})
			ds.Claims = append(ds.Claims, Claim{ID: "c3", From: "a", To: "b", Relation: "q", Status: Reported,
				Basis: BasisInference, Detail: "from c1"})
		}, []string{`warning: claim "c2": rests on a single source, "s1" [single-source]`}},
		{"a stated claim is not exempt", func(ds *Dataset) {
			ds.Claims[0].Sources = nil
		}, []string{`warning: claim "c1": cites no source [no-source]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := lintBase()
			tt.mutate(ds)
			if got := lintFindings(t, ds); !slices.Equal(got, tt.want) {
				t.Errorf("Lint:\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestHedgeIn(t *testing.T) {
	for quote, want := range map[string]string{
		"U.S. authorities are reportedly considering": "reportedly",
		"could bolster":           "could",
		"if finalized":            "if",
		"it may":                  "may",
		"3 May 2024":              "",
		"specific evidence":       "",
		"according to a memo":     "according to",
		"according, to":           "according to", // punctuation is no word
		"allegedly—and might not": "allegedly",
		"élan may":                "may",
		"Ünlü-may":                "", // one word with its hyphen
		"x might":                 "might",
	} {
		if got := hedgeIn(quote); got != want {
			t.Errorf("hedgeIn(%q) = %q, want %q", quote, got, want)
		}
	}
}

// TestIsWordAtEveryRune holds nextWord's byte table to the definition: a
// letter, a digit or '-'.
func TestIsWordAtEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r) + "x"
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-'
		if got := isWordAt(s, 0); got != want {
			t.Fatalf("isWordAt(%q) = %t, want %t", s, got, want)
		}
		if n := runeLen(s, 0); n != utf8.RuneLen(r) {
			t.Fatalf("runeLen(%q) = %d, want %d", s, n, utf8.RuneLen(r))
		}
	}
}
