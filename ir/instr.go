package ir

// A Block is a basic block: an optional label and its instructions and
// debug records, in order.
type Block struct {
	Span
	Label  Ident // Raw is the label with its colon, e.g. bb1: ; empty for an unlabelled entry block
	Instrs []*Instr
}

// Name returns the block's label without the colon and quotes.
func (b *Block) Name() string {
	if b.Label.Raw == "" {
		return ""
	}
	raw := b.Label.Raw[:len(b.Label.Raw)-1]
	if raw[0] == '"' {
		return unescape(raw[1 : len(raw)-1])
	}
	return raw
}

// An Instr is an instruction or a debug record (#dbg_value(...)).
type Instr struct {
	Span
	Result      Ident  // %x; empty Raw when the instruction has no result
	Opcode      string // add, call, getelementptr, ..., or #dbg_value for records
	OpcodePos   Pos
	Flags       []Word    // words between opcode and first operand: nuw, inbounds, samesign, ult, volatile, fast-math flags
	Operands    []Operand // everything after the flags, except for calls, whose parts are in Call
	Call        *Call     // call, invoke and callbr
	Attachments []Attachment
}

// IsRecord reports whether i is a debug record rather than an instruction.
func (i *Instr) IsRecord() bool { return len(i.Opcode) > 0 && i.Opcode[0] == '#' }

// HasFlag reports whether the instruction carries the given flag word.
func (i *Instr) HasFlag(flag string) bool { return flagIndex(i.Flags, flag) >= 0 }

func flagIndex(flags []Word, flag string) int {
	for k, f := range flags {
		if f.Text == flag {
			return k
		}
	}
	return -1
}

// Call holds the parts of call, invoke and callbr instructions.
type Call struct {
	Tail     Word // tail, musttail or notail before call; empty if none
	CC       Word // calling convention, e.g. fastcc
	RetAttrs AttrList
	Type     *Type // the return type, or the full function type when written
	Callee   Value
	Args     []Operand
	ArgsSpan Span // from ( to )
	FnAttrs  AttrList
	Bundles  []Operand // operand bundles [ "tag"(...) ] as one Bracketed value each
	Dests    []Operand // invoke: to label %a unwind label %b; callbr: to label %a [...]
}

// CalleeName returns the name of the called global, or "" for indirect calls
// and inline asm.
func (c *Call) CalleeName() string {
	if c.Callee.Kind == GlobalRef {
		return c.Callee.Name()
	}
	return ""
}

// Attachment is a metadata attachment such as !dbg !12.
type Attachment struct {
	Span
	Name  string // dbg, noundef, range, ... (without !)
	Value Value
}

// OperandType returns the type of the value of the k-th operand where the
// syntax gives it: written before the value, or implied by the
// instruction's shape. The second operand of a binary operator or a
// compare has the first one's type, and a phi's incoming values have the
// phi's. It returns nil where neither says, for an operand without a
// value (the type that opens a phi), and for calls, whose operands are
// in Call.
func (i *Instr) OperandType(k int) *Type {
	if k < 0 || k >= len(i.Operands) {
		return nil
	}
	if t := i.Operands[k].Type; t != nil && !(k == 0 && opcodes[i.Opcode] == phiOp) {
		return t
	}
	switch opcodes[i.Opcode] {
	case binaryOp:
		if k == 1 {
			return i.Operands[0].Type
		}
	case phiOp:
		if k > 0 {
			return i.Operands[0].Type
		}
	}
	return nil
}
