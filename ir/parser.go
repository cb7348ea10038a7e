package ir

import (
	"fmt"

	"github.com/oxbpf/oxbpf/internal/words"
)

// maxErrors is how many errors the parser reports before it gives up.
const maxErrors = 10

// maxDepth bounds nesting of types, constants and metadata, so that deeply
// nested input gets an error instead of exhausting the stack.
const maxDepth = 500

// bailout stops the whole parse; abort stops the current construct, after
// which the parser resynchronises at the next line.
type (
	bailout struct{}
	abort   struct{}
)

// parser holds the state of one parse. Like go/parser it reads one token
// ahead, collects errors instead of stopping at the first, and keeps what it
// managed to parse.
type parser struct {
	lex    lexer
	src    *source
	m      *Module // receives the entities parsed
	home   *Module // the module the nodes belong to: m, or the one a piece is for
	errors ErrorList
	types  map[string]*Type

	// current token
	pos     Pos
	tok     tokenKind
	lit     string
	newline bool // a newline precedes the current token
	prevEnd Pos  // end of the previous token
	depth   int
	// bracketed counts open [ ] lists in which newlines do not end an
	// instruction (switch tables)
	bracketed int

	// scratch stacks reused across nodes, so that each node's slices are
	// allocated once at their final size
	ops    []Operand
	attrs  []Attr
	fields []MDField
	words  []Word
	atts   []Attachment
	instrs []*Instr
	blocks []*Block

	// slabs the model is allocated from
	opSlab       slab[Operand]
	attrSlab     slab[Attr]
	fieldSlab    slab[MDField]
	wordSlab     slab[Word]
	attSlab      slab[Attachment]
	instrSlab    slab[Instr]
	callSlab     slab[Call]
	compoundSlab slab[Compound]
	mdNodeSlab   slab[MDNode]
	attrListSlab slab[AttrList]
	blockSlab    slab[Block]
	instrPtrSlab slab[*Instr]
	blockPtrSlab slab[*Block]
}

func (p *parser) init(m *Module, src *source) {
	p.initAt(m, src, src.base)
}

// initAt prepares p to parse src from position at on.
func (p *parser) initAt(m *Module, src *source, at Pos) {
	p.m, p.home = m, m
	p.src = src
	if m.types == nil {
		m.types = make(map[string]*Type)
	}
	p.types = m.types
	p.lex.init(src.text, src.base, func(pos Pos, msg string) { p.error(pos, msg) })
	p.lex.off = int(at - src.base)
	p.pos = at
	p.next()
}

func (p *parser) next() {
	p.prevEnd = p.pos + Pos(len(p.lit))
	p.pos, p.tok, p.lit = p.lex.scan()
	p.newline = p.lex.newLine
}

// peek returns the kind and text of the token after the current one.
func (p *parser) peek() (tokenKind, string) {
	saved := p.lex
	errs := p.lex.errorCount
	p.lex.err = nil
	_, tok, lit := p.lex.scan()
	p.lex = saved
	p.lex.errorCount = errs
	return tok, lit
}

func (p *parser) error(pos Pos, msg string) {
	position := p.src.position(pos)
	if n := len(p.errors); n > 0 && p.errors[n-1].Pos.Line == position.Line {
		return // one error per line: the rest are usually consequences
	}
	p.errors.Add(position, msg)
	if len(p.errors) >= maxErrors {
		panic(bailout{})
	}
}

// fail reports an error at the current token and abandons the construct.
func (p *parser) fail(format string, args ...any) {
	p.error(p.pos, fmt.Sprintf(format, args...))
	panic(abort{})
}

// found describes the current token for error messages.
func (p *parser) found() string {
	switch {
	case p.tok == tokEOF:
		return "end of file"
	case p.newline && p.tok != tokIllegal:
		return fmt.Sprintf("newline (then %s)", shorten(p.lit))
	case p.tok.isLiteral():
		return shorten(p.lit)
	}
	return p.tok.String()
}

// shorten quotes a token's text for a message, cut to fit a line.
func shorten(s string) string { return fmt.Sprintf("%q", words.Shorten(s)) }

