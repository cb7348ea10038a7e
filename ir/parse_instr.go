package ir

// opShape says how an instruction's operands are laid out after its flags.
type opShape uint8

const (
	typedList   opShape = iota // T v, T v, ... (br, store, select, ...)
	binaryOp                   // T a, b (add, icmp, ...)
	bareTypeOp                 // T, T v, ... (alloca, load, getelementptr)
	castOp                     // T v to T2
	phiOp                      // T [ v, %bb ], ...
	aggregateOp                // T v, [T v,] idx, idx (extractvalue, insertvalue)
	noOperands                 // unreachable
	callOp                     // call, invoke, callbr
	genericOp                  // anything else: keyword clauses and typed values
)

var opcodes = map[string]opShape{
	"ret": typedList, "br": typedList, "switch": typedList, "indirectbr": typedList,
	"resume": typedList, "unreachable": noOperands, "fneg": typedList, "freeze": typedList,
	"select": typedList, "extractelement": typedList, "insertelement": typedList,
	"shufflevector": typedList, "store": typedList, "cmpxchg": typedList, "atomicrmw": typedList,
	"va_arg": genericOp, "fence": genericOp, "landingpad": genericOp,
	"cleanuppad": genericOp, "catchpad": genericOp, "catchswitch": genericOp,
	"catchret": genericOp, "cleanupret": genericOp,
	"add": binaryOp, "sub": binaryOp, "mul": binaryOp, "udiv": binaryOp, "sdiv": binaryOp,
	"urem": binaryOp, "srem": binaryOp, "shl": binaryOp, "lshr": binaryOp, "ashr": binaryOp,
	"and": binaryOp, "or": binaryOp, "xor": binaryOp, "fadd": binaryOp, "fsub": binaryOp,
	"fmul": binaryOp, "fdiv": binaryOp, "frem": binaryOp, "icmp": binaryOp, "fcmp": binaryOp,
	"alloca": bareTypeOp, "load": bareTypeOp, "getelementptr": bareTypeOp,
	"trunc": castOp, "zext": castOp, "sext": castOp, "fptrunc": castOp, "fpext": castOp,
	"fptoui": castOp, "fptosi": castOp, "uitofp": castOp, "sitofp": castOp,
	"ptrtoint": castOp, "ptrtoaddr": castOp, "inttoptr": castOp, "bitcast": castOp,
	"addrspacecast": castOp,
	"phi":           phiOp, "extractvalue": aggregateOp, "insertvalue": aggregateOp,
	"call": callOp, "invoke": callOp, "callbr": callOp,
}

// parseBody parses { blocks } of a function definition.
func (p *parser) parseBody() *Body {
	body := &Body{Span: Span{Start: p.pos}}
	p.expect(tokLBrace)
	// Blocks and their instructions gather on the scratch stacks and go
	// to the slabs at their final sizes.
	blocks, instrs := len(p.blocks), len(p.instrs)
	var b *Block
	endBlock := func() {
		if b != nil {
			b.Instrs = pop(&p.instrs, instrs, &p.instrPtrSlab)
		}
	}
	for p.tok != tokRBrace {
		if p.tok == tokEOF {
			endBlock()
			p.fail("expected '}' to end the function, found end of file")
		}
		if p.tok == tokLabel || b == nil {
			endBlock()
			b = p.blockSlab.new()
			b.Span = Span{Start: p.pos}
			if p.tok == tokLabel {
				b.Label = p.ident()
			}
			p.blocks = append(p.blocks, b)
		}
		if p.tok == tokLabel || p.tok == tokRBrace {
			b.End = p.prevEnd
			continue
		}
		if in := p.parseInstrRecovering(); in != nil {
			p.instrs = append(p.instrs, in)
		}
		b.End = p.prevEnd
	}
	endBlock()
	body.Blocks = pop(&p.blocks, blocks, &p.blockPtrSlab)
	p.next()
	body.End = p.prevEnd
	return body
}

// parseInstrRecovering parses one instruction; on an error it skips the
// rest of the line and returns nil, so one bad instruction costs one error.
func (p *parser) parseInstrRecovering() (in *Instr) {
	start := p.pos
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(abort); !ok {
				panic(r)
			}
			p.depth, p.bracketed = 0, 0
			if p.pos == start {
				p.next() // no progress: the instruction's first token is at fault
			}
			for p.tok != tokEOF && !p.newline {
				p.next()
			}
			in = nil
		}
	}()
	return p.parseInstr()
}

