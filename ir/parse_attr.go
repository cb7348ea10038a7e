package ir

// attrContext says where an attribute list stands, which decides the
// words that end it.
type attrContext uint8

const (
	paramAttrs attrContext = iota // before a parameter name, call argument value or type
	fnAttrs                       // after a function header's parameters
	callAttrs                     // after a call's arguments
	groupAttrs                    // inside attributes #N = { ... }
)

// fnHeaderWords end a function header's attribute list.
var fnHeaderWords = map[string]bool{
	"section": true, "partition": true, "comdat": true, "gc": true,
	"prefix": true, "prologue": true, "personality": true,
}

// parseAttrList parses attributes until a token that cannot be one. at is
// where attributes added later are inserted when the list is empty.
func (p *parser) parseAttrList(ctx attrContext) AttrList {
	list := AttrList{At: p.prevEnd}
	mark := len(p.attrs)
	for {
		var ok bool
		switch p.tok {
		case tokWord:
			ok = p.atAttrWord(ctx)
		case tokString:
			ok = true
		case tokAttrGroup:
			ok = ctx != paramAttrs
		}
		if !ok || ctx != groupAttrs && p.newline {
			break
		}
		p.attrs = append(p.attrs, p.parseAttr(ctx))
	}
	list.Attrs = p.popAttrs(mark)
	if n := len(list.Attrs); n > 0 {
		list.At = list.Attrs[n-1].End
	}
	return list
}

// atAttrWord reports whether the word at the current token is an
// attribute in this context rather than the type, value or keyword after
// the list.
func (p *parser) atAttrWord(ctx attrContext) bool {
	if isTypeWord(p.lit) {
		return false
	}
	if _, isValue := constWords[p.lit]; isValue {
		return false
	}
	switch ctx {
	case fnAttrs:
		return !fnHeaderWords[p.lit]
	case callAttrs:
		return p.lit != "to" && p.lit != "unwind"
	}
	return true
}

// parseAttr parses one attribute: word, word(args), align N, word=N (in
// groups), "key", "key"="value" or #N.
func (p *parser) parseAttr(ctx attrContext) Attr {
	a := Attr{Span: Span{Start: p.pos}, Key: p.lit}
	switch p.tok {
	case tokAttrGroup:
		a.Kind = GroupRef
		p.next()
	case tokString:
		a.Kind = StringAttr
		a.Key = Str{Raw: p.lit}.Value()
		p.next()
		if p.got(tokAssign) {
			a.Arg = p.str().Value()
		}
	default:
		a.Kind = EnumAttr
		p.next()
		switch {
		case p.tok == tokLParen:
			a.Kind = ParenAttr
			open := p.pos
			p.skipBalanced()
			a.Arg = p.text(open+1, p.prevEnd-1)
		case p.tok == tokInt && (a.Key == "align" || a.Key == "alignstack"):
			a.Kind = IntAttr
			a.Arg = p.lit
			p.next()
		case ctx == groupAttrs && p.tok == tokAssign:
			p.next()
			if p.tok != tokInt {
				p.expected("integer after '='")
			}
			a.Kind = IntAttr
			a.Arg = p.lit
			p.next()
		}
	}
	a.End = p.prevEnd
	a.Raw = p.text(a.Start, a.End)
	return a
}

// parseAttrGroup parses attributes #N = { ... }.
func (p *parser) parseAttrGroup() {
	g := &AttrGroup{Span: Span{Start: p.pos}}
	p.expectWord("attributes")
	if p.tok != tokAttrGroup {
		p.expected("attribute group ID")
	}
	g.ID = p.ident()
	p.expect(tokAssign)
	p.expect(tokLBrace)
	g.Attrs = p.parseAttrList(groupAttrs)
	p.expect(tokRBrace)
	g.End = p.prevEnd
	p.m.AttrGroups = append(p.m.AttrGroups, g)
}
