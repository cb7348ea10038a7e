package verify

// Report is what Inspect found in one object. See the package documentation
// for its JSON form.
type Report struct {
	File      string `json:"file,omitempty"`
	Kernel    Kernel `json:"kernel"`
	ByteOrder string `json:"byte_order,omitempty"`
	License   string `json:"license"`
	// BTF says the object has a .BTF section; LineInfo that its programs
	// have line info (.BTF.ext), which verifier messages and bpftool's
	// linum point at source lines with.
	BTF      bool      `json:"btf"`
	LineInfo bool      `json:"line_info"`
	Programs []Program `json:"programs"`
	Maps     []Map     `json:"maps"`
	Problems []Problem `json:"problems"`
	// Warnings are what some loaders refuse and others take, such as
	// legacy map definitions, which cilium/ebpf loads and libbpf 1.0
	// does not.
	Warnings []Problem `json:"warnings"`
	// Notes say what loaders adapt by themselves for the target kernel,
	// such as BTF kinds it predates that they replace.
	Notes []string `json:"notes,omitempty"`
	// CORE are the CO-RE relocations, which the loader fixes against the
	// kernel's BTF.
	CORE []CORERelocation `json:"core,omitempty"`
}

// OK reports whether Inspect found no problem.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Program is one program a loader would load: a function in an executable
// section other than .text.
type Program struct {
	Name       string `json:"name"`
	Section    string `json:"section"`
	Type       string `json:"type"`
	AttachType string `json:"attach_type,omitempty"`
	// Instructions counts raw 8-byte instructions (a 64-bit immediate load
	// counts two), including every function the program calls, as the
	// kernel's size limit does.
	Instructions int `json:"instructions"`
}

// Map is one map definition.
type Map struct {
	Name       string `json:"name"`
	Type       string `json:"type"`
	KeySize    uint32 `json:"key_size"`
	ValueSize  uint32 `json:"value_size"`
	MaxEntries uint32 `json:"max_entries"`
	Flags      uint32 `json:"flags"`
	// Definition is how the object defines the map: "btf" (the .maps
	// section), "legacy" (a section named maps, 5 × u32) or "data" (a
	// global data section the loader makes a map of).
	Definition string `json:"definition"`
}

// Problem is something in the object that a loader or kernel will refuse.
type Problem struct {
	Kind    Kind   `json:"kind"`
	Program string `json:"program,omitempty"`
	Section string `json:"section,omitempty"`
	Symbol  string `json:"symbol,omitempty"`
	Message string `json:"message"`
}

// String gives the problem as one line: where, then the message.
func (p Problem) String() string {
	switch {
	case p.Program != "":
		return p.Program + " (section " + p.Section + "): " + p.Message
	case p.Section != "":
		return "section " + p.Section + ": " + p.Message
	}
	return p.Message
}

// Kind classifies a Problem. Its values are stable JSON strings.
type Kind string

const (
	// NotELF: the file does not start with the ELF magic.
	NotELF Kind = "not_elf"
	// Malformed: an ELF that cannot be parsed, e.g. truncated.
	Malformed Kind = "malformed"
	// NotBPF: an ELF for another machine than BPF.
	NotBPF Kind = "not_bpf"
	// ByteOrder: a BPF object for the other byte order than this host's.
	ByteOrder Kind = "byte_order"
	// UnknownSection: a program in a section no loader maps to a program type.
	UnknownSection Kind = "unknown_section"
	// BPFCall: a call from one BPF function to another, not inlined.
	BPFCall Kind = "bpf_call"
	// MissingFuncInfo: a function without func info (.BTF.ext) in a
	// program whose other functions have it, which libbpf and the kernel
	// refuse.
	MissingFuncInfo Kind = "missing_func_info"
	// LegacyMaps: map definitions in a section named maps, which libbpf
	// 1.0 and newer refuse (a warning).
	LegacyMaps Kind = "legacy_maps"
	// LibbpfSection: a program in a section cilium/ebpf maps to a type
	// and libbpf does not (a warning).
	LibbpfSection Kind = "libbpf_section"
	// NoBTF: an object without BTF, which loaders take but which BTF-only
	// features (CO-RE, BTF maps, tracing programs) lack (a warning).
	NoBTF Kind = "no_btf"
	// Unresolved: a call to, or address of, a symbol the object does not define.
	Unresolved Kind = "unresolved"
	// Recursion: functions that call themselves, directly or through
	// others, which no kernel verifies.
	Recursion Kind = "recursion"
	// IndirectCall: a call through a register (callx), which no kernel
	// verifies.
	IndirectCall Kind = "indirect_call"
	// DataPointer: a static whose value is an address, which no loader
	// fills in.
	DataPointer Kind = "data_pointer"
	// TooNew: something newer than the target kernel (--kernel): a
	// helper, map, program or attach type, instruction or BTF kind it
	// predates.
	TooNew Kind = "too_new"
	// Loop: a backward jump, refused by kernels before 5.3.
	Loop Kind = "loop"
	// TooLarge: more instructions than the kernel accepts.
	TooLarge Kind = "too_large"
	// NoLicense: no license section.
	NoLicense Kind = "no_license"
	// NoPrograms: the object holds no program.
	NoPrograms Kind = "no_programs"
)
