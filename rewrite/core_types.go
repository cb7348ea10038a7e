package rewrite

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// coreTypes finds relocatable types in the debug info by their Rust paths
// and gives each struct accessed the LLVM type its intrinsics name.
type coreTypes struct {
	m         *ir.Module
	debugInfo bool
	byPath    map[string]*ir.MDNode
	layouts   map[*ir.MDNode]string // struct → its LLVM type's name
	names     map[string]bool       // LLVM type names given
	anonymous map[*ir.MDNode]bool   // members of gen types' __anon_N names, to unname
	defs      []string              // their definitions
	// bitfields holds what each member of the structs walked stands for:
	// its bitfield for a Bitfield marker, else nil. Every marker found is
	// described as its bitfield, so that BTF orders all the struct's
	// members as the indexes were counted.
	bitfields map[*ir.MDNode]*coreBitfield
}

// A coreBitfield is what an oxbpf_ebpf::co_re::Bitfield<T, OFFSET, BITS>
// member stands for: BITS bits of type T at bit OFFSET of its struct.
type coreBitfield struct {
	typ          *ir.MDNode
	offset, bits uint64
	signed       bool
}

func newCoreTypes(m *ir.Module) *coreTypes {
	t := &coreTypes{m: m, byPath: map[string]*ir.MDNode{}, layouts: map[*ir.MDNode]string{}, names: map[string]bool{}, anonymous: map[*ir.MDNode]bool{}, bitfields: map[*ir.MDNode]*coreBitfield{}}
	for _, n := range m.Metadata {
		switch n.Kind {
		case "DICompileUnit":
			t.debugInfo = true
		case "DICompositeType":
			if tag := fieldRef(n, "tag"); tag == "DW_TAG_structure_type" || tag == "DW_TAG_union_type" {
				if p := t.rustPath(n); p != "" {
					if _, dup := t.byPath[p]; !dup {
						t.byPath[p] = n
					}
				}
			}
		}
	}
	return t
}

// rustPath is a type's path as type_name writes it: its name after the
// namespaces (and types) it is declared in.
func (t *coreTypes) rustPath(n *ir.MDNode) string {
	parts := []string{mdString(n, "name")}
	for s := t.ref(n, "scope"); s != nil && (s.Kind == "DINamespace" || s.Kind == "DICompositeType") && len(parts) < maxDIDepth; s = t.ref(s, "scope") {
		parts = append(parts, mdString(s, "name"))
	}
	slices.Reverse(parts)
	return strings.Join(parts, "::")
}

// find returns the debug info of the type type_name calls path.
func (t *coreTypes) find(path string) (*ir.MDNode, error) {
	if n := t.byPath[path]; n != nil {
		return n, nil
	}
	if len(t.byPath) == 0 {
		return nil, fmt.Errorf("the IR describes no types (built with --btf=false?): CO-RE finds %s's fields in the type debug info --btf brings", path)
	}
	return nil, fmt.Errorf("no debug info describes %s as a struct or union: a relocatable type must be a #[repr(C)] struct or union", path)
}

// A coreStep is one step of a field path: a member by name, or an index.
type coreStep struct {
	name  string
	index int // -1 for a member
}

