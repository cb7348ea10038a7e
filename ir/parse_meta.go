package ir

// parseMDValue parses a metadata value: !12, !"text", !{...}, !DIxxx(...).
func (p *parser) parseMDValue() Value {
	start := p.pos
	v := Value{Span: Span{Start: start}}
	switch p.tok {
	case METAID:
		v.Kind = MDRef
		p.next()
	case METASTRING:
		v.Kind = MDStringValue
		p.next()
	case METANAME, BANG:
		v.Kind = MDNodeValue
		v.Sub = p.compound(Compound{Node: p.parseMDNode(start)})
	default:
		p.expected("metadata")
	}
	v.End = p.prevEnd
	v.Raw = p.text(start, v.End)
	return v
}

// parseMetadataOperand parses the value after the type metadata: either
// metadata proper or a typed value wrapped as metadata (metadata ptr %x).
func (p *parser) parseMetadataOperand() Value {
	switch p.tok {
	case METAID, METASTRING, METANAME, BANG:
		return p.parseMDValue()
	}
	start := p.pos
	op := p.parseTypedValue()
	return Value{Span: op.Span, Kind: MDWrapped, Raw: p.text(start, op.End), Sub: p.compound(Compound{Elems: p.opSlab.copyOf([]Operand{op})})}
}

// parseMDNode parses !{...} or !Kind(...) at the current token; start is
// where the node's text begins (before distinct, if any).
func (p *parser) parseMDNode(start Pos) *MDNode {
	n := p.mdNodeSlab.new()
	n.Start, n.body, n.mod = start, p.pos, p.home
	p.enter()
	mark := len(p.fields)
	n.Kind = p.parseMDFields()
	p.fields = p.fields[:mark] // checked, kept only when asked for
	n.End = p.prevEnd
	p.leave()
	return n
}

// parseFields parses the fields of the node whose '!' is at body again,
// this time keeping them. It cannot fail: the same text parsed before.
func (m *Module) parseFields(body Pos) []MDField {
	src := m.sourceOf(body)
	var p parser
	p.initAt(m, src, body)
	mark := len(p.fields)
	p.parseMDFields()
	return p.popFields(mark)
}

// parseMDFields parses !{...} or !Kind(...) onto the field stack and
// returns the node's kind.
func (p *parser) parseMDFields() (kind string) {
	switch p.tok {
	case BANG:
		p.next()
		p.expect(LBRACE)
		for p.tok != RBRACE {
			p.fields = append(p.fields, p.parseMDElement())
			if !p.more(RBRACE) {
				break
			}
		}
		p.expect(RBRACE)
	case METANAME:
		kind = p.lit[1:]
		p.next()
		p.expect(LPAREN)
		for p.tok != RPAREN {
			p.fields = append(p.fields, p.parseMDField())
			if !p.more(RPAREN) {
				break
			}
		}
		p.expect(RPAREN)
	default:
		p.expected("metadata node")
	}
	return kind
}

// parseMDElement parses one element of a tuple: metadata, null, or a typed
// value (i32 7, ptr @f).
func (p *parser) parseMDElement() MDField {
	f := MDField{Span: Span{Start: p.pos}}
	switch {
	case p.tok == WORD && p.lit == "null":
		f.Value = p.parseValue()
	case p.tok == METAID || p.tok == METASTRING || p.tok == METANAME || p.tok == BANG:
		f.Value = p.parseMDValue()
	default:
		op := p.parseTypedValue()
		f.Type, f.Value = op.Type, op.Value
	}
	f.End = p.prevEnd
	return f
}

// parseMDField parses name: value, or a positional argument of
// DIExpression (DW_OP_plus_uconst, 8) or DIArgList (ptr %x).
func (p *parser) parseMDField() MDField {
	f := MDField{Span: Span{Start: p.pos}}
	if p.tok == LABEL {
		f.Name = p.lit[:len(p.lit)-1]
		p.next()
	}
	switch {
	case p.tok == WORD && !p.atType():
		start := p.pos
		p.next()
		kind := WordValue
		for p.got(BAR) {
			if p.tok != WORD && p.tok != INT {
				p.expected("flag after '|'")
			}
			p.next()
			kind = FlagsValue
		}
		f.Value = Value{Span: Span{start, p.prevEnd}, Kind: kind, Raw: p.text(start, p.prevEnd)}
	case p.tok == INT && p.peekIs(BAR):
		start := p.pos
		p.next()
		for p.got(BAR) {
			p.next()
		}
		f.Value = Value{Span: Span{start, p.prevEnd}, Kind: FlagsValue, Raw: p.text(start, p.prevEnd)}
	case p.atType() || p.tok == LOCAL:
		op := p.parseTypedValue()
		f.Type, f.Value = op.Type, op.Value
	default:
		f.Value = p.parseValue()
	}
	f.End = p.prevEnd
	return f
}

func (p *parser) peekIs(tok Token) bool {
	next, _ := p.peek()
	return next == tok
}

// parseMetadataDef parses !N = [distinct] node at the top level.
func (p *parser) parseMetadataDef() {
	start := p.pos
	id := p.ident()
	p.expect(ASSIGN)
	distinct := p.gotWord("distinct")
	var n *MDNode
	if p.tok == METASTRING {
		// Not produced by LLVM's printer, but accepted by its parser.
		v := p.parseMDValue()
		n = &MDNode{fields: []MDField{{Span: v.Span, Value: v}}, parsed: true}
	} else {
		n = p.parseMDNode(start)
	}
	n.Start, n.End = start, p.prevEnd
	n.ID, n.Distinct = id, distinct
	p.m.Metadata = append(p.m.Metadata, n)
}

// parseNamedMetadata parses !name = !{!0, !1}.
func (p *parser) parseNamedMetadata() {
	start := p.pos
	nm := &NamedMD{Span: Span{Start: start}}
	nm.Name = p.ident()
	p.expect(ASSIGN)
	p.expect(BANG)
	p.expect(LBRACE)
	for p.tok != RBRACE {
		if p.tok != METAID {
			p.expected("metadata reference")
		}
		nm.Nodes = append(nm.Nodes, p.parseMDValue())
		if !p.more(RBRACE) {
			break
		}
	}
	p.expect(RBRACE)
	nm.End = p.prevEnd
	p.m.NamedMetadata = append(p.m.NamedMetadata, nm)
}
