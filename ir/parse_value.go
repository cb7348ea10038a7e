package ir

// constWords are the words that start a value rather than an attribute or
// keyword clause.
var constWords = map[string]ValueKind{
	"true": IntConst, "false": IntConst, "null": NullConst, "none": NoneConst,
	"undef": UndefConst, "poison": PoisonConst, "zeroinitializer": ZeroConst,
	"splat": SplatConst, "asm": InlineAsm, "blockaddress": BlockAddress,
	"dso_local_equivalent": WrappedConst, "no_cfi": WrappedConst, "ptrauth": ConstExpr,
	// constant expressions
	"getelementptr": ConstExpr, "bitcast": ConstExpr, "addrspacecast": ConstExpr,
	"ptrtoint": ConstExpr, "ptrtoaddr": ConstExpr, "inttoptr": ConstExpr,
	"trunc": ConstExpr, "zext": ConstExpr, "sext": ConstExpr, "fptrunc": ConstExpr,
	"fpext": ConstExpr, "fptoui": ConstExpr, "fptosi": ConstExpr, "uitofp": ConstExpr,
	"sitofp": ConstExpr, "add": ConstExpr, "sub": ConstExpr, "mul": ConstExpr,
	"shl": ConstExpr, "lshr": ConstExpr, "ashr": ConstExpr, "and": ConstExpr,
	"or": ConstExpr, "xor": ConstExpr, "udiv": ConstExpr, "sdiv": ConstExpr,
	"urem": ConstExpr, "srem": ConstExpr, "fadd": ConstExpr, "fsub": ConstExpr,
	"fmul": ConstExpr, "fdiv": ConstExpr, "frem": ConstExpr, "fneg": ConstExpr,
	"icmp": ConstExpr, "fcmp": ConstExpr, "select": ConstExpr,
	"extractelement": ConstExpr, "insertelement": ConstExpr, "shufflevector": ConstExpr,
	"extractvalue": ConstExpr, "insertvalue": ConstExpr,
}

// atValue reports whether the current token starts a value.
func (p *parser) atValue() bool {
	switch p.tok {
	case tokLocal, tokGlobal, tokInt, tokFloat, tokCString, tokMetaID, tokMetaString, tokMetaName, tokBang, tokLBrack, tokLess, tokLBrace:
		return true
	case tokWord:
		_, ok := constWords[p.lit]
		return ok
	}
	return false
}

// parseValue parses a value whose type, if any, was already read.
func (p *parser) parseValue() Value {
	start := p.pos
	v := Value{Span: Span{Start: start}}
	switch p.tok {
	case tokLocal:
		v.Kind = LocalRef
		p.next()
	case tokGlobal:
		v.Kind = GlobalRef
		p.next()
	case tokInt:
		v.Kind = IntConst
		p.next()
	case tokFloat:
		v.Kind = FloatConst
		p.next()
	case tokCString:
		v.Kind = CStringConst
		p.next()
	case tokString:
		v.Kind = StringConst
		p.next()
	case tokMetaID, tokMetaString, tokMetaName, tokBang:
		return p.parseMDValue()
	case tokLBrack:
		v.Kind = ArrayConst
		v.Sub = p.compound(Compound{Elems: p.parseAggregate(tokLBrack, tokRBrack)})
	case tokLBrace:
		v.Kind = StructConst
		v.Sub = p.compound(Compound{Elems: p.parseAggregate(tokLBrace, tokRBrace)})
	case tokLess:
		p.next()
		if p.tok == tokLBrace {
			v.Kind = StructConst
			v.Sub = p.compound(Compound{Elems: p.parseAggregate(tokLBrace, tokRBrace)})
			p.expect(tokGreater)
		} else {
			v.Kind = VectorConst
			v.Sub = p.compound(Compound{Elems: p.parseElems(tokGreater)})
		}
	case tokWord:
		kind, ok := constWords[p.lit]
		if !ok {
			p.expected("value")
		}
		v.Kind = kind
		switch kind {
		case SplatConst, ConstExpr, BlockAddress:
			v.Sub = p.parseConstExpr()
		case InlineAsm:
			v.Sub = p.parseInlineAsm()
		case WrappedConst:
			op := p.word().Text
			target := p.parseValue()
			v.Sub = p.compound(Compound{Opcode: op, Elems: p.opSlab.copyOf([]Operand{{Span: target.Span, Value: target}})})
		default:
			p.next()
		}
	default:
		p.expected("value")
	}
	v.End = p.prevEnd
	v.Raw = p.text(start, v.End)
	return v
}

// parseAggregate parses { T v, ... } or [ T v, ... ] after checking open.
func (p *parser) parseAggregate(open, close tokenKind) []Operand {
	p.expect(open)
	return p.parseElems(close)
}

