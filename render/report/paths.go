package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/render"
)

// PathsNote is said once by every paths output: a chain of claims is
// claimgraph's composition, and a briefing must not quote it as a source's.
const PathsNote = "Paths are composed by claimgraph from separate claims; no source states these chains."

// Paths is a path search's result, ready to write in each format.
type Paths struct {
	G        *graph.Graph
	From, To *graph.Entity
	Search   graph.PathOptions // the search that found them, for the heading
	Found    []graph.Path
	Quotes   bool // also print the source sentences each claim rests on
}

// Write writes r as "text", "markdown" or "json".
func (r *Paths) Write(w io.Writer, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, r.JSON())
	case "markdown":
		return r.Markdown(w)
	}
	return r.Text(w)
}

// PathsJSON is the shape of `paths --format json`.
type PathsJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Note  string     `json:"note"`
	Paths []PathJSON `json:"paths"`
}

type PathJSON struct {
	Rank          int         `json:"rank"`
	Entities      []string    `json:"entities"`
	Hops          []HopJSON   `json:"hops"`
	ContestedHops int         `json:"contested_hops"`
	Weakest       WeakestJSON `json:"weakest"`
	Reading       string      `json:"reading"`
}

type HopJSON struct {
	From        string            `json:"from"`
	To          string            `json:"to"`
	Direction   string            `json:"direction"`
	Claims      []string          `json:"claims"`
	Contested   bool              `json:"contested"`
	Denied      bool              `json:"denied"`
	ClaimDetail []ClaimDetailJSON `json:"claim_detail"` // Claims, in the same order, read
}

// ClaimDetailJSON is one claim of a hop with its reading's facts.
type ClaimDetailJSON struct {
	ID         string       `json:"id"`
	Status     graph.Status `json:"status"`
	Contested  bool         `json:"contested"`
	Denied     bool         `json:"denied"`
	Supporters []string     `json:"supporters"`
	Opponents  []string     `json:"opponents"`
	Sources    []string     `json:"sources"`
	Negated    bool         `json:"negated"` // the claim states the relation does NOT hold
}

// WeakestJSON names the weakest link by its best claim. status is the
// claim's own status; contested says whether it counts as contested.
type WeakestJSON struct {
	Claim     string `json:"claim"`
	Status    string `json:"status"`
	Contested bool   `json:"contested"`
	Denied    bool   `json:"denied"`
	Hop       int    `json:"hop"` // index into hops
}

// JSON returns r in the shape of `paths --format json`.
func (r *Paths) JSON() PathsJSON {
	out := PathsJSON{From: r.From.ID, To: r.To.ID, Note: PathsNote, Paths: []PathJSON{}}
	for i, p := range r.Found {
		weak := r.G.Read(p.Weakest)
		pj := PathJSON{
			Rank:          i + 1,
			Entities:      make([]string, len(p.Entities)),
			Hops:          make([]HopJSON, len(p.Hops)),
			ContestedHops: p.ContestedHops,
			Weakest: WeakestJSON{Claim: p.Weakest.ID, Status: string(p.Weakest.Status),
				Contested: weak.Contested, Denied: weak.Denied, Hop: p.WeakestHop},
			Reading: r.G.ReadPath(p),
		}
		for k, e := range p.Entities {
			pj.Entities[k] = e.ID
		}
		for k, h := range p.Hops {
			hj := HopJSON{From: h.From.ID, To: h.To.ID, Direction: string(h.Direction),
				Claims: make([]string, len(h.Claims)), Contested: h.Contested,
				Denied: r.G.Read(h.Claims[0]).Denied, ClaimDetail: make([]ClaimDetailJSON, len(h.Claims))}
			for m, c := range h.Claims {
				hj.Claims[m] = c.ID
				rd := r.G.Read(c)
				hj.ClaimDetail[m] = ClaimDetailJSON{ID: c.ID, Status: c.Status, Contested: rd.Contested,
					Denied: rd.Denied, Supporters: rd.Supporters(), Opponents: rd.Opponents(), Sources: sourceIDs(c), Negated: c.Negated}
			}
			pj.Hops[k] = hj
		}
		out.Paths = append(out.Paths, pj)
	}
	return out
}

