package verify

import (
	"bytes"
	"debug/elf"
	"fmt"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
)

// describeBTF records whether the object has BTF and line info, and how
// each map is defined, and warns of what libbpf-based loaders refuse.
func (r *Report) describeBTF(spec *ebpf.CollectionSpec, data []byte) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return
	}
	r.BTF = f.Section(".BTF") != nil
	for _, p := range spec.Programs {
		iter := p.Instructions.Iterate()
		for iter.Next() && !r.LineInfo {
			r.LineInfo = iter.Ins.Source() != nil
		}
	}
	legacy := legacyMapNames(f)
	for i := range r.Maps {
		m := &r.Maps[i]
		switch {
		case slices.Contains(legacy, m.Name):
			m.Definition = "legacy"
		case strings.HasPrefix(m.Name, "."):
			m.Definition = "data"
		default:
			m.Definition = "btf"
		}
	}
	if len(legacy) > 0 {
		r.Warnings = append(r.Warnings, Problem{Kind: LegacyMaps, Section: "maps", Symbol: legacy[0], Message: fmt.Sprintf(
			"legacy map definitions (%s): libbpf 1.0 and newer, and so bpftool, iproute2, libbpf-rs and libbpf-go, refuse the object; "+
				"cilium/ebpf loads it. oxbpf build and compile make BTF-defined maps of them (unless --btf=false)", strings.Join(legacy, ", "))})
	}
	r.warnLibbpfSections()
	if !r.BTF && len(r.Programs) > 0 {
		r.Warnings = append(r.Warnings, Problem{Kind: NoBTF, Message: "no BTF: verifier messages name no source lines, and maps cannot be BTF-defined; oxbpf writes BTF unless --btf=false"})
	}
}

// legacyMapNames are the symbols in sections named maps or maps/...
func legacyMapNames(f *elf.File) []string {
	syms, _ := f.Symbols()
	var names []string
	for _, s := range syms {
		if int(s.Section) >= len(f.Sections) || s.Name == "" || elf.ST_TYPE(s.Info) == elf.STT_SECTION {
			continue
		}
		if sec := f.Sections[s.Section].Name; sec == "maps" || strings.HasPrefix(sec, "maps/") {
			names = append(names, s.Name)
		}
	}
	slices.Sort(names)
	return names
}
