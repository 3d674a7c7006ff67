package testcases

// The belief fields' cases (credibility, basis, likelihood, negation, lint
// waivers, source text, country codes) join the table in Load, so that the
// loader's test and the command's both run them.

var belief = []Case{
	{Name: "reliability with a credibility digit", Src: "sources:\n  - {id: s, title: S, reliability: B2}\n",
		Want: []string{`t.yaml:2:36: source reliability "B2" is a full Admiralty grade: the letter "B" grades the source, but the digit "2" grades one piece of information and belongs to the claim's credibility`}},
	{Name: "credibility out of range", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, credibility: 7}\n"),
		Want: []string{`t.yaml:8:66: claim credibility 7 is not an Admiralty credibility grade (want 1 to 6`}},
	{Name: "credibility zero", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, credibility: 0}\n"),
		Want: []string{`t.yaml:8:66: claim credibility 0 is not an Admiralty credibility grade`}},
	{Name: "credibility as a string", File: "t.json", Src: `{"claims": [{"from": "a", "to": "a", "relation": "r", "status": "reported", "credibility": "2"}], "entities": [{"id": "a", "name": "A", "type": "company"}]}`,
		Want: []string{`t.json:1:92: claim credibility: expected a number from 1 to 6, got a string`}},
	{Name: "credibility note without a grade", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, credibility_note: why}\n"),
		Want: []string{`t.yaml:8:5: claim credibility_note without a credibility`}},
	{Name: "negated not a boolean", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, negated: [x]}\n"),
		Want: []string{`t.yaml:8:62: claim negated: expected true or false, got a list`}},
	{Name: "unknown basis", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, basis: infered}\n"),
		Want: []string{`t.yaml:8:60: claim basis "infered" is not one of stated, assessment, inference (did you mean "inference"?)`}},
	{Name: "inference without a detail", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, basis: inference}\n"),
		Want: []string{`t.yaml:8:60: claim basis is inference, but the claim has no detail`}},
	{Name: "unknown likelihood", Src: WithClaims("  - {from: a, to: b, relation: r, status: proposed, likelihood: probable}\n"),
		Want: []string{`t.yaml:8:65: claim likelihood "probable" is not one of almost-no-chance, very-unlikely, unlikely, roughly-even-chance, likely, very-likely, almost-certain`}},
	{Name: "waiver of an unknown rule", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, lint: [{rule: single-sorce, reason: x}]}\n"),
		Want: []string{`t.yaml:8:67: lint waiver rule "single-sorce" is not one of derived-cycle, no-source`}},
	{Name: "waiver without a reason", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, lint: [{rule: single-source}]}\n"),
		Want: []string{`t.yaml:8:60: lint waiver reason is missing`}},
	{Name: "waiver twice", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, lint: [{rule: no-source, reason: x}, {rule: no-source, reason: y}]}\n"),
		Want: []string{`t.yaml:8:97: lint waiver rule "no-source" is waived twice on this claim`}},
	{Name: "text_file not found or without a directory", Src: "sources:\n  - {id: s, title: S, text_file: report.txt}\n",
		Want: []string{`t.yaml:2:34: source text_file "report.txt": `}},
	{Name: "text and text_file", Src: "sources:\n  - {id: s, title: S, text: x, text_file: report.txt}\n",
		Want: []string{`t.yaml:2:43: source has both text and text_file: give one`}},
	{Name: "bad retrieved date", Src: "sources:\n  - {id: s, title: S, retrieved: 2023-02-30}\n",
		Want: []string{`t.yaml:2:34: source retrieved "2023-02-30" is not a real date`}},
	{Name: "UK is not a country code", Src: "entities:\n  - {id: a, name: A, type: company, country: UK}\n",
		Want: []string{`t.yaml:2:46: entity country "UK" is not an ISO 3166-1 alpha-2 code (did you mean GB?)`}},
	{Name: "XX is not a country code", Src: "entities:\n  - {id: a, name: A, type: company, country: XX}\n",
		Want: []string{`t.yaml:2:46: entity country "XX" is not an ISO 3166-1 alpha-2 code`}},
	{Name: "unknown stance field, note close", Src: WithClaims("  - {from: a, to: b, relation: r, status: reported, stances: [{by: a, position: asserts, notes: x}]}\n"),
		Want: []string{`t.yaml:8:90: unknown field "notes" in stance (did you mean "note"?)`}},
}
