package rewrite

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// BTFMaps turns legacy map definitions into BTF-defined maps.
var BTFMaps = &Pass{
	Name: "btf-maps",
	Doc: `turn legacy map definitions (section maps) into BTF-defined maps (.maps)

libbpf from 1.0 on, and with it bpftool, iproute2 and libbpf-rs, refuses
the legacy "maps" section of 5 × u32 (type, key size, value size, max
entries, flags). With Options.BTF, each such static becomes a global of
the same name in ".maps", zero-initialised and of global linkage, as
libbpf requires, whose debug info is the struct libbpf reads: members
type, key_size, value_size, max_entries and map_flags (and pinning, from
a seventh word), each a pointer to an int array whose length is the
value. The code that passes the map's address to helpers is unchanged.
A map static of the oxbpf-ebpf crate (HashMap<K, V>, Array<V>, ...: a
struct whose first field is named bpf_map_def, six u32 words) becomes
the same, with the key and value members pointers to the Rust types K
and V, so BTF describes both; the record type T of RingBuf<T> and
PerfEventArray<T> goes to a variable __oxbpf_event_<map> in section
.debug_oxbpf_events, which loaders skip. A map takes the name of its static, not
the mangled symbol: loaders name maps by symbol. A BTF map declared by
hand (a static in ".maps") gets global linkage and its static's name if
it lacks them: libbpf refuses others ("unsupported map linkage").
Typed-pointer IR (rustc 1.64 and older) keeps its legacy maps, with a
warning: its uses name the old type.`,
	Run: runBTFMaps,
}

// legacyMapFields name the words of a legacy definition as BTF map
// members; a sixth word (an id some loaders read) must be 0.
var legacyMapFields = []string{"type", "key_size", "value_size", "max_entries", "map_flags", "", "pinning"}

func runBTFMaps(c *Context) error {
	if !c.Options.BTF || programWithoutDebugInfo(c.Module) != nil {
		return nil // the btf pass has said why
	}
	m := c.Module
	d := &mapDebugInfo{m: m}
	var legacy, statics []*ir.Global
	for _, g := range m.Globals {
		switch {
		case g.Section == nil && g.Init != nil && d.mapStatic(g) != nil:
			statics = append(statics, g)
		case g.Section == nil:
		case g.Section.Value() == "maps" && g.Init != nil:
			legacy = append(legacy, g)
		case g.Section.Value() == ".maps" && g.Linkage() != "":
			// A BTF map written by hand without #[no_mangle]: libbpf
			// refuses it ("unsupported map linkage").
			m.MakeExternal(g)
			if err := d.rename(g, d.staticName(g)); err != nil {
				c.Error(g, nil, "%v", err)
			}
			c.Count("map-linkage", 1)
		}
	}
	if len(legacy)+len(statics) == 0 {
		return nil
	}
	if m.Syntax.TypedPointers {
		c.Warn(append(legacy, statics...)[0], nil, "maps kept as they are: typed-pointer IR names their types in every use; libbpf 1.0 and later will refuse the object")
		return nil
	}
	order := binary.ByteOrder(binary.LittleEndian)
	if c.Options.BigEndian {
		order = binary.BigEndian
	}
	for _, g := range legacy {
		words, err := mapWords(g, order)
		if err != nil {
			c.Error(g, nil, "map %s: %v", g.Name.Name(), err)
			continue
		}
		if err := d.convert(g, g.Name.Name(), legacyFields(words)); err != nil {
			return err
		}
		c.Count("legacy-map", 1)
	}
	for _, g := range statics {
		name := d.staticName(g)
		fields, event, err := d.staticFields(g, order)
		if err == nil && event != "" {
			err = d.eventVar(g, name, event)
		}
		if err == nil {
			err = d.convert(g, name, fields)
		}
		if err != nil {
			c.Error(g, nil, "map %s: %v", d.staticName(g), err)
			continue
		}
		c.Count("map-static", 1)
	}
	return nil
}

// A mapField is one member of a BTF map definition: a number, written as
// int (*)[value], or a type, written as a pointer to it.
type mapField struct {
	name  string
	value uint32
	typ   string // a DI type node, for key and value
}