func (p *parser) parseInstr() *Instr {
	in := p.instrSlab.new()
	in.Start = p.pos
	if p.tok == tokDbgRecord {
		p.parseRecord(in)
		p.expectLineEnd()
		return in
	}
	if p.tok == tokLocal {
		in.Result = p.ident()
		p.expect(tokAssign)
	}
	var tail Word
	if p.isWord("tail") || p.isWord("musttail") || p.isWord("notail") {
		tail = p.word()
	}
	if p.tok != tokWord {
		p.expected("instruction")
	}
	in.Opcode, in.OpcodePos = p.lit, p.pos
	shape, known := opcodes[in.Opcode]
	if !known {
		if in.Opcode == "uselistorder" || in.Opcode == "uselistorder_bb" {
			p.skipDirective()
			in.End = p.prevEnd
			return in
		}
		p.fail("unknown instruction %q", in.Opcode)
	}
	p.next()
	mark := len(p.words)
	if shape == callOp {
		in.Call = p.callSlab.new()
		in.Call.Tail = tail
		p.parseCall(in)
	} else {
		p.parseFlags(in)
		in.Flags = p.popWords(mark)
		p.parseOperands(in, shape)
	}
	in.Attachments = p.parseAttachments(true)
	in.End = p.prevEnd
	p.expectLineEnd()
	return in
}

// expectLineEnd fails unless the instruction just parsed ends its line.
func (p *parser) expectLineEnd() {
	if !p.atLineEnd() && p.tok != tokRBrace {
		p.expected("end of instruction")
	}
}

// parseFlags collects the words between the opcode and the first operand:
// nuw, exact, inbounds, samesign, predicates, fast-math flags, volatile,
// the atomicrmw operation.
func (p *parser) parseFlags(in *Instr) {
	for p.tok == tokWord && !p.newline && !isTypeWord(p.lit) && !p.atValue() {
		w := p.word()
		if p.tok == tokLParen && !p.newline { // syncscope("agent"), inrange(-8, 8)
			p.skipBalanced()
			w.End = p.prevEnd
			w.Text = p.text(w.Start, w.End)
		}
		p.words = append(p.words, w)
	}
	// atomicrmw's operations include words that are also constant
	// expression opcodes (add, and, xor, ...).
	if in.Opcode == "atomicrmw" && p.tok == tokWord && !isTypeWord(p.lit) {
		p.words = append(p.words, p.word())
	}
}

func (p *parser) parseOperands(in *Instr, shape opShape) {
	mark := len(p.ops)
	switch shape {
	case noOperands:
	case typedList:
		p.parseTypedList(in.Opcode == "switch" || in.Opcode == "indirectbr")
	case binaryOp:
		p.ops = append(p.ops, p.parseTypedValue())
		p.expect(tokComma)
		p.ops = append(p.ops, p.parseBareValue())
	case bareTypeOp:
		p.ops = append(p.ops, p.parseBareType())
		if p.got(tokComma) && !p.atTrailer() {
			p.parseTypedList(false)
		}
	case castOp:
		p.ops = append(p.ops, p.parseTypedValue())
		start := p.pos
		p.expectWord("to")
		op := Operand{Span: Span{Start: start}, Keyword: "to", Type: p.parseType()}
		op.End = p.prevEnd
		p.ops = append(p.ops, op)
	case phiOp:
		p.ops = append(p.ops, p.parseBareType())
		for {
			p.ops = append(p.ops, p.parseIncoming())
			if p.tok != tokComma || p.peekIs(tokMetaName) {
				break
			}
			p.next()
		}
	case aggregateOp:
		p.ops = append(p.ops, p.parseTypedValue())
		for p.tok == tokComma && !p.peekIs(tokMetaName) {
			p.next()
			if p.tok == tokInt {
				p.ops = append(p.ops, p.parseBareValue())
			} else {
				p.ops = append(p.ops, p.parseTypedValue())
			}
		}
	case genericOp:
		for !p.atLineEnd() && p.tok != tokComma || p.tok == tokComma && !p.peekIs(tokMetaName) || p.atClause(in) {
			p.got(tokComma)
			p.ops = append(p.ops, p.parseOperand())
		}
	}
	p.parseTrailer()
	in.Operands = p.popOps(mark)
}

// parseTypedList parses comma-separated operands, each a typed value, a
// keyword clause or, when tables is set, a bracketed table (switch cases,
// indirectbr destinations), up to the attachments or the end of the line.
func (p *parser) parseTypedList(tables bool) {
	for {
		switch {
		case tables && p.tok == tokLBrack:
			p.ops = append(p.ops, p.parseBracketed())
		case p.atTrailer():
			return
		default:
			p.ops = append(p.ops, p.parseOperand())
		}
		if tables && p.tok == tokLBrack { // switch i32 %x, label %d [ ... ]
			continue
		}
		if p.tok != tokComma || p.peekIs(tokMetaName) {
			return
		}
		p.next()
	}
}

