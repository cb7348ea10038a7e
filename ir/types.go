package ir

// TypeKind classifies a Type.
type TypeKind uint8

// The kinds of types.
const (
	VoidType TypeKind = iota
	IntType
	FloatType    // half, bfloat, float, double, x86_fp80, fp128, ppc_fp128
	PtrType      // opaque ptr, optionally in an address space
	TypedPtrType // T* (LLVM ≤ 16 typed pointers)
	LabelType
	MetadataType
	TokenType
	ArrayType
	VectorType
	StructType // { ... } or <{ ... }>
	NamedType  // %T: a reference to a type definition
	FuncType
	TargetType // target("name", ...)
	OtherType  // x86_amx, x86_mmx, opaque
)

// A Type describes an LLVM type. Types are shared and never changed: a
// parser keeps one *Type per distinct spelling, so a Type has no position;
// the Operand or declaration that names it has. Compare types by value or
// String, not by pointer: a big file is parsed in pieces, each with its own.
type Type struct {
	Kind      TypeKind
	Bits      int    // IntType width
	Len       uint64 // ArrayType and VectorType length
	Scalable  bool   // <vscale x N x T>
	Packed    bool   // <{ ... }>
	Variadic  bool   // FuncType with ...
	AddrSpace int    // PtrType, TypedPtrType
	Elem      *Type  // array, vector and pointee element; FuncType return
	Elems     []*Type
	Name      string // NamedType name as written (%T), float and other type names
	text      string
}

// String returns the type as LLVM writes it.
func (t *Type) String() string {
	if t == nil {
		return "<no type>"
	}
	return t.text
}

// IsInt reports whether t is the integer type of the given width.
func (t *Type) IsInt(bits int) bool { return t != nil && t.Kind == IntType && t.Bits == bits }

// IsPointer reports whether t is a pointer of either dialect.
func (t *Type) IsPointer() bool {
	return t != nil && (t.Kind == PtrType || t.Kind == TypedPtrType)
}
