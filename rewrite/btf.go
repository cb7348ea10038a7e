package rewrite

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// BTF makes rustc's debug info into what the kernel takes as BTF.
var BTF = &Pass{
	Name: "btf",
	Doc: `make rustc's debug info valid kernel BTF

llc's BPF backend writes .BTF and .BTF.ext from whatever debug info
reaches it, and the kernel and libbpf refuse much of what rustc writes.
With Options.BTF, this pass reshapes the debug info, never the code:

  - names that are not C identifiers (Ports<u16>, (u8, u64), &[u8],
    core::option::Option<u32>) become identifiers (Ports_u16_), at most
    120 bytes, and distinct types keep distinct names (a hash of the
    Rust name is added where two would meet);
  - pointer, const, volatile and restrict types lose their names;
  - members of a struct come in offset order (rustc orders fields by
    size; the kernel says "Invalid member bits_offset");
  - a zero-sized basic type (the unit type (), !) becomes an empty
    struct: the kernel has no INT of 0 bits;
  - with Options.NoFloatBTF, f32 and f64 become empty structs of their
    size: kernels before 5.13 refuse BTF's FLOAT kind;
  - a data-carrying enum's variant part becomes a union of its variants'
    structs and the discriminant, the shape llc-22 gives it, so that
    every LLVM writes the same (llc-19 wrote the variant part as a member
    of type void, which the kernel refuses);
  - a function that is no program is local to its unit, so BTF calls it
    static: the kernel verifies a global function on its own;
  - nothing names the machine: codegen-unit hashes and linkage names
    (cargo derives their hashes from the checkout's path) go, and the
    standard library's sources are /rustc/<commit>/library/... even
    when rust-src is installed (Options.RustcCommit).

Without Options.BTF, or without debug info, the module is left alone.`,
	Run: runBTF,
}

// btfNameMax bounds a sanitized name: kernels before 6.1 take at most 128
// bytes (KSYM_NAME_LEN) with the terminating NUL.
const btfNameMax = 120

type btfSanitizer struct {
	c      *Context
	m      *ir.Module
	byName map[string]string // sanitized type name → the Rust name that has it
}

func runBTF(c *Context) error {
	if !c.Options.BTF {
		return nil
	}
	if f := programWithoutDebugInfo(c.Module); f != nil {
		c.Warn(f, f, "program %s has no debug info (IR built without -g): the object gets no BTF, and libbpf, bpftool and iproute2 refuse legacy maps", f.Name.Name())
		c.Count(noDebugInfo, 1)
		return nil
	}
	s := &btfSanitizer{c: c, m: c.Module, byName: map[string]string{}}
	nodes := slices.Clone(c.Module.Metadata) // the pass adds nodes
	for _, n := range nodes {
		if n.Kind == "DICompositeType" && s.tag(n) == "DW_TAG_variant_part" {
			if err := s.variantPartToUnion(n); err != nil {
				return err
			}
		}
	}
	for _, n := range nodes {
		var err error
		switch n.Kind {
		case "DICompositeType":
			err = s.sortMembers(n)
		case "DIBasicType":
			err = s.basic(n)
		case "DIDerivedType":
			err = s.unnamePointer(n)
		}
		if err != nil {
			return err
		}
		if err := s.sanitizeName(n); err != nil {
			return err
		}
	}
	if err := s.localFunctions(); err != nil {
		return err
	}
	if err := s.virtualRustSources(); err != nil {
		return err
	}
	return s.unhashUnits()
}

// noDebugInfo is the rule the btf pass counts when it leaves a module
// without BTF.
const noDebugInfo = "no-debug-info"

// WithoutBTF reports whether a run's btf pass found the module unable to
// carry BTF: then debug info is no use to llc, and the caller strips it.
func WithoutBTF(rep *Report) bool {
	for _, p := range rep.Passes {
		if p.Pass == BTF.Name && p.Changes[noDebugInfo] > 0 {
			return true
		}
	}
	return false
}

