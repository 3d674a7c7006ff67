package data

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// YAML is parsed into goccy/go-yaml's syntax tree, which keeps the line and
// column of every token, and the tree is walked by yamlReader. Two things
// are refused before or instead of reaching the parser:
//
//   - what the parser cannot do in bounded time and memory, found on the
//     library's own token stream before the parser sees it (see
//     checkYAMLTokens): deep nesting, too many tokens, big block mappings
//     and implicit null entries;
//   - anchors, aliases, tags and merge keys: the format has no use for them,
//     and refusing aliases outright is the simplest guarantee that no
//     "billion laughs" document expands. The tree is never expanded: an
//     alias is reported where it stands.

func (l *loader) parseYAML(file int32, text string) {
	tokens, ok := l.scanYAML(file, text)
	if !ok {
		return
	}
	// Repeated keys are reported by the decoder, as for JSON, so that the
	// parse goes on and the message is the same in both syntaxes.
	f, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			l.errs.add(tokenPos(file, ye.GetToken()), "invalid YAML: %s", capMessage(lowerFirst(ye.GetMessage())))
		} else {
			l.errs.add(filePos(file), "invalid YAML: %s", capMessage(err.Error()))
		}
		return
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		// A directive ("%YAML 1.2" before "---") comes back as a
		// document of its own; it belongs to the one after it.
		if d != nil && d.Body != nil && !isDirectiveDoc(d) {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		l.errs.add(filePos(file), "empty file: it holds only comments (a dataset needs at least a mapping with title, sources, entities, claims)")
		return
	}
	if len(docs) > 1 {
		l.errs.add(nodePos(file, docs[1].Body), "a second YAML document (after ---): put each dataset in its own file")
		return
	}
	r := &yamlReader{l: l, file: file}
	r.set(docs[0].Body)
	d := &decoder{l: l, r: r}
	d.document()
}

// capMessage returns the YAML library's message, which may quote the
// input, as it is when it is short and plain, else quoted by echo: cut to
// maxEcho characters, with what a terminal would obey escaped.
func capMessage(s string) string {
	if utf8.RuneCountInString(s) <= maxEcho && !strings.ContainsFunc(s, func(r rune) bool { return isHiddenRune(r) || !unicode.IsPrint(r) && r != ' ' && r != '\t' }) {
		return s
	}
	return echo(s)
}