// DescribeSearch names the non-default parts of a search, for headings and
// messages: " (following claims both ways; using only alleged claims)".
func DescribeSearch(opts graph.PathOptions) string {
	var parts []string
	if opts.Undirected {
		parts = append(parts, "following claims both ways")
	}
	if opts.Statuses != nil {
		ss := make([]string, len(opts.Statuses))
		for i, s := range opts.Statuses {
			ss[i] = string(s)
		}
		parts = append(parts, "using only "+strings.Join(ss, ", ")+" claims")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// heading is the one-line summary above the paths.
func (r *Paths) heading() string {
	n := Plural(len(r.Found), "path", "paths")
	if len(r.Found) == r.Search.Limit {
		n = fmt.Sprintf("the best %d (--limit %d)", len(r.Found), r.Search.Limit)
	}
	mode := "following claims from subject to object"
	if r.Search.Undirected {
		mode = "following claims both ways"
	}
	if r.Search.AvoidContested {
		mode += ", no contested hop"
	}
	if r.Search.Rank == graph.RankHops {
		mode += ", fewest hops first"
	}
	return fmt.Sprintf("%s, at most %s, %s%s", n, Plural(r.Search.MaxHops, "hop", "hops"), mode,
		DescribeSearch(graph.PathOptions{Statuses: r.Search.Statuses}))
}

// chain is a path as entity names joined by arrows; backward hops point
// back: "Apple ← U.S. government → Alibaba Group".
func chain(p graph.Path) string {
	var b strings.Builder
	b.WriteString(p.Entities[0].Name)
	for _, h := range p.Hops {
		if h.Direction == graph.Backward {
			b.WriteString(" ← ")
		} else {
			b.WriteString(" → ")
		}
		b.WriteString(h.To.Name)
	}
	return b.String()
}

// hopLabel names a hop by entity ids in travel order, the arrow pointing
// as its claims do: "apple ← us-gov" travels from apple to us-gov along
// claims us-gov made about apple.
func hopLabel(h graph.Hop) string {
	if h.Direction == graph.Backward {
		return fmt.Sprintf("%s ← %s", h.From.ID, h.To.ID)
	}
	return fmt.Sprintf("%s → %s", h.From.ID, h.To.ID)
}

// hopMark is "contested", "denied" or "".
func (r *Paths) hopMark(h graph.Hop) string {
	switch rd := r.G.Read(h.Claims[0]); {
	case rd.Contested:
		return "contested"
	case rd.Denied:
		return "denied"
	}
	return ""
}

// summaryLine gives a path's hops, contested hops and weakest link.
// A denied hop (denied or disputed, asserted by nobody) is counted apart
// when there is one: "2 hops, 0 contested, 1 denied; ...".
func (r *Paths) summaryLine(p graph.Path, id func(string) string) string {
	denied := ""
	n := 0
	for _, h := range p.Hops {
		if r.hopMark(h) == "denied" {
			n++
		}
	}
	if n > 0 {
		denied = fmt.Sprintf(", %d denied", n)
	}
	return fmt.Sprintf("%s, %d contested%s; weakest link: %s (%s)",
		Plural(len(p.Hops), "hop", "hops"), p.ContestedHops, denied, id(p.Weakest.ID), strengthLabel(r.G, p.Weakest))
}

// Text writes the paths for a terminal: a heading and the note, then each
// path with its hops and each hop's claims, read.
func (r *Paths) Text(w io.Writer) error {
	p := &Printer{W: w}
	p.Line(Text(fmt.Sprintf("Paths from %s (%s) to %s (%s): %s", r.From.Name, r.From.ID, r.To.Name, r.To.ID, r.heading())))
	p.Line(PathsNote)
	for i, path := range r.Found {
		p.Line("")
		p.Line(fmt.Sprintf("%d. %s", i+1, Text(chain(path))))
		p.Line("   " + Text(r.summaryLine(path, func(s string) string { return s })))
		p.Line("   " + Text(r.G.ReadPath(path)))
		for _, h := range path.Hops {
			mark := ""
			if m := r.hopMark(h); m != "" {
				mark = "  [" + m + "]"
			}
			p.Line("   " + Text(hopLabel(h)) + mark)
			for _, c := range h.Claims {
				p.Line("     " + Text(c.ID+": "+r.G.Read(c).String()))
				p.Line("       " + Text(graph.RelationText(c)) + marks(r.G.SourceNumbers(c)))
				if r.Quotes {
					for _, q := range quoteLines(r.G, c) {
						p.Line("         " + Text(q))
					}
				}
			}
		}
	}
	return p.Err
}

// Markdown writes the paths as a Markdown section per path with a table of
// hops.
func (r *Paths) Markdown(w io.Writer) error {
	p := &Printer{W: w}
	p.Line(fmt.Sprintf("# Paths from %s to %s", md(r.From.Name), md(r.To.Name)))
	p.Line("")
	p.Line(md(upperFirst(r.heading())) + ".")
	p.Line("")
	p.Line("*" + md(PathsNote) + "*")
	for i, path := range r.Found {
		p.Line("")
		p.Line(fmt.Sprintf("## %d. %s", i+1, md(chain(path))))
		p.Line("")
		p.Line(r.summaryLine(path, code) + ".")
		p.Line("")
		p.Line("> " + md(r.G.ReadPath(path)))
		p.Line("")
		p.Line("| hop | contested | claims |")
		p.Line("| --- | --- | --- |")
		for _, h := range path.Hops {
			mark := "no"
			if m := r.hopMark(h); m != "" {
				mark = "**" + map[string]string{"contested": "yes", "denied": "denied"}[m] + "**"
			}
			var cs []string
			for _, c := range h.Claims {
				cell := fmt.Sprintf("%s %s: %s%s", code(c.ID), md(r.G.Read(c).String()), md(graph.RelationText(c)), marks(r.G.SourceNumbers(c)))
				if r.Quotes {
					for _, q := range quoteLines(r.G, c) {
						cell += "<br>" + md(q)
					}
				}
				cs = append(cs, cell)
			}
			p.Line(fmt.Sprintf("| %s | %s | %s |", md(hopLabel(h)), mark, strings.Join(cs, "<br>")))
		}
	}
	return p.Err
}

// SVG draws the subgraph the paths span: their entities and every claim of
// their hops, styled as render draws any graph, with the note and the
// ranking as the caption.
func (r *Paths) SVG(w io.Writer) error {
	onPath := map[string]bool{}
	var ents []string
	caption := []string{PathsNote}
	for i, p := range r.Found {
		for _, e := range p.Entities {
			ents = append(ents, e.ID)
		}
		for _, h := range p.Hops {
			for _, c := range h.Claims {
				onPath[c.ID] = true
			}
		}
		caption = append(caption, fmt.Sprintf("%d. %s — %s, %d contested; weakest link %s",
			i+1, chain(p), Plural(len(p.Hops), "hop", "hops"), p.ContestedHops, strengthLabel(r.G, p.Weakest)))
	}
	sub := r.G.Filter(func(c *graph.Claim) bool { return onPath[c.ID] }, ents...)
	return render.SVG(w, sub, render.Options{
		Title:   fmt.Sprintf("Paths from %s to %s", r.From.Name, r.To.Name),
		Caption: strings.Join(caption, "\n"),
	})
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
