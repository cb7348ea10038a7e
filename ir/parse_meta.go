package ir

// parseMDValue parses a metadata value: !12, !"text", !{...}, !DIxxx(...).
func (p *parser) parseMDValue() Value {
	start := p.pos
	v := Value{Span: Span{Start: start}}
	switch p.tok {
	case tokMetaID:
		v.Kind = MDRef
		p.next()
	case tokMetaString:
		v.Kind = MDStringValue
		p.next()
	case tokMetaName, tokBang:
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
	case tokMetaID, tokMetaString, tokMetaName, tokBang:
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
	case tokBang:
		p.next()
		p.expect(tokLBrace)
		for p.tok != tokRBrace {
			p.fields = append(p.fields, p.parseMDElement())
			if !p.more(tokRBrace) {
				break
			}
		}
		p.expect(tokRBrace)
	case tokMetaName:
		kind = p.lit[1:]
		p.next()
		p.expect(tokLParen)
		for p.tok != tokRParen {
			p.fields = append(p.fields, p.parseMDField())
			if !p.more(tokRParen) {
				break
			}
		}
		p.expect(tokRParen)
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
	case p.tok == tokWord && p.lit == "null":
		f.Value = p.parseValue()
	case p.tok == tokMetaID || p.tok == tokMetaString || p.tok == tokMetaName || p.tok == tokBang:
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
	if p.tok == tokLabel {
		f.Name = p.lit[:len(p.lit)-1]
		p.next()
	}
	switch {
	case p.tok == tokWord && !p.atType():
		start := p.pos
		p.next()
		kind := WordValue
		for p.got(tokBar) {
			if p.tok != tokWord && p.tok != tokInt {
				p.expected("flag after '|'")
			}
			p.next()
			kind = FlagsValue
		}
		f.Value = Value{Span: Span{start, p.prevEnd}, Kind: kind, Raw: p.text(start, p.prevEnd)}
	case p.tok == tokInt && p.peekIs(tokBar):
		start := p.pos
		p.next()
		for p.got(tokBar) {
			p.next()
		}
		f.Value = Value{Span: Span{start, p.prevEnd}, Kind: FlagsValue, Raw: p.text(start, p.prevEnd)}
	case p.atType() || p.tok == tokLocal:
		op := p.parseTypedValue()
		f.Type, f.Value = op.Type, op.Value
	default:
		f.Value = p.parseValue()
	}
	f.End = p.prevEnd
	return f
}

func (p *parser) peekIs(tok tokenKind) bool {
	next, _ := p.peek()
	return next == tok
}

// parseMetadataDef parses !N = [distinct] node at the top level.
func (p *parser) parseMetadataDef() {
	start := p.pos
	id := p.ident()
	p.expect(tokAssign)
	distinct := p.gotWord("distinct")
	var n *MDNode
	if p.tok == tokMetaString {
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
	p.expect(tokAssign)
	p.expect(tokBang)
	p.expect(tokLBrace)
	for p.tok != tokRBrace {
		if p.tok != tokMetaID {
			p.expected("metadata reference")
		}
		nm.Nodes = append(nm.Nodes, p.parseMDValue())
		if !p.more(tokRBrace) {
			break
		}
	}
	p.expect(tokRBrace)
	nm.End = p.prevEnd
	p.m.NamedMetadata = append(p.m.NamedMetadata, nm)
}
