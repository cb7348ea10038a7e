package rewrite_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// TestPanicExitInKernel proves panic-exit where it matters: the probe
// net/panic_index indexes an 8-byte slice with a packet byte, built by
// cargo as oxbpf builds it, rewritten, compiled by opt-19 and llc-19,
// loaded into the running kernel and run on the vectors of
// fixtures/probes/README.md. In range it returns XDP_PASS (2) or XDP_DROP
// (1); out of range the slice index panics, which must return 0.
func TestPanicExitInKernel(t *testing.T) {
	testenv.Long(t, "builds a probe crate with cargo and loads it into the kernel")
	testenv.LookPath(t, "cargo")
	optPath := testenv.LookPath(t, "opt-19")
	llcPath := testenv.LookPath(t, "llc-19")
	testenv.Root(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir := t.TempDir()

	irs, err := toolchain.Cargo(ctx, toolchain.CargoArgs{
		ManifestPath: filepath.Join("..", "fixtures", "probes", "net", "Cargo.toml"),
		Bins:         []string{"panic_index"},
		TargetDir:    filepath.Join(dir, "target"),
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err := ir.ParseFile(irs[0].IR)
	if err != nil {
		t.Fatal(err)
	}
	report, err := rewrite.Run(m, []*rewrite.Pass{rewrite.Retarget, rewrite.InlineAll, rewrite.PanicExit, rewrite.Lint}, rewrite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range report.Diagnostics() {
		t.Errorf("%s", d)
	}
	if n := report.Passes[2].Changes["exit-body"]; n == 0 {
		t.Fatalf("panic-exit found no panic function in %s", irs[0].IR)
	}
	rewritten := filepath.Join(dir, "panic_index.bpf.ll")
	if err := os.WriteFile(rewritten, []byte(rewrite.Lower19(t, m)), 0o644); err != nil {
		t.Fatal(err)
	}

	found, err := toolchain.Discover(ctx, toolchain.DiscoverOptions{Opt: optPath, Llc: llcPath})
	if err != nil {
		t.Fatal(err)
	}
	optimized := filepath.Join(dir, "panic_index.opt.ll")
	if err := toolchain.Opt(ctx, toolchain.OptArgs{Tool: found.LLVM.Opt, In: rewritten, Out: optimized}); err != nil {
		t.Fatal(err)
	}
	if out, _ := os.ReadFile(optimized); !bytes.Contains(out, []byte(`asm sideeffect "r0 = 0\0Aexit"`)) {
		t.Fatalf("opt removed the panic exit:\n%s", out)
	}
	obj := filepath.Join(dir, "panic_index.o")
	if err := toolchain.Llc(ctx, toolchain.LlcArgs{Tool: found.LLVM.Llc, In: optimized, Out: obj}); err != nil {
		t.Fatal(err)
	}
	checkExitPath(t, obj, "panic_index")

	loaded, err := verify.LoadFile(ctx, obj, verify.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.OK() {
		t.Fatalf("the kernel refused the object: %+v", loaded)
	}
	for _, v := range panicIndexVectors {
		got, err := verify.RunFile(ctx, obj, "panic_index", v.packet)
		if err != nil {
			t.Fatal(err)
		}
		if got != v.want {
			t.Errorf("panic_index(%s) = %d, want %d", v.name, got, v.want)
		}
	}
}

// checkExitPath checks that llc compiled the program into one function in
// its own section that has the panic path r0 = 0; exit.
func checkExitPath(t *testing.T, obj, program string) {
	t.Helper()
	spec, err := ebpf.LoadCollectionSpec(obj)
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Programs) != 1 || spec.Programs[program] == nil {
		t.Fatalf("programs in %s: %v, want only %s", obj, spec.Programs, program)
	}
	insns := spec.Programs[program].Instructions
	for i := 0; i+1 < len(insns); i++ {
		mov, next := insns[i], insns[i+1]
		if mov.OpCode.ALUOp() == asm.Mov && mov.OpCode.Source() == asm.ImmSource &&
			mov.Dst == asm.R0 && mov.Constant == 0 && next.OpCode.JumpOp() == asm.Exit {
			t.Logf("%s: %d instructions, r0 = 0; exit at %d", program, len(insns), i)
			return
		}
	}
	t.Errorf("%s has no r0 = 0; exit:\n%v", program, insns)
}

// panicIndexVectors are the test runs of fixtures/probes/README.md.
var panicIndexVectors = []struct {
	name   string
	packet []byte
	want   uint32
}{
	{"pay(64, 14=3)", payload(64, 14, 3), 2},
	{"pay(64, 14=3, 17=ff)", payload(64, 14, 3, 17, 0xff), 1},
	{"pay(22, 14=7)", payload(22, 14, 7), 2},
	{"pay(64, 14=8): panics", payload(64, 14, 8), 0},
	{"pay(64, 14=14): panics", payload(64, 14, 14), 0},
	{"pay(64, 14=c8): re-check fails first", payload(64, 14, 0xc8), 1},
	{"z(21)", payload(21), 1},
}

// payload returns n zero bytes with the given offset, value pairs set.
func payload(n int, set ...int) []byte {
	b := make([]byte, n)
	for i := 0; i+1 < len(set); i += 2 {
		b[set[i]] = byte(set[i+1])
	}
	return b
}
