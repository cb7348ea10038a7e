package ir

import (
	"strconv"
	"strings"
)

// simpleTypes are the types spelled as a single word.
var simpleTypes = map[string]TypeKind{
	"void": VoidType, "half": FloatType, "bfloat": FloatType, "float": FloatType,
	"double": FloatType, "x86_fp80": FloatType, "fp128": FloatType, "ppc_fp128": FloatType,
	"ptr": PtrType, "label": LabelType, "metadata": MetadataType, "token": TokenType,
	"x86_amx": OtherType, "x86_mmx": OtherType, "opaque": OtherType,
}

// isTypeWord reports whether a Word token starts a type.
func isTypeWord(w string) bool {
	if _, ok := simpleTypes[w]; ok {
		return w != "opaque"
	}
	if w == "target" {
		return true
	}
	return intWidth(w) > 0
}

// intWidth returns N for iN, or 0.
func intWidth(w string) int {
	if len(w) < 2 || w[0] != 'i' || w[1] == '0' {
		return 0
	}
	n := 0
	for i := 1; i < len(w); i++ {
		if !isDigit(w[i]) {
			return 0
		}
		n = n*10 + int(w[i]-'0')
		if n > 1<<23 {
			return 0
		}
	}
	return n
}

// atType reports whether the current token can only start a type.
// A %name can be a type or a value; callers that accept both decide.
func (p *parser) atType() bool {
	switch p.tok {
	case tokWord:
		return isTypeWord(p.lit)
	case tokLBrack, tokLBrace, tokLess:
		return true
	}
	return false
}

// parseType parses a type, including typed-pointer suffixes (T*,
// T addrspace(N)*) and function types (T (A, B, ...)).
func (p *parser) parseType() *Type {
	start := p.pos
	p.enter()
	defer p.leave()
	var t *Type
	if end := p.typeExtent(); end > start {
		if known, ok := p.types[p.text(start, end)]; ok {
			t = known
			p.jump(end)
		}
	}
	if t == nil {
		t = p.parseBaseType()
	}
	// Suffixes nest like brackets but loop rather than recurse, so they
	// count against the same limit; each one interns the text so far, which
	// made a million '*' quadratic.
	for suffixes := 0; ; suffixes++ {
		if suffixes > maxDepth {
			p.fail("nesting deeper than %d levels", maxDepth)
		}
		switch {
		case p.tok == tokStar:
			p.next()
			p.m.Syntax.TypedPointers = true
			t = &Type{Kind: TypedPtrType, Elem: t}
		case p.isWord("addrspace") && t.Kind != PtrType:
			as := p.parseAddrSpace()
			if p.tok != tokStar {
				p.expected("'*' after addrspace")
			}
			p.next()
			p.m.Syntax.TypedPointers = true
			t = &Type{Kind: TypedPtrType, Elem: t, AddrSpace: as}
		case p.tok == tokLParen:
			t = p.parseFuncParams(t)
		default:
			return t
		}
		// Intern every step, so that the element of i8** is i8* with its text.
		t = p.intern(start, p.prevEnd, t)
	}
}

// maxTypeScan bounds typeExtent's look ahead. Each nesting level of a type
// scans again from its own start, so an unbounded scan made a line of a
// million '{' cost 500 scans of the whole line before the depth limit
// stopped it; types in real IR are a few hundred bytes at most.
const maxTypeScan = 4096

// typeExtent finds where the compound type at the current token ends by
// scanning its text, without building it, so that a type seen before costs
// a map lookup instead of a parse. It returns 0 when the type is not worth
// the scan (a single word), longer than maxTypeScan, or not a simple run of
// text; parseType then parses it as usual.
func (p *parser) typeExtent() Pos {
	text := p.src.text
	i := int(p.pos - p.src.base)
	if i >= len(text) {
		return 0
	}
	text = text[:min(len(text), i+maxTypeScan)]
	switch c := text[i]; {
	case c == '[' || c == '{' || c == '<':
		i = skipGroup(text, i)
	case c == '%' || isLetter(c):
		i = skipName(text, i)
		if i < 0 || i >= len(text) || text[i] != '*' {
			return 0
		}
	default:
		return 0
	}
	for i > 0 && i < len(text) {
		switch {
		case text[i] == '*':
			i++
		case text[i] == ' ' && i+1 < len(text) && text[i+1] == '(':
			i = skipGroup(text, i+1)
		default:
			return p.src.base + Pos(i)
		}
	}
	return 0
}

// skipGroup returns the offset after the bracketed group opening at i, or
// -1 if it does not close; quoted names inside may hold any bracket.
func skipGroup(text string, i int) int {
	depth := 0
	for ; i < len(text); i++ {
		switch text[i] {
		case '[', '{', '<', '(':
			depth++
		case ']', '}', '>', ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '"':
			j := strings.IndexByte(text[i+1:], '"')
			if j < 0 {
				return -1
			}
			i += j + 1
		case '\n':
			return -1
		}
	}
	return -1
}

