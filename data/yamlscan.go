package data

import (
	"io"
	"strconv"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// goccy/go-yaml's parser builds its tree in time and memory that grow
// faster than the input on some shapes (measured with v1.19.2, see
// .ci/bench/hostile.sh and the numbers by each bound below):
//
//   - nesting: the parser recurses, and deep flow nesting takes time
//     quadratic in the depth (100,000 levels: 37 s); a Go stack overflow
//     cannot be recovered;
//   - a block mapping with many keys: parseMap recurses once per key and
//     copies the keys after it at each level, so n keys take n² time and n
//     stack frames (40,000 keys: 14 s);
//   - implicit nulls ("-" or "key:" with nothing after them): each one is
//     inserted into the middle of the token slice, moving every token
//     after it (160,000 "-" lines: 5.5 s; 320,000: 77 s);
//   - memory: each token costs a few hundred bytes once parsed.
//
// All four are counted on the token stream of the library's own scanner,
// which is linear and fast, before the parser runs: what is counted is
// what the parser will see, quotes, block scalars and line breaks (lone CR
// included) as the library reads them. The counts bound the parser from
// above; a dataset needs 3 to 6 levels, mappings of at most 10 keys and a
// few empty values, far inside every bound.

// maxYAMLTokens bounds the tokens of one YAML file (see maxYAMLBytes for
// the measurements: about 400 to 500 bytes of memory each); scanning stops
// there, so the token stream itself stays bounded too. A variable so that
// tests can lower it.
var maxYAMLTokens = 3_000_000

// maxYAMLMarks bounds yamlTokensWithin's count, an upper bound of the
// tokens: exact for punctuation, above it for text, where it counts every
// word. Scanning at most this many tokens, refused or not, keeps to about
// 1.4 GB; YAML datasets count 1.9 (synth) to 2.2 (the embedded one)
// marks per token.
var maxYAMLMarks = 2 * maxYAMLTokens

// yamlTokensWithin reports whether text has at most limit places where a
// token can start, and if not, the offset where the count passed it. A
// token starts at a YAML indicator character or at a word (a non-blank
// byte after a blank, a line break or an indicator), so their count bounds
// the scanner's tokens from above, whatever quotes or block scalars do to
// the text; it is not a lexer, and needs not be one.
func yamlTokensWithin(text string, limit int) (int, bool) {
	n := 0
	word := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case yamlIndicator[c]:
			n++
			word = false
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			word = false
		case !word:
			n++
			word = true
		}
		if n > limit {
			return i, false
		}
	}
	return 0, true
}

var yamlIndicator = func() (t [256]bool) {
	for _, c := range []byte("[]{},:-?&*!#|>'\"%@`") {
		t[c] = true
	}
	return t
}()

// maxYAMLMapKeys bounds the keys of one block mapping: a dataset's
// mappings have at most 10 fields, so more keys can only be repeated or
// unknown fields, and the parser's cost grows with the square of it.
const maxYAMLMapKeys = 100

// maxYAMLNullMoves bounds the work implicit nulls cost the parser: the sum,
// over the implicit nulls, of the tokens after each, which the parser
// moves to make room for it (about 0.5 s when measured).
const maxYAMLNullMoves = 1_000_000_000

// yamlBlock is an open block collection: its column and whether it is a
// mapping, with the keys seen.
type yamlBlock struct {
	col   int
	isMap bool
	keys  int
}

// scanYAML returns text's tokens, or reports why the parser must not see
// them and returns false.
func (l *loader) scanYAML(file int32, text string) (token.Tokens, bool) {
	// The scanner returns a whole file's tokens at once, so their count is
	// bounded from above on the text first.
	if off, ok := yamlTokensWithin(text, maxYAMLMarks); !ok {
		l.errs.add(offPos(file, off), "YAML file of more than %d words and punctuation marks: the YAML parser needs about 500 bytes of memory for each; split it into several files in one directory, or write it as JSON (claimgraph export writes JSON)", maxYAMLMarks)
		return nil, false
	}
	var s scanner.Scanner
	s.Init(text)
	var tokens token.Tokens
	flow := 0 // open flow collections: deep ones stop the scan at once
	for {
		sub, err := s.Scan()
		if err == io.EOF {
			break
		}
		for i, tk := range sub {
			switch tk.Type {
			case token.SequenceStartType, token.MappingStartType:
				if flow++; flow > maxDepth {
					// The check below, on the tokens so far, finds
					// the place where block and flow levels together
					// first went too deep.
					tokens.Add(sub[:i+1]...)
					at, msg := checkYAMLTokens(tokens)
					if msg == "" {
						at, msg = tk, nestingMsg
					}
					l.errs.add(tokenPos(file, at), "%s", msg)
					return nil, false
				}
			case token.SequenceEndType, token.MappingEndType:
				flow = max(flow-1, 0)
			}
		}
		tokens.Add(sub...)
		if len(tokens) > maxYAMLTokens {
			l.errs.add(tokenPos(file, tokens[maxYAMLTokens]), "YAML file of more than %d tokens (values, keys, brackets, '-' and ':'): the YAML parser needs about 500 bytes of memory for each; split it into several files in one directory, or write it as JSON (claimgraph export writes JSON)", maxYAMLTokens)
			return nil, false
		}
		if err != nil {
			break // an invalid token: the parser reports it
		}
	}
	if at, msg := checkYAMLTokens(tokens); msg != "" {
		l.errs.add(tokenPos(file, at), "%s", msg)
		return nil, false
	}
	return tokens, true
}

