package pipeline

import (
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/oxbpf/oxbpf/verify"
)

// The end-to-end tests build every probe crate of fixtures/probes (see its
// README) with the stable rustc and with nightly, check and load the
// objects, and run the packet programs on the README's vectors.

const probes = "../fixtures/probes"

// needE2E stops the test unless cargo, opt-19 and llc-19 are there.
func needE2E(t *testing.T) {
	t.Helper()
	testenv.LookPath(t, "cargo")
	needLLVM(t)
	testenv.Long(t, "builds the probe crates with cargo")
}

// A leg is a rustc and an LLVM the probes are built with.
type leg struct {
	name      string
	toolchain string // rustup toolchain; "" for the default (stable)
	llvm      int    // major of the opt-N and llc-N that build it
}

// legs: rustup's default (stable) and nightly rustc with their IR
// downleveled to LLVM 19, and stable with its own LLVM, 22, where the IR
// needs no downlevel.
var legs = []leg{{"stable", "", 19}, {"nightly", "nightly", 19}, {"stable-llvm22", "", 22}}

func needToolchain(t *testing.T, toolchain string) {
	t.Helper()
	if toolchain == "" {
		return
	}
	rustup := testenv.LookPath(t, "rustup")
	testenv.Need(t, exec.Command(rustup, "run", toolchain, "rustc", "-V").Run() == nil, "rustup's "+toolchain+" toolchain")
}

// probeOptions build a probe crate into out with a cargo target directory
// shared by the crates of one leg, and load the objects when root.
func probeOptions(crate string, l leg, target, out string) Options {
	return Options{
		ManifestPath: filepath.Join(probes, crate, "Cargo.toml"),
		Toolchain:    l.toolchain,
		TargetDir:    target,
		OutDir:       out,
		Opt:          fmt.Sprintf("opt-%d", l.llvm),
		Llc:          fmt.Sprintf("llc-%d", l.llvm),
		Load:         os.Geteuid() == 0,
	}
}

func TestProbes(t *testing.T) {
	needE2E(t)
	for _, l := range legs {
		t.Run(l.name, func(t *testing.T) {
			t.Parallel()
			needToolchain(t, l.toolchain)
			testenv.LookPath(t, fmt.Sprintf("opt-%d", l.llvm))
			testenv.LookPath(t, fmt.Sprintf("llc-%d", l.llvm))
			target, out := t.TempDir(), t.TempDir()
			for _, crate := range []string{"net", "trace", "counter", "unroll", "calls"} {
				start := time.Now()
				res, err := Build(context.Background(), probeOptions(crate, l, target, out))
				if err != nil {
					t.Errorf("%s: %v", crate, err)
					continue
				}
				t.Logf("%s: %d bins in %v", crate, len(res.Bins), time.Since(start).Round(time.Millisecond))
				for _, b := range res.Bins {
					if b.Bin == "panic_index" {
						checkPanicExit(t, b)
					}
					if !b.OK || len(b.Verify.Problems) > 0 || res.OutDir != out || b.Object != filepath.Join(out, b.Bin+".o") {
						t.Errorf("%s/%s: %+v", crate, b.Bin, b)
					}
					if b.Load != nil && !b.Load.OK() {
						t.Errorf("%s/%s: not loaded: %+v", crate, b.Bin, b.Load)
					}
				}
			}
			t.Run("testrun", func(t *testing.T) {
				testenv.Root(t)
				testRuns(t, out)
				testCounterMap(t, out)
			})
			t.Run("unroll", func(t *testing.T) { testUnroll(t, l, target) })
			t.Run("negative", func(t *testing.T) { testNegative(t, l, target) })
		})
	}
}

// checkPanicExit checks what panic-exit did to net/panic_index, which
// indexes an 8-byte slice with a packet byte: the rewrite found a panic
// function to give an exit body, and llc compiled the program into one
// function in its own section with the panic path r0 = 0; exit. testRuns
// then runs that path in the kernel.
func checkPanicExit(t *testing.T, b *BinResult) {
	t.Helper()
	exits := 0
	for _, p := range b.Rewrite.Passes {
		if p.Pass == rewrite.PanicExit.Name {
			exits = p.Changes["exit-body"]
		}
	}
	if exits == 0 {
		t.Errorf("panic-exit found no panic function in %s", b.IR)
	}
	spec, err := ebpf.LoadCollectionSpec(b.Object)
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Programs) != 1 || spec.Programs["panic_index"] == nil {
		t.Fatalf("programs in %s: %v, want only panic_index", b.Object, spec.Programs)
	}
	insns := spec.Programs["panic_index"].Instructions
	for i := 0; i+1 < len(insns); i++ {
		mov, next := insns[i], insns[i+1]
		if mov.OpCode.ALUOp() == asm.Mov && mov.OpCode.Source() == asm.ImmSource &&
			mov.Dst == asm.R0 && mov.Constant == 0 && next.OpCode.JumpOp() == asm.Exit {
			return
		}
	}
	t.Errorf("panic_index has no r0 = 0; exit:\n%v", insns)
}

