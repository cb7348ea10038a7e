package rewrite

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// Core makes the field accesses of the crate's CO-RE macros relocatable.
var Core = &Pass{
	Name: "core",
	Doc: `turn the crate's CO-RE field accesses into LLVM's relocatable intrinsics

clang compiles a field access on a preserve_access_index struct into
llvm.preserve.struct.access.index (union, array) calls that carry the
struct's debug info, and llc writes a CO-RE relocation for each, which
the loader fixes against the running kernel's BTF. rustc knows no such
attribute: the oxbpf-ebpf crate's core_field!, core_read!,
core_field_exists!, core_field_size!, core_type_exists! and
core_type_size! call external functions instead, with the type's name
(type_name) and the field's path (pid, se.vruntime, comm[3]) as string
constants. This pass finds the type in the debug info by its Rust path,
walks the path through its members (by name, as the loader will) and
replaces each call with the intrinsics clang would write:

  - __oxbpf_core_field: a chain of struct, union and array access calls
    from the base pointer to the field;
  - __oxbpf_core_field_info: the same chain from null, then
    llvm.bpf.preserve.field.info (exists, size);
  - __oxbpf_core_type_info: llvm.bpf.preserve.type.info (exists, size).

Each struct gets an LLVM type of its own whose elements are its members
in offset order, as the btf pass orders them, so that the LLVM index and
the debug-info index are one. A type or path the debug info does not
have is an error naming the function, never a fixed offset. CO-RE needs
BTF: without Options.BTF or debug info a call is an error too.`,
	Run: runCore,
}

// The functions the crate calls (scaffold/crate/src/co_re.rs).
const (
	coreField     = "__oxbpf_core_field"
	coreFieldInfo = "__oxbpf_core_field_info"
	coreTypeInfo  = "__oxbpf_core_type_info"
)

// The intrinsics the pass writes, declared when used.
var coreIntrinsics = map[string]string{
	"llvm.preserve.struct.access.index.p0.p0": "declare ptr @llvm.preserve.struct.access.index.p0.p0(ptr, i32 immarg, i32 immarg)",
	"llvm.preserve.union.access.index.p0.p0":  "declare ptr @llvm.preserve.union.access.index.p0.p0(ptr, i32 immarg)",
	"llvm.preserve.array.access.index.p0.p0":  "declare ptr @llvm.preserve.array.access.index.p0.p0(ptr, i32 immarg, i32 immarg)",
	"llvm.bpf.preserve.field.info.p0":         "declare i32 @llvm.bpf.preserve.field.info.p0(ptr, i64 immarg)",
	"llvm.bpf.preserve.type.info":             "declare i32 @llvm.bpf.preserve.type.info(i32, i64)",
	"llvm.bpf.preserve.enum.value":            "declare i64 @llvm.bpf.preserve.enum.value(i32, ptr, i64)",
}

type coreRewriter struct {
	c       *Context
	types   *coreTypes
	enums   *coreEnums
	globals map[string]*ir.Global
	used    map[string]bool // intrinsics called
	next    int             // numbers value names and type-info calls
}

func runCore(c *Context) error {
	m := c.Module
	var calls []*ir.Func
	for _, name := range []string{coreField, coreFieldInfo, coreTypeInfo, coreEnumValue} {
		if f := m.Func(name); f != nil && f.IsDeclaration() {
			calls = append(calls, f)
		}
	}
	if len(calls) == 0 {
		return nil
	}
	r := &coreRewriter{c: c, types: newCoreTypes(m), enums: &coreEnums{m: m, byName: map[string]*coreEnum{}}, globals: map[string]*ir.Global{}, used: map[string]bool{}}
	for _, g := range m.Globals {
		r.globals[g.Name.Name()] = g
	}
	failed := false
	for _, f := range m.Funcs {
		if f.IsDeclaration() {
			continue
		}
		for _, b := range f.Body.Blocks {
			for i := 0; i < len(b.Instrs); i++ {
				in := b.Instrs[i]
				if in.Call == nil || !isCoreCall(in.Call.CalleeName()) {
					continue
				}
				text, err := r.rewrite(in)
				if err != nil {
					c.Error(in, f, "%v", err)
					failed = true
					continue
				}
				instrs, err := m.ReplaceInstr(b, i, text)
				if err != nil {
					return fmt.Errorf("%s: %w", f.Name.Name(), err)
				}
				i += len(instrs) - 1
				c.Count(in.Call.CalleeName()[len("__oxbpf_"):], 1)
			}
		}
	}
	if failed {
		return nil
	}
	for _, f := range calls {
		m.Remove(f)
	}
	if err := r.types.unname(); err != nil {
		return err
	}
	if err := r.types.describeBitfields(); err != nil {
		return err
	}
	if err := r.enums.finish(); err != nil {
		return err
	}
	var decls []string
	for name, decl := range coreIntrinsics {
		if r.used[name] && m.Func(name) == nil {
			decls = append(decls, decl)
		}
	}
	decls = append(decls, r.types.defs...)
	if len(decls) == 0 {
		return nil
	}
	slices.Sort(decls)
	return m.Append(strings.Join(decls, "\n"))
}

