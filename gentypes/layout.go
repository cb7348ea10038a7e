package gentypes

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/cilium/ebpf/btf"
)

// A bitfield is a member that does not start or end on a byte: it lives in
// a byte array that holds its bits, and methods read and write it.
type bitfield struct {
	name    string
	storage string // the byte array's field
	bytes   int    // the array's length
	shift   int    // the member's first bit within the array
	bits    int
	typ     string // the Rust type the getter returns
	signed  bool
}

// composite writes a struct or union whose members sit at BTF's offsets.
func (g *generator) composite(b *bytes.Buffer, kind, name string, size uint32, members []btf.Member) error {
	repr := "#[repr(C)]"
	if !g.natural(members, size, kind == "union") {
		repr = "#[repr(C, packed)]"
	}
	fmt.Fprintf(b, "%s\n#[derive(Clone, Copy)]\npub %s %s {\n", repr, kind, name)
	// Checks rustc makes of the layout: the kernel's size and offsets.
	checks := []string{fmt.Sprintf("core::mem::size_of::<%s>() == %d", name, size)}
	var bits []bitfield
	cursor, pads, anons := 0, 0, 0
	pad := func(to int) {
		if to > cursor {
			pads++
			fmt.Fprintf(b, "    pub _pad_%d: [u8; %d],\n", pads, to-cursor)
			cursor = to
		}
	}
	sorted := slices.Clone(members)
	if kind == "struct" {
		slices.SortStableFunc(sorted, func(x, y btf.Member) int { return int(x.Offset) - int(y.Offset) })
	}
	for i := 0; i < len(sorted); i++ {
		m := sorted[i]
		if kind == "union" {
			cursor = 0
		}
		if isBitfield(m) {
			start := int(m.Offset) / 8
			end := (int(m.Offset+m.BitfieldSize) + 7) / 8
			group := []btf.Member{m}
			for kind == "struct" && i+1 < len(sorted) && isBitfield(sorted[i+1]) && int(sorted[i+1].Offset)/8 < end {
				i++
				group = append(group, sorted[i])
				end = max(end, (int(sorted[i].Offset+sorted[i].BitfieldSize)+7)/8)
			}
			pad(start)
			storage := fmt.Sprintf("_bitfield_%d", start)
			fmt.Fprintf(b, "    pub %s: [u8; %d],\n", storage, end-start)
			for _, f := range group {
				if f.Name == "" {
					continue // C's unnamed padding bits
				}
				typ := g.rustType(f.Type)
				bits = append(bits, bitfield{name: rustIdent(f.Name), storage: storage, bytes: end - start,
					shift: int(f.Offset) - 8*start, bits: int(f.BitfieldSize), typ: typ, signed: typ[0] == 'i'})
				// Takes no room: what CO-RE reads the bitfield by.
				fmt.Fprintf(b, "    pub %s: oxbpf_ebpf::co_re::Bitfield<%s, %d, %d>,\n", rustIdent(f.Name), typ, f.Offset, f.BitfieldSize)
			}
			cursor = max(cursor, end)
			continue
		}
		off := int(m.Offset) / 8
		msize, err := btf.Sizeof(m.Type)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", name, m.Name, err)
		}
		if off < cursor {
			// A zero-size member where another already is (C's flexible
			// arrays in unions of structs): Rust has no place for it.
			fmt.Fprintf(b, "    // %s at byte %d overlaps the member before\n", m.Name, off)
			continue
		}
		pad(off)
		field := rustIdent(m.Name)
		if m.Name == "" {
			anons++
			field = fmt.Sprintf("__anon_%d", anons)
		}
		fmt.Fprintf(b, "    pub %s: %s,\n", field, g.rustType(m.Type))
		checks = append(checks, fmt.Sprintf("core::mem::offset_of!(%s, %s) == %d", name, field, off))
		cursor = max(cursor, off+msize)
	}
	if kind == "struct" {
		pad(int(size))
	} else if largest := unionSize(members); largest < int(size) {
		fmt.Fprintf(b, "    pub _pad: [u8; %d],\n", size)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "const _: () = assert!(%s);\n", strings.Join(checks, "\n    && "))
	relocatable(b, name)
	if len(bits) > 0 {
		fmt.Fprintf(b, "\nimpl %s {\n", name)
		for i, f := range bits {
			if i > 0 {
				b.WriteString("\n")
			}
			f.accessors(b)
		}
		b.WriteString("}\n")
	}
	return nil
}