func (p *parser) expected(what string) {
	p.fail("expected %s, found %s", what, p.found())
}

// expect consumes a token of kind tok or fails.
func (p *parser) expect(tok tokenKind) Pos {
	pos := p.pos
	if p.tok != tok {
		p.expected(tok.String())
	}
	p.next()
	return pos
}

func (p *parser) got(tok tokenKind) bool {
	if p.tok == tok {
		p.next()
		return true
	}
	return false
}

// isWord reports whether the current token is the keyword w.
func (p *parser) isWord(w string) bool { return p.tok == tokWord && p.lit == w }

func (p *parser) gotWord(w string) bool {
	if p.isWord(w) {
		p.next()
		return true
	}
	return false
}

func (p *parser) expectWord(w string) {
	if !p.gotWord(w) {
		p.expected("'" + w + "'")
	}
}

// word consumes the current Word token and returns it.
func (p *parser) word() Word {
	w := Word{Span{p.pos, p.pos + Pos(len(p.lit))}, p.lit}
	p.next()
	return w
}

// ident consumes the current token as an identifier.
func (p *parser) ident() Ident {
	id := Ident{Span{p.pos, p.pos + Pos(len(p.lit))}, p.lit}
	p.next()
	return id
}

func (p *parser) str() Str {
	if p.tok != tokString {
		p.expected("string")
	}
	s := Str{Span{p.pos, p.pos + Pos(len(p.lit))}, p.lit}
	p.next()
	return s
}

// text returns the source between two positions.
func (p *parser) text(start, end Pos) string {
	return p.src.text[start-p.src.base : end-p.src.base]
}

// atLineEnd reports whether the current token starts a new line or ends
// the input: the end of a one-line construct, unless inside a bracketed
// table.
func (p *parser) atLineEnd() bool { return p.newline && p.bracketed == 0 || p.tok == tokEOF }

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.fail("nesting deeper than %d levels", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// skipBalanced consumes a parenthesised group starting at the current '('.
func (p *parser) skipBalanced() {
	open := p.tok
	var close tokenKind
	switch open {
	case tokLParen:
		close = tokRParen
	case tokLBrack:
		close = tokRBrack
	case tokLBrace:
		close = tokRBrace
	default:
		p.expected("'('")
	}
	p.enter()
	p.next()
	for p.tok != close {
		switch p.tok {
		case tokEOF:
			p.fail("expected %s to match the %s, found end of file", close, open)
		case tokLParen, tokLBrack, tokLBrace:
			p.skipBalanced()
		case tokRParen, tokRBrack, tokRBrace:
			p.fail("expected %s to match the %s, found %s", close, open, p.tok)
		default:
			p.next()
		}
	}
	p.next()
	p.leave()
}

// pop implements the scratch stacks: a node records the stack height,
// appends, then takes its elements as a slab slice of exactly their size.
func pop[T any](stack *[]T, mark int, s *slab[T]) []T {
	out := s.copyOf((*stack)[mark:])
	*stack = (*stack)[:mark]
	return out
}

func (p *parser) popOps(mark int) []Operand            { return pop(&p.ops, mark, &p.opSlab) }
func (p *parser) popFields(mark int) []MDField         { return pop(&p.fields, mark, &p.fieldSlab) }
func (p *parser) popAttrs(mark int) []Attr             { return pop(&p.attrs, mark, &p.attrSlab) }
func (p *parser) popWords(mark int) []Word             { return pop(&p.words, mark, &p.wordSlab) }
func (p *parser) popAttachments(mark int) []Attachment { return pop(&p.atts, mark, &p.attSlab) }

// compound returns a new Compound from the slab.
func (p *parser) compound(c Compound) *Compound {
	n := p.compoundSlab.new()
	*n = c
	return n
}

// more consumes the comma between list elements and reports whether
// another element follows; a comma right before close is an error.
func (p *parser) more(close tokenKind) bool {
	if !p.got(tokComma) {
		return false
	}
	if p.tok == close {
		p.fail("expected another element after ',', found %s", p.tok)
	}
	return true
}
