package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/data"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	global *globalOptions
	format string
	output string
	color  bool // set by runDiff from the output stream
}

func newDiffCmd(g *globalOptions, s streams) *cobra.Command {
	opts := &diffOptions{global: g}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Say what changed between two versions of a dataset",
		Long: `Diff compares two versions of a dataset and reports what changed, most
important first: claims whose status changed (alleged → established) or that
became or stopped being contested; parties that now deny, confirm or have
withdrawn a position; claims and entities added and removed; then every other
changed field. Entities, claims and sources are matched by id.

OLD and NEW are each a dataset file, a directory of them, - for standard
input, or REV:PATH for the file PATH as it was at git revision REV (read with
git show, so PATH is relative to the top of the repository unless it starts
with ./). An existing file whose name contains a colon is read as a file.

To compare with the dataset embedded in claimgraph, export it first:
claimgraph export -o memo.json.

Exit status, as for diff(1): 0 no differences, 1 differences, 2 an error.`,
		Example: `  claimgraph diff HEAD~1:data.yaml data.yaml
  claimgraph diff old/ new/ --format markdown -o whats-new.md
  claimgraph diff v1.json v2.json --format json | jq .summary`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.color = useColor(s.out) && (opts.output == "" || opts.output == "-")
			err := runDiff(opts, args[0], args[1], s.out)
			var differ *silentExit
			if errors.As(err, &differ) {
				return err
			}
			return withExitStatus(exitUsage, err)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text, markdown, json or svg")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats("text", "markdown", "json", "svg"))
	return cmd
}

// diffFormats are the writers of --format; each gets the diff and the two
// graphs, to name entities in sentences.
var diffFormats = map[string]func(w io.Writer, r *diffReport) error{
	"text":     writeDiffText,
	"markdown": writeDiffMarkdown,
	"json":     writeDiffJSON,
	"svg":      writeDiffSVG,
}

// runDiff writes the differences from OLD to NEW and returns &silentExit{1}
// when there are some. Its caller makes every other error exit 2.
func runDiff(opts *diffOptions, oldArg, newArg string, stdout io.Writer) error {
	write, ok := diffFormats[opts.format]
	if !ok {
		return usageErrorf("unknown --format %q (want text, markdown, json or svg)", opts.format)
	}
	if len(opts.global.data) > 0 {
		return usageErrorf("diff takes its two datasets as arguments, not --data")
	}
	if oldArg == "-" && newArg == "-" {
		return usageErrorf("OLD and NEW cannot both be standard input")
	}
	// The two versions load in parallel: at a million claims loading is
	// nearly all of diff's time, and the two loads share nothing.
	var new *graph.Graph
	var newErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		new, newErr = opts.loadVersion(newArg)
	}()
	old, err := opts.loadVersion(oldArg)
	<-done
	if err != nil {
		return err
	}
	if newErr != nil {
		return newErr
	}
	r := &diffReport{diff: graph.Compare(old, new), old: old, new: new, color: opts.color}
	r.summary = r.diff.Summarize()
	err = writeOutput(opts.output, stdout, func(w io.Writer) error { return write(w, r) })
	var tl *render.TooLargeError
	if errors.As(err, &tl) {
		return withHint(err, tl.Hint())
	}
	if err != nil {
		return err
	}
	if r.diff.Empty() {
		return nil
	}
	return &silentExit{exitFailure}
}

// loadVersion reads one side of the comparison: a path, "-", or REV:PATH.
func (opts *diffOptions) loadVersion(arg string) (*graph.Graph, error) {
	o := data.Options{MaxBytes: opts.global.maxBytes, Stdin: opts.global.stdin}
	var ds *graph.Dataset
	var err error
	if rev, path, ok := data.SplitRevision(arg); ok {
		ds, err = data.LoadRevision(rev, path, o)
		var ge *data.GitError
		switch {
		case errors.Is(err, data.ErrNoGit):
			err = withHint(err, "REV:PATH reads a file from git history; install git, or compare two files")
		case errors.As(err, &ge):
			err = withHint(err, fmt.Sprintf("no file %q exists, so it was read as REV:PATH, the file %s at git revision %q", arg, path, rev))
		}
	} else {
		ds, err = data.Load([]string{arg}, o)
	}
	if err != nil {
		return nil, err
	}
	return graph.New(ds)
}