// checkYAMLTokens checks the bounds above; it returns the token where one
// is exceeded and the problem, or "".
func checkYAMLTokens(tokens token.Tokens) (*token.Token, string) {
	var blocks []yamlBlock // open block collections, by increasing column
	flow := 0              // open flow collections
	nulls, moves := 0, 0
	// next returns the index of the first token after i that is not a
	// comment, or len(tokens).
	next := func(i int) int {
		for i++; i < len(tokens) && tokens[i].Type == token.CommentType; i++ {
		}
		return i
	}
	for i, tk := range tokens {
		if tk.Position == nil {
			continue
		}
		switch tk.Type {
		case token.CommentType:
			continue
		case token.DocumentHeaderType, token.DocumentEndType:
			blocks, flow = blocks[:0], 0
			continue
		case token.SequenceStartType, token.MappingStartType:
			flow++
			if d := len(blocks) + flow; d > maxDepth {
				return tk, nestingMsg
			}
			continue
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
			continue
		}
		n := next(i)
		if flow > 0 {
			// In a flow collection, ": ," and "key," are implicit nulls.
			if tk.Type == token.MappingValueType && (n == len(tokens) || isFlowDelim(tokens[n])) {
				nulls++
				moves += len(tokens) - i
			}
			if moves > maxYAMLNullMoves {
				return tk, nullsMsg(nulls, len(tokens))
			}
			continue
		}
		col := tk.Position.Column
		isKey := n < len(tokens) && tokens[n].Type == token.MappingValueType && tokens[n].Position != nil &&
			tokens[n].Position.Line == tk.Position.Line
		switch {
		case tk.Type == token.SequenceEntryType:
			for len(blocks) > 0 && blocks[len(blocks)-1].col > col {
				blocks = blocks[:len(blocks)-1]
			}
			if top := len(blocks) - 1; top < 0 || blocks[top].col < col || blocks[top].isMap {
				// A sequence may stand at its key's column: "a:\n- x".
				blocks = append(blocks, yamlBlock{col: col})
			}
			if n == len(tokens) || tokens[n].Position.Line > tk.Position.Line && tokens[n].Position.Column <= col {
				nulls++
				moves += len(tokens) - i
			}
		case isKey || tk.Type == token.MappingKeyType:
			for len(blocks) > 0 && (blocks[len(blocks)-1].col > col ||
				blocks[len(blocks)-1].col == col && !blocks[len(blocks)-1].isMap) {
				blocks = blocks[:len(blocks)-1]
			}
			if top := len(blocks) - 1; top >= 0 && blocks[top].col == col {
				blocks[top].keys++
				if blocks[top].keys > maxYAMLMapKeys {
					return tk, mapKeysMsg
				}
			} else {
				blocks = append(blocks, yamlBlock{col: col, isMap: true, keys: 1})
			}
		case tk.Type == token.MappingValueType:
			// The key is the token before; its value is null if nothing
			// follows on the line or further in.
			keyCol := col
			if i > 0 && tokens[i-1].Position != nil {
				keyCol = tokens[i-1].Position.Column
			}
			if n == len(tokens) || tokens[n].Position.Line > tk.Position.Line && tokens[n].Position.Column <= keyCol {
				nulls++
				moves += len(tokens) - i
			}
		}
		if d := len(blocks) + flow; d > maxDepth {
			return tk, nestingMsg
		}
		if moves > maxYAMLNullMoves {
			return tk, nullsMsg(nulls, len(tokens))
		}
	}
	return nil, ""
}

var (
	nestingMsg = "nesting deeper than " + itoa(maxDepth) + " levels"
	mapKeysMsg = "a mapping of more than " + itoa(maxYAMLMapKeys) + " keys: a dataset's mappings have at most 10 fields (the YAML parser's time grows with the square of a mapping's keys)"
)

func nullsMsg(nulls, tokens int) string {
	return "too many empty values for the YAML parser: " + itoa(nulls) + " so far (a '-' or 'key:' with nothing after it) in a file of " + itoa(tokens) +
		" tokens, and its time grows with their product; write empty values as \"\" or leave the field out, or write the file as JSON (claimgraph export writes JSON)"
}

func isFlowDelim(tk *token.Token) bool {
	return tk.Type == token.CollectEntryType || tk.Type == token.MappingEndType || tk.Type == token.SequenceEndType
}

// isDirectiveDoc reports whether d is the empty document a directive
// ("%YAML 1.2") makes before "---": the parser returns it as a document of
// its own.
func isDirectiveDoc(d *ast.DocumentNode) bool {
	if d == nil {
		return false
	}
	_, ok := d.Body.(*ast.DirectiveNode)
	return ok
}
func itoa(n int) string { return strconv.Itoa(n) }