// programWithoutDebugInfo returns a program function without a
// DISubprogram, or nil. llc writes BTF func and line info only for
// functions that have one, and a kernel given BTF refuses a program
// without them.
func programWithoutDebugInfo(m *ir.Module) *ir.Func {
	for _, f := range m.Funcs {
		if f.IsDeclaration() || !isProgram(f) {
			continue
		}
		if !slices.ContainsFunc(f.Attached, func(a ir.Attachment) bool { return a.Name == "dbg" }) {
			return f
		}
	}
	return nil
}

// tag returns a node's tag: DW_TAG_structure_type, ...
func (s *btfSanitizer) tag(n *ir.MDNode) string {
	v, _ := n.Field("tag")
	return v.Raw
}

// typeNameKinds are the nodes whose names become BTF type names, which
// must be distinct for distinct types (a C header generated from the BTF
// could not declare both otherwise).
var typeNameKinds = map[string]bool{"DICompositeType": true, "DIBasicType": true}

// namedKinds are the nodes whose names reach BTF: types, members,
// enumerators, functions, variables and parameters.
var namedKinds = map[string]bool{
	"DICompositeType": true, "DIBasicType": true, "DIDerivedType": true, "DIEnumerator": true,
	"DISubprogram": true, "DIGlobalVariable": true, "DILocalVariable": true,
}

// sanitizeName makes the node's name a C identifier.
func (s *btfSanitizer) sanitizeName(n *ir.MDNode) error {
	if !namedKinds[n.Kind] {
		return nil
	}
	v, ok := n.Field("name")
	if !ok || v.Kind != ir.StringConst {
		return nil
	}
	rust := ir.Str{Raw: v.Raw}.Value()
	name := btfName(rust)
	if typeNameKinds[n.Kind] || n.Kind == "DIDerivedType" && s.tag(n) == "DW_TAG_typedef" {
		if other, taken := s.byName[name]; taken && other != rust {
			name = hashed(name, rust)
		}
		s.byName[name] = rust
	}
	if name == rust {
		return nil
	}
	s.c.Count("name", 1)
	return s.m.SetField(n, "name", ir.Quote(name))
}

// btfName makes a C identifier of a Rust name: every byte that cannot
// stand in one becomes _, a leading digit gets a _ before it, and a name
// longer than btfNameMax is cut and made distinct with a hash.
func btfName(rust string) string {
	switch rust {
	case "()":
		return "unit"
	case "!":
		return "never"
	}
	b := []byte(rust)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			b[i] = '_'
		}
	}
	name := string(b)
	if name != "" && name[0] >= '0' && name[0] <= '9' {
		name = "_" + name
	}
	if len(name) > btfNameMax {
		name = hashed(name[:btfNameMax-9], rust)
	}
	return name
}

// hashed appends to name 8 hex digits of a hash of the Rust name.
func hashed(name, rust string) string {
	h := fnv.New32a()
	h.Write([]byte(rust))
	return fmt.Sprintf("%s_%08x", name, h.Sum32())
}

// pointerTags are the derived types that BTF writes without a name.
var pointerTags = map[string]bool{
	"DW_TAG_pointer_type": true, "DW_TAG_reference_type": true, "DW_TAG_rvalue_reference_type": true,
	"DW_TAG_const_type": true, "DW_TAG_volatile_type": true, "DW_TAG_restrict_type": true,
	"DW_TAG_atomic_type": true, "DW_TAG_ptr_to_member_type": true,
}

// unnamePointer drops the name rustc gives pointer types ("*const u8",
// "&[u8]"): the kernel refuses a named PTR, CONST, VOLATILE or RESTRICT.
func (s *btfSanitizer) unnamePointer(n *ir.MDNode) error {
	if !pointerTags[s.tag(n)] {
		return nil
	}
	for i, f := range n.Fields() {
		if f.Name == "name" {
			s.m.RemoveField(n, i)
			s.c.Count("pointer-name", 1)
			return nil
		}
	}
	return nil
}

