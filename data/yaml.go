package data

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// YAML is parsed into goccy/go-yaml's syntax tree, which keeps the line and
// column of every token, and the tree is walked by yamlReader. Two things
// are refused before or instead of reaching the parser:
//
//   - nesting deeper than maxDepth: the parser recurses and, on deep flow
//     nesting, takes quadratic time (10,000 levels took 0.45 s, 100,000
//     levels 37 s when measured), and a Go stack overflow cannot be
//     recovered; a pre-scan of the text counts the depth first;
//   - anchors, aliases, tags and merge keys: the format has no use for them,
//     and refusing aliases outright is the simplest guarantee that no
//     "billion laughs" document expands. The tree is never expanded: an
//     alias is reported where it stands.

func (l *loader) parseYAML(file int32, text string) {
	if off, depth := yamlDepth(text, maxDepth); depth > maxDepth {
		l.errs.add(offPos(file, off), "nesting deeper than %d levels", maxDepth)
		return
	}
	// Repeated keys are reported by the decoder, as for JSON, so that the
	// parse goes on and the message is the same in both syntaxes.
	f, err := parser.ParseBytes([]byte(text), 0, parser.AllowDuplicateMapKey())
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			l.errs.add(tokenPos(file, ye.GetToken()), "invalid YAML: %s", lowerFirst(ye.GetMessage()))
		} else {
			l.errs.add(filePos(file), "invalid YAML: %v", err)
		}
		return
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
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
func (r *yamlReader) broken() bool  { return false }
func (r *yamlReader) skip()         {}

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

// yamlDepth estimates the nesting depth of a YAML text without parsing it,
// stopping as soon as it exceeds limit; it returns the byte offset where it
// did and the depth. It counts open flow brackets ([ {) outside quotes and
// comments, leading "- " and "? " indicators, and the levels of the
// indentation stack. It is a bound for the parser's sake, not a YAML parser:
// a valid file of this format is 3 to 6 levels deep, far from the limit.
func yamlDepth(s string, limit int) (off, depth int) {
	var indents []int // strictly increasing indentation of open block levels
	flow := 0         // open flow brackets
	var quote byte    // the open quote in flow context, or 0
	for lineStart := 0; lineStart < len(s); {
		end := strings.IndexByte(s[lineStart:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += lineStart
		}
		line := s[lineStart:end]
		i := 0
		if flow == 0 && quote == 0 {
			for i < len(line) && line[i] == ' ' {
				i++
			}
			if i < len(line) && line[i] != '#' && line[i] != '\r' {
				for len(indents) > 0 && indents[len(indents)-1] >= i {
					indents = indents[:len(indents)-1]
				}
				indents = append(indents, i)
			}
			block := len(indents)
			for i+1 < len(line) && (line[i] == '-' || line[i] == '?') && (line[i+1] == ' ' || line[i+1] == '\t') {
				block++
				if block > limit {
					return lineStart + i, block
				}
				i += 2
				for i < len(line) && line[i] == ' ' {
					i++
				}
			}
			if block > limit {
				return lineStart + i, block
			}
		}
		// Scan the rest of the line for flow collections. In block context
		// a bracket opens one only where a value starts: at the start, after
		// "key:", "-", "?" or an anchor or tag; elsewhere it is part of a
		// plain scalar ("see [1]"). Inside one, every bracket outside quotes
		// counts.
		var prev, word byte // last non-blank byte and first byte of the last word, in block context
		start := true       // in flow context: at the start of a scalar, where a quote opens a quoted one
		for ; i < len(line); i++ {
			c := line[i]
			blankBefore := i == 0 || line[i-1] == ' ' || line[i-1] == '\t'
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case c == quote:
					if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
						i++
					} else {
						quote = 0
					}
				}
				continue
			}
			if c == '#' && blankBefore {
				break
			}
			if flow == 0 {
				if (c == '[' || c == '{') && (prev == 0 || prev == ':' || prev == '-' || prev == '?' ||
					(blankBefore && (word == '&' || word == '!'))) {
					flow++
					start = true
					if d := len(indents) + flow; d > limit {
						return lineStart + i, d
					}
					continue
				}
				if c != ' ' && c != '\t' {
					if blankBefore {
						word = c
					}
					prev = c
				}
				continue
			}
			switch {
			case c == '[' || c == '{':
				flow++
				if d := len(indents) + flow; d > limit {
					return lineStart + i, d
				}
			case c == ']' || c == '}':
				flow--
				if flow == 0 {
					prev, word = c, c
				}
			case (c == '"' || c == '\'') && start:
				quote = c
			}
			start = c == ' ' || c == '\t' || c == ',' || c == '[' || c == '{' || c == ':'
		}
		lineStart = end + 1
	}
	return 0, len(indents) + flow
}