// skipName returns the offset after the word, %name or %"name" at i.
func skipName(text string, i int) int {
	if text[i] == '%' {
		i++
		if i < len(text) && text[i] == '"' {
			j := strings.IndexByte(text[i+1:], '"')
			if j < 0 {
				return -1
			}
			return i + j + 2
		}
	}
	for i < len(text) && isNameChar(text[i]) {
		i++
	}
	return i
}

// jump moves the parser to the token at end, skipping the text before it.
func (p *parser) jump(end Pos) {
	p.lex.off = int(end - p.src.base)
	p.pos, p.lit = end, ""
	p.next()
}

// intern returns the shared Type spelled as the text between start and
// end, which is t unless that spelling was seen before.
func (p *parser) intern(start, end Pos, t *Type) *Type {
	text := p.text(start, end)
	if shared, ok := p.types[text]; ok {
		return shared
	}
	t.text = text
	p.types[text] = t
	return t
}

// internWord returns the shared Type for the type word at the current
// token, consuming it; the map lookup avoids allocating for the commonest
// types.
func (p *parser) internWord(kind TypeKind, bits int) *Type {
	t, ok := p.types[p.lit]
	if !ok {
		t = &Type{Kind: kind, Bits: bits, Name: p.lit, text: p.lit}
		p.types[p.lit] = t
	}
	p.next()
	return t
}

func (p *parser) parseAddrSpace() int {
	p.expectWord("addrspace")
	p.expect(tokLParen)
	n := p.parseUint("address space")
	p.expect(tokRParen)
	return int(n)
}

func (p *parser) parseUint(what string) uint64 {
	if p.tok != tokInt {
		p.expected(what)
	}
	n, err := strconv.ParseUint(p.lit, 10, 64)
	if err != nil {
		p.fail("invalid %s %s", what, p.lit)
	}
	p.next()
	return n
}

func (p *parser) parseBaseType() *Type {
	start := p.pos
	switch p.tok {
	case tokWord:
		w := p.lit
		if bits := intWidth(w); bits > 0 {
			return p.internWord(IntType, bits)
		}
		if w == "target" {
			t := p.parseTargetType()
			return p.intern(start, p.prevEnd, t)
		}
		kind, ok := simpleTypes[w]
		if !ok || w == "opaque" {
			p.expected("type")
		}
		if kind == PtrType {
			p.m.Syntax.OpaquePointers = true
		}
		t := p.internWord(kind, 0)
		if kind == PtrType && p.isWord("addrspace") {
			as := p.parseAddrSpace()
			return p.intern(start, p.prevEnd, &Type{Kind: PtrType, AddrSpace: as, Name: "ptr"})
		}
		return t
	case tokLocal:
		return p.internWord(NamedType, 0)
	case tokLBrack:
		p.next()
		n := p.parseUint("array length")
		p.expectWord("x")
		elem := p.parseType()
		p.expect(tokRBrack)
		return p.intern(start, p.prevEnd, &Type{Kind: ArrayType, Len: n, Elem: elem})
	case tokLess:
		p.next()
		if p.tok == tokLBrace {
			t := p.parseStructType()
			t.Packed = true
			p.expect(tokGreater)
			return p.intern(start, p.prevEnd, t)
		}
		t := &Type{Kind: VectorType}
		if p.gotWord("vscale") {
			p.expectWord("x")
			t.Scalable = true
		}
		t.Len = p.parseUint("vector length")
		p.expectWord("x")
		t.Elem = p.parseType()
		p.expect(tokGreater)
		return p.intern(start, p.prevEnd, t)
	case tokLBrace:
		t := p.parseStructType()
		return p.intern(start, p.prevEnd, t)
	}
	p.expected("type")
	return nil
}

func (p *parser) parseStructType() *Type {
	p.expect(tokLBrace)
	t := &Type{Kind: StructType}
	for p.tok != tokRBrace {
		t.Elems = append(t.Elems, p.parseType())
		if !p.more(tokRBrace) {
			break
		}
	}
	p.expect(tokRBrace)
	return t
}

// parseTargetType parses target("name", T..., N...).
func (p *parser) parseTargetType() *Type {
	p.expectWord("target")
	p.expect(tokLParen)
	t := &Type{Kind: TargetType, Name: p.str().Value()}
	for p.got(tokComma) {
		if p.tok == tokInt {
			p.next()
			continue
		}
		t.Elems = append(t.Elems, p.parseType())
	}
	p.expect(tokRParen)
	return t
}

// parseFuncParams parses the parameter list of a function type whose
// return type is ret.
func (p *parser) parseFuncParams(ret *Type) *Type {
	p.expect(tokLParen)
	t := &Type{Kind: FuncType, Elem: ret}
	for p.tok != tokRParen {
		if p.got(tokEllipsis) {
			t.Variadic = true
			break
		}
		t.Elems = append(t.Elems, p.parseType())
		p.skipParamAttrs()
		if !p.more(tokRParen) {
			break
		}
	}
	p.expect(tokRParen)
	return t
}

// skipParamAttrs passes over attributes in a function type's parameters
// (old IR writes e.g. i8* nocapture there).
func (p *parser) skipParamAttrs() {
	for p.tok == tokWord && !isTypeWord(p.lit) {
		p.next()
		if p.tok == tokLParen {
			p.skipBalanced()
		}
	}
}