// parseCorePath reads a field path as stringify! writes it: pid,
// se.vruntime, comm[3], with any spaces between the tokens. A tuple
// struct's field 0 is the member rustc calls __0.
func parseCorePath(path string) ([]coreStep, error) {
	s := strings.Join(strings.Fields(path), "")
	var steps []coreStep
	for first := true; s != ""; first = false {
		switch {
		case s[0] == '[':
			end := strings.IndexByte(s, ']')
			if end < 0 || first {
				return nil, fmt.Errorf("unbalanced [")
			}
			k, err := strconv.Atoi(s[1:end])
			if err != nil || k < 0 {
				return nil, fmt.Errorf("index %q is not a literal: index the field's pointer instead", s[1:end])
			}
			steps, s = append(steps, coreStep{index: k}), s[end+1:]
			continue
		case s[0] == '.' && !first:
			s = s[1:]
		case first:
		default:
			return nil, fmt.Errorf("unexpected %q", s)
		}
		n := 0
		for n < len(s) && (s[n] == '_' || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
			n++
		}
		if n == 0 {
			return nil, fmt.Errorf("expected a field name at %q", s)
		}
		name := s[:n]
		if name[0] >= '0' && name[0] <= '9' {
			name = "__" + name
		}
		steps, s = append(steps, coreStep{name: name, index: -1}), s[n:]
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return steps, nil
}

// A coreAccess is one intrinsic call of a path.
type coreAccess struct {
	kind      string // struct, union or array
	llvm      string // the element type of struct and array accesses
	index     int    // the member's debug-info index, or the array index
	llvmIndex int    // a struct member's index in llvm
	md        string // the accessed type's debug info
	// bitfield is the bitfield a struct access leads to, if it does.
	bitfield *coreBitfield
	// align is the struct's alignment in bytes, which says how llc reads
	// its bitfields.
	align uint64
	// signed says the member is a signed integer.
	signed bool
	// offset is where the access leads from its base in the type as
	// compiled, size the size of what it leads to, both in bytes.
	offset, size uint64
}

func (a coreAccess) intrinsic() string {
	return "llvm.preserve." + a.kind + ".access.index.p0.p0"
}

// call writes the access as clang does.
func (a coreAccess) call(dst, base, dbg string) string {
	switch a.kind {
	case "union":
		return fmt.Sprintf("%s = call ptr @%s(ptr %s, i32 %d)%s, !llvm.preserve.access.index %s", dst, a.intrinsic(), base, a.index, dbg, a.md)
	case "array":
		return fmt.Sprintf("%s = call ptr @%s(ptr elementtype(%s) %s, i32 1, i32 %d)%s, !llvm.preserve.access.index %s", dst, a.intrinsic(), a.llvm, base, a.index, dbg, a.md)
	}
	return fmt.Sprintf("%s = call ptr @%s(ptr elementtype(%s) %s, i32 %d, i32 %d)%s, !llvm.preserve.access.index %s", dst, a.intrinsic(), a.llvm, base, a.llvmIndex, a.index, dbg, a.md)
}

// walk follows steps from the struct or union root.
func (t *coreTypes) walk(root *ir.MDNode, steps []coreStep) ([]coreAccess, error) {
	var out []coreAccess
	cur := root
	for i, st := range steps {
		cur = t.underlying(cur)
		if cur == nil {
			return nil, fmt.Errorf("no debug info for the type holding %s", st.describe())
		}
		tag := fieldRef(cur, "tag")
		if st.index >= 0 {
			if tag != "DW_TAG_array_type" {
				return nil, fmt.Errorf("[%d] indexes %s, which is no array", st.index, describeType(cur))
			}
			a, elem, err := t.arrayAccess(cur, st.index)
			if err != nil {
				return nil, err
			}
			out, cur = append(out, a), elem
			continue
		}
		if cur.Kind != "DICompositeType" || tag != "DW_TAG_structure_type" && tag != "DW_TAG_union_type" {
			return nil, fmt.Errorf(".%s names a field of %s, which is no struct or union", st.name, describeType(cur))
		}
		members, err := t.members(cur)
		if err != nil {
			return nil, err
		}
		k := slices.IndexFunc(members, func(m *ir.MDNode) bool { return mdString(m, "name") == st.name })
		if k < 0 {
			return nil, fmt.Errorf("%s has no field %s", describeType(cur), st.name)
		}
		if err := t.checkMember(cur, members[k]); err != nil {
			return nil, err
		}
		bf, err := t.bitfield(members[k])
		if err != nil {
			return nil, err
		}
		at, size := mdInt(members[k], "offset")/8, mdInt(members[k], "size")/8
		a := coreAccess{kind: "union", index: k, md: cur.ID.Raw, offset: at, size: size, bitfield: bf, align: max(mdInt(cur, "align")/8, 1),
			signed: fieldRef(t.underlying(t.ref(members[k], "baseType")), "encoding") == "DW_ATE_signed"}
		if tag != "DW_TAG_union_type" {
			if a.llvm, err = t.layout(cur, members); err != nil {
				return nil, err
			}
			a.kind, a.llvmIndex = "struct", k+1 // after the alignment
		}
		if bf != nil {
			if i < len(steps)-1 {
				return nil, fmt.Errorf("%s.%s is a bitfield: nothing lies in it", describeType(cur), st.name)
			}
			// llc reads a bitfield in one unit of its struct's alignment,
			// of at most 8 bytes, and stops with a fatal error otherwise.
			if unit := 8 * a.align; a.align > 8 || bf.offset+bf.bits > bf.offset&^(unit-1)+unit {
				return nil, fmt.Errorf("%s.%s does not lie in one %d-byte unit of its struct, as llc reads bitfields", describeType(cur), st.name, min(a.align, 8))
			}
			a.offset, a.size = bf.offset/8, 0
		}
		out = append(out, a)
		cur = t.ref(members[k], "baseType")
	}
	return out, nil
}

// bitfield returns what a member of type oxbpf_ebpf::co_re::Bitfield<T,
// OFFSET, BITS> stands for, noting it to describe as that bitfield; nil
// for any other member. Sorting a struct's members asks for each member
// many times: the answer is kept.
func (t *coreTypes) bitfield(m *ir.MDNode) (*coreBitfield, error) {
	if bf, ok := t.bitfields[m]; ok {
		return bf, nil
	}
	marker := t.ref(m, "baseType")
	path := ""
	if marker != nil && marker.Kind == "DICompositeType" {
		path = t.rustPath(marker)
	}
	i := strings.LastIndex(path, "co_re::Bitfield<")
	if i < 0 || !strings.HasSuffix(path, ">") {
		t.bitfields[m] = nil
		return nil, nil
	}
	args := path[i+len("co_re::Bitfield<"):]
	parts := strings.Split(strings.TrimSuffix(args, ">"), ",")
	if len(parts) < 3 {
		return nil, fmt.Errorf("%s: want Bitfield<T, OFFSET, BITS>", path)
	}
	offset, err1 := strconv.ParseUint(strings.TrimSpace(parts[len(parts)-2]), 10, 32)
	bits, err2 := strconv.ParseUint(strings.TrimSpace(parts[len(parts)-1]), 10, 32)
	var typ *ir.MDNode
	if params := t.ref(marker, "templateParams"); params != nil {
		for _, f := range params.Fields() {
			if p := t.m.MDNode(f.Value.Raw); p != nil && mdString(p, "name") == "T" {
				typ = t.ref(p, "type")
			}
		}
	}
	if err1 != nil || err2 != nil || bits == 0 || bits > 64 || typ == nil {
		return nil, fmt.Errorf("%s: want Bitfield<T, OFFSET, BITS> with BITS from 1 to 64, and its T in the debug info", path)
	}
	bf := &coreBitfield{typ: typ, offset: offset, bits: bits, signed: fieldRef(t.underlying(typ), "encoding") == "DW_ATE_signed"}
	t.bitfields[m] = bf
	return bf, nil
}

// describeBitfields makes each bitfield marker found the bitfield it
// stands for, in the debug info llc writes BTF from: of type T, BITS
// bits at bit OFFSET, flagged DIFlagBitField.
func (t *coreTypes) describeBitfields() error {
	for m, bf := range t.bitfields {
		if bf == nil {
			continue
		}
		flags := "DIFlagBitField"
		if v, ok := m.Field("flags"); ok {
			flags = v.Raw + " | DIFlagBitField"
		}
		for _, f := range [][2]string{
			{"baseType", bf.typ.ID.Raw}, {"size", strconv.FormatUint(bf.bits, 10)},
			{"offset", strconv.FormatUint(bf.offset, 10)}, {"flags", flags},
		} {
			if err := t.m.SetField(m, f[0], f[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// memberOffset is where a member lies, in bits: for a bitfield marker,
// where its bitfield does, as the members will be once described.
func (t *coreTypes) memberOffset(m *ir.MDNode) uint64 {
	if bf, err := t.bitfield(m); err == nil && bf != nil {
		return bf.offset
	}
	return mdInt(m, "offset")
}

// checkMember refuses what oxbpf gen types adds to a kernel type, which
// the kernel's BTF cannot have, and notes its anonymous members: C's
// anonymous struct or union, a field named __anon_N in Rust, must have no
// name in the object's BTF, where the loader looks through it.
func (t *coreTypes) checkMember(owner, m *ir.MDNode) error {
	name := mdString(m, "name")
	switch {
	case strings.HasPrefix(name, "_bitfield_"):
		return fmt.Errorf("%s.%s holds bitfields: core_read_bitfield! reads each by its name", describeType(owner), name)
	case strings.HasPrefix(name, "_pad"):
		return fmt.Errorf("%s.%s is padding, no field of the kernel's", describeType(owner), name)
	case isAnonName(name):
		t.anonymous[m] = true
	}
	return nil
}

// isAnonName reports whether name is one oxbpf gen types gives an
// anonymous member: __anon_ and digits.
func isAnonName(name string) bool {
	digits, ok := strings.CutPrefix(name, "__anon_")
	_, err := strconv.Atoi(digits)
	return ok && err == nil
}

// unname takes the names of the anonymous members that paths went
// through, once every path is walked.
func (t *coreTypes) unname() error {
	for m := range t.anonymous {
		if err := t.m.SetField(m, "name", `""`); err != nil {
			return err
		}
	}
	return nil
}

func (st coreStep) describe() string {
	if st.index >= 0 {
		return fmt.Sprintf("[%d]", st.index)
	}
	return "." + st.name
}

// describeType names a type in messages.
func describeType(n *ir.MDNode) string {
	if name := mdString(n, "name"); name != "" {
		return name
	}
	return "a " + strings.TrimPrefix(fieldRef(n, "tag"), "DW_TAG_")
}

// underlying skips typedefs and qualifiers.
func (t *coreTypes) underlying(n *ir.MDNode) *ir.MDNode {
	for range maxDIDepth {
		if n == nil || n.Kind != "DIDerivedType" {
			return n
		}
		switch fieldRef(n, "tag") {
		case "DW_TAG_typedef", "DW_TAG_const_type", "DW_TAG_volatile_type", "DW_TAG_atomic_type":
			n = t.ref(n, "baseType")
		default:
			return n
		}
	}
	return nil // a cycle: debug info no compiler writes
}

// maxDIDepth bounds the walks up scopes and down typedefs: debug info
// that loops is malformed, and must not hang the pass.
const maxDIDepth = 64

// members returns a struct's or union's members in the order BTF will
// have them: a struct's by offset, as the btf pass sorts them.
func (t *coreTypes) members(n *ir.MDNode) ([]*ir.MDNode, error) {
	var out []*ir.MDNode
	if elems := t.ref(n, "elements"); elems != nil {
		for _, f := range elems.Fields() {
			m := t.m.MDNode(f.Value.Raw)
			if m == nil || m.Kind != "DIDerivedType" || fieldRef(m, "tag") != "DW_TAG_member" {
				return nil, fmt.Errorf("%s is no #[repr(C)] struct or union: it holds more than fields", describeType(n))
			}
			out = append(out, m)
		}
	}
	if fieldRef(n, "tag") == "DW_TAG_structure_type" {
		slices.SortStableFunc(out, func(a, b *ir.MDNode) int { return cmp.Compare(t.memberOffset(a), t.memberOffset(b)) })
	}
	return out, nil
}

// layout returns the name of the LLVM type of a struct's accesses: an
// empty array that gives it the struct's alignment (llc reads bitfields
// in units of it), then an element per member running from the byte the
// member starts in to the one the next starts in, so that element i+1 is
// member i's place and offset.
func (t *coreTypes) layout(n *ir.MDNode, members []*ir.MDNode) (string, error) {
	if name, ok := t.layouts[n]; ok {
		return name, nil
	}
	size := mdInt(n, "size")
	align := max(mdInt(n, "align"), 8)
	if align&(align-1) != 0 || align > 128 {
		return "", fmt.Errorf("%s is aligned to %d bits", describeType(n), align)
	}
	elems := []string{fmt.Sprintf("[0 x i%d]", align)}
	for i, m := range members {
		start, end := t.memberOffset(m)/8, size/8
		if i+1 < len(members) {
			end = t.memberOffset(members[i+1]) / 8
		}
		if end < start {
			return "", fmt.Errorf("%s.%s lies outside the struct", describeType(n), mdString(m, "name"))
		}
		elems = append(elems, fmt.Sprintf("[%d x i8]", end-start))
	}
	base := "oxbpf.core." + mdString(n, "name")
	name := base
	for k := 2; t.names[name]; k++ {
		name = base + "." + strconv.Itoa(k)
	}
	t.names[name] = true
	llvm := "%" + ir.Quote(name)
	t.layouts[n] = llvm
	t.defs = append(t.defs, fmt.Sprintf("%s = type { %s }", llvm, strings.Join(elems, ", ")))
	return llvm, nil
}

// arrayAccess indexes an array type, returning the access and the
// element's type.
func (t *coreTypes) arrayAccess(n *ir.MDNode, index int) (coreAccess, *ir.MDNode, error) {
	elem := t.ref(n, "baseType")
	count := int64(-1)
	if elems := t.ref(n, "elements"); elems != nil && len(elems.Fields()) > 0 {
		if sub := t.m.MDNode(elems.Fields()[0].Value.Raw); sub != nil {
			if v, ok := sub.Field("count"); ok {
				count, _ = strconv.ParseInt(v.Raw, 10, 64)
			}
		}
		if len(elems.Fields()) > 1 {
			return coreAccess{}, nil, fmt.Errorf("%s has more than one dimension", describeType(n))
		}
	}
	if count >= 0 && int64(index) >= count {
		return coreAccess{}, nil, fmt.Errorf("index %d is out of bounds of an array of %d", index, count)
	}
	elemBits := mdInt(t.underlying(elem), "size")
	if count > 0 {
		elemBits = mdInt(n, "size") / uint64(count)
	}
	llvm := fmt.Sprintf("[%d x [%d x i8]]", max(count, 0), elemBits/8)
	return coreAccess{kind: "array", llvm: llvm, index: index, md: n.ID.Raw, offset: uint64(index) * elemBits / 8, size: elemBits / 8}, elem, nil
}

// ref returns the node a field of n refers to, or nil.
func (t *coreTypes) ref(n *ir.MDNode, field string) *ir.MDNode {
	if n == nil {
		return nil
	}
	v, ok := n.Field(field)
	if !ok || v.Kind != ir.MDRef {
		return nil
	}
	return t.m.MDNode(v.Raw)
}

// mdInt is an integer field's value, 0 when absent.
func mdInt(n *ir.MDNode, name string) uint64 {
	if n == nil {
		return 0
	}
	v, _ := n.Field(name)
	k, _ := strconv.ParseUint(v.Raw, 10, 64)
	return k
}
