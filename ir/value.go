package ir

// ValueKind classifies a Value.
type ValueKind uint8

// The kinds of values.
const (
	NoValue       ValueKind = iota
	LocalRef                // %x
	GlobalRef               // @f
	IntConst                // 42, true, false, u0x1F
	FloatConst              // 1.5, 0x3FF0000000000000
	NullConst               // null
	NoneConst               // none
	UndefConst              // undef
	PoisonConst             // poison
	ZeroConst               // zeroinitializer
	CStringConst            // c"..."
	StringConst             // "..." (syncscope names, bundle tags)
	ArrayConst              // [ T v, ... ]
	VectorConst             // < T v, ... >
	StructConst             // { T v, ... } and <{ T v, ... }>
	SplatConst              // splat (T v)
	ConstExpr               // getelementptr (...), bitcast (... to T), ...
	BlockAddress            // blockaddress(@f, %bb)
	WrappedConst            // dso_local_equivalent @f, no_cfi @f
	InlineAsm               // asm sideeffect "code", "constraints"
	MDRef                   // !12
	MDStringValue           // !"text"
	MDNodeValue             // !{...} or !DIExpression(...) written in place
	MDWrapped               // a typed value used as metadata: ptr %x in #dbg_value, metadata i32 0
	Incoming                // [ %v, %bb ] in phi
	Bracketed               // [ ... ]: switch cases, indirectbr and callbr destinations
	FlagsValue              // DIFlagA | DIFlagB in metadata fields
	WordValue               // a keyword value: DW_TAG_member, ordering, ...
)

// A Value is an operand's value as written. Leaf values are fully described
// by Kind and Raw; compound ones (aggregates, constant expressions, inline
// metadata) carry their parts in Sub.
type Value struct {
	Span
	Kind ValueKind
	Raw  string // source text of the whole value
	Sub  *Compound
}

// Compound holds the parts of a compound value.
type Compound struct {
	Opcode string    // constant expression opcode, "splat", "asm", "blockaddress", ...
	Flags  []Word    // constant expression flags, asm dialect words
	Elems  []Operand // aggregate elements, constant expression operands, incoming pairs
	Node   *MDNode   // MDNodeValue
}

// Name returns the identifier of a LocalRef or GlobalRef without sigil.
func (v Value) Name() string {
	if v.Kind != LocalRef && v.Kind != GlobalRef && v.Kind != MDRef {
		return ""
	}
	return Ident{Raw: v.Raw}.Name()
}

// IsGlobal reports whether v names the global @name.
func (v Value) IsGlobal(name string) bool { return v.Kind == GlobalRef && v.Name() == name }

// An Operand is one comma-separated element of an operand list: a typed
// value (i32 noundef %x), a bare type (the element type of alloca and
// getelementptr), a bare value (the second operand of add), or a keyword
// clause (align 4, to i64, seq_cst).
type Operand struct {
	Span
	Keyword string    // leading keyword: to, align, seq_cst, syncscope, cleanup, catch, ...
	Type    *Type     // nil when the type is implied
	Attrs   *AttrList // parameter attributes of call arguments; nil if none
	Value   Value     // Kind NoValue for a bare type or keyword
}