func lowerFirst(s string) string {
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' && (len(s) == 1 || !('A' <= s[1] && s[1] <= 'Z')) {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

func tokenPos(file int32, tk *token.Token) pos {
	if tk == nil || tk.Position == nil {
		return filePos(file)
	}
	return lineColPos(file, tk.Position.Line, max(tk.Position.Column, 1))
}

// nodePos is where a value starts: a block mapping at its first key (its
// own token is the first ':'), anything else at its first token.
func nodePos(file int32, n ast.Node) pos {
	switch n := n.(type) {
	case nil:
		return filePos(file)
	case *ast.MappingNode:
		if !n.IsFlowStyle && len(n.Values) > 0 && n.Values[0].Key != nil {
			return tokenPos(file, n.Values[0].Key.GetToken())
		}
		return tokenPos(file, n.Start)
	case *ast.MappingValueNode:
		if n.Key != nil {
			return tokenPos(file, n.Key.GetToken())
		}
	}
	return tokenPos(file, n.GetToken())
}

type yamlFrame struct {
	pairs []*ast.MappingValueNode // of an open mapping
	items []ast.Node              // of an open list
	next  int
}

// yamlReader walks the tree. Its current value is cur; the stack holds the
// open mappings and lists with the index of the next element.
type yamlReader struct {
	l     *loader
	file  int32
	cur   ast.Node
	k     kind
	stack []yamlFrame
}

// set makes n the current value, reporting the constructs the format
// refuses.
func (r *yamlReader) set(n ast.Node) {
	r.cur = n
	switch n := n.(type) {
	case nil, *ast.NullNode:
		r.k = kindNull
	case *ast.StringNode, *ast.LiteralNode:
		r.k = kindString
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		r.k = kindNumber
	case *ast.BoolNode:
		r.k = kindBool
	case *ast.MappingNode, *ast.MappingValueNode:
		r.k = kindMap
	case *ast.SequenceNode:
		r.k = kindList
	case *ast.AnchorNode:
		r.k = kindInvalid
		r.l.errs.add(nodePos(r.file, n), "YAML anchors (&%s) are not supported: write the value out", nodeText(n.Name))
	case *ast.AliasNode:
		r.k = kindInvalid
		r.l.errs.add(nodePos(r.file, n), "YAML aliases (*%s) are not supported: write the value out", nodeText(n.Value))
	case *ast.TagNode:
		r.k = kindInvalid
		r.l.errs.add(nodePos(r.file, n), "YAML tags (%s) are not supported", tokenText(n.Start))
	default:
		r.k = kindInvalid
		r.l.errs.add(nodePos(r.file, n), "unexpected YAML %s", strings.ToLower(n.Type().String()))
	}
}

func nodeText(n ast.Node) string {
	if n == nil {
		return ""
	}
	return tokenText(n.GetToken())
}

func tokenText(tk *token.Token) string {
	if tk == nil {
		return ""
	}
	return tk.Value
}

func (r *yamlReader) kind() kind    { return r.k }
func (r *yamlReader) at() pos       { return nodePos(r.file, r.cur) }
func (r *yamlReader) lenient() bool { return true }

func (r *yamlReader) hiddenIn(s string) int { return indexHidden(s) }

func (r *yamlReader) broken() bool { return false }
func (r *yamlReader) skip()        {}

func (r *yamlReader) scalar() string {
	switch n := r.cur.(type) {
	case *ast.StringNode:
		return n.Value
	case *ast.LiteralNode:
		if n.Value != nil {
			return n.Value.Value
		}
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode, *ast.BoolNode:
		return tokenText(n.GetToken()) // as written: 0x1F stays 0x1F
	}
	return ""
}

func (r *yamlReader) enterMap() {
	switch n := r.cur.(type) {
	case *ast.MappingNode:
		r.stack = append(r.stack, yamlFrame{pairs: n.Values})
	case *ast.MappingValueNode:
		r.stack = append(r.stack, yamlFrame{pairs: []*ast.MappingValueNode{n}})
	default:
		r.stack = append(r.stack, yamlFrame{})
	}
}

func (r *yamlReader) nextKey() (string, pos, bool) {
	top := &r.stack[len(r.stack)-1]
	for top.next < len(top.pairs) {
		p := top.pairs[top.next]
		top.next++
		if p == nil {
			continue
		}
		key, ok := r.key(p.Key)
		if !ok {
			continue
		}
		r.set(p.Value)
		return key, nodePos(r.file, p.Key), true
	}
	r.stack = r.stack[:len(r.stack)-1]
	return "", pos{}, false
}

// key returns a mapping key's text, reporting keys that are not scalars.
func (r *yamlReader) key(k ast.MapKeyNode) (string, bool) {
	switch k := k.(type) {
	case *ast.StringNode:
		return k.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode, *ast.InfinityNode, *ast.NanNode:
		return tokenText(k.GetToken()), true
	case *ast.MergeKeyNode:
		r.l.errs.add(nodePos(r.file, k), "YAML merge keys (<<) are not supported: write the fields out")
	case nil:
		return "", false
	default:
		r.set(k) // reports anchors, aliases and tags on keys
		if r.k != kindInvalid {
			r.l.errs.add(nodePos(r.file, k), "a mapping key must be a plain name, not %s", r.k)
		}
	}
	return "", false
}

func (r *yamlReader) enterList() {
	var items []ast.Node
	if n, ok := r.cur.(*ast.SequenceNode); ok {
		items = n.Values
	}
	r.stack = append(r.stack, yamlFrame{items: items})
}

func (r *yamlReader) nextItem() bool {
	top := &r.stack[len(r.stack)-1]
	if top.next < len(top.items) {
		r.set(top.items[top.next])
		top.next++
		return true
	}
	r.stack = r.stack[:len(r.stack)-1]
	return false
}
