package pipeline

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"github.com/cilium/ebpf/link"
	"github.com/oxbpf/oxbpf/internal/kernelcache"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/testrun"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
	"golang.org/x/sys/unix"
)

// TestCOREFieldsMatch compiles the core pass's tests of every path shape
// and of bitfields (rewrite/testdata/core) with each LLVM oxbpf supports
// and reads back the CO-RE relocations llc wrote into .BTF.ext: each
// names the field the path meant, whichever LLVM wrote it.
func TestCOREFieldsMatch(t *testing.T) {
	wants := map[string][]string{
		"paths.ll": {
			"byte_off task.inner.b", "byte_off task.comm[3]", "byte_off task.un.y", "byte_off task.arr[2].b",
			"byte_off task.x", // __anon_1.x: the anonymous member has no name
			"byte_off task.parent", "byte_off pair.__1", "byte_off task.inner.a",
			"field_exists task.comm", "byte_sz task.pid", "type_exists task", "type_size pair",
			"enumval_value bpf_func_id.BPF_FUNC_loop", "enumval_exists bpf_func_id.BPF_FUNC_map_lookup_elem", "enumval_value prio.LOW",
		},
		"bitfields.ll": {
			"byte_off bits.low", "byte_sz bits.low", "lshift_u64 bits.low", "rshift_u64 bits.low",
			"byte_off bits.mid", "lshift_u64 bits.mid", "rshift_u64 bits.mid", "signed bits.mid",
		},
	}
	for _, llvm := range []string{"15", "16", "19", "22"} {
		t.Run("llvm-"+llvm, func(t *testing.T) {
			opts := Options{Opt: testenv.LookPath(t, "opt-"+llvm), Llc: testenv.LookPath(t, "llc-"+llvm)}
			for file, want := range wants {
				res, err := Compile(context.Background(), filepath.Join("../rewrite/testdata/core", file), filepath.Join(t.TempDir(), "core.o"), opts)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				var got []string
				for _, r := range res.Bins[0].Verify.CORE {
					got = append(got, r.Kind+" "+r.What())
				}
				slices.Sort(got)
				want = slices.Sorted(slices.Values(want))
				if !slices.Equal(got, want) {
					t.Errorf("%s: relocations\n%s\nwant\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

// TestCORE builds fixtures/probes/core, whose task_ids reads the current
// task's pid, tgid, real_parent->tgid, comm, state, in_execve and
// bpf_loop's number from task_struct and enum bpf_func_id as generated on
// one kernel, and whose new_task reads a new task directly in a tp_btf
// program, twice: with CO-RE, and with --core=false (fixed offsets).
//
// With CO-RE, what they read must be what the kernel's own interfaces
// say: on this machine's kernel test-run on a locked thread (gettid,
// getpid, getppid, /proc/thread-self/comm) and attached (a child's pid
// and this process's); under qemu on 5.10, 6.1 and 6.12 test-run as init
// (1 and 0) and attached while init starts a process. The state must be
// found in __state from 5.14 on and in state before, bpf_loop from 5.17
// on. With fixed offsets the reads must go wrong on at least one kernel.
func TestCORE(t *testing.T) {
	needE2E(t)
	testenv.Root(t)
	qemu, images := testenv.Kernels(t)
	target := t.TempDir()
	objects := map[string]map[string]string{} // relocated or fixed → bin → object
	for name, fixed := range map[string]bool{"relocated": false, "fixed": true} {
		res, err := Build(context.Background(), Options{Dir: filepath.Join(probes, "core"), OutDir: filepath.Join(t.TempDir(), name), TargetDir: target, NoCORE: fixed})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		objects[name] = map[string]string{}
		for _, b := range res.Bins {
			if n := len(b.Verify.CORE); fixed != (n == 0) {
				t.Errorf("%s %s: %d CO-RE relocations", name, b.Bin, n)
			}
			objects[name][b.Bin] = b.Object
		}
	}

	wrong := map[string][]string{} // object → the kernels it read wrong values on
	host := verify.RunningKernel()
	for name, objs := range objects {
		diffs := checkHostRun(t, objs["task_ids"], host)
		if d := checkNewTask(t, objs["new_task"]); d != "" {
			diffs = append(diffs, d)
		}
		if len(diffs) > 0 {
			wrong[name] = append(wrong[name], fmt.Sprintf("this machine's %v: %s", host, strings.Join(diffs, "; ")))
		}
	}
	req := vm.Request{Suites: []vm.Suite{
		{Name: "relocated", Objects: objects["relocated"], Cases: "testdata/core", Attach: true},
		{Name: "fixed", Objects: objects["fixed"], Cases: "testdata/core"},
	}}
	for _, line := range kernelcache.Lines {
		res, err := vm.Run(context.Background(), images[line], req, vm.Options{Qemu: qemu})
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if res.Error != "" {
			t.Fatalf("%s: the guest: %s", line, res.Error)
		}
		renamed := !res.Kernel.Before(verify.Kernel{Major: 5, Minor: 14})
		hasLoop := !res.Kernel.Before(verify.Kernel{Major: 5, Minor: 17})
		for _, s := range res.Suites {
			for _, l := range s.Loads {
				if l.Error != "" || !l.Report.OK() {
					// The verifier checks direct reads against the
					// kernel's BTF: it refuses those at another kernel's
					// offsets.
					wrong[s.Name] = append(wrong[s.Name], fmt.Sprintf("Linux %s: %s refused: %v", res.Release, l.Object, rejections(l)))
				} else if s.Name == "relocated" {
					t.Logf("Linux %s: %s: %s", res.Release, l.Object, fixups(l.Report))
				}
			}
			passed := map[string]bool{}
			for _, r := range s.Tests.Results {
				passed[r.Case] = r.Status == testrun.Pass
				if r.Case == "ids" && r.Status != testrun.Pass {
					wrong[s.Name] = append(wrong[s.Name], fmt.Sprintf("Linux %s: %s %v", res.Release, r.Reason, r.Diffs))
				}
			}
			if s.Name == "relocated" && (passed["state in __state"] != renamed || passed["state in state"] == renamed) {
				t.Errorf("Linux %s: the state was not found where that kernel has it: %+v", res.Release, s.Tests.Results)
			}
			if s.Name == "relocated" && passed["bpf_loop"] != hasLoop {
				t.Errorf("Linux %s: bpf_loop's number is not as that kernel has it: %+v", res.Release, s.Tests.Results)
			}
			if s.Name == "relocated" {
				if d := checkAttached(s.Attached); d != "" {
					wrong[s.Name] = append(wrong[s.Name], fmt.Sprintf("Linux %s attached: %s", res.Release, d))
				} else {
					t.Logf("Linux %s: attached, new_task saw process %d made by process 1", res.Release, s.Attached.Child)
				}
			}
		}
	}
	if w := wrong["relocated"]; len(w) > 0 {
		t.Errorf("with CO-RE, wrong values:\n%s", strings.Join(w, "\n"))
	}
	if len(wrong["fixed"]) == 0 {
		t.Error("with fixed offsets, right values on every kernel: the test cannot tell CO-RE from none")
	}
	t.Logf("fixed offsets read wrong values on:\n%s", strings.Join(wrong["fixed"], "\n"))
}

// checkHostRun test-runs the object's task_ids on a locked thread of this
// process and returns what it read that the kernel's interfaces
// contradict.
func checkHostRun(t *testing.T, obj string, k verify.Kernel) []string {
	t.Helper()
	coll := loadCollection(t, obj)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	tid := unix.Gettid()
	ret, err := coll.Programs["task_ids"].Run(&ebpf.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got [9]uint64
	for i := range got {
		if err := coll.Maps["TASK"].Lookup(uint32(i), &got[i]); err != nil {
			t.Fatal(err)
		}
	}
	comm, err := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/comm", tid))
	if err != nil {
		t.Fatal(err)
	}
	var first [8]byte
	copy(first[:], bytes.TrimSuffix(comm, []byte("\n")))
	stateField, loop := uint64(1), uint64(181)
	if k.Before(verify.Kernel{Major: 5, Minor: 14}) {
		stateField = 2
	}
	if k.Before(verify.Kernel{Major: 5, Minor: 17}) {
		loop = 0
	}
	want := [9]uint64{uint64(tid), uint64(os.Getpid()), uint64(os.Getppid()), binary.LittleEndian.Uint64(first[:]), stateField, 0, 0, loop, 0}
	var diffs []string
	if ret != 15 {
		diffs = append(diffs, fmt.Sprintf("returned %d, not 15", ret))
	}
	for i, what := range []string{"pid", "tgid", "real_parent->tgid", "comm", "the state's field", "the state", "no_such_type exists", "bpf_loop's number", "in_execve"} {
		if got[i] != want[i] {
			diffs = append(diffs, fmt.Sprintf("%s %#x, want %#x", what, got[i], want[i]))
		}
	}
	return diffs
}

// checkAttached checks what the programs saw attached in a guest, where
// init started a process: new_task saw the child made by init (process
// 1), and task_ids, which runs on every syscall, last ran in init, whose
// parent is 0 and which is in no execve.
func checkAttached(a *vm.AttachResult) string {
	if a == nil || a.Error != "" {
		return fmt.Sprintf("did not run: %+v", a)
	}
	got := map[string]string{}
	for _, m := range a.Maps {
		for _, e := range m.Entries {
			got[fmt.Sprintf("%s[%v]", m.Map, e.Key)] = fmt.Sprint(e.Value)
		}
	}
	var diffs []string
	for k, v := range map[string]string{
		fmt.Sprintf("PARENTS[%d]", a.Child): "1",
		"TASK[1]":                           "1", "TASK[2]": "0", "TASK[6]": "0", "TASK[8]": "0",
	} {
		if _, ok := got[k]; !ok && strings.HasPrefix(k, "TASK") {
			got[k] = "0" // an array's dump leaves out the zeros
		}
		if got[k] != v {
			diffs = append(diffs, fmt.Sprintf("%s = %q, want %q", k, got[k], v))
		}
	}
	if len(diffs) > 0 {
		return fmt.Sprintf("%s (programs %v)", strings.Join(diffs, "; "), a.Programs)
	}
	return ""
}

// checkNewTask loads the new_task object and attaches its tp_btf
// program, which reads a new task's pid and real_parent->tgid directly,
// and starts a process: it must have seen the child's pid and this
// process's.
func checkNewTask(t *testing.T, obj string) string {
	t.Helper()
	coll, err := ebpf.LoadCollection(obj)
	if err != nil {
		return fmt.Sprintf("%s refused: %v", filepath.Base(obj), err)
	}
	defer coll.Close()
	l, err := link.AttachTracing(link.TracingOptions{Program: coll.Programs["new_task"]})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	child := exec.Command("true")
	if out, err := child.CombinedOutput(); err != nil {
		t.Fatalf("true: %v\n%s", err, out)
	}
	var parent uint32
	if err := coll.Maps["PARENTS"].Lookup(uint32(child.Process.Pid), &parent); err != nil {
		return fmt.Sprintf("tp_btf saw no task %d: %v", child.Process.Pid, err)
	}
	if parent != uint32(os.Getpid()) {
		return fmt.Sprintf("tp_btf: task %d's parent %d, want %d", child.Process.Pid, parent, os.Getpid())
	}
	return ""
}

// fixups says where a kernel's BTF put the fields the object reads, and
// the values it gave its enumerators.
func fixups(r *verify.LoadReport) string {
	var parts []string
	for _, f := range r.CORE {
		if (f.Kind == "byte_off" || f.Kind == "enumval_value") && !f.Missing {
			parts = append(parts, fmt.Sprintf("%s at %d", f.What(), f.Target))
		}
	}
	return strings.Join(parts, ", ")
}

// TestCOREKernelBTF loads the core fixture with --kernel-btf: a BTF file
// whose task_struct has its fields elsewhere than any kernel's, as a
// BTFHub file for another kernel would, here and in 6.1 under qemu. The
// relocations follow the file.
func TestCOREKernelBTF(t *testing.T) {
	needE2E(t)
	testenv.Root(t)
	i32 := &btf.Int{Name: "int", Size: 4, Encoding: btf.Signed}
	u32 := &btf.Int{Name: "unsigned int", Size: 4}
	char := &btf.Int{Name: "char", Size: 1, Encoding: btf.Char}
	task := &btf.Struct{Name: "task_struct", Size: 256}
	task.Members = []btf.Member{
		{Name: "__state", Type: u32, Offset: 0},
		{Name: "real_parent", Type: &btf.Pointer{Target: task}, Offset: 64 * 8},
		{Name: "pid", Type: i32, Offset: 96 * 8},
		{Name: "tgid", Type: i32, Offset: 100 * 8},
		{Name: "comm", Type: &btf.Array{Type: char, Index: u32, Nelems: 16}, Offset: 128 * 8},
		{Name: "in_execve", Type: u32, Offset: 200*8 + 3, BitfieldSize: 1},
	}
	funcs := &btf.Enum{Name: "bpf_func_id", Size: 4, Values: []btf.EnumValue{{Name: "BPF_FUNC_loop", Value: 99}}}
	b, err := btf.NewBuilder([]btf.Type{task, funcs}, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := b.Marshal(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "other kernel.btf")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Dir: filepath.Join(probes, "core"), Bins: []string{"task_ids"}, OutDir: t.TempDir(), TargetDir: t.TempDir(), Load: true, KernelBTF: file})
	if err != nil {
		t.Fatal(err)
	}
	checkFileFixups(t, "here", res.Bins[0].Load.CORE)
	// And in a kernel under qemu, which gets the file in its initramfs.
	qemu, images := testenv.Kernels(t)
	vr, err := vm.Run(context.Background(), images["6.1"], vm.Request{Suites: []vm.Suite{{Name: "core", Objects: map[string]string{"task_ids": res.Bins[0].Object}}}},
		vm.Options{Qemu: qemu, KernelBTF: file})
	if err != nil || vr.Error != "" || len(vr.Suites) != 1 || vr.Suites[0].Loads[0].Report == nil {
		t.Fatalf("6.1: %v %+v", err, vr)
	}
	checkFileFixups(t, "in 6.1", vr.Suites[0].Loads[0].Report.CORE)
}

// checkFileFixups checks that the relocations followed TestCOREKernelBTF's
// file.
func checkFileFixups(t *testing.T, where string, fixups []verify.COREFixup) {
	t.Helper()
	got := map[string]uint64{}
	for _, f := range fixups {
		if !f.Missing {
			got[f.Kind+" "+f.What()] = f.Target
		}
	}
	for what, at := range map[string]uint64{
		"byte_off task_struct.pid": 96, "byte_off task_struct.real_parent": 64, "byte_off task_struct.comm": 128,
		"byte_off task_struct.__state": 0, "enumval_value bpf_func_id.BPF_FUNC_loop": 99,
		"byte_off task_struct.in_execve": 200, "lshift_u64 task_struct.in_execve": 60, "rshift_u64 task_struct.in_execve": 63,
	} {
		if v, ok := got[what]; !ok || v != at {
			t.Errorf("%s: %s: %d (found %v), want %d", where, what, v, ok, at)
		}
	}
}