// diffReport is a Diff with what its writers need to say it in words.
type diffReport struct {
	diff     *graph.Diff
	summary  graph.Summary
	old, new *graph.Graph
	color    bool
}

// A diffSection is one group of the text and Markdown reports; its lines are
// spans, so that each format can mark claims, quotes and old and new values
// in its own way.
type diffSection struct {
	title string
	lines [][]span
}

type spanRole int

const (
	spanPlain spanRole = iota
	spanClaim          // a claim as a sentence
	spanName           // an entity or party
	spanQuote          // a quote from a source
	spanOld
	spanNew
)

type span struct {
	role spanRole
	text string
}

func sp(role spanRole, text string) span { return span{role, text} }

// sections returns the report's groups, most important first, empty ones
// left out.
func (r *diffReport) sections() []diffSection {
	var status, contested, stances, other [][]span
	for _, c := range r.diff.Claims.Changed {
		sentence := sp(spanClaim, r.sentence(r.new, c.New))
		var fields []span
		for _, ch := range c.Changes {
			switch ch.Field {
			case "status":
				status = append(status, []span{sentence, sp(spanPlain, ": "), sp(spanOld, ch.Old.(string)), sp(spanPlain, " → "), sp(spanNew, ch.New.(string))})
			case graph.FieldContested:
				now := "now contested"
				if !ch.New.(bool) {
					now = "no longer contested"
				}
				line := []span{sentence, sp(spanPlain, ": "), sp(spanNew, now)}
				if opp := c.New.Opponents(); len(opp) > 0 && ch.New.(bool) {
					line = append(line, sp(spanPlain, " (opposed by "), sp(spanName, r.partyList(opp)), sp(spanPlain, ")"))
				}
				contested = append(contested, line)
			case graph.FieldStance:
				stances = append(stances, r.stanceLine(sentence, ch.Old.(*graph.Stance), ch.New.(*graph.Stance)))
			case graph.FieldNegated:
				fields = append(fields, sp(spanNew, negationText(ch.New.(bool))), sp(spanPlain, "; "))
			case graph.FieldSource:
				if old := ch.Old.(*graph.SourceRef); old != nil {
					fields = append(fields, sp(spanPlain, "source removed: "), sp(spanOld, r.sourceRef(old)), sp(spanPlain, "; "))
				} else {
					fields = append(fields, sp(spanPlain, "source added: "), sp(spanNew, r.sourceRef(ch.New.(*graph.SourceRef))), sp(spanPlain, "; "))
				}
			default:
				fields = append(fields, fieldSpans(ch)...)
			}
		}
		if len(fields) > 0 {
			fields[len(fields)-1] = sp(spanPlain, "") // the last "; "
			other = append(other, append([]span{sp(spanPlain, "claim "), sentence, sp(spanPlain, ": ")}, fields...))
		}
	}
	for _, c := range r.diff.Entities.Changed {
		other = append(other, changedLine("entity ", displayName(c.New), c.Changes))
	}
	for _, s := range r.diff.Sources.Added {
		other = append(other, []span{sp(spanPlain, "source added: "), sp(spanNew, sourceName(s))})
	}
	for _, s := range r.diff.Sources.Removed {
		other = append(other, []span{sp(spanPlain, "source removed: "), sp(spanOld, sourceName(s))})
	}
	for _, c := range r.diff.Sources.Changed {
		other = append(other, changedLine("source ", sourceName(c.New), c.Changes))
	}
	if t := r.diff.Title; t != nil {
		other = append(other, fieldSpans(*t)[:4])
	}

	var added, removed, entAdded, entRemoved [][]span
	for _, c := range r.diff.Claims.Added {
		added = append(added, []span{sp(spanClaim, r.sentence(r.new, c)), sp(spanPlain, " ("+string(c.Status)+")")})
	}
	for _, c := range r.diff.Claims.Removed {
		removed = append(removed, []span{sp(spanClaim, r.sentence(r.old, c)), sp(spanPlain, " (was "+string(c.Status)+")")})
	}
	for _, e := range r.diff.Entities.Added {
		entAdded = append(entAdded, []span{sp(spanName, displayName(e)), sp(spanPlain, " ("+string(e.Type)+")")})
	}
	for _, e := range r.diff.Entities.Removed {
		entRemoved = append(entRemoved, []span{sp(spanName, displayName(e)), sp(spanPlain, " ("+string(e.Type)+")")})
	}
	var out []diffSection
	for _, s := range []diffSection{
		{"Status changes", status},
		{"Contested", contested},
		{"Positions", stances},
		{"Claims added", added},
		{"Claims removed", removed},
		{"Entities added", entAdded},
		{"Entities removed", entRemoved},
		{"Other changes", other},
	} {
		if len(s.lines) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// stanceLine says what a party's change of position means: "Apple now
// confirms: A — r → B “quote”", "Alibaba withdrew its denial: ...".
func (r *diffReport) stanceLine(sentence span, old, new *graph.Stance) []span {
	switch {
	case new == nil:
		line := []span{sp(spanName, r.party(old.By)), sp(spanPlain, " withdrew its "+positionNoun(old.Position)+" on "), sentence}
		if old.Quote != "" {
			line = append(line, sp(spanPlain, " (was "), sp(spanQuote, quote(old.Quote)), sp(spanPlain, ")"))
		}
		return line
	case old == nil:
		return append([]span{sp(spanName, r.party(new.By)), sp(spanPlain, " now "), sp(spanNew, positionVerb(new.Position)), sp(spanPlain, " "), sentence}, quoteSpans(new)...)
	case old.Position != new.Position:
		return append([]span{sp(spanName, r.party(new.By)), sp(spanPlain, " now "), sp(spanNew, positionVerb(new.Position)),
			sp(spanPlain, " (was: "), sp(spanOld, positionVerb(old.Position)), sp(spanPlain, ") "), sentence}, quoteSpans(new)...)
	}
	line := []span{sp(spanName, r.party(new.By)), sp(spanPlain, " "+positionVerb(new.Position)+" "), sentence}
	if old.Quote != new.Quote {
		line = append(line, sp(spanPlain, "; quote "), sp(spanOld, quote(old.Quote)), sp(spanPlain, " → "), sp(spanNew, quote(new.Quote)))
	}
	if old.Source != new.Source {
		line = append(line, sp(spanPlain, "; source "), sp(spanOld, orNone(old.Source)), sp(spanPlain, " → "), sp(spanNew, orNone(new.Source)))
	}
	return line
}

func quoteSpans(s *graph.Stance) []span {
	if s.Quote == "" {
		return nil
	}
	return []span{sp(spanPlain, ": "), sp(spanQuote, quote(s.Quote))}
}

// fieldSpans says one field change, ending in a "; " separator the caller
// drops after the last one.
// changedLine reads "entity NAME: field old → new; field old → new".
func changedLine(kind, name string, changes []graph.Change) []span {
	var fields []span
	for _, ch := range changes {
		fields = append(fields, fieldSpans(ch)...)
	}
	fields[len(fields)-1] = sp(spanPlain, "") // the last "; "
	return append([]span{sp(spanPlain, kind), sp(spanName, name), sp(spanPlain, ": ")}, fields...)
}

func fieldSpans(ch graph.Change) []span {
	return []span{sp(spanPlain, ch.Field+" "), sp(spanOld, valueText(ch.Old)), sp(spanPlain, " → "), sp(spanNew, valueText(ch.New)), sp(spanPlain, "; ")}
}

func valueText(v any) string {
	switch v := v.(type) {
	case string:
		if v == "" {
			return "(none)"
		}
		return quote(v)
	case []string:
		if len(v) == 0 {
			return "(none)"
		}
		return "[" + strings.Join(v, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func quote(s string) string { return "“" + s + "”" }

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func positionVerb(p graph.Position) string {
	switch p {
	case graph.Declined:
		return "declines to comment on"
	case graph.Silent:
		return "is silent on"
	}
	return string(p)
}

func positionNoun(p graph.Position) string {
	switch p {
	case graph.Asserts:
		return "assertion"
	case graph.Confirms:
		return "confirmation"
	case graph.Denies:
		return "denial"
	case graph.Disputes:
		return "dispute"
	case graph.Declined:
		return "refusal to comment"
	case graph.Silent:
		return "silence"
	}
	return "position " + string(p)
}

// sentence names a claim as a reader says it: "Alibaba Group — transfers
// customer data to → People's Liberation Army".
func (r *diffReport) sentence(g *graph.Graph, c *graph.Claim) string {
	return entityName(g, c.From) + " — " + graph.RelationText(c) + " → " + entityName(g, c.To)
}

// party names the author of a stance, from the new version if it is still
// there, else from the old one.
func (r *diffReport) party(id string) string {
	if e := r.new.Entity(id); e != nil {
		return displayName(e)
	}
	return entityName(r.old, id)
}

func (r *diffReport) partyList(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = r.party(id)
	}
	return strings.Join(names, ", ")
}

// sourceRef names a claim's source by id: the source records themselves,
// titles and all, are listed when they change.
func (r *diffReport) sourceRef(ref *graph.SourceRef) string {
	name := ref.Source
	if ref.Quote == "" {
		return name
	}
	return name + " " + quote(ref.Quote)
}

func displayName(e *graph.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.ID
}

func sourceName(s *graph.Source) string {
	if s.Title != "" {
		return s.ID + " (" + s.Title + ")"
	}
	return s.ID
}

// summaryLine is the text report's last line: "2 status changes, 1 new
// denial, 3 claims added, 1 removed, 2 entities added".
func summaryLine(s graph.Summary) string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, plural(n, one, many))
		}
	}
	// pair says "3 claims added, 1 removed", or "1 claim removed" alone.
	pair := func(added, removed int, one, many string) {
		add(added, one+" added", many+" added")
		if added > 0 {
			add(removed, "removed", "removed")
		} else {
			add(removed, one+" removed", many+" removed")
		}
	}
	add(s.StatusChanges, "status change", "status changes")
	add(s.NowContested, "now contested", "now contested")
	add(s.NoLongerContested, "no longer contested", "no longer contested")
	add(s.NewDenials, "new denial", "new denials")
	add(s.NewConfirmations, "new confirmation", "new confirmations")
	add(s.StancesWithdrawn, "position withdrawn", "positions withdrawn")
	add(s.OtherStanceChanges, "other position change", "other position changes")
	pair(s.ClaimsAdded, s.ClaimsRemoved, "claim", "claims")
	pair(s.EntitiesAdded, s.EntitiesRemoved, "entity", "entities")
	add(s.ClaimsChanged, "claim changed", "claims changed")
	add(s.EntitiesChanged, "entity changed", "entities changed")
	pair(s.SourcesAdded, s.SourcesRemoved, "source", "sources")
	add(s.SourcesChanged, "source changed", "sources changed")
	if s.TitleChanged {
		parts = append(parts, "title changed")
	}
	if len(parts) == 0 {
		return "no differences"
	}
	return strings.Join(parts, ", ")
}

