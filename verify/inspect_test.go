package verify

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// want is a Problem whose Message is a substring to find, not the whole text.
type want = Problem

func TestInspect(t *testing.T) {
	if hostByteOrder() != "little" {
		t.Skip("the expected problems are for a little-endian host")
	}
	for _, tc := range []struct {
		file     string
		kernel   Kernel
		programs []string // name/section/type/attach/instructions
		maps     []string // name/type/key/value/max/flags
		problems []want
	}{
		{file: "xdp_maps.o", kernel: Kernel{4, 14},
			programs: []string{"xdp_count/xdp/XDP/XDP/12"},
			maps:     []string{"packets/Array/4/8/1/0/legacy"}},
		{file: "compressed.o", // .debug_zeros: 100000 bytes inflated, far fewer in the file
			programs: []string{"xdp_count/xdp/XDP/XDP/12"},
			maps:     []string{"packets/Array/4/8/1/0/legacy"}},
		{file: "socket.o", programs: []string{"keep_all/socket/SocketFilter//2"}},
		{file: "rejected.o", // only the verifier sees what is wrong
			programs: []string{"xdp_noret/xdp/XDP/XDP/1", "xdp_unchecked/xdp/XDP/XDP/7"}},
		{file: "bpfcall.o", programs: []string{"xdp_call/xdp/XDP/XDP/13"}},
		{file: "bpfcall.o", kernel: Kernel{4, 16}},
		{file: "bpfcall.o", kernel: Kernel{4, 15}, problems: []want{
			{Kind: BPFCall, Program: "xdp_call", Section: "xdp", Symbol: "add", Message: "calls add, which was not inlined: kernels before 4.16 cannot load BPF-to-BPF calls (target kernel 4.15)"},
		}},
		{file: "jumptable.o", problems: []want{
			{Kind: Unresolved, Section: "xdp", Symbol: "BPF.JT.0.0", Message: "refers to BPF.JT.0.0, a jump table LLVM 22 made of a large match (or switch) at -mcpu v4"},
		}},
		{file: "nofuncinfo.o", programs: []string{"xdp_nofuncinfo/xdp/XDP/XDP/13"}, problems: []want{
			{Kind: MissingFuncInfo, Program: "xdp_nofuncinfo", Section: "xdp", Symbol: "add", Message: "calls add, which has no func info in .BTF.ext while the program has"},
		}},
		{file: "gaveup.o", programs: []string{"xdp_spin/xdp/XDP/XDP/29"}},
		{file: "recursion.o", programs: []string{"xdp_recursion/xdp/XDP/XDP/27"}, problems: []want{
			{Kind: Recursion, Program: "xdp_recursion", Section: "xdp", Symbol: "even", Message: "recursion: even → odd → even: the kernel refuses"},
		}},
		{file: "callx.o", programs: []string{"xdp_callx/xdp/XDP/XDP/17"}, maps: []string{".rodata/Array/4/16/1/128/data"}, problems: []want{
			{Kind: IndirectCall, Program: "xdp_callx", Section: "xdp", Message: "calls through a function pointer (callx r2) at instruction 8: BPF has no indirect calls"},
			{Kind: DataPointer, Section: ".rodata", Symbol: "ops", Message: "static ops holds the address of twice (a relocation at offset 0), which no loader fills in"},
		}},
		{file: "datarel.o", maps: []string{".data/Array/4/8/1/0/data", ".rodata/Array/4/8/1/128/data"}, problems: []want{
			{Kind: DataPointer, Section: ".rodata", Symbol: "limit_ptr", Message: "static limit_ptr holds the address of limits"},
		}},
		{file: "unresolved.o",
			programs: []string{"xdp_extern/xdp/XDP/XDP/9", "xdp_extern_var/xdp/XDP/XDP/9", "xdp_memcpy/xdp/XDP/XDP/13"},
			maps:     []string{".rodata.cst16/Array/4/16/1/128/data"},
			problems: []want{
				{Kind: Unresolved, Program: "xdp_extern", Section: "xdp", Symbol: "checksum", Message: "calls checksum, which the object does not define and which is not a BPF helper"},
				{Kind: Unresolved, Program: "xdp_extern_var", Section: "xdp", Symbol: "threshold", Message: "loads the address of threshold, which the object does not define"},
				{Kind: Unresolved, Program: "xdp_memcpy", Section: "xdp", Symbol: "memcpy", Message: "calls memcpy, which the object does not define and which is not a BPF helper: no loader can resolve it; the compiler calls it for a copy"},
			}},
		{file: "fcommon.o", problems: []want{
			{Kind: Unresolved, Section: "xdp", Symbol: "hits", Message: "refers to hits, which lives in SHN_COMMON"},
		}},
		{file: "loop.o", programs: []string{"xdp_loop/xdp/XDP/XDP/17"}},
		{file: "loop.o", kernel: Kernel{5, 3}},
		{file: "loop.o", kernel: Kernel{5, 2}, problems: []want{
			{Kind: Loop, Program: "xdp_loop", Section: "xdp", Message: "a backward jump at instruction 12 back to 4: kernel 5.2 refuses loops"},
		}},
		{file: "big.o", kernel: Kernel{5, 2}, programs: []string{"xdp_big/xdp/XDP/XDP/4102"}},
		{file: "big.o", kernel: Kernel{5, 1}, problems: []want{
			{Kind: TooLarge, Program: "xdp_big", Section: "xdp", Message: "4102 instructions: kernels before 5.2 accept at most 4096 (target kernel 5.1); split"},
		}},
		{file: "nolicense.o", problems: []want{
			{Kind: NoLicense, Message: "the kernel refuses GPL-only helpers"},
		}},
		{file: "unknown_section.o", programs: []string{"mystery/probe/whatever/UnspecifiedProgram//2"}, problems: []want{
			{Kind: UnknownSection, Program: "mystery", Section: "probe/whatever", Message: `section "probe/whatever" names no program type a loader knows`},
		}},
		{file: "xdp_maps-eb.o", programs: []string{"xdp_count/xdp/XDP/XDP/12"}, maps: []string{"packets/Array/4/8/1/0/legacy"}, problems: []want{
			{Kind: ByteOrder, Message: "big-endian BPF object, but this host is little-endian: build for the bpfel target"},
		}},
		{file: "host.o", problems: []want{
			{Kind: NotBPF, Message: "an ELF object for EM_X86_64, not BPF"},
		}},
		{file: "noprog.o", maps: []string{"lonely/Array/4/4/4/0/legacy"}, problems: []want{
			{Kind: NoPrograms, Message: "no programs"},
		}},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".o")+"@"+tc.kernel.String(), func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			r, err := Inspect(path, Options{Kernel: tc.kernel})
			if err != nil {
				t.Fatal(err)
			}
			if r.File != path || r.Kernel != tc.kernel {
				t.Errorf("file, kernel = %q, %v; want %q, %v", r.File, r.Kernel, path, tc.kernel)
			}
			if tc.programs != nil {
				var got []string
				for _, p := range r.Programs {
					got = append(got, join(p.Name, p.Section, p.Type, p.AttachType, p.Instructions))
				}
				equal(t, "programs", got, tc.programs)
			}
			var maps []string
			for _, m := range r.Maps {
				maps = append(maps, join(m.Name, m.Type, m.KeySize, m.ValueSize, m.MaxEntries, m.Flags, m.Definition))
			}
			equal(t, "maps", maps, tc.maps)
			checkProblems(t, r.Problems, tc.problems)
		})
	}
}