// atTrailer reports whether the current token starts the keyword clauses
// that close load, store, alloca and atomics: align, syncscope, orderings.
func (p *parser) atTrailer() bool {
	if p.tok != tokWord || p.atType() || p.atValue() {
		return false
	}
	switch p.lit {
	case "align", "addrspace", "syncscope", "unordered", "monotonic", "acquire", "release", "acq_rel", "seq_cst":
		return true
	}
	return false
}

// atClause reports whether the current token continues a landingpad on a
// new line, where LLVM prints its clauses.
func (p *parser) atClause(in *Instr) bool {
	return in.Opcode == "landingpad" && (p.isWord("cleanup") || p.isWord("catch") || p.isWord("filter"))
}

// parseTrailer parses what may follow the operands on the same line:
// syncscope(...), orderings, and , align N / , addrspace(N) clauses.
func (p *parser) parseTrailer() {
	for !p.atLineEnd() {
		switch {
		case p.atTrailer():
			p.ops = append(p.ops, p.parseOperand())
		case p.tok == tokComma && !p.peekIs(tokMetaName):
			p.next()
		default:
			return
		}
	}
}

// parseBareValue parses an untyped value operand.
func (p *parser) parseBareValue() Operand {
	v := p.parseValue()
	return Operand{Span: v.Span, Value: v}
}

// parseIncoming parses a phi's [ value, %label ].
func (p *parser) parseIncoming() Operand {
	start := p.pos
	p.expect(tokLBrack)
	mark := len(p.ops)
	p.ops = append(p.ops, p.parseBareValue())
	p.expect(tokComma)
	p.ops = append(p.ops, p.parseBareValue())
	p.expect(tokRBrack)
	v := Value{Span: Span{start, p.prevEnd}, Kind: Incoming, Raw: p.text(start, p.prevEnd), Sub: p.compound(Compound{Elems: p.popOps(mark)})}
	return Operand{Span: v.Span, Value: v}
}

// parseBracketed parses [ ... ] of switch cases, indirectbr and callbr
// destinations and operand bundles: operands without separating commas
// required between pairs, possibly over several lines.
func (p *parser) parseBracketed() Operand {
	start := p.pos
	p.expect(tokLBrack)
	p.enter()
	p.bracketed++
	mark := len(p.ops)
	for p.tok != tokRBrack {
		if p.tok == tokEOF {
			p.fail("expected ']', found end of file")
		}
		if p.got(tokComma) {
			continue
		}
		p.ops = append(p.ops, p.parseOperand())
	}
	p.next()
	p.bracketed--
	p.leave()
	v := Value{Span: Span{start, p.prevEnd}, Kind: Bracketed, Raw: p.text(start, p.prevEnd), Sub: p.compound(Compound{Elems: p.popOps(mark)})}
	return Operand{Span: v.Span, Value: v}
}

// parseCall parses the rest of call, invoke and callbr after the opcode.
func (p *parser) parseCall(in *Instr) {
	c := in.Call
	mark := len(p.words)
	for p.tok == tokWord && fastMathFlags[p.lit] {
		p.words = append(p.words, p.word())
	}
	in.Flags = p.popWords(mark)
	c.CC = p.parseCC()
	c.RetAttrs = p.parseAttrList(paramAttrs)
	c.Type = p.parseType()
	c.Callee = p.parseValue()
	c.ArgsSpan.Start = p.pos
	p.expect(tokLParen)
	mark = len(p.ops)
	for p.tok != tokRParen {
		if p.tok == tokEllipsis { // musttail forwarding of varargs
			p.next()
			break
		}
		p.ops = append(p.ops, p.parseArg())
		if !p.more(tokRParen) {
			break
		}
	}
	p.expect(tokRParen)
	c.Args = p.popOps(mark)
	c.ArgsSpan.End = p.prevEnd
	c.FnAttrs = p.parseAttrList(callAttrs)
	if p.tok == tokLBrack && !p.newline {
		c.Bundles = p.parseBundles()
	}
	// invoke and callbr put their destinations on the next line.
	for p.tok == tokWord && (p.lit == "to" || p.lit == "unwind") && in.Opcode != "call" {
		c.Dests = append(c.Dests, p.parseOperand())
		if p.tok == tokLBrack {
			c.Dests = append(c.Dests, p.parseBracketed())
		}
	}
}

// parseBundles parses [ "tag"(T v, ...), ... ] after a call's attributes.
func (p *parser) parseBundles() []Operand {
	p.expect(tokLBrack)
	var bundles []Operand
	for p.tok != tokRBrack {
		start := p.pos
		tag := p.str()
		inputs := p.parseAggregate(tokLParen, tokRParen)
		v := Value{Span: Span{tag.Start, tag.End}, Kind: StringConst, Raw: tag.Raw, Sub: p.compound(Compound{Opcode: tag.Value(), Elems: inputs})}
		bundles = append(bundles, Operand{Span: Span{start, p.prevEnd}, Value: v})
		if !p.more(tokRBrack) {
			break
		}
	}
	p.expect(tokRBrack)
	return bundles
}