// testRuns runs each packet program on the vectors of the probes README.
func testRuns(t *testing.T, out string) {
	for _, tt := range []struct {
		bin, program string
		vectors      map[string]uint32
	}{
		{"xdp_parse", "xdp_parse", map[string]uint32{
			"E 0800 IP U9": 1, "E 0800 IP U53": 2, "E 86dd IP U9": 2, "E 0800 IP6opt U9": 1, "E 0800 IP 0035": 2,
		}},
		{"socket_filter", "socket_filter", map[string]uint32{"E 0800 IP U9": 28, "E 0806 IP U9": 0}},
		{"panic_index", "panic_index", map[string]uint32{
			"pay(64,14=3)": 2, "pay(64,14=3,17=ff)": 1, "pay(22,14=7)": 2,
			"pay(64,14=8)": 0, "pay(64,14=14)": 0, // the panic path: r0 = 0; exit
			"pay(64,14=c8)": 1, "z(21)": 1,
		}},
		{"struct_copy", "struct_copy", map[string]uint32{"seq(112)": 3, "seq(111)": 2}},
		{"tc_mark", "tc_mark", map[string]uint32{"E 0800 IP U9": 0, "E 0806 IP U9": 0}},
		{"counter", "counter", map[string]uint32{"E 0800 IP": 2, "E 86dd IP": 2}},
		{"unroll", "unroll", map[string]uint32{"pay(142,14=1)": 2, "z(142)": 1, "z(141)": 2}},
		{"calls", "calls", map[string]uint32{"z(14) 01000000": 3, "z(14) 03000000": 1, "z(14) 02000000": 2, "z(18)": 0, "z(17)": 2}},
	} {
		obj := filepath.Join(out, tt.bin+".o")
		for vector, want := range tt.vectors {
			got, err := verify.RunFile(context.Background(), obj, tt.program, packet(t, vector))
			if err != nil || got != want {
				t.Errorf("%s on %q = %d, %v; want %d", tt.program, vector, got, err, want)
			}
		}
	}
}

// testCounterMap runs the counter probe three times on an IPv4 packet and
// once on an IPv6 one, then reads its hash map: the insert and the atomic
// add must have counted per EtherType, where the test runs above see only
// the XDP_PASS it returns either way.
func testCounterMap(t *testing.T, out string) {
	coll := loadCollection(t, filepath.Join(out, "counter.o"))
	runs := map[string]uint32{"E 0800 IP": 3, "E 86dd IP": 1}
	for vector, n := range runs {
		// One run per call: cilium/ebpf repeats a whole run of Repeat > 1
		// that a signal interrupted (Go's preemption sends them), which
		// would count some packets twice.
		for range n {
			if _, err := coll.Programs["counter"].Run(&ebpf.RunOptions{Data: packet(t, vector), Repeat: 1}); err != nil {
				t.Fatalf("counter on %q: %v", vector, err)
			}
		}
	}
	for etherType, want := range map[uint32]uint64{0x0800: 3, 0x86dd: 1} {
		var got uint64
		if err := coll.Maps["COUNTS"].Lookup(etherType, &got); err != nil || got != want {
			t.Errorf("COUNTS[%#04x] = %d, %v; want %d", etherType, got, err, want)
		}
	}
}

// packet builds a test packet from the notation of the probes README:
// words separated by spaces, each hex bytes, E (two zero MACs), IP,
// IP6opt, U9, U53, z(n), seq(n) or pay(n,k=v,...).
func packet(t *testing.T, vector string) []byte {
	named := map[string]string{
		"E":      strings.Repeat("00", 12),
		"IP":     "4500001c00000000401100000102030405060708",
		"IP6opt": "460000200000000040110000010203040506070800000000",
		"U9":     "0035000900080000",
		"U53":    "0035003500080000",
	}
	var data []byte
	for _, word := range strings.Fields(vector) {
		fn, args, isCall := strings.Cut(strings.TrimSuffix(word, ")"), "(")
		if !isCall {
			b, err := hex.DecodeString(cmp.Or(named[word], word))
			if err != nil {
				t.Fatalf("vector %q: %v", vector, err)
			}
			data = append(data, b...)
			continue
		}
		parts := strings.Split(args, ",")
		n, err := strconv.Atoi(parts[0])
		if err != nil {
			t.Fatalf("vector %q: %v", vector, err)
		}
		b := make([]byte, n)
		switch fn {
		case "seq":
			for i := range b {
				b[i] = byte(i)
			}
		case "pay":
			for _, kv := range parts[1:] {
				k, v, _ := strings.Cut(kv, "=")
				i, err1 := strconv.Atoi(k)
				x, err2 := strconv.ParseUint(v, 16, 8)
				if err1 != nil || err2 != nil {
					t.Fatalf("vector %q: bad %q", vector, kv)
				}
				b[i] = byte(x)
			}
		}
		data = append(data, b...)
	}
	return data
}

