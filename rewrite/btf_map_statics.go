package rewrite

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/internal/conventions"
	"github.com/oxbpf/oxbpf/ir"
)

// The map statics of the oxbpf-ebpf crate: a struct whose first field,
// bpf_map_def, holds six u32 words, and whose fields named key and value
// (zero-length arrays) give the Rust types of the keys and values.
const mapDefField = "bpf_map_def"

// mapStaticWords names the words of a map static's bpf_map_def.
var mapStaticWords = []string{"type", "key_size", "value_size", "max_entries", "map_flags", "pinning"}

// mapStatic returns the debug-info type of g if g is a map static, else nil.
func (d *mapDebugInfo) mapStatic(g *ir.Global) *ir.MDNode {
	v := d.globalVar(g)
	if v == nil {
		return nil
	}
	t := d.m.MDNode(fieldRef(v, "type"))
	if t == nil || t.Kind != "DICompositeType" || !strings.Contains(t.FieldsText(), "elements:") {
		return nil
	}
	members := d.m.MDNode(fieldRef(t, "elements"))
	if members == nil || len(members.Fields()) == 0 {
		return nil
	}
	first := d.m.MDNode(members.Fields()[0].Value.Raw)
	if first == nil || first.Kind != "DIDerivedType" || mdString(first, "name") != mapDefField {
		return nil
	}
	return t
}

// globalVar returns g's DIGlobalVariable, or nil.
func (d *mapDebugInfo) globalVar(g *ir.Global) *ir.MDNode {
	for _, a := range g.Attached {
		if a.Name != "dbg" {
			continue
		}
		if gve := d.m.MDNode(a.Value.Raw); gve != nil {
			return d.m.MDNode(fieldRef(gve, "var"))
		}
	}
	return nil
}

// staticName is the name of g's static in the source (PROTOCOLS for
// _ZN3cr19PROTOCOLS17h758be4e461710475E), or g's own without debug info.
func (d *mapDebugInfo) staticName(g *ir.Global) string {
	if v := d.globalVar(g); v != nil {
		if name := mdString(v, "name"); name != "" {
			return name
		}
	}
	return g.Name.Name()
}

// staticFields reads the map definition of the map static g: the words
// of its bpf_map_def, the key and value as the types of its key and value
// fields, pinning only when set.
func (d *mapDebugInfo) staticFields(g *ir.Global, order binary.ByteOrder) ([]mapField, string, error) {
	var b []byte
	if err := constBytes(g.Init.Value, g.Init.Type, order, &b); err != nil {
		return nil, "", err
	}
	if len(b) < 4*len(mapStaticWords) {
		return nil, "", fmt.Errorf("%d bytes hold no map definition (%d)", len(b), 4*len(mapStaticWords))
	}
	types := map[string]string{} // key, value, event → the DI type of their elements
	members := d.m.MDNode(fieldRef(d.mapStatic(g), "elements"))
	for _, f := range members.Fields() {
		member := d.m.MDNode(f.Value.Raw)
		if member == nil {
			continue
		}
		if name := mdString(member, "name"); name == "key" || name == "value" || name == "event" {
			if array := d.m.MDNode(fieldRef(member, "baseType")); array != nil && array.Kind == "DICompositeType" {
				types[name] = fieldRef(array, "baseType")
			}
		}
	}
	var fields []mapField
	for i, name := range mapStaticWords {
		f := mapField{name: name, value: order.Uint32(b[4*i:])}
		switch {
		case name == "key_size" && types["key"] != "":
			f = mapField{name: "key", typ: types["key"]}
		case name == "value_size" && types["value"] != "":
			f = mapField{name: "value", typ: types["value"]}
		case name != "type" && name != "max_entries" && f.value == 0:
			continue // a queue's key, a ring buffer's key and value, no pinning
		}
		fields = append(fields, f)
	}
	return fields, types["event"], nil
}

