package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/verify"
)

// needLLVM stops the test unless discovery can find a usable opt and llc.
func needLLVM(t *testing.T) {
	t.Helper()
	testenv.LookPath(t, "opt-19")
	testenv.LookPath(t, "llc-19")
}

// ready compiles IR that is BPF already (--passes none), so these tests
// exercise the pipeline's own steps whatever state the rewrite is in.
func ready(opts Options) Options {
	opts.Passes = "none"
	opts.Opt, opts.Llc = "opt-19", "llc-19"
	return opts
}

func stepNames(steps []Timing) []Step {
	var names []Step
	for _, s := range steps {
		names = append(names, s.Step)
	}
	return names
}

func TestCompileReadyIR(t *testing.T) {
	needLLVM(t)
	out := filepath.Join(t.TempDir(), "out dir ü", "xdp.o")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	var events []Event
	res, err := Compile(context.Background(), "testdata/xdp.ll", out, ready(Options{
		Progress: func(e Event) { events = append(events, e) },
	}))
	if err != nil {
		t.Fatal(err)
	}
	b := res.Bins[0]
	if !b.OK || b.Object != out || b.Bin != "xdp" || b.LLVM.Major() != 19 || res.TempDir != "" || len(b.Temps) != 0 {
		t.Errorf("result %+v, bin %+v", res, b)
	}
	if want := []Step{StepParse, StepRewrite, StepOpt, StepLlc, StepVerify}; !slices.Equal(stepNames(b.Steps), want) {
		t.Errorf("steps %v, want %v", stepNames(b.Steps), want)
	}
	if got := b.Verify.Programs; len(got) != 1 || got[0].Name != "xdp_pass" || got[0].Instructions != 4 {
		t.Errorf("programs %+v", got)
	}
	if len(events) != len(b.Steps)+len(res.Steps) {
		t.Errorf("%d events for %d steps", len(events), len(b.Steps)+len(res.Steps))
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("out dir holds %v, want the object alone", entries)
	}
}

func TestCompileKeepTemps(t *testing.T) {
	needLLVM(t)
	out := filepath.Join(t.TempDir(), "xdp.o")
	res, err := Compile(context.Background(), "testdata/xdp.ll", out, ready(Options{KeepTemps: true}))
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(res.TempDir)
	b := res.Bins[0]
	if len(b.Temps) != 3 {
		t.Fatalf("temps %q, want rewritten IR, optimised IR and object", b.Temps)
	}
	for _, path := range b.Temps {
		if filepath.Dir(path) != res.TempDir {
			t.Errorf("%s is not in %s", path, res.TempDir)
		}
		if _, err := os.Stat(path); err != nil {
			t.Error(err)
		}
	}
}

