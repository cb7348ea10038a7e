package gentypes

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// synthetic builds BTF with the shapes that need care: a packed struct, a
// signed bitfield and one across bytes, C names that are Rust keywords or
// Rust's primitive types, anonymous members, a signed enum, pointers to a
// struct only declared and to a function, a flexible array, an empty
// struct, a union wider than its members, and a typedef that names
// another type than the struct of its name.
func synthetic(t *testing.T) *btf.Spec {
	t.Helper()
	u8 := &btf.Int{Name: "unsigned char", Size: 1}
	u16 := &btf.Int{Name: "unsigned short", Size: 2}
	u32 := &btf.Int{Name: "unsigned int", Size: 4}
	s32 := &btf.Int{Name: "int", Size: 4, Encoding: btf.Signed}
	u64 := &btf.Int{Name: "unsigned long long", Size: 8}
	kernelU32 := &btf.Typedef{Name: "u32", Type: u32}
	flags := &btf.Typedef{Name: "flags_t", Type: u16}
	opaque := &btf.Struct{Name: "elsewhere", Size: 64}
	state := &btf.Enum{Name: "state", Size: 4, Signed: true, Values: []btf.EnumValue{{Name: "STATE_ERR", Value: 0xffffffffffffffff}, {Name: "STATE_OK", Value: 0}, {Name: "STATE_DONE", Value: 2}}}
	inner := &btf.Union{Size: 8, Members: []btf.Member{{Name: "as_u64", Type: u64}, {Name: "halves", Type: &btf.Array{Index: u32, Type: u32, Nelems: 2}}}}
	packed := &btf.Struct{Name: "wire", Size: 7, Members: []btf.Member{
		{Name: "kind", Type: u8},
		{Name: "len", Type: kernelU32, Offset: 8},
		{Name: "type", Type: flags, Offset: 40},
	}}
	bits := &btf.Struct{Name: "bits", Size: 8, Members: []btf.Member{
		{Name: "low", Type: u8, BitfieldSize: 3},
		{Name: "mid", Type: s32, Offset: 3, BitfieldSize: 9}, // crosses into byte 1, signed
		{Name: "", Type: u32, Offset: 12, BitfieldSize: 4},   // unnamed padding bits
		{Name: "high", Type: u16, Offset: 16, BitfieldSize: 16},
		{Name: "tail", Type: u32, Offset: 32},
	}}
	outer := &btf.Struct{Name: "outer", Size: 48, Members: []btf.Member{
		{Name: "st", Type: state},
		{Name: "", Type: inner, Offset: 64},
		{Name: "next", Type: &btf.Pointer{Target: opaque}, Offset: 128},
		{Name: "cb", Type: &btf.Pointer{Target: &btf.FuncProto{Return: s32}}, Offset: 192},
		{Name: "w", Type: packed, Offset: 256},
		{Name: "data", Type: &btf.Array{Index: u32, Type: u8, Nelems: 0}, Offset: 320},
	}}
	empty := &btf.Struct{Name: "empty"}
	wide := &btf.Union{Name: "wide", Size: 16, Members: []btf.Member{{Name: "b", Type: u8}}}
	clash := &btf.Typedef{Name: "outer_t", Type: &btf.Pointer{Target: outer}}
	b, err := btf.NewBuilder([]btf.Type{outer, bits, empty, wide, clash, kernelU32}, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := b.Marshal(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := btf.LoadSpecFromReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it): %v\n%s", path, err, got)
	}
}