// basic turns a basic type the target's BTF cannot hold into an empty
// struct of the same name and size: a zero-sized one (rustc's () and !),
// as BTF has no INT of 0 bits, and with NoFloatBTF a float.
func (s *btfSanitizer) basic(n *ir.MDNode) error {
	size := "0"
	if v, ok := n.Field("size"); ok {
		size = v.Raw
	}
	encoding, _ := n.Field("encoding")
	switch {
	case size == "0":
		s.c.Count("zero-sized", 1)
	case encoding.Raw == "DW_ATE_float" && s.c.Options.NoFloatBTF:
		s.c.Count("float-as-struct", 1)
	default:
		return nil
	}
	name := `""`
	if v, ok := n.Field("name"); ok {
		name = v.Raw
	}
	return s.m.SetNode(n, "!DICompositeType(tag: DW_TAG_structure_type, name: "+name+", size: "+size+", elements: !{})")
}

// sortMembers puts a struct's members in offset order, where rustc wrote
// them in the order it laid them out (largest first).
func (s *btfSanitizer) sortMembers(n *ir.MDNode) error {
	if tag := s.tag(n); tag != "DW_TAG_structure_type" && tag != "DW_TAG_class_type" {
		return nil
	}
	elems := s.refNode(n, "elements")
	if elems == nil || len(elems.Fields()) < 2 {
		return nil
	}
	type member struct {
		ref    string
		offset uint64
	}
	var members []member
	for _, f := range elems.Fields() {
		m := s.m.MDNode(f.Value.Raw)
		if m == nil || m.Kind != "DIDerivedType" || s.tag(m) != "DW_TAG_member" {
			return nil // not a plain list of members: leave it
		}
		members = append(members, member{f.Value.Raw, s.offset(m)})
	}
	sorted := slices.IsSortedFunc(members, func(a, b member) int { return cmp.Compare(a.offset, b.offset) })
	if sorted {
		return nil
	}
	slices.SortStableFunc(members, func(a, b member) int { return cmp.Compare(a.offset, b.offset) })
	refs := make([]string, len(members))
	for i, m := range members {
		refs[i] = m.ref
	}
	s.c.Count("member-order", 1)
	return s.m.SetNode(elems, "!{"+strings.Join(refs, ", ")+"}")
}

// offset is a member's offset in bits; absent means 0.
func (s *btfSanitizer) offset(n *ir.MDNode) uint64 {
	v, ok := n.Field("offset")
	if !ok {
		return 0
	}
	off, _ := strconv.ParseUint(v.Raw, 10, 64)
	return off
}

// refNode returns the node a field of n refers to, or nil.
func (s *btfSanitizer) refNode(n *ir.MDNode, field string) *ir.MDNode {
	v, ok := n.Field(field)
	if !ok || v.Kind != ir.MDRef {
		return nil
	}
	return s.m.MDNode(v.Raw)
}