// parseElems parses typed elements up to and including close.
func (p *parser) parseElems(close tokenKind) []Operand {
	p.enter()
	mark := len(p.ops)
	for p.tok != close {
		p.ops = append(p.ops, p.parseTypedValue())
		if !p.more(close) {
			break
		}
	}
	p.expect(close)
	p.leave()
	return p.popOps(mark)
}

// parseConstExpr parses a constant expression, splat or blockaddress after
// its opcode: flags, then a parenthesised operand list.
func (p *parser) parseConstExpr() *Compound {
	c := p.compound(Compound{Opcode: p.word().Text})
	mark := len(p.ops)
	for p.tok == tokWord {
		w := p.word()
		if w.Text == "inrange" {
			// LLVM 19's inrange(start, end): without its range, the
			// operand list that follows would read as one.
			if p.tok != tokLParen {
				p.expected("( after inrange")
			}
			p.skipBalanced()
			w.End = p.prevEnd
			w.Text = p.text(w.Start, w.End)
		}
		c.Flags = append(c.Flags, w)
	}
	p.enter()
	p.expect(tokLParen)
	switch c.Opcode {
	case "getelementptr":
		p.ops = append(p.ops, p.parseBareType())
		p.expect(tokComma)
	case "splat":
		p.ops = append(p.ops, p.parseTypedValue())
	}
	for p.tok != tokRParen {
		p.ops = append(p.ops, p.parseOperand())
		if p.isWord("to") { // casts: (T v to T2)
			continue
		}
		if !p.more(tokRParen) {
			break
		}
	}
	p.expect(tokRParen)
	p.leave()
	c.Elems = p.popOps(mark)
	return c
}

// parseInlineAsm parses asm [sideeffect] [alignstack] [inteldialect]
// [unwind] "code", "constraints".
func (p *parser) parseInlineAsm() *Compound {
	c := p.compound(Compound{Opcode: p.word().Text})
	for p.tok == tokWord {
		c.Flags = append(c.Flags, p.word())
	}
	code := p.parseValue()
	p.expect(tokComma)
	constraints := p.parseValue()
	c.Elems = []Operand{{Span: code.Span, Value: code}, {Span: constraints.Span, Value: constraints}}
	return c
}

// parseTypedValue parses T v.
func (p *parser) parseTypedValue() Operand {
	op := Operand{Span: Span{Start: p.pos}}
	op.Type = p.parseType()
	if op.Type.Kind == MetadataType {
		op.Value = p.parseMetadataOperand()
	} else {
		op.Value = p.parseValue()
	}
	op.End = p.prevEnd
	return op
}

// parseOperand parses one element of a constant expression or generic
// operand list: [keyword] [type] [value]. Outside bracketed tables it does
// not read past the end of the line.
func (p *parser) parseOperand() Operand {
	op := Operand{Span: Span{Start: p.pos}}
	if p.tok == tokWord && !p.atType() && !p.atValue() {
		op.Keyword = p.lit
		p.next()
		if p.tok == tokLParen && !p.newline {
			p.skipBalanced() // syncscope("agent"), inrange(0, 8)
		}
	}
	started := op.Keyword != ""
	if started && p.atLineEnd() {
		op.End = p.prevEnd
		return op
	}
	if p.atType() || p.tok == tokLocal && p.localIsType() {
		op.Type = p.parseType()
		started = true
		if op.Type.Kind == MetadataType {
			op.Value = p.parseMetadataOperand()
			op.End = p.prevEnd
			return op
		}
	}
	switch {
	case started && p.atLineEnd():
	case p.atValue(), p.tok == tokString && op.Type != nil:
		op.Value = p.parseValue()
	case op.Keyword != "" && (p.tok == tokInt || p.tok == tokString):
		op.Value = p.parseValue() // align 8, code_model "small"
	case !started:
		p.expected("operand")
	}
	op.End = p.prevEnd
	return op
}

// localIsType decides whether the %name at the current token is a named
// type: it is when a value, a '*' or a function type follows. Positions
// where a bare type stands alone (alloca %T, ...) are parsed as types by
// their callers.
func (p *parser) localIsType() bool {
	next, lit := p.peek()
	switch next {
	case tokLocal, tokGlobal, tokInt, tokFloat, tokCString, tokMetaID, tokMetaString, tokLBrack, tokLess, tokLBrace, tokStar, tokLParen:
		return true
	case tokWord:
		_, isConst := constWords[lit]
		return isConst || lit == "addrspace"
	}
	return false
}

// parseBareType parses an operand that is only a type: the element type of
// getelementptr, alloca and load.
func (p *parser) parseBareType() Operand {
	op := Operand{Span: Span{Start: p.pos}}
	op.Type = p.parseType()
	op.End = p.prevEnd
	return op
}
