package vm_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/controls"
	"github.com/oxbpf/oxbpf/internal/kernelcache"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// TestRun boots every cached kernel with a few control objects whose
// verdicts differ between them: helper 160 came with 5.11, atomic
// fetch-and-add with 5.12, the ring buffer with 5.8, v4 instructions with
// 6.6. What each kernel says must be what the --kernel checks say of it.
// The full matrix (every control, every fixture) is pipeline's
// TestKernelMatrix.
func TestRun(t *testing.T) {
	qemu, images := testenv.Kernels(t)
	all, err := controls.Read("../verify/testdata/kernel")
	if err != nil {
		t.Fatal(err)
	}
	picked := map[string]controls.Control{}
	for _, c := range all {
		for _, name := range []string{"helper-160-", "helper-001-", "insn-atomic_fetch_add", "map-ringbuf", "insn-sdiv"} {
			if strings.HasPrefix(c.Name, name) {
				picked[c.Name] = c
			}
		}
	}
	if len(picked) != 5 {
		t.Fatalf("picked %d controls: %v", len(picked), picked)
	}
	suite := vm.Suite{Name: "controls", Objects: map[string]string{}}
	for name, c := range picked {
		suite.Objects[name] = c.Path
	}
	// An object with CO-RE relocations: each kernel's BTF gives
	// task_struct.pid its own offset.
	core := vm.Suite{Name: "core", Objects: map[string]string{"core": "../verify/testdata/core.o"}}
	pidOffsets := map[uint64]string{}
	for _, line := range kernelcache.Lines {
		t.Run(line, func(t *testing.T) {
			res, err := vm.Run(context.Background(), images[line], vm.Request{Suites: []vm.Suite{suite, core}}, vm.Options{Qemu: qemu})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %s booted and loaded %d objects in %v (%s)", line, res.Release, len(picked), res.Boot, res.Accel)
			if want, _ := verify.ParseKernel(line); res.Kernel != want {
				t.Errorf("the guest says it runs %v (%s)", res.Kernel, res.Release)
			}
			if len(res.Suites) != 2 || len(res.Suites[0].Loads) != len(picked) || len(res.Suites[1].Loads) != 1 {
				t.Fatalf("result has %+v", res.Suites)
			}
			coreLoad := res.Suites[1].Loads[0].Report
			if coreLoad == nil || !coreLoad.OK() || coreLoad.COREError != "" {
				t.Fatalf("core.o: %+v", coreLoad)
			}
			for _, f := range coreLoad.CORE {
				if f.What() == "task_struct.pid" {
					if f.Missing || f.Target == 0 || pidOffsets[f.Target] != "" {
						t.Errorf("task_struct.pid at %d, as on %s: %+v", f.Target, pidOffsets[f.Target], f)
					}
					pidOffsets[f.Target] = line
					t.Logf("Linux %s: task_struct.pid at byte %d", res.Release, f.Target)
				}
				if f.Field == "oxbpf_no_such_field" && !f.Missing {
					t.Errorf("%s found: %+v", f.What(), f)
				}
			}
			for _, l := range res.Suites[0].Loads {
				var lerr error
				if l.Error != "" {
					lerr = errors.New(l.Error)
				}
				ok, what, err := picked[l.Object].Agrees(res.Kernel, l.Report, lerr)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					t.Errorf("%s: %s", l.Object, what)
				}
			}
		})
	}
}

// TestRunWithoutQemu: a missing qemu is ErrNoQemu, whose message says
// what to install.
func TestRunWithoutQemu(t *testing.T) {
	t.Setenv("OXBPF_QEMU", filepath.Join(t.TempDir(), "qemu-system-x86_64"))
	_, err := vm.Run(context.Background(), "vmlinuz", vm.Request{}, vm.Options{})
	if !errors.Is(err, vm.ErrNoQemu) || !strings.Contains(err.Error(), "apt-get install qemu-system-x86") {
		t.Fatalf("err = %v, want ErrNoQemu with an install hint", err)
	}
}
