package vm_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
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

// TestRunBootsAgainAfterAPanic boots a stand-in for qemu whose kernel
// panics before init on its first boot: Run boots once more and gets the
// result; a kernel that panics every time is an error saying so.
func TestRunBootsAgainAfterAPanic(t *testing.T) {
	dir := t.TempDir()
	image := filepath.Join(dir, "vmlinuz")
	if err := os.WriteFile(image, []byte("kernel"), 0o644); err != nil {
		t.Fatal(err)
	}
	qemu := func(script string) string {
		path := filepath.Join(dir, "qemu-"+strconv.Itoa(len(script)))
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	count := filepath.Join(dir, "boots")
	once := qemu(`echo x >> '` + count + `'
if [ "$(wc -l < '` + count + `')" -eq 1 ]; then
	echo '[    0.388421] Kernel panic - not syncing: Attempted to kill the idle task!'
	exit 0
fi
printf '%s\n' '--- oxbpf guest result ---' '{"release":"6.12.0","suites":[]}' '--- oxbpf guest end ---'
`)
	res, err := vm.Run(context.Background(), image, vm.Request{}, vm.Options{Qemu: once, Accel: "tcg"})
	if err != nil || res.Release != "6.12.0" {
		t.Fatalf("result %+v, err %v; want 6.12.0 from the second boot", res, err)
	}
	always := qemu(`echo '[    0.1] Kernel panic - not syncing: VFS: Unable to mount root fs'`)
	if _, err := vm.Run(context.Background(), image, vm.Request{}, vm.Options{Qemu: always, Accel: "tcg"}); !errors.Is(err, vm.ErrBoot) || !strings.Contains(err.Error(), "Kernel panic") {
		t.Errorf("err = %v, want ErrBoot naming the panic", err)
	}
}