func TestGenerateGolden(t *testing.T) {
	src, err := Generate(synthetic(t), Options{Types: []string{"outer", "bits", "empty", "wide", "outer_t"}, Source: "synthetic BTF"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "synthetic.rs.golden", src)

	spec, err := btf.LoadSpec("testdata/net.btf")
	if err != nil {
		t.Fatal(err)
	}
	tp := readFormat(t, "syscalls/sys_enter_openat")
	sw := readFormat(t, "sched/sched_switch")
	src, err = Generate(spec, Options{Types: []string{"iphdr", "tcphdr", "ethhdr", "xdp_md", "xdp_action", "bpf_sock_tuple"}, Tracepoints: []*Tracepoint{tp, sw}, Source: "testdata/net.btf"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "net.rs.golden", src)
}

func readFormat(t *testing.T, tracepoint string) *Tracepoint {
	t.Helper()
	tp, err := ReadTracepoint("testdata", tracepoint)
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

// TestGoldensCompile compiles the goldens with rustc: the layout
// assertions they hold are rustc's check of every size and offset.
func TestGoldensCompile(t *testing.T) {
	rustc := testenv.LookPath(t, "rustc")
	crate := supportCrate(t, rustc)
	for _, name := range []string{"synthetic.rs.golden", "net.rs.golden"} {
		out, err := exec.Command(rustc, "--edition", "2021", "--crate-type", "lib", "--crate-name", "vmlinux", "--emit", "metadata", "-D", "warnings",
			"--extern", "oxbpf_ebpf="+crate, "-o", filepath.Join(t.TempDir(), "lib.rmeta"), filepath.Join("testdata", name)).CombinedOutput()
		if err != nil {
			t.Errorf("rustc %s: %v\n%s", name, err, out)
		}
	}
}

// TestBitfields runs the generated getters and setters: known bytes give
// known fields, and a setter changes its field alone.
func TestBitfields(t *testing.T) {
	rustc := testenv.LookPath(t, "rustc")
	src, err := Generate(synthetic(t), Options{Types: []string{"bits"}, Source: "synthetic BTF"})
	if err != nil {
		t.Fatal(err)
	}
	// low = 5 (bits 0-2), mid = -2 (bits 3-11, 9 bits), high = 0xbeef.
	mid := uint16(0x1fe) // -2 in 9 bits
	word := uint16(5) | mid<<3
	main := strings.Replace(string(src), "#![allow(", "#![allow(unused_mut, ", 1) + `
fn main() {
    let mut b: bits = unsafe { core::mem::zeroed() };
    b._bitfield_0 = [` + byteList(word) + `];
    b._bitfield_2 = [0xef, 0xbe];
    b.tail = 7;
    assert_eq!(b.low(), 5);
    assert_eq!(b.mid(), -2);
    assert_eq!(b.high(), 0xbeef);
    b.set_mid(100);
    assert_eq!((b.low(), b.mid(), b.high(), b.tail), (5, 100, 0xbeef, 7));
    b.set_low(2);
    assert_eq!((b.low(), b.mid()), (2, 100));
    println!("ok");
}
`
	dir := t.TempDir()
	file, bin := filepath.Join(dir, "bits.rs"), filepath.Join(dir, "bits")
	if err := os.WriteFile(file, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(rustc, "--edition", "2021", "--extern", "oxbpf_ebpf="+supportCrate(t, rustc), "-o", bin, file).CombinedOutput(); err != nil {
		t.Fatalf("rustc: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin).CombinedOutput(); err != nil || string(out) != "ok\n" {
		t.Errorf("the accessors: %v\n%s", err, out)
	}
}

// supportCrate builds the oxbpf-ebpf crate for the host, as the generated
// types name its CO-RE marker, and returns the library's path.
func supportCrate(t *testing.T, rustc string) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "liboxbpf_ebpf.rlib")
	out, err := exec.Command(rustc, "--edition", "2021", "--crate-type", "rlib", "--crate-name", "oxbpf_ebpf", "--cap-lints", "allow",
		"-o", lib, filepath.Join("..", "scaffold", "crate", "src", "lib.rs")).CombinedOutput()
	if err != nil {
		t.Fatalf("rustc oxbpf-ebpf: %v\n%s", err, out)
	}
	return lib
}

func byteList(w uint16) string {
	return fmt.Sprintf("%#x, %#x", w&0xff, w>>8)
}

func TestGenerateErrors(t *testing.T) {
	spec := synthetic(t)
	if _, err := Generate(spec, Options{Types: []string{"outr"}}); err == nil || !strings.Contains(err.Error(), "no type outr in the BTF; did you mean outer?") {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := Generate(nil, Options{Types: []string{"x"}}); err == nil {
		t.Error("no error without BTF")
	}
	for _, tt := range []struct{ dir, tp, want string }{
		{"testdata", "syscalls", "want category/name"},
		{"testdata", "syscalls/sys_enter_nonesuch", "no such tracepoint"},
		{t.TempDir(), "syscalls/sys_enter_openat", "tracefs is not mounted"},
	} {
		if _, err := ReadTracepoint(tt.dir, tt.tp); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadTracepoint(%s, %s) = %v, want %q", tt.dir, tt.tp, err, tt.want)
		}
	}
	if _, err := ParseFormat(strings.NewReader("not a format\n")); err == nil {
		t.Error("no error for a file that is no format")
	}
}
