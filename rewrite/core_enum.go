package rewrite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// coreEnumValue is the crate's enum value query: the enum type's name, an
// enumerator's name, its local value, the type's size and signedness, and
// what is asked (0: exists, 1: value).
const coreEnumValue = "__oxbpf_core_enum_value"

// coreEnums describes the enums whose values a module asks for. The
// types oxbpf gen types writes for kernel enums are integer aliases with a
// constant per enumerator, which rustc describes in no debug info: the
// pass writes an enumeration type per enum, holding the enumerators
// asked for, as the relocations' local type.
type coreEnums struct {
	m      *ir.Module
	byName map[string]*coreEnum
	order  []*coreEnum
	next   int // numbers the enumerator strings
}

type coreEnum struct {
	name        string
	size        uint64 // bytes
	signed      bool
	node        *ir.MDNode
	enumerators []string // DIEnumerator texts
	values      map[string]string
}

// value returns the intrinsic call that replaces an enum value query.
func (e *coreEnums) value(r *coreRewriter, in *ir.Instr, dbg string) (string, error) {
	call := in.Call
	typePath, err := r.str(call, 0, 1)
	if err != nil {
		return "", fmt.Errorf("%s: the type: %v", coreEnumValue, err)
	}
	namePath, err := r.str(call, 2, 3)
	if err != nil {
		return "", fmt.Errorf("%s: the enumerator: %v", coreEnumValue, err)
	}
	value, err := strconv.ParseInt(call.Args[4].Value.Raw, 10, 64)
	if call.Args[4].Value.Kind != ir.IntConst || err != nil {
		return "", fmt.Errorf("argument 4 of %s is not a constant: %s", coreEnumValue, call.Args[4].Value.Raw)
	}
	var k [3]uint64 // size, signed, kind
	for i := range k {
		if k[i], err = coreConst(call, 5+i); err != nil {
			return "", err
		}
	}
	size, signed, kind := k[0], k[1] != 0, k[2]
	if size == 0 || size > 8 {
		return "", fmt.Errorf("enum %s is %d bytes: not an integer", typePath, size)
	}
	if r.c.Options.FixedOffsets {
		if kind == 0 {
			value = 1
		}
		return fmt.Sprintf("%s = add i64 %d, 0", in.Result.Raw, value), nil
	}
	enum, err := e.enum(lastSegment(typePath), size, signed)
	if err != nil {
		return "", err
	}
	name := lastSegment(namePath)
	text := strconv.FormatInt(value, 10)
	if !signed {
		text = strconv.FormatUint(maskTo(uint64(value), size), 10)
	}
	if old, ok := enum.values[name]; ok && old != text {
		return "", fmt.Errorf("%s::%s is %s here and %s elsewhere", typePath, name, text, old)
	}
	if _, ok := enum.values[name]; !ok {
		enum.values[name] = text
		unsigned := ""
		if !signed {
			unsigned = ", isUnsigned: true"
		}
		enum.enumerators = append(enum.enumerators, fmt.Sprintf("!DIEnumerator(name: %s, value: %s%s)", ir.Quote(name), text, unsigned))
	}
	e.next++
	str := fmt.Sprintf("@\"oxbpf.core.enum.%d\"", e.next)
	lit := name + ":" + text
	if err := r.c.Module.Append(fmt.Sprintf("%s = private unnamed_addr constant [%d x i8] c%s, align 1", str, len(lit)+1, ir.Quote(lit+"\x00"))); err != nil {
		return "", err
	}
	r.used["llvm.bpf.preserve.enum.value"] = true
	r.next++
	return fmt.Sprintf("%s = call i64 @llvm.bpf.preserve.enum.value(i32 %d, ptr %s, i64 %d)%s, !llvm.preserve.access.index %s",
		in.Result.Raw, r.next, str, kind, dbg, enum.node.ID.Raw), nil
}

// enum returns the enumeration type of a name, made on first use.
func (e *coreEnums) enum(name string, size uint64, signed bool) (*coreEnum, error) {
	if enum := e.byName[name]; enum != nil {
		if enum.size != size || enum.signed != signed {
			return nil, fmt.Errorf("enum %s is used as two types", name)
		}
		return enum, nil
	}
	prefix, encoding := "u", "DW_ATE_unsigned"
	if signed {
		prefix, encoding = "i", "DW_ATE_signed"
	}
	base, err := e.m.NewNode(fmt.Sprintf("!DIBasicType(name: \"%s%d\", size: %d, encoding: %s)", prefix, 8*size, 8*size, encoding))
	if err != nil {
		return nil, err
	}
	node, err := e.m.NewNode(fmt.Sprintf("!DICompositeType(tag: DW_TAG_enumeration_type, name: %s, baseType: %s, size: %d, elements: !{})", ir.Quote(name), base.ID.Raw, 8*size))
	if err != nil {
		return nil, err
	}
	enum := &coreEnum{name: name, size: size, signed: signed, node: node, values: map[string]string{}}
	e.byName[name] = enum
	e.order = append(e.order, enum)
	return enum, nil
}

// finish gives each enumeration type the enumerators asked for.
func (e *coreEnums) finish() error {
	for _, enum := range e.order {
		var refs []string
		for _, text := range enum.enumerators {
			n, err := e.m.NewNode(text)
			if err != nil {
				return err
			}
			refs = append(refs, n.ID.Raw)
		}
		if err := e.m.SetField(enum.node, "elements", "!{"+strings.Join(refs, ", ")+"}"); err != nil {
			return err
		}
	}
	return nil
}

// lastSegment is the name a Rust path ends in: color of vmlinux::color,
// as stringify! may write it with spaces.
func lastSegment(path string) string {
	path = strings.Join(strings.Fields(path), "")
	if i := strings.LastIndex(path, "::"); i >= 0 {
		return path[i+2:]
	}
	return path
}

// maskTo keeps the low size bytes of v.
func maskTo(v, size uint64) uint64 {
	if size >= 8 {
		return v
	}
	return v & (1<<(8*size) - 1)
}