func isCoreCall(name string) bool {
	return name == coreField || name == coreFieldInfo || name == coreTypeInfo || name == coreEnumValue
}

// rewrite returns the instructions that replace a call of the crate's.
func (r *coreRewriter) rewrite(in *ir.Instr) (string, error) {
	call := in.Call
	name := call.CalleeName()
	args := call.Args
	want := map[string]int{coreField: 5, coreFieldInfo: 5, coreTypeInfo: 3, coreEnumValue: 8}[name]
	if len(args) != want {
		return "", fmt.Errorf("%s takes %d arguments, not %d: an oxbpf-ebpf crate of another version?", name, want, len(args))
	}
	if !r.types.debugInfo {
		return "", fmt.Errorf("CO-RE needs debug info, to find the type's fields in: build with --btf (the default; with --core=false for fixed offsets)")
	}
	if !r.c.Options.BTF && !r.c.Options.FixedOffsets {
		return "", fmt.Errorf("CO-RE relocations need BTF: build with --btf (the default), or with --core=false for fixed offsets")
	}
	dbg := ""
	for _, a := range in.Attachments {
		if a.Name == "dbg" {
			dbg = ", !dbg " + a.Value.Raw
		}
	}
	if name == coreEnumValue {
		return r.enums.value(r, in, dbg)
	}
	tyArg := 1 // the type's name and length follow the base pointer
	if name != coreField {
		tyArg = 0
	}
	tyName, err := r.str(call, tyArg, tyArg+1)
	if err != nil {
		return "", fmt.Errorf("%s: the type name: %v", name, err)
	}
	root, err := r.types.find(tyName)
	if err != nil {
		return "", err
	}
	result := in.Result.Raw
	if name == coreTypeInfo {
		kind, err := coreConst(call, 2)
		if err != nil {
			return "", err
		}
		if r.c.Options.FixedOffsets {
			return fmt.Sprintf("%s = add i32 %d, 0", result, fixedInfo(kind, mdInt(root, "size")/8)), nil
		}
		r.used["llvm.bpf.preserve.type.info"] = true
		r.next++
		return fmt.Sprintf("%s = call i32 @llvm.bpf.preserve.type.info(i32 %d, i64 %d)%s, !llvm.preserve.access.index %s",
			result, r.next, kind, dbg, root.ID.Raw), nil
	}
	path, err := r.str(call, tyArg+2, tyArg+3)
	if err != nil {
		return "", fmt.Errorf("%s: the field path: %v", name, err)
	}
	steps, err := parseCorePath(path)
	if err != nil {
		return "", fmt.Errorf("field %q of %s: %v", path, tyName, err)
	}
	accesses, err := r.types.walk(root, steps)
	if err != nil {
		return "", fmt.Errorf("field %q of %s: %v", path, tyName, err)
	}
	if name == coreFieldInfo {
		kind, err := coreConst(call, 4)
		if err != nil {
			return "", err
		}
		if r.c.Options.FixedOffsets {
			return fmt.Sprintf("%s = add i32 %d, 0", result, fixedFieldInfo(kind, accesses)), nil
		}
		chain, last := r.chain(accesses, "null", "", dbg)
		r.used["llvm.bpf.preserve.field.info.p0"] = true
		return chain + "\n" + fmt.Sprintf("%s = call i32 @llvm.bpf.preserve.field.info.p0(ptr %s, i64 %d)%s", result, last, kind, dbg), nil
	}
	if accesses[len(accesses)-1].bitfield != nil {
		return "", fmt.Errorf("field %q of %s is a bitfield, which has no address: core_read_bitfield! reads it", path, tyName)
	}
	base := args[0].Value.Raw
	if r.c.Options.FixedOffsets {
		return fmt.Sprintf("%s = getelementptr inbounds i8, ptr %s, i64 %d", result, base, pathOffset(accesses)), nil
	}
	chain, _ := r.chain(accesses, base, result, dbg)
	return chain, nil
}