// relocatable makes a type's field accesses through the crate's CO-RE
// macros relocate (oxbpf_ebpf::co_re).
func relocatable(b *bytes.Buffer, name string) {
	fmt.Fprintf(b, "unsafe impl oxbpf_ebpf::co_re::Relocatable for %s {}\n", name)
}

func isBitfield(m btf.Member) bool {
	return m.BitfieldSize > 0 || m.Offset%8 != 0
}

func unionSize(members []btf.Member) int {
	n := 0
	for _, m := range members {
		if s, err := btf.Sizeof(m.Type); err == nil {
			n = max(n, s)
		}
	}
	return n
}

// natural reports whether the members all sit at offsets their types'
// alignments allow and the size is a multiple of the largest alignment:
// then #[repr(C)] with explicit padding lays them out as BTF says;
// otherwise the type is packed (C's __attribute__((packed))).
func (g *generator) natural(members []btf.Member, size uint32, union bool) bool {
	largest := 1
	for _, m := range members {
		if isBitfield(m) {
			continue
		}
		a := g.alignOf(m.Type)
		if int(m.Offset/8)%a != 0 {
			return false
		}
		largest = max(largest, a)
	}
	return int(size)%largest == 0 && (!union || unionSize(members) <= int(size))
}

// alignOf is the alignment Rust gives the type this package writes for t.
func (g *generator) alignOf(t btf.Type) int {
	t = skipQualifiers(t)
	switch t := t.(type) {
	case *btf.Int:
		return int(t.Size)
	case *btf.Float:
		return int(t.Size)
	case *btf.Enum:
		return int(t.Size)
	case *btf.Pointer:
		return 8
	case *btf.Array:
		return g.alignOf(t.Type)
	case *btf.Typedef:
		return g.alignOf(t.Type)
	case *btf.Struct:
		if !g.natural(t.Members, t.Size, false) {
			return 1
		}
		return g.membersAlign(t.Members)
	case *btf.Union:
		if !g.natural(t.Members, t.Size, true) {
			return 1
		}
		return g.membersAlign(t.Members)
	}
	return 1
}

func (g *generator) membersAlign(members []btf.Member) int {
	a := 1
	for _, m := range members {
		if !isBitfield(m) {
			a = max(a, g.alignOf(m.Type))
		}
	}
	return a
}

// accessors writes the getter and setter of a bitfield.
func (f bitfield) accessors(b *bytes.Buffer) {
	word, wbytes := "u64", 8
	if f.bytes > 8 {
		word, wbytes = "u128", 16
	}
	load := fmt.Sprintf("let mut b = [0u8; %d];\n        b[..%d].copy_from_slice(&self.%s);\n        let w = %s::from_le_bytes(b);\n", wbytes, f.bytes, f.storage, word)
	mask := fmt.Sprintf("((1 as %s) << %d) - 1", word, f.bits)
	if f.bits == 8*wbytes {
		mask = fmt.Sprintf("%s::MAX", word)
	}
	value := fmt.Sprintf("(w >> %d) & (%s)", f.shift, mask)
	if f.signed {
		// Shift the field's top bit to the word's, then back, signed.
		value = fmt.Sprintf("((w << %d) as i%d >> %d)", 8*wbytes-f.shift-f.bits, 8*wbytes, 8*wbytes-f.bits)
	}
	fmt.Fprintf(b, "    #[inline(always)]\n    pub fn %s(&self) -> %s {\n        %s        (%s) as %s\n    }\n\n", f.name, f.typ, load, value, f.typ)
	fmt.Fprintf(b, "    #[inline(always)]\n    pub fn set_%s(&mut self, v: %s) {\n        %s        let m: %s = (%s) << %d;\n        let w = (w & !m) | (((v as %s) << %d) & m);\n        self.%s.copy_from_slice(&w.to_le_bytes()[..%d]);\n    }\n",
		trimRaw(f.name), f.typ, load, word, mask, f.shift, word, f.shift, f.storage, f.bytes)
}

// trimRaw drops the r# of a raw identifier, for names built from it.
func trimRaw(name string) string {
	if len(name) > 2 && name[:2] == "r#" {
		return name[2:]
	}
	return name
}