func join(fields ...any) string {
	s := make([]string, len(fields))
	for i, f := range fields {
		s[i] = fmt.Sprint(f)
	}
	return strings.Join(s, "/")
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// checkProblems wants the same problems in the same order, each message
// containing the wanted text and being one line.
func checkProblems(t *testing.T, got []Problem, want []want) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), problemList(got))
		return
	}
	for i, g := range got {
		w := want[i]
		msg := g.Message
		g.Message, w.Message = "", ""
		if g != w {
			t.Errorf("problem %d = %+v, want %+v", i, g, w)
		}
		if !strings.Contains(msg, want[i].Message) || strings.Contains(msg, "\n") {
			t.Errorf("problem %d message = %q, want one line containing %q", i, msg, want[i].Message)
		}
	}
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\t" + string(p.Kind) + ": " + p.String() + "\n")
	}
	return b.String()
}

func TestInspectBytes(t *testing.T) {
	good, err := os.ReadFile("testdata/xdp_maps.o")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want want
	}{
		{"empty", nil, want{Kind: NotELF, Message: "not an ELF object"}},
		{"text", []byte("SEC(\"xdp\")\n"), want{Kind: NotELF, Message: "not an ELF object"}},
		{"bitcode", []byte("BC\xc0\xde\x35\x14\x00\x00"), want{Kind: NotELF, Message: "LLVM bitcode"}},
		{"magic only", good[:4], want{Kind: Malformed, Message: "truncated ELF header: the file ends after 4 bytes"}},
		{"header only", good[:64], want{Kind: Malformed, Message: "truncated ELF"}},
		{"half", good[:len(good)/2], want{Kind: Malformed, Message: "truncated ELF"}},
		{"all but one byte", good[:len(good)-1], want{Kind: Malformed, Message: "truncated ELF"}},
		{"code section past the end", withSectionSize(t, good, "xdp", 0x670000f8), want{Kind: Malformed, Section: "xdp", Message: `truncated ELF: section "xdp" claims 1728053496 bytes at offset 64, but the file has 2368`}},
		{"bad byte order", append(append([]byte{}, good[:5]...), append([]byte{9}, good[6:]...)...), want{Kind: Malformed, Message: "ELF header gives no byte order"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := InspectBytes(tc.data, Options{})
			checkProblems(t, r.Problems, []want{tc.want})
			if r.Programs == nil || r.Maps == nil {
				t.Error("nil list in report: JSON would say null")
			}
		})
	}
}