// chain writes the access calls from base, one per line; the last one's
// value is named result, or a fresh name when result is "". It returns
// the lines and the last value's name.
func (r *coreRewriter) chain(accesses []coreAccess, base, result, dbg string) (string, string) {
	var b strings.Builder
	for k, a := range accesses {
		dst := r.temp()
		if k == len(accesses)-1 && result != "" {
			dst = result
		}
		b.WriteString(a.call(dst, base, dbg) + "\n")
		r.used[a.intrinsic()] = true
		base = dst
	}
	return strings.TrimSuffix(b.String(), "\n"), base
}

// fixedInfo answers a type query from the type as compiled: it exists,
// and has its size.
func fixedInfo(kind, size uint64) uint64 {
	if kind == coreSizeKind {
		return size
	}
	return 1
}

// fixedFieldInfo answers a field query from the types as compiled, as
// llc answers it for a little-endian target from the types it has: a
// bitfield is read in a unit of its struct's alignment.
func fixedFieldInfo(kind uint64, accesses []coreAccess) uint64 {
	last := accesses[len(accesses)-1]
	offset := pathOffset(accesses)
	bitOffset, bits, size, signed := uint64(0), 8*last.size, last.size, last.signed
	if bf := last.bitfield; bf != nil {
		unit := 8 * last.align // walk made sure the bitfield lies in one
		start := bf.offset &^ (unit - 1)
		// The unit's offset: the struct's, then the unit's in it.
		offset = offset - bf.offset/8 + start/8
		bitOffset, bits, size, signed = bf.offset-start, bf.bits, last.align, bf.signed
	}
	switch kind {
	case fieldByteOffset:
		return offset
	case coreSizeKind:
		return size
	case fieldSigned:
		if signed {
			return 1
		}
		return 0
	case fieldLShift:
		return 64 - bitOffset - bits
	case fieldRShift:
		return 64 - bits
	}
	return 1 // exists
}

// pathOffset is where a path leads from its base in the types as
// compiled, in bytes.
func pathOffset(accesses []coreAccess) uint64 {
	offset := uint64(0)
	for _, a := range accesses {
		offset += a.offset
	}
	return offset
}

// The queries of bpf_field_info_kind that --core=false answers itself;
// the size query is one number in it and in bpf_type_info_kind.
const (
	fieldByteOffset = 0
	coreSizeKind    = 1
	fieldSigned     = 3
	fieldLShift     = 4
	fieldRShift     = 5
)

// temp returns a fresh local name: named, so that the function's
// numbered values keep their numbers.
func (r *coreRewriter) temp() string {
	r.next++
	return "%oxbpf.core." + strconv.Itoa(r.next)
}

// coreConst returns the i-th argument of call, which must be an integer
// constant.
func coreConst(call *ir.Call, i int) (uint64, error) {
	n, ok := constArg(call, i)
	if !ok {
		return 0, fmt.Errorf("argument %d of %s is not a constant: %s", i, call.CalleeName(), call.Args[i].Value.Raw)
	}
	return n, nil
}

// str reads the string constant a pointer and a length argument give.
func (r *coreRewriter) str(call *ir.Call, ptr, length int) (string, error) {
	n, err := coreConst(call, length)
	if err != nil {
		return "", err
	}
	v := call.Args[ptr].Value
	offset := int64(0)
	if v.Kind == ir.ConstExpr && v.Sub.Opcode == "getelementptr" && len(v.Sub.Elems) == 3 {
		// getelementptr inbounds (i8, ptr @alloc, i64 5): a string merged into another
		size, ok := typeSize(v.Sub.Elems[0].Type)
		if !ok {
			return "", fmt.Errorf("%s is not a string constant", v.Raw)
		}
		k, err := strconv.ParseInt(v.Sub.Elems[2].Value.Raw, 10, 64)
		if err != nil {
			return "", fmt.Errorf("%s is not a string constant", v.Raw)
		}
		offset, v = k*int64(size), v.Sub.Elems[1].Value
	}
	if v.Kind != ir.GlobalRef {
		return "", fmt.Errorf("%s is not a string constant", v.Raw)
	}
	g := r.globals[v.Name()]
	if g == nil || g.Init == nil {
		return "", fmt.Errorf("%s is not a string constant", v.Raw)
	}
	var b []byte
	if err := constBytes(g.Init.Value, g.Init.Type, binary.LittleEndian, &b); err != nil {
		return "", fmt.Errorf("%s: %v", v.Raw, err)
	}
	if offset < 0 || offset+int64(n) > int64(len(b)) {
		return "", fmt.Errorf("%s holds %d bytes, not %d at %d", v.Raw, len(b), n, offset)
	}
	return string(b[offset : offset+int64(n)]), nil
}