// variantPartToUnion rewrites the variant part of a data-carrying enum,
// which the enum's struct holds as an element of its own, into a union:
// the discriminant (named "discriminant", inside a struct of the union's
// size when it is not at offset 0) and one member per variant, each a
// struct of the whole enum's size. The enum's struct gets an anonymous
// member of that union in place of the variant part.
func (s *btfSanitizer) variantPartToUnion(vp *ir.MDNode) error {
	owner := s.refNode(vp, "scope")
	size, _ := vp.Field("size")
	align, _ := vp.Field("align")
	variants := s.refNode(vp, "elements")
	var members []string
	if d := s.refNode(vp, "discriminator"); d != nil {
		discr, err := s.discriminant(d, vp, size.Raw)
		if err != nil {
			return err
		}
		members = append(members, discr)
	}
	if variants != nil {
		for _, f := range variants.Fields() {
			members = append(members, f.Value.Raw)
		}
	}
	list, err := s.m.NewNode("!{" + strings.Join(members, ", ") + "}")
	if err != nil {
		return err
	}
	union := "!DICompositeType(tag: DW_TAG_union_type" + field(vp, "scope") + field(vp, "file") +
		sizeAlign(size, align) + ", elements: " + list.ID.Raw + ")"
	if err := s.m.SetNode(vp, union); err != nil {
		return err
	}
	s.c.Count("variant-part", 1)
	if owner == nil {
		return nil
	}
	// The owner's elements name the variant part itself, not a member.
	elems := s.refNode(owner, "elements")
	if elems == nil {
		return nil
	}
	member, err := s.m.NewNode("!DIDerivedType(tag: DW_TAG_member, scope: " + owner.ID.Raw + field(vp, "file") +
		", baseType: " + vp.ID.Raw + sizeAlign(size, align) + ")")
	if err != nil {
		return err
	}
	refs := make([]string, 0, len(elems.Fields()))
	for _, f := range elems.Fields() {
		if f.Value.Raw == vp.ID.Raw {
			refs = append(refs, member.ID.Raw)
		} else {
			refs = append(refs, f.Value.Raw)
		}
	}
	return s.m.SetNode(elems, "!{"+strings.Join(refs, ", ")+"}")
}

// discriminant returns the union member for an enum's discriminant d: d
// itself, named, when it sits at offset 0, else a member of a struct that
// holds d at its offset, as a union member cannot have an offset.
func (s *btfSanitizer) discriminant(d, vp *ir.MDNode, size string) (string, error) {
	if s.offset(d) == 0 {
		return d.ID.Raw, s.m.SetField(d, "name", `"discriminant"`)
	}
	holder, err := s.m.NewNode("!DICompositeType(tag: DW_TAG_structure_type" + field(vp, "file") +
		", size: " + size + ", elements: !{" + d.ID.Raw + "})")
	if err != nil {
		return "", err
	}
	m, err := s.m.NewNode("!DIDerivedType(tag: DW_TAG_member, name: \"discriminant\", scope: " + vp.ID.Raw +
		", baseType: " + holder.ID.Raw + ", size: " + size + ")")
	if err != nil {
		return "", err
	}
	return m.ID.Raw, nil
}

// field copies a field of n as ", name: value", or nothing.
func field(n *ir.MDNode, name string) string {
	if v, ok := n.Field(name); ok {
		return ", " + name + ": " + v.Raw
	}
	return ""
}

func sizeAlign(size, align ir.Value) string {
	s := ", size: " + cmp.Or(size.Raw, "0")
	if align.Raw != "" {
		s += ", align: " + align.Raw
	}
	return s
}

// localFunctions marks the debug info of every defined function that is no
// program local to its unit, so that llc writes it as a static BTF FUNC:
// the kernel verifies a global function on its own, against its BTF
// signature, rather than as part of the program that calls it.
func (s *btfSanitizer) localFunctions() error {
	for _, f := range s.m.Funcs {
		if f.IsDeclaration() || isProgram(f) {
			continue
		}
		var sp *ir.MDNode
		for _, a := range f.Attached {
			if a.Name == "dbg" {
				sp = s.m.MDNode(a.Value.Raw)
			}
		}
		if sp == nil {
			continue
		}
		flags, ok := sp.Field("spFlags")
		if ok && strings.Contains(flags.Raw, "DISPFlagLocalToUnit") {
			continue
		}
		value := "DISPFlagLocalToUnit"
		if ok {
			value = flags.Raw + " | " + value
		}
		s.c.Count("local-function", 1)
		if err := s.m.SetField(sp, "spFlags", value); err != nil {
			return err
		}
	}
	return nil
}

// isProgram reports whether f is a BPF program: a function in a section
// of its own, where loaders look for programs.
func isProgram(f *ir.Func) bool {
	return f.Section != nil && f.Section.Value() != ".text" && f.Section.Value() != ""
}
