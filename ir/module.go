package ir

// A Module is a parsed .ll file. Its exported slices list the top-level
// entities by kind, each in source order. Use the Module's edit methods to
// change it: they keep the model and the printed text in step.
type Module struct {
	Filename string

	SourceFilename *HeaderField // source_filename = "..."
	DataLayout     *HeaderField // target datalayout = "..."
	Triple         *HeaderField // target triple = "..."
	ModuleAsm      []*ModuleAsm
	TypeDefs       []*TypeDef
	Comdats        []*Comdat
	Globals        []*Global
	Aliases        []*Alias // aliases and ifuncs
	Funcs          []*Func
	AttrGroups     []*AttrGroup
	NamedMetadata  []*NamedMD
	Metadata       []*MDNode
	Directives     []*Directive // uselistorder and summary entries, kept as text

	// Syntax records which version-specific constructs the parser saw.
	Syntax Syntax

	srcs        []*source // the parsed file, then snippets added by edits
	edits       []edit
	sortedEdits int // how many leading edits are in print order
	mdIndex     map[string]*MDNode
	mdNext      int // the lowest metadata ID above every one in Metadata[:mdScanned]
	mdScanned   int
	types       map[string]*Type // every type spelling seen, shared by snippets
}

// Text returns the source text of the parsed file.
func (m *Module) Text() string { return m.srcs[0].text }

// Position turns a Pos into file:line:column.
func (m *Module) Position(p Pos) Position {
	for _, s := range m.srcs {
		if s.contains(p) {
			return s.position(p)
		}
	}
	return Position{Filename: m.Filename}
}

// Func returns the function named name (without @), or nil.
func (m *Module) Func(name string) *Func {
	for _, f := range m.Funcs {
		if f.Name.Name() == name {
			return f
		}
	}
	return nil
}

// AttrGroup returns the attribute group #id, or nil.
func (m *Module) AttrGroup(id string) *AttrGroup {
	for _, g := range m.AttrGroups {
		if g.ID.Raw[1:] == id {
			return g
		}
	}
	return nil
}

// HeaderField is one of source_filename, target datalayout, target triple.
type HeaderField struct {
	Span
	Key   string // source_filename, datalayout or triple
	Value Str
}

// ModuleAsm is module asm "...".
type ModuleAsm struct {
	Span
	Asm Str
}

// TypeDef is %T = type {...} (or type opaque).
type TypeDef struct {
	Span
	Name Ident
	Type *Type // nil for opaque
}

// Comdat is $name = comdat any.
type Comdat struct {
	Span
	Name Ident
	Kind Word
}

// Global is a global variable: @g = ... global|constant T [init], ...
type Global struct {
	Span
	Name     Ident
	Words    []Word // linkage, visibility, unnamed_addr, thread_local(...), ... before global/constant
	Constant bool
	Type     *Type
	Init     *Operand // nil for an external declaration
	Section  *Str
	Options  []Operand // , align 8  , comdat  , partition "p" ...
	Attrs    AttrList  // #N groups after the options
	Attached []Attachment
}

// Alias is @a = ... alias T, ptr @aliasee, or an ifunc.
type Alias struct {
	Span
	Name   Ident
	Words  []Word
	Kind   string // alias or ifunc
	Type   *Type
	Target Operand
}

// Func is a function declaration or definition.
type Func struct {
	Span
	Keyword     Word   // define or declare
	Words       []Word // linkage, preemption, visibility, DLL storage
	CC          Word   // calling convention; empty if none
	RetAttrs    AttrList
	RetType     *Type
	Name        Ident
	Params      []*Param
	ParamsSpan  Span // from ( to )
	Variadic    bool
	UnnamedAddr Word
	AddrSpace   Word
	Attrs       AttrList // function attributes and #N references
	Section     *Str
	Options     []Operand // partition, comdat, gc, prefix, prologue, personality
	Attached    []Attachment
	Body        *Body // nil for declarations
}

// IsDeclaration reports whether f has no body.
func (f *Func) IsDeclaration() bool { return f.Body == nil }

// IsIntrinsic reports whether f is an llvm.* intrinsic.
func (f *Func) IsIntrinsic() bool {
	n := f.Name.Name()
	return len(n) > 5 && n[:5] == "llvm."
}

// Linkage returns the function's linkage keyword, or "" (external).
func (f *Func) Linkage() string {
	for _, w := range f.Words {
		if linkages[w.Text] {
			return w.Text
		}
	}
	return ""
}

// Param is one parameter of a function header.
type Param struct {
	Span
	Type  *Type
	Attrs AttrList
	Name  Ident // empty Raw in declarations
}

// Body is the braces of a function definition and the blocks inside.
type Body struct {
	Span
	Blocks []*Block
}

// Directive is a top-level entity kept as text: uselistorder,
// uselistorder_bb, and module summary entries (^0 = ...).
type Directive struct {
	Span
	Keyword string
}

// NamedMD is !name = !{!0, !1}.
type NamedMD struct {
	Span
	Name  Ident
	Nodes []Value
}

// MDNode is a metadata node: !N = [distinct] !{...} or !N = !DIxxx(...),
// or the same written in place as an operand (then ID is empty).
//
// Debug info is most of a large module and few passes look into it, so the
// parser checks a node's fields but keeps them only when Fields asks.
type MDNode struct {
	Span
	ID       Ident // !12
	Distinct bool
	Kind     string // "" for a tuple !{...}; DILocation, DIExpression, ... for specialized nodes
	body     Pos    // the '!' that opens the fields
	bodyEnd  Pos    // the end of the fields' text, when SetNode moved it into a snippet; else End
	mod      *Module
	fields   []MDField
	parsed   bool
}

// Fields returns the node's fields, parsing them on first use. Tuple
// elements and positional arguments have no Name.
func (n *MDNode) Fields() []MDField {
	if !n.parsed {
		n.fields = n.mod.parseFields(n.body)
		n.parsed = true
	}
	return n.fields
}

// FieldsText returns the text of the node's fields as it was parsed (or
// as SetNode gave it), without parsing them: a cheap test of whether a
// node mentions a word before looking at its fields.
func (n *MDNode) FieldsText() string {
	src := n.mod.sourceOf(n.body)
	return src.text[n.body-src.base : n.contentsEnd()-src.base]
}

// Field returns the value of the named field, and whether it is present.
func (n *MDNode) Field(name string) (Value, bool) {
	for _, f := range n.Fields() {
		if f.Name == name {
			return f.Value, true
		}
	}
	return Value{}, false
}

// MDField is one field of a specialized node (line: 3), or one element of a
// tuple or positional argument (i32 7, !"PIC Level", DW_OP_plus_uconst).
type MDField struct {
	Span
	Name  string // field name without colon; "" for elements
	Type  *Type  // type of a typed tuple element (i32 7); nil otherwise
	Value Value
}

var linkages = map[string]bool{
	"private": true, "internal": true, "available_externally": true, "linkonce": true,
	"weak": true, "common": true, "appending": true, "extern_weak": true,
	"linkonce_odr": true, "weak_odr": true, "external": true,
}
