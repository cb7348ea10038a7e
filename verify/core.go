package verify

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
)

// A CORERelocation is an instruction whose offset, size or constant the
// loader fixes against the kernel's BTF (compile once, run everywhere):
// what clang writes for preserve_access_index types.
type CORERelocation struct {
	Program string `json:"program"`
	// Insn is the instruction's index in the program, in 8-byte slots.
	Insn int `json:"insn"`
	// Kind is what is fixed: byte_off (a field's offset), byte_sz,
	// field_exists, type_exists, type_size, enumval_value, ...
	Kind string `json:"kind"`
	// Type is the local type, Field the access within it ("real_parent",
	// "comm[3]"); "" for a relocation of the whole type.
	Type  string `json:"type"`
	Field string `json:"field,omitempty"`
	Line  string `json:"line,omitempty"`
}

// What returns "task_struct.real_parent", or the type alone.
func (r CORERelocation) What() string {
	if r.Field == "" {
		return r.Type
	}
	return r.Type + "." + r.Field
}

// A COREFixup is what one kernel's BTF made of a relocation: the value
// the object has (Local) and the kernel's (Target), or Missing when the
// kernel has no such field or type.
type COREFixup struct {
	CORERelocation
	Local   uint64 `json:"local"`
	Target  uint64 `json:"target"`
	Missing bool   `json:"missing,omitempty"`
}

// coreRelocations lists the CO-RE relocations of every program of spec.
func coreRelocations(spec *ebpf.CollectionSpec) []CORERelocation {
	out := []CORERelocation{}
	for _, rels := range locateRelocations(spec) {
		for _, rl := range rels {
			out = append(out, rl.CORERelocation)
		}
	}
	return out
}

// located is a relocation with cilium/ebpf's own, for fixing up.
type located struct {
	CORERelocation
	relo *btf.CORERelocation
}

// locateRelocations returns the relocations of each program of spec that
// has any, the programs in name order.
func locateRelocations(spec *ebpf.CollectionSpec) [][]located {
	var out [][]located
	for _, name := range slices.Sorted(maps.Keys(spec.Programs)) {
		if rels := programRelocations(spec, name); len(rels) > 0 {
			out = append(out, rels)
		}
	}
	return out
}

func programRelocations(spec *ebpf.CollectionSpec, program string) []located {
	var out []located
	line := ""
	iter := spec.Programs[program].Instructions.Iterate()
	for iter.Next() {
		if l, ok := iter.Ins.Source().(*btf.Line); ok && l.FileName() != "" {
			line = fmt.Sprintf("%s:%d", l.FileName(), l.LineNumber())
		}
		relo := btf.CORERelocationMetadata(iter.Ins)
		if relo == nil {
			continue
		}
		r := describeRelocation(relo, spec.Types)
		r.Program, r.Insn, r.Line = program, int(iter.Offset), line
		out = append(out, located{r, relo})
	}
	return out
}

// reloString reads what cilium/ebpf prints of a relocation, the only way
// to its kind, type and accessor: CORERelocation(byte_off,
// Struct:"task_struct"[0:1], local_id=5).
var reloString = regexp.MustCompile(`^CORERelocation\(([a-z_0-9]+), (.*)\[([0-9:]*)\], local_id=([0-9]+)\)$`)

// fieldKinds are the relocation kinds of a field, whose accessor walks
// into the type's members; the others are of a type or an enum value.
var fieldKinds = map[string]bool{
	"byte_off": true, "byte_sz": true, "field_exists": true, "signed": true, "lshift_u64": true, "rshift_u64": true,
}

// describeRelocation names the relocation's kind, type and field, the
// field by walking the accessor's member indices through the local types.
func describeRelocation(relo *btf.CORERelocation, types *btf.Spec) CORERelocation {
	m := reloString.FindStringSubmatch(relo.String())
	if m == nil {
		return CORERelocation{Kind: "unknown", Type: relo.String()}
	}
	r := CORERelocation{Kind: m[1], Type: m[2]}
	id, _ := strconv.Atoi(m[4])
	typ, err := types.TypeByID(btf.TypeID(id))
	if err != nil {
		return r
	}
	if n := typ.TypeName(); n != "" {
		r.Type = n
	}
	indices := strings.Split(m[3], ":")
	if !fieldKinds[r.Kind] {
		if r.Kind == "enumval_exists" || r.Kind == "enumval_value" {
			if e, ok := btf.UnderlyingType(typ).(*btf.Enum); ok && len(indices) == 1 {
				if i, err := strconv.Atoi(indices[0]); err == nil && i < len(e.Values) {
					r.Field = e.Values[i].Name
				}
			}
		}
		return r
	}
	// The first index steps over the base pointer; the others go into
	// members and array elements.
	var path strings.Builder
	cur := typ
	for _, s := range indices[1:] {
		i, err := strconv.Atoi(s)
		if err != nil {
			break
		}
		under := btf.UnderlyingType(cur)
		if members, ok := membersOf(under); ok {
			if i >= len(members) {
				return r
			}
			if path.Len() > 0 {
				path.WriteByte('.')
			}
			path.WriteString(members[i].Name)
			cur = members[i].Type
			continue
		}
		a, ok := under.(*btf.Array)
		if !ok {
			break
		}
		fmt.Fprintf(&path, "[%d]", i)
		cur = a.Type
	}
	r.Field = path.String()
	return r
}

// membersOf returns the members of a struct or union.
func membersOf(t btf.Type) ([]btf.Member, bool) {
	switch t := t.(type) {
	case *btf.Struct:
		return t.Members, true
	case *btf.Union:
		return t.Members, true
	}
	return nil, false
}

// coreFixups computes what the kernel whose BTF is kernel makes of the
// relocations of spec that locateRelocations found, as cilium/ebpf does
// at load.
func coreFixups(spec *ebpf.CollectionSpec, programs [][]located, kernel *btf.Spec) ([]COREFixup, error) {
	out := []COREFixup{}
	for _, rels := range programs {
		relos := make([]*btf.CORERelocation, len(rels))
		for i, r := range rels {
			relos[i] = r.relo
		}
		fixups, err := btf.CORERelocate(relos, []*btf.Spec{kernel}, spec.ByteOrder, spec.Types.TypeID)
		if err != nil {
			return nil, fmt.Errorf("CO-RE relocations of %s: %w", rels[0].Program, err)
		}
		for i, f := range fixups {
			out = append(out, readFixup(rels[i].CORERelocation, f.String()))
		}
	}
	return out, nil
}

// fixupString reads what cilium/ebpf prints of a fixup: kind=local->target
// or kind=poison.
var fixupString = regexp.MustCompile(`^[a-z_0-9]+=(?:([0-9]+)->([0-9]+)|poison)$`)

func readFixup(r CORERelocation, s string) COREFixup {
	f := COREFixup{CORERelocation: r}
	m := fixupString.FindStringSubmatch(s)
	if m == nil || m[1] == "" {
		f.Missing = true // poison: nothing in the kernel to fix to
		return f
	}
	f.Local, _ = strconv.ParseUint(m[1], 10, 64)
	f.Target, _ = strconv.ParseUint(m[2], 10, 64)
	if strings.HasSuffix(r.Kind, "_exists") && f.Target == 0 {
		f.Missing = true
	}
	return f
}
