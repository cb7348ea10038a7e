package ir

// parseModule parses top-level entities until the end of input. An error
// abandons the entity it is in; parsing resumes at the next line that can
// start an entity.
func (p *parser) parseModule() {
	for p.tok != tokEOF {
		before := p.pos
		p.parseEntityRecovering()
		if p.pos == before { // never loop without progress, whatever the input
			p.error(p.pos, "unexpected "+p.found())
			p.next()
		}
	}
}

func (p *parser) parseEntityRecovering() {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(abort); !ok {
				panic(r)
			}
			p.depth, p.bracketed = 0, 0
			p.resync()
		}
	}()
	p.parseEntity()
}

// resync skips to the next token that begins a line and can begin a
// top-level entity.
func (p *parser) resync() {
	for {
		p.next()
		if p.tok == tokEOF {
			return
		}
		if !p.newline {
			continue
		}
		switch p.tok {
		case tokGlobal, tokMetaID, tokMetaName, tokAttrGroup, tokComdat, tokSummary:
			return
		case tokWord:
			switch p.lit {
			case "define", "declare", "attributes", "target", "source_filename", "module":
				return
			}
		}
	}
}

func (p *parser) parseEntity() {
	if !p.newline && p.prevEnd != p.src.base {
		p.expected("newline")
	}
	switch p.tok {
	case tokWord:
		switch p.lit {
		case "define", "declare":
			p.parseFunc()
		case "attributes":
			p.parseAttrGroup()
		case "source_filename":
			p.m.SourceFilename = p.parseHeaderField()
		case "target":
			p.parseTarget()
		case "module":
			start := p.pos
			p.next()
			p.expectWord("asm")
			asm := &ModuleAsm{Asm: p.str()}
			asm.Span = Span{start, p.prevEnd}
			p.m.ModuleAsm = append(p.m.ModuleAsm, asm)
		case "uselistorder", "uselistorder_bb":
			p.parseDirective()
		default:
			p.expected("top-level entity")
		}
	case tokLocal:
		p.parseTypeDef()
	case tokGlobal:
		p.parseGlobal()
	case tokComdat:
		start := p.pos
		c := &Comdat{Span: Span{Start: start}}
		c.Name = p.ident()
		p.expect(tokAssign)
		p.expectWord("comdat")
		if p.tok != tokWord {
			p.expected("comdat selection kind")
		}
		c.Kind = p.word()
		c.End = p.prevEnd
		p.m.Comdats = append(p.m.Comdats, c)
	case tokMetaName:
		p.parseNamedMetadata()
	case tokMetaID:
		p.parseMetadataDef()
	case tokSummary:
		p.parseDirective()
	default:
		p.expected("top-level entity")
	}
}

// parseDirective keeps a line it does not model (uselistorder, ^0 = ...)
// as a Directive.
func (p *parser) parseDirective() {
	d := &Directive{Span: Span{Start: p.pos}, Keyword: p.lit}
	p.skipDirective()
	d.End = p.prevEnd
	p.m.Directives = append(p.m.Directives, d)
}

func (p *parser) parseHeaderField() *HeaderField {
	h := &HeaderField{Span: Span{Start: p.pos}, Key: p.lit}
	p.next()
	p.expect(tokAssign)
	h.Value = p.str()
	h.End = p.prevEnd
	return h
}

func (p *parser) parseTarget() {
	start := p.pos
	p.next()
	var h *HeaderField
	switch {
	case p.isWord("datalayout"):
		h = p.parseHeaderField()
		p.m.DataLayout = h
	case p.isWord("triple"):
		h = p.parseHeaderField()
		p.m.Triple = h
	default:
		p.expected("'datalayout' or 'triple'")
	}
	h.Start = start
}

func (p *parser) parseTypeDef() {
	start := p.pos
	td := &TypeDef{Span: Span{Start: start}}
	td.Name = p.ident()
	p.expect(tokAssign)
	p.expectWord("type")
	if !p.gotWord("opaque") {
		td.Type = p.parseType()
	}
	td.End = p.prevEnd
	p.m.TypeDefs = append(p.m.TypeDefs, td)
}

// globalWords may precede global, constant, alias and ifunc.
var globalWords = map[string]bool{
	"dso_local": true, "dso_preemptable": true, "default": true, "hidden": true,
	"protected": true, "dllimport": true, "dllexport": true, "thread_local": true,
	"unnamed_addr": true, "local_unnamed_addr": true, "addrspace": true,
	"externally_initialized": true,
}

// parseGlobal parses a global variable, alias or ifunc.
func (p *parser) parseGlobal() {
	start := p.pos
	name := p.ident()
	p.expect(tokAssign)
	var words []Word
	for p.tok == tokWord && (linkages[p.lit] || globalWords[p.lit]) {
		w := p.word()
		if p.tok == tokLParen && !p.newline { // thread_local(initialexec), addrspace(1)
			p.skipBalanced()
			w.End = p.prevEnd
			w.Text = p.text(w.Start, w.End)
		}
		words = append(words, w)
	}
	switch {
	case p.isWord("alias"), p.isWord("ifunc"):
		a := &Alias{Span: Span{Start: start}, Name: name, Words: words, Kind: p.lit}
		p.next()
		a.Type = p.parseType()
		p.expect(tokComma)
		if p.tok == tokWord && p.atValue() {
			// LLVM ≤ 14 writes a constant-expression aliasee without its type.
			a.Target = p.parseBareValue()
		} else {
			a.Target = p.parseTypedValue()
		}
		p.parseGlobalOptions(nil)
		a.End = p.prevEnd
		p.m.Aliases = append(p.m.Aliases, a)
		return
	case p.isWord("global"), p.isWord("constant"):
	default:
		p.expected("'global', 'constant', 'alias' or 'ifunc'")
	}
	g := &Global{Span: Span{Start: start}, Name: name, Words: words, Constant: p.lit == "constant"}
	p.next()
	typeStart := p.pos
	g.Type = p.parseType()
	if !p.atLineEnd() && p.tok != tokComma && p.tok != tokAttrGroup {
		init := Operand{Span: Span{Start: typeStart}, Type: g.Type, Value: p.parseValue()}
		init.End = p.prevEnd
		g.Init = &init
	}
	p.parseGlobalOptions(g)
	g.End = p.prevEnd
	p.m.Globals = append(p.m.Globals, g)
}