// withSectionSize returns a copy of the little-endian ELF64 object data
// whose section name claims size bytes.
func withSectionSize(t *testing.T, data []byte, name string, size uint64) []byte {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	const shoff, shentsize, shSize = 0x28, 0x3a, 32 // ELF64 header fields; sh_size in a section header
	out := slices.Clone(data)
	for i, s := range f.Sections {
		if s.Name == name {
			at := binary.LittleEndian.Uint64(out[shoff:]) + uint64(i)*uint64(binary.LittleEndian.Uint16(out[shentsize:])) + shSize
			binary.LittleEndian.PutUint64(out[at:], size)
			return out
		}
	}
	t.Fatalf("no section %q", name)
	return nil
}

func TestInspectMissingFile(t *testing.T) {
	_, err := Inspect("testdata/no-such.o", Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want a not-exist error", err)
	}
}

func TestInspectReader(t *testing.T) {
	data, err := os.ReadFile("testdata/socket.o")
	if err != nil {
		t.Fatal(err)
	}
	r, err := InspectReader(bytes.NewReader(data), Options{})
	if err != nil || !r.OK() || len(r.Programs) != 1 || r.File != "" {
		t.Errorf("InspectReader = %+v, %v; want one program, no problem, no file", r, err)
	}
}

// TestReportJSON pins the JSON keys that --json users depend on.
func TestReportJSON(t *testing.T) {
	r, err := Inspect("testdata/loop.o", Options{Kernel: Kernel{5, 2}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	const want = `{
  "file": "testdata/loop.o",
  "kernel": "5.2",
  "byte_order": "little",
  "license": "GPL",
  "btf": false,
  "line_info": false,
  "programs": [
    {
      "name": "xdp_loop",
      "section": "xdp",
      "type": "XDP",
      "attach_type": "XDP",
      "instructions": 17
    }
  ],
  "maps": [],
  "problems": [
    {
      "kind": "loop",
      "program": "xdp_loop",
      "section": "xdp",
      "message": "a backward jump at instruction 12 back to 4: kernel 5.2 refuses loops (bounded loops need 5.3); unroll it (oxbpf build --unroll)"
    }
  ],
  "warnings": [
    {
      "kind": "no_btf",
      "message": "no BTF: verifier messages name no source lines, and maps cannot be BTF-defined; oxbpf writes BTF unless --btf=false"
    }
  ]
}`
	if string(got) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
	var back Report
	if err := json.Unmarshal(got, &back); err != nil || back.Kernel != (Kernel{5, 2}) {
		t.Errorf("round trip: kernel %v, err %v", back.Kernel, err)
	}
}

// TestInspectBTF: what an object says about its BTF, and the warnings
// for what libbpf-based loaders refuse.
func TestInspectBTF(t *testing.T) {
	for _, tt := range []struct {
		file          string
		btf, lineInfo bool
		warnings      []Kind
	}{
		{"xdp_maps.o", true, true, []Kind{LegacyMaps}},
		{"socket.o", true, true, nil},
		{"loop.o", false, false, []Kind{NoBTF}},
		{"tc_ingress.o", false, false, []Kind{LibbpfSection, NoBTF}},
	} {
		r, err := Inspect(filepath.Join("testdata", tt.file), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var kinds []Kind
		for _, w := range r.Warnings {
			kinds = append(kinds, w.Kind)
		}
		if r.BTF != tt.btf || r.LineInfo != tt.lineInfo || !slices.Equal(kinds, tt.warnings) {
			t.Errorf("%s: btf %v, line info %v, warnings %v; want %v, %v, %v", tt.file, r.BTF, r.LineInfo, kinds, tt.btf, tt.lineInfo, tt.warnings)
		}
	}
}

func TestLibbpfKnows(t *testing.T) {
	for sec, want := range map[string]bool{
		"xdp": true, "socket": true, "classifier": true, "tc": true, "kprobe/do_sys_open": true,
		"tracepoint/syscalls/sys_enter_openat": true, "tp/sched/sched_switch": true, "fentry/tcp_connect": true,
		"cgroup_skb/ingress": true, "license": false, "tc_ingress": false, "xdp_drop": false, "kprobe": true, "kprobex/a": false,
	} {
		if got := libbpfKnows(sec); got != want {
			t.Errorf("libbpfKnows(%q) = %v, want %v", sec, got, want)
		}
	}
}