// testUnroll: the FNV loop keeps a back edge, which a 4.15 kernel refuses,
// unless opt unrolls it.
func testUnroll(t *testing.T, l leg, target string) {
	opts := probeOptions("unroll", l, target, t.TempDir())
	opts.Kernel = verify.Kernel{Major: 4, Minor: 15}
	_, err := Build(context.Background(), opts)
	if !errors.Is(err, ErrProgram) || !strings.Contains(err.Error(), "backward jump") {
		t.Errorf("without --unroll for 4.15: %v, want the back edge named", err)
	}
	opts.Unroll = true
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("with --unroll for 4.15: %v", err)
	}
	if n := res.Bins[0].Verify.Programs[0].Instructions; n < 300 {
		t.Errorf("unrolled program has %d instructions; 128 rounds should take hundreds", n)
	}
}

// testNegative builds the programs that must fail and checks that each
// fails at its stage, with a message that names the cause.
func testNegative(t *testing.T, l leg, target string) {
	opts := probeOptions("negative", l, target, t.TempDir())
	res, err := Build(context.Background(), opts)
	if !errors.Is(err, ErrProgram) || errors.Is(err, ErrToolchain) || errors.Is(err, ErrUsage) {
		t.Fatalf("negative crate: %v, want the program at fault", err)
	}
	want := map[string]string{
		"u128_mul":       "__multi3",
		"recursion":      "fib",
		"unbounded_loop": "", // loads on a kernel with bounded loops
		"unknown_helper": "bpf_ktime_get_nsec is declared but is no kernel helper: did you mean bpf_ktime_get_ns (helper 5",
	}
	if opts.Load {
		// With BTF line info the rejection names the Rust line.
		want["packet_index"] = "rejected at src/bin/packet_index.rs:28: invalid access to packet"
		want["stack_index"] = "bitwise operator |= on pointer prohibited"
		want["first_byte"] = "outside of the packet"
	}
	for _, b := range res.Bins {
		cause, ok := want[b.Bin]
		if !ok {
			continue
		}
		delete(want, b.Bin)
		switch {
		case cause == "" && !b.OK:
			t.Errorf("%s failed: %s", b.Bin, b.Error)
		case cause != "" && (b.OK || !strings.Contains(b.Error, cause)):
			t.Errorf("%s: error %q, want one naming %q", b.Bin, b.Error, cause)
		}
		if b.Bin == "recursion" && !diagnosed(b, "recursion") {
			t.Errorf("recursion: the rewrite did not warn of it: %+v", b.Rewrite)
		}
	}
	if len(want) > 0 {
		t.Errorf("bins not built: %v", want)
	}

	opts.Bins, opts.Kernel = []string{"unbounded_loop"}, verify.Kernel{Major: 4, Minor: 15}
	opts.Unroll = true
	if _, err := Build(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "backward jump") {
		t.Errorf("unbounded_loop for 4.15, even unrolled: %v, want the back edge named", err)
	}
}

func diagnosed(b *BinResult, what string) bool {
	if b.Rewrite == nil {
		return false
	}
	for _, d := range b.Rewrite.Diagnostics() {
		if strings.Contains(d.Message, what) {
			return true
		}
	}
	return false
}

// TestTypedPointerIR: IR from rustc 1.64 or older has typed pointers, which
// LLVM 14 reads; opaque-pointer IR needs LLVM 15.
func TestTypedPointerIR(t *testing.T) {
	testenv.LookPath(t, "opt-14")
	testenv.LookPath(t, "llc-14")
	opts := Options{Opt: "opt-14", Llc: "llc-14"}
	res, err := Compile(context.Background(), "../fixtures/ir/rustc-1.63/bounds.O3-lto.ll", filepath.Join(t.TempDir(), "bounds.o"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if b := res.Bins[0]; b.LLVM.Major() != 14 || b.Rewrite.LLVM != 14 || len(b.Verify.Programs) == 0 {
		t.Errorf("bin %+v", b)
	}
}

func TestOpaquePointerIRNeedsLLVM15(t *testing.T) {
	testenv.LookPath(t, "opt-14")
	testenv.LookPath(t, "llc-14")
	_, err := Compile(context.Background(), "../fixtures/ir/rustc-1.95/bounds.O3-lto.ll", filepath.Join(t.TempDir(), "bounds.o"), Options{Opt: "opt-14", Llc: "llc-14"})
	if !errors.Is(err, ErrToolchain) || !strings.Contains(err.Error(), "needs LLVM 15") {
		t.Errorf("err = %v, want a toolchain error asking for LLVM 15", err)
	}
}

// loadCollection loads an object's maps and programs into the kernel,
// closed when the test ends.
func loadCollection(t *testing.T, obj string) *ebpf.Collection {
	t.Helper()
	coll, err := ebpf.LoadCollection(obj)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(coll.Close)
	return coll
}