// parseGlobalOptions parses , section "s", , align N, , comdat ..., the
// attachments and trailing attribute groups of a global (g may be nil for
// aliases, which take only some of them).
func (p *parser) parseGlobalOptions(g *Global) {
	var options []Operand
	var attached []Attachment
	for p.tok == tokComma && !p.newline {
		if p.peekIs(tokMetaName) {
			attached = append(attached, p.parseAttachments(true)...)
			continue
		}
		p.next()
		if g != nil && p.isWord("section") {
			p.next()
			s := p.str()
			g.Section = &s
			continue
		}
		if p.tok != tokWord {
			p.expected("global option")
		}
		op := Operand{Span: Span{Start: p.pos}, Keyword: p.lit}
		p.next()
		switch {
		case p.tok == tokLParen && !p.newline: // comdat($c)
			p.skipBalanced()
		case (p.tok == tokInt || p.tok == tokString) && !p.newline:
			op.Value = p.parseValue()
		}
		op.End = p.prevEnd
		options = append(options, op)
	}
	if g == nil {
		return
	}
	g.Options, g.Attached = options, attached
	if !p.atLineEnd() {
		g.Attrs = p.parseAttrList(fnAttrs)
	}
}

// funcWords are the words between define/declare and the calling
// convention.
var funcWords = map[string]bool{
	"dso_local": true, "dso_preemptable": true, "default": true, "hidden": true,
	"protected": true, "dllimport": true, "dllexport": true,
}

// parseFunc parses a function declaration or definition.
func (p *parser) parseFunc() {
	start := p.pos
	f := &Func{Span: Span{Start: start}}
	f.Keyword = p.word()
	for p.tok == tokWord && (linkages[p.lit] || funcWords[p.lit]) {
		f.Words = append(f.Words, p.word())
	}
	f.CC = p.parseCC()
	f.RetAttrs = p.parseAttrList(paramAttrs)
	f.RetType = p.parseType()
	if p.tok != tokGlobal {
		p.expected("function name")
	}
	f.Name = p.ident()
	p.parseParams(f)
	if p.isWord("unnamed_addr") || p.isWord("local_unnamed_addr") {
		f.UnnamedAddr = p.word()
	}
	if p.isWord("addrspace") && !p.newline {
		w := p.word()
		p.skipBalanced()
		w.End = p.prevEnd
		w.Text = p.text(w.Start, w.End)
		f.AddrSpace = w
	}
	f.Attrs = p.parseAttrList(fnAttrs)
	p.parseFuncOptions(f)
	if f.Keyword.Text == "define" {
		if p.tok != tokLBrace {
			p.expected("'{' to start the function body")
		}
		f.Body = p.parseBody()
	}
	f.End = p.prevEnd
	p.m.Funcs = append(p.m.Funcs, f)
}

func (p *parser) parseParams(f *Func) {
	f.ParamsSpan.Start = p.pos
	p.expect(tokLParen)
	for p.tok != tokRParen {
		if p.got(tokEllipsis) {
			f.Variadic = true
			break
		}
		param := &Param{Span: Span{Start: p.pos}}
		param.Type = p.parseType()
		param.Attrs = p.parseAttrList(paramAttrs)
		if p.tok == tokLocal {
			param.Name = p.ident()
		}
		param.End = p.prevEnd
		f.Params = append(f.Params, param)
		if !p.more(tokRParen) {
			break
		}
	}
	p.expect(tokRParen)
	f.ParamsSpan.End = p.prevEnd
}

// parseFuncOptions parses what follows the function attributes: section,
// partition, comdat, gc, prefix, prologue, personality and attachments.
func (p *parser) parseFuncOptions(f *Func) {
	for !p.atLineEnd() && p.tok != tokLBrace {
		switch {
		case p.isWord("section"):
			p.next()
			s := p.str()
			f.Section = &s
		case p.tok == tokMetaName:
			f.Attached = append(f.Attached, p.parseAttachments(false)...)
		case p.tok == tokWord && fnHeaderWords[p.lit]:
			op := Operand{Span: Span{Start: p.pos}, Keyword: p.lit}
			p.next()
			switch {
			case op.Keyword == "comdat":
				if p.tok == tokLParen {
					p.skipBalanced()
				}
			case op.Keyword == "partition" || op.Keyword == "gc":
				op.Value = p.parseValue()
			default: // prefix, prologue, personality take a typed value
				tv := p.parseTypedValue()
				op.Type, op.Value = tv.Type, tv.Value
			}
			op.End = p.prevEnd
			f.Options = append(f.Options, op)
		case p.tok == tokWord || p.tok == tokAttrGroup || p.tok == tokString:
			// align N and attributes after section, as older printers wrote them
			more := p.parseAttrList(fnAttrs)
			if len(more.Attrs) == 0 {
				p.expected("function attribute, section, comdat or '{'")
			}
			f.Attrs.Attrs = append(f.Attrs.Attrs, more.Attrs...)
			f.Attrs.At = more.At
		default:
			p.expected("function attribute, section, comdat or '{'")
		}
	}
}