// parseArg parses a call argument: T attrs v.
func (p *parser) parseArg() Operand {
	op := Operand{Span: Span{Start: p.pos}}
	op.Type = p.parseType()
	if attrs := p.parseAttrList(paramAttrs); len(attrs.Attrs) > 0 {
		op.Attrs = p.attrListSlab.new()
		*op.Attrs = attrs
	}
	if op.Type.Kind == MetadataType {
		op.Value = p.parseMetadataOperand()
	} else {
		op.Value = p.parseValue()
	}
	op.End = p.prevEnd
	return op
}

// parseRecord parses #dbg_value(...) and the other debug records.
func (p *parser) parseRecord(in *Instr) {
	p.m.Syntax.DebugRecords = true
	in.Opcode, in.OpcodePos = p.lit, p.pos
	p.next()
	p.expect(tokLParen)
	mark := len(p.ops)
	for p.tok != tokRParen {
		op := Operand{Span: Span{Start: p.pos}}
		switch p.tok {
		case tokMetaID, tokMetaString, tokMetaName, tokBang:
			op.Value = p.parseMDValue()
		default:
			op = p.parseTypedValue()
		}
		op.End = p.prevEnd
		p.ops = append(p.ops, op)
		if !p.more(tokRParen) {
			break
		}
	}
	p.expect(tokRParen)
	in.Operands = p.popOps(mark)
	in.End = p.prevEnd
}

// parseAttachments parses , !name !N pairs (comma-led after instructions
// and globals; space-separated in function headers).
func (p *parser) parseAttachments(commas bool) []Attachment {
	mark := len(p.atts)
	for {
		if commas {
			if p.tok != tokComma || !p.peekIs(tokMetaName) {
				break
			}
			p.next()
		} else if p.tok != tokMetaName || p.newline {
			break
		}
		a := Attachment{Span: Span{Start: p.pos}, Name: p.lit[1:]}
		p.next()
		a.Value = p.parseMDValue()
		a.End = p.prevEnd
		p.atts = append(p.atts, a)
	}
	return p.popAttachments(mark)
}

// skipDirective passes over a one-line directive such as uselistorder.
func (p *parser) skipDirective() {
	p.next()
	for !p.atLineEnd() {
		if p.tok == tokLBrace || p.tok == tokLParen || p.tok == tokLBrack {
			p.skipBalanced()
			continue
		}
		p.next()
	}
}

// parseCC parses an optional calling convention: a name such as fastcc,
// or cc N.
func (p *parser) parseCC() Word {
	if p.tok != tokWord || !callingConvs[p.lit] && !(p.lit == "cc" && p.peekIs(tokInt)) {
		return Word{}
	}
	cc := p.word()
	if cc.Text == "cc" {
		p.next()
		cc.End = p.prevEnd
		cc.Text = p.text(cc.Start, cc.End)
	}
	return cc
}

var fastMathFlags = map[string]bool{
	"fast": true, "nnan": true, "ninf": true, "nsz": true, "arcp": true,
	"contract": true, "afn": true, "reassoc": true,
}

var callingConvs = map[string]bool{
	"ccc": true, "fastcc": true, "coldcc": true, "cfguard_checkcc": true, "ghccc": true,
	"webkit_jscc": true, "anyregcc": true, "preserve_mostcc": true, "preserve_allcc": true,
	"preserve_nonecc": true, "cxx_fast_tlscc": true, "swiftcc": true, "swifttailcc": true,
	"tailcc": true, "x86_stdcallcc": true, "x86_fastcallcc": true, "x86_thiscallcc": true,
	"x86_vectorcallcc": true, "x86_regcallcc": true, "x86_intrcc": true, "x86_64_sysvcc": true,
	"win64cc": true, "arm_apcscc": true, "arm_aapcscc": true, "arm_aapcs_vfpcc": true,
	"aarch64_vector_pcs": true, "aarch64_sve_vector_pcs": true, "msp430_intrcc": true,
	"avr_intrcc": true, "avr_signalcc": true, "ptx_kernel": true, "ptx_device": true,
	"spir_func": true, "spir_kernel": true, "intel_ocl_bicc": true, "hhvmcc": true,
	"hhvm_ccc": true, "amdgpu_kernel": true, "amdgpu_vs": true, "amdgpu_gs": true,
	"amdgpu_ps": true, "amdgpu_cs": true, "riscv_vector_cc": true, "m68k_rtdcc": true,
	"graalcc": true, "x86_64_win64cc": true,
}