// ANSI styles of the text report on a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

func writeDiffText(w io.Writer, r *diffReport) error {
	style := func(code, s string) string {
		if !r.color || s == "" {
			return s
		}
		return code + s + ansiReset
	}
	var b strings.Builder
	for _, s := range r.sections() {
		b.WriteString(style(ansiBold, s.title) + "\n")
		mark := "  "
		switch s.title {
		case "Claims added", "Entities added":
			mark = style(ansiGreen, "+ ")
		case "Claims removed", "Entities removed":
			mark = style(ansiRed, "- ")
		}
		for _, line := range s.lines {
			b.WriteString("  " + mark)
			for _, p := range line {
				t := terminalSafe(p.text)
				switch p.role {
				case spanOld:
					t = style(ansiRed, t)
				case spanNew:
					t = style(ansiGreen, t)
				case spanQuote:
					t = style(ansiCyan, t)
				case spanClaim, spanName:
					t = style(ansiBold, t)
				}
				b.WriteString(t)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(style(ansiYellow, summaryLine(r.summary)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// terminalSafe keeps a dataset's text from steering the terminal: control
// characters (escape sequences, carriage returns) are shown as \x escapes,
// and line breaks become spaces so that every report line stays one line.
func terminalSafe(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func writeDiffMarkdown(w io.Writer, r *diffReport) error {
	var b strings.Builder
	b.WriteString("## What changed since the last briefing\n\n")
	title := r.new.Title()
	if title == "" {
		title = r.old.Title()
	}
	if title != "" {
		b.WriteString("*" + markdownEscape(title, false) + "*: ")
	}
	if r.diff.Empty() {
		b.WriteString("no changes.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(markdownEscape(summaryLine(r.summary), false) + ".\n")
	for _, s := range r.sections() {
		b.WriteString("\n### " + s.title + "\n\n")
		for _, line := range s.lines {
			b.WriteString("- ")
			for i, p := range line {
				t := markdownEscape(p.text, i == 0)
				switch {
				case t == "":
				case p.role == spanClaim:
					t = "**" + t + "**"
				case p.role == spanNew:
					t = "*" + t + "*"
				case p.role == spanOld:
					t = "~~" + t + "~~"
				}
				b.WriteString(t)
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownEscape backslash-escapes the characters that Markdown (and the
// HTML it allows) would read as markup, so that a name such as "<script>" or
// "*Alibaba*" prints as written, and keeps the text on one line. At the start
// of a line, where "-", "+", "#" or "1." would begin a list or a heading, the
// first of them is escaped too.
func markdownEscape(s string, lineStart bool) string {
	var b strings.Builder
	s = terminalSafe(s)
	if lineStart {
		digits := strings.TrimLeftFunc(s, unicode.IsDigit)
		switch {
		case s != "" && strings.ContainsRune("-+#=", rune(s[0])):
			b.WriteByte('\\')
		case len(digits) < len(s) && digits != "" && (digits[0] == '.' || digits[0] == ')'):
			b.WriteString(s[:len(s)-len(digits)] + "\\")
			s = digits
		}
	}
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

type jsonDiff struct {
	Title    *jsonChange   `json:"title,omitempty"`
	Entities jsonSection   `json:"entities"`
	Claims   jsonSection   `json:"claims"`
	Sources  jsonSection   `json:"sources"`
	Summary  graph.Summary `json:"summary"`
}

type jsonSection struct {
	Added   []string      `json:"added"`
	Removed []string      `json:"removed"`
	Changed []jsonChanged `json:"changed"`
}

type jsonChanged struct {
	ID      string       `json:"id"`
	Changes []jsonChange `json:"changes"`
}

type jsonChange struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

func writeDiffJSON(w io.Writer, r *diffReport) error {
	d := r.diff
	out := jsonDiff{
		Entities: toJSONSection(d.Entities, func(e *graph.Entity) string { return e.ID }),
		Claims:   toJSONSection(d.Claims, func(c *graph.Claim) string { return c.ID }),
		Sources:  toJSONSection(d.Sources, func(s *graph.Source) string { return s.ID }),
		Summary:  r.summary,
	}
	if d.Title != nil {
		c := toJSONChange(*d.Title)
		out.Title = &c
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func toJSONSection[T any](s graph.Section[T], id func(T) string) jsonSection {
	js := jsonSection{Added: []string{}, Removed: []string{}, Changed: []jsonChanged{}}
	for _, x := range s.Added {
		js.Added = append(js.Added, id(x))
	}
	for _, x := range s.Removed {
		js.Removed = append(js.Removed, id(x))
	}
	for _, c := range s.Changed {
		jc := jsonChanged{ID: id(c.New)}
		for _, ch := range c.Changes {
			jc.Changes = append(jc.Changes, toJSONChange(ch))
		}
		js.Changed = append(js.Changed, jc)
	}
	return js
}

// toJSONChange writes lists as [] rather than null, so that null always
// means "absent": a stance not yet taken or withdrawn, a source not cited.
func toJSONChange(ch graph.Change) jsonChange {
	fix := func(v any) any {
		if l, ok := v.([]string); ok && l == nil {
			return []string{}
		}
		return v
	}
	return jsonChange{ch.Field, fix(ch.Old), fix(ch.New)}
}

// writeDiffSVG draws the union of both versions with the normal styling,
// marking what was added, removed or changed; render adds the legend for
// the marks it uses.
func writeDiffSVG(w io.Writer, r *diffReport) error {
	u, err := graph.New(r.diff.Union(r.old, r.new))
	if err != nil {
		return fmt.Errorf("diff overlay: %w", err)
	}
	return render.SVG(w, u, render.Options{
		Title:   r.new.Title(),
		Caption: "What changed: " + summaryLine(r.summary),
		Marks:   r.marks(),
	})
}

// marks says, for each entity and claim the diff touches, how the overlay
// shows it. Claims come last, so that in the unlikely case of an entity and
// a claim sharing an id the claim keeps its mark: claims carry the news.
func (r *diffReport) marks() map[string]render.Mark {
	m := map[string]render.Mark{}
	for _, e := range r.diff.Entities.Added {
		m[e.ID] = render.Mark{Class: render.MarkAdded}
	}
	for _, e := range r.diff.Entities.Removed {
		m[e.ID] = render.Mark{Class: render.MarkRemoved, Note: "(removed)"}
	}
	for _, c := range r.diff.Entities.Changed {
		var notes []string
		for _, ch := range c.Changes {
			if ch.Field == "name" {
				notes = append(notes, "was: "+valueText(ch.Old))
			} else {
				notes = append(notes, ch.Field+" changed")
			}
		}
		m[c.New.ID] = render.Mark{Class: render.MarkChanged, Note: strings.Join(notes, "; ")}
	}
	for _, c := range r.diff.Claims.Added {
		m[c.ID] = render.Mark{Class: render.MarkAdded}
	}
	for _, c := range r.diff.Claims.Removed {
		m[c.ID] = render.Mark{Class: render.MarkRemoved, Note: "(removed)"}
	}
	for _, c := range r.diff.Claims.Changed {
		m[c.New.ID] = render.Mark{Class: render.MarkChanged, Note: claimNote(r, c.Changes)}
	}
	return m
}

// claimNote says in a few words what changed on a claim: "was: alleged",
// "now contested", "new denial by Chinese government".
func claimNote(r *diffReport, changes []graph.Change) string {
	var notes, fields []string
	for _, ch := range changes {
		switch ch.Field {
		case "status":
			notes = append(notes, "was: "+ch.Old.(string))
		case graph.FieldContested:
			if ch.New.(bool) {
				notes = append(notes, "now contested")
			} else {
				notes = append(notes, "no longer contested")
			}
		case graph.FieldStance:
			old, new := ch.Old.(*graph.Stance), ch.New.(*graph.Stance)
			switch graph.KindOf(old, new) {
			case graph.StanceDenial:
				notes = append(notes, "new denial by "+r.party(new.By))
			case graph.StanceConfirmation:
				notes = append(notes, "new confirmation by "+r.party(new.By))
			case graph.StanceWithdrawn:
				notes = append(notes, r.party(old.By)+" withdrew its "+positionNoun(old.Position))
			default:
				fields = appendOnce(fields, "stances")
			}
		case graph.FieldSource:
			fields = appendOnce(fields, "sources")
		default:
			fields = appendOnce(fields, ch.Field)
		}
	}
	if len(fields) > 0 {
		notes = append(notes, strings.Join(fields, ", ")+" changed")
	}
	return strings.Join(notes, "; ")
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