// legacyFields names the words of a legacy definition.
func legacyFields(words []uint32) []mapField {
	var fields []mapField
	for i, w := range words {
		if legacyMapFields[i] != "" {
			fields = append(fields, mapField{name: legacyMapFields[i], value: w})
		}
	}
	return fields
}

// mapWords reads a legacy definition's initializer as u32 words.
func mapWords(g *ir.Global, order binary.ByteOrder) ([]uint32, error) {
	var b []byte
	if err := constBytes(g.Init.Value, g.Init.Type, order, &b); err != nil {
		return nil, err
	}
	if len(b)%4 != 0 || len(b) < 20 || len(b) > 4*len(legacyMapFields) {
		return nil, fmt.Errorf("a legacy definition is 5 to %d u32 words, not %d bytes", len(legacyMapFields), len(b))
	}
	words := make([]uint32, len(b)/4)
	for i := range words {
		words[i] = order.Uint32(b[4*i:])
	}
	if len(words) > 5 && words[5] != 0 {
		return nil, fmt.Errorf("word 6 (an inner map or id) is %d; BTF-defined maps have no place for it", words[5])
	}
	return words, nil
}

// constBytes appends the bytes of a constant of type t: integers, byte
// strings, zeroinitializer, and arrays and structs of them, without
// padding (rustc writes statics as packed byte arrays, and a struct of
// u32 has none).
func constBytes(v ir.Value, t *ir.Type, order binary.ByteOrder, out *[]byte) error {
	switch v.Kind {
	case ir.IntConst:
		if t == nil || t.Kind != ir.IntType || t.Bits%8 != 0 || t.Bits > 64 {
			return fmt.Errorf("constant %s of type %v", v.Raw, t)
		}
		n, err := strconv.ParseInt(v.Raw, 10, 64)
		if err != nil {
			u, err2 := strconv.ParseUint(v.Raw, 10, 64)
			if err2 != nil {
				return err
			}
			n = int64(u)
		}
		var buf [8]byte
		order.PutUint64(buf[:], uint64(n))
		if order == binary.LittleEndian {
			*out = append(*out, buf[:t.Bits/8]...)
		} else {
			*out = append(*out, buf[8-t.Bits/8:]...)
		}
	case ir.CStringConst:
		*out = append(*out, ir.Str{Raw: v.Raw[1:]}.Value()...)
	case ir.ZeroConst:
		size, ok := typeSize(t)
		if !ok {
			return fmt.Errorf("zeroinitializer of type %v", t)
		}
		*out = append(*out, make([]byte, size)...)
	case ir.ArrayConst, ir.StructConst:
		for _, e := range v.Sub.Elems {
			if err := constBytes(e.Value, e.Type, order, out); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("constant %s is no plain data", v.Raw)
	}
	return nil
}

// typeSize is the size of a type made of integers, arrays and (packed)
// structs.
func typeSize(t *ir.Type) (int, bool) {
	switch {
	case t == nil:
		return 0, false
	case t.Kind == ir.IntType && t.Bits%8 == 0:
		return t.Bits / 8, true
	case t.Kind == ir.ArrayType:
		n, ok := typeSize(t.Elem)
		return n * int(t.Len), ok
	case t.Kind == ir.StructType:
		total := 0
		for _, e := range t.Elems {
			n, ok := typeSize(e)
			if !ok {
				return 0, false
			}
			total += n
		}
		return total, true
	}
	return 0, false
}

// mapDebugInfo writes the debug info of converted maps, sharing the int
// type and the arrays of one length between them.
type mapDebugInfo struct {
	m      *ir.Module
	intRef string
	arrays map[uint32]string // length → pointer-to-array type
}

// convert replaces the global g by a BTF-defined map called name with
// the members fields, and points every use of g at it.
func (d *mapDebugInfo) convert(g *ir.Global, name string, fields []mapField) error {
	scope, file, line := d.place(g)
	if scope == "" {
		return fmt.Errorf("map %s: the module has no debug info to describe it with", name)
	}
	var members []string
	offset := 0
	for _, f := range fields {
		ptr, err := d.pointerTo(f)
		if err != nil {
			return err
		}
		member, err := d.m.NewNode(fmt.Sprintf(`!DIDerivedType(tag: DW_TAG_member, name: %q, file: %s, baseType: %s, size: 64, offset: %d)`,
			f.name, file, ptr, offset))
		if err != nil {
			return err
		}
		members = append(members, member.ID.Raw)
		offset += 64
	}
	elems, err := d.m.NewNode("!{" + strings.Join(members, ", ") + "}")
	if err != nil {
		return err
	}
	st, err := d.m.NewNode(fmt.Sprintf("!DICompositeType(tag: DW_TAG_structure_type, file: %s, size: %d, align: 64, elements: %s)", file, offset, elems.ID.Raw))
	if err != nil {
		return err
	}
	v, err := d.m.NewNode(fmt.Sprintf("distinct !DIGlobalVariable(name: %s, scope: %s, file: %s, line: %s, type: %s, isLocal: false, isDefinition: true)",
		ir.Quote(name), scope, file, line, st.ID.Raw))
	if err != nil {
		return err
	}
	gve, err := d.m.NewNode("!DIGlobalVariableExpression(var: " + v.ID.Raw + ", expr: !DIExpression())")
	if err != nil {
		return err
	}
	ptrs := make([]string, len(members))
	for i := range ptrs {
		ptrs[i] = "ptr"
	}
	raw := g.Name.Raw
	if name != g.Name.Name() {
		if err := d.renameUses(g, name); err != nil {
			return err
		}
		raw = "@" + name // a C identifier: renameUses checked
	}
	d.m.Remove(g)
	return d.m.Append(fmt.Sprintf(`%s = global { %s } zeroinitializer, section ".maps", align 8, !dbg %s`,
		raw, strings.Join(ptrs, ", "), gve.ID.Raw))
}

// place returns where the map's debug info belongs: the scope, file and
// line of g's own, else the module's first compile unit.
func (d *mapDebugInfo) place(g *ir.Global) (scope, file, line string) {
	for _, a := range g.Attached {
		if a.Name != "dbg" {
			continue
		}
		if gve := d.m.MDNode(a.Value.Raw); gve != nil {
			if v, ok := gve.Field("var"); ok {
				if gv := d.m.MDNode(v.Raw); gv != nil {
					s, _ := gv.Field("scope")
					f, _ := gv.Field("file")
					l, _ := gv.Field("line")
					if s.Raw != "" && f.Raw != "" {
						return s.Raw, f.Raw, cmp.Or(l.Raw, "0")
					}
				}
			}
		}
	}
	for _, n := range d.m.Metadata {
		if n.Kind == "DICompileUnit" {
			if f, ok := n.Field("file"); ok {
				return n.ID.Raw, f.Raw, "0"
			}
		}
	}
	return "", "", ""
}

// pointerTo returns the type of a map member: a pointer to the field's
// type, or int (*)[n], libbpf's way of writing the number n in a type.
func (d *mapDebugInfo) pointerTo(f mapField) (string, error) {
	if f.typ != "" {
		ptr, err := d.m.NewNode("!DIDerivedType(tag: DW_TAG_pointer_type, baseType: " + f.typ + ", size: 64)")
		if err != nil {
			return "", err
		}
		return ptr.ID.Raw, nil
	}
	n := f.value
	if ref, ok := d.arrays[n]; ok {
		return ref, nil
	}
	if d.intRef == "" {
		i, err := d.m.NewNode(`!DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)`)
		if err != nil {
			return "", err
		}
		d.intRef, d.arrays = i.ID.Raw, map[uint32]string{}
	}
	arr, err := d.m.NewNode(fmt.Sprintf("!DICompositeType(tag: DW_TAG_array_type, baseType: %s, size: %d, elements: !{!DISubrange(count: %d)})",
		d.intRef, 32*uint64(n), n))
	if err != nil {
		return "", err
	}
	ptr, err := d.m.NewNode("!DIDerivedType(tag: DW_TAG_pointer_type, baseType: " + arr.ID.Raw + ", size: 64)")
	if err != nil {
		return "", err
	}
	d.arrays[n] = ptr.ID.Raw
	return ptr.ID.Raw, nil
}
