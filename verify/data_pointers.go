package verify

import (
	"bytes"
	"debug/elf"
	"fmt"
	"strings"
)

// checkDataPointers finds statics whose value is an address: relocations
// against data sections (.data, .rodata, .data.rel.ro, ...). A loader
// relocates only code (map and data references in instructions), so such
// a static reaches the kernel holding 0, and the program later reads
// through a null pointer ("R2 invalid mem access 'scalar'"). Other
// sections are no data the program sees: .maps (whose relocations libbpf
// reads as map-in-map and program-array initial values), .eh_frame.
func (r *Report) checkDataPointers(data []byte) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return // readSpec has said what is wrong
	}
	syms, _ := f.Symbols()
	for _, rs := range f.Sections {
		if rs.Type != elf.SHT_REL && rs.Type != elf.SHT_RELA || int(rs.Info) >= len(f.Sections) {
			continue
		}
		target := f.Sections[rs.Info]
		if !isDataSection(target) {
			continue
		}
		contents, _ := target.Data()
		offsets, refs := relocations(f, rs)
		seen := map[string]bool{}
		for i, off := range offsets {
			static := objectAt(syms, f, target, off)
			if seen[static] {
				continue
			}
			seen[static] = true
			what := "an address"
			if ref := refs[i]; ref > 0 && ref <= len(syms) {
				what = "the address of " + readable(referenced(f, syms, syms[ref-1], contents, off))
			}
			r.add(Problem{Kind: DataPointer, Section: target.Name, Symbol: static, Message: fmt.Sprintf(
				"static %s holds %s (a relocation at offset %d), which no loader fills in: the program would find 0 there; "+
					"keep values in statics, not references or fn pointers (an index into an array instead of a &T)",
				readable(static), what, off)})
		}
	}
}

// isDataSection reports whether loaders load s as a program's global data
// (an array map): .data, .rodata and .bss, and their .data.NAME kin.
func isDataSection(s *elf.Section) bool {
	if s.Flags&elf.SHF_ALLOC == 0 || s.Flags&elf.SHF_EXECINSTR != 0 {
		return false
	}
	for _, prefix := range []string{".data", ".rodata", ".bss"} {
		if s.Name == prefix || strings.HasPrefix(s.Name, prefix+".") {
			return true
		}
	}
	return false
}

// relocations reads the offsets and symbol indexes of a relocation
// section; a malformed one reads as none.
func relocations(f *elf.File, rs *elf.Section) (offsets []uint64, syms []int) {
	b, err := rs.Data()
	if err != nil || f.Class != elf.ELFCLASS64 {
		return nil, nil
	}
	size := 16 // Elf64_Rel
	if rs.Type == elf.SHT_RELA {
		size = 24
	}
	for ; len(b) >= size; b = b[size:] {
		offsets = append(offsets, f.ByteOrder.Uint64(b))
		syms = append(syms, int(elf.R_SYM64(f.ByteOrder.Uint64(b[8:]))))
	}
	return offsets, syms
}

// objectAt names the object of section s that covers offset off, or says
// where off is when no symbol covers it.
func objectAt(syms []elf.Symbol, f *elf.File, s *elf.Section, off uint64) string {
	if name := symbolIn(syms, f, s, off, elf.STT_OBJECT); name != "" {
		return name
	}
	return fmt.Sprintf("%s+%d", s.Name, off)
}

// symbolIn returns the symbol of one of the types given that covers offset
// off of section s, or "".
func symbolIn(syms []elf.Symbol, f *elf.File, s *elf.Section, off uint64, types ...elf.SymType) string {
	for _, sym := range syms {
		if int(sym.Section) >= len(f.Sections) || f.Sections[sym.Section] != s || sym.Name == "" {
			continue
		}
		for _, t := range types {
			if elf.ST_TYPE(sym.Info) == t && sym.Value <= off && off < sym.Value+max(sym.Size, 1) {
				return sym.Name
			}
		}
	}
	return ""
}

// referenced names what a relocation at off points to. Against a section
// symbol, as compilers write references to local objects, the target is
// the function or object at the addend, which a REL relocation keeps in
// the relocated bytes themselves.
func referenced(f *elf.File, syms []elf.Symbol, sym elf.Symbol, contents []byte, off uint64) string {
	if elf.ST_TYPE(sym.Info) != elf.STT_SECTION || int(sym.Section) >= len(f.Sections) {
		return sym.Name
	}
	s := f.Sections[sym.Section]
	if off+8 <= uint64(len(contents)) {
		if name := symbolIn(syms, f, s, f.ByteOrder.Uint64(contents[off:]), elf.STT_FUNC, elf.STT_OBJECT); name != "" {
			return name
		}
	}
	return s.Name
}