func TestCompileLoopForOldKernel(t *testing.T) {
	needLLVM(t)
	tmp := privateTempDir(t)
	out := filepath.Join(t.TempDir(), "loop.o")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Compile(context.Background(), "testdata/loop.ll", out, ready(Options{Kernel: verify.Kernel{Major: 4, Minor: 15}, Unroll: true}))
	if !errors.Is(err, ErrProgram) || !strings.Contains(err.Error(), "verify: xdp_loop (section xdp): a backward jump") || !strings.Contains(err.Error(), "the loop survived unrolling") {
		t.Fatalf("err = %v", err)
	}
	if b := res.Bins[0]; b.OK || b.Object != "" || b.Error != err.Error() || len(b.Verify.Problems) != 1 {
		t.Errorf("bin %+v", b)
	}
	if data, _ := os.ReadFile(out); string(data) != "previous" {
		t.Errorf("the previous output was clobbered: %q", data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("out dir holds %v, want the previous object alone", entries)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("temporary files left after a failure: %v", entries)
	}
	// The newest kernels take the loop.
	if _, err := Compile(context.Background(), "testdata/loop.ll", out, ready(Options{})); err != nil {
		t.Errorf("without a kernel: %v", err)
	}
}

func TestCompileLoad(t *testing.T) {
	needLLVM(t)
	testenv.Root(t)
	res, err := Compile(context.Background(), "testdata/xdp.ll", filepath.Join(t.TempDir(), "xdp.o"), ready(Options{Load: true}))
	if err != nil {
		t.Fatal(err)
	}
	b := res.Bins[0]
	if b.Load == nil || !b.Load.OK() || stepNames(b.Steps)[len(b.Steps)-1] != StepLoad {
		t.Errorf("load %+v, steps %v", b.Load, stepNames(b.Steps))
	}
}

// TestCPUFollowsKernel: without a CPU, llc gets the default unless the
// kernel predates it; a CPU the kernel runs stands.
func TestCPUFollowsKernel(t *testing.T) {
	for _, tt := range []struct {
		opts Options
		want string
	}{
		{Options{}, "v2"},
		{Options{Kernel: verify.Kernel{Major: 4, Minor: 14}}, "v2"},
		{Options{Kernel: verify.Kernel{Major: 4, Minor: 13}}, "v1"},
		{Options{CPU: "v3", Kernel: verify.Kernel{Major: 5, Minor: 1}}, "v3"},
		{Options{CPU: "v4"}, "v4"},
	} {
		if got := tt.opts.cpu(); got != tt.want {
			t.Errorf("%+v: cpu %s, want %s", tt.opts, got, tt.want)
		}
	}
}

func TestCompileUsageErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.o")
	for _, tt := range []struct {
		name string
		in   string
		opts Options
		want string
	}{
		{"missing input", "testdata/nonesuch.ll", ready(Options{}), "nonesuch.ll"},
		{"cpu", "testdata/xdp.ll", Options{CPU: "v9"}, `cpu "v9"`},
		{"jobs", "testdata/xdp.ll", Options{Jobs: -1}, "jobs -1"},
		{"cpu v3 for 4.19", "testdata/xdp.ll", Options{CPU: "v3", Kernel: verify.Kernel{Major: 4, Minor: 19}},
			"cpu v3 writes instructions Linux 5.1 brought, which kernel 4.19 predates: use cpu v2, or leave the cpu out"},
		{"cpu v4 for 6.5", "testdata/xdp.ll", Options{CPU: "v4", Kernel: verify.Kernel{Major: 6, Minor: 5}}, "use cpu v2"},
		{"cpu v2 for 4.13", "testdata/xdp.ll", Options{CPU: "v2", Kernel: verify.Kernel{Major: 4, Minor: 13}}, "use cpu v1"},
		{"passes", "testdata/xdp.ll", Options{Passes: "nonesuch"}, `unknown pass "nonesuch"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "missing input" {
				needLLVM(t)
			}
			_, err := Compile(context.Background(), tt.in, out, tt.opts)
			if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want a usage error naming %s", err, tt.want)
			}
		})
	}
}

// TestCompileCancelled cancels the run as its rewrite step ends, as Ctrl-C
// would: opt is not run to the end, nothing is written, and the temporary
// directory is gone.
func TestCompileCancelled(t *testing.T) {
	needLLVM(t)
	tmp := privateTempDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := filepath.Join(t.TempDir(), "xdp.o")
	res, err := Compile(ctx, "testdata/xdp.ll", out, ready(Options{Progress: func(e Event) {
		if e.Step == StepRewrite {
			cancel()
		}
	}}))
	if !errors.Is(err, context.Canceled) || err.Error() != "context canceled" {
		t.Errorf("err = %v, want interrupted", err)
	}
	if b := res.Bins[0]; b.OK || len(b.Steps) != 3 || b.Steps[2].Step != StepOpt {
		t.Errorf("bin %+v, want it stopped at opt", b)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an object was written")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// privateTempDir points $TMPDIR at a directory of the test's own, so that
// it can see what a run leaves behind.
func privateTempDir(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	return dir
}

// TestCompileNoJumpTable compiles a 24-case switch for -mcpu v4 with LLVM
// 22, whose llc would write a jump table no loader here can place: the
// object must come out with compare-and-branch code instead, and load.
func TestCompileNoJumpTable(t *testing.T) {
	testenv.LookPath(t, "opt-22")
	testenv.LookPath(t, "llc-22")
	opts := Options{Passes: "none", Opt: "opt-22", Llc: "llc-22", CPU: "v4", Load: os.Geteuid() == 0}
	res, err := Compile(context.Background(), "testdata/switch.ll", filepath.Join(t.TempDir(), "switch.o"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if b := res.Bins[0]; len(b.Verify.Problems) != 0 || b.Load != nil && !b.Load.OK() {
		t.Errorf("verify %+v, load %+v", b.Verify, b.Load)
	}
}