// eventVar writes map name's event variable, of the DI type typ, into
// conventions.EventSection, unless the type has no size (the default
// RingBuf<()>): BTF keeps no type for a ring buffer's records, and this
// is where oxbpf run and the Go bindings find it.
func (d *mapDebugInfo) eventVar(g *ir.Global, name, typ string) error {
	size := d.typeBytes(typ)
	if size == 0 {
		return nil
	}
	scope, file, line := d.place(g)
	if scope == "" {
		return nil
	}
	varName := conventions.EventVarPrefix + name
	v, err := d.m.NewNode(fmt.Sprintf("distinct !DIGlobalVariable(name: %s, scope: %s, file: %s, line: %s, type: %s, isLocal: false, isDefinition: true)",
		ir.Quote(varName), scope, file, line, typ))
	if err != nil {
		return err
	}
	gve, err := d.m.NewNode("!DIGlobalVariableExpression(var: " + v.ID.Raw + ", expr: !DIExpression())")
	if err != nil {
		return err
	}
	return d.m.Append(fmt.Sprintf(`@%s = global [%d x i8] zeroinitializer, section %q, align 8, !dbg %s`, varName, size, conventions.EventSection, gve.ID.Raw))
}

// typeBytes is the size in bytes of the DI type ref, through typedefs
// and qualifiers; 0 when it says none.
func (d *mapDebugInfo) typeBytes(ref string) int {
	for range 16 {
		n := d.m.MDNode(ref)
		if n == nil {
			return 0
		}
		if v, ok := n.Field("size"); ok {
			bits, err := strconv.Atoi(v.Raw)
			if err != nil {
				return 0
			}
			return bits / 8
		}
		if ref = fieldRef(n, "baseType"); ref == "" {
			return 0
		}
	}
	return 0
}

// cIdent matches the names a map may have: libbpf and the kernel take C
// identifiers.
var cIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// renameUses points every use of g at the name name, which g or the
// global that replaces it is to have: loaders name a map by its symbol,
// so a Rust static's mangled one will not do.
func (d *mapDebugInfo) renameUses(g *ir.Global, name string) error {
	old := g.Name.Name()
	if name == old {
		return nil
	}
	if !cIdent.MatchString(name) {
		return fmt.Errorf("map %s: the name is no C identifier, which loaders need", name)
	}
	if d.m.Func(name) != nil || d.global(name) != nil {
		return fmt.Errorf("map %s: the object has another symbol of that name; rename the static", name)
	}
	var err error
	replace := func(v *ir.Value, _ *ir.Type, _ *ir.Func) {
		if err == nil && v.Kind == ir.GlobalRef && v.Name() == old {
			err = d.m.ReplaceValue(v, "@"+name)
		}
	}
	(&ruleRun{m: d.m}).eachValue(replace)
	visit := valueVisitor(replace)
	for _, n := range d.m.Metadata {
		if !strings.Contains(n.FieldsText(), old) {
			continue
		}
		fields := n.Fields()
		for i := range fields {
			visit(&fields[i].Value, fields[i].Type, nil)
		}
	}
	return err
}

// rename gives g and its uses the name name.
func (d *mapDebugInfo) rename(g *ir.Global, name string) error {
	if err := d.renameUses(g, name); err != nil {
		return err
	}
	if name != g.Name.Name() {
		d.m.RenameGlobal(g, name)
	}
	return nil
}

// global returns the global called name, or nil.
func (d *mapDebugInfo) global(name string) *ir.Global {
	for _, g := range d.m.Globals {
		if g.Name.Name() == name {
			return g
		}
	}
	return nil
}

// fieldRef returns the raw value of a node's field (a reference such as
// !12), or "".
func fieldRef(n *ir.MDNode, field string) string {
	if n == nil {
		return ""
	}
	v, _ := n.Field(field)
	return v.Raw
}

// mdString returns a node's string field, unquoted, or "".
func mdString(n *ir.MDNode, field string) string {
	v, ok := n.Field(field)
	if !ok || v.Kind != ir.StringConst {
		return ""
	}
	return ir.Str{Raw: v.Raw}.Value()
}
