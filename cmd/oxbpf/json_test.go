package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// machineKeys hold values that depend on the machine or the run: times,
// paths, tool versions. normalize replaces them so that a golden file
// checks the shape and the rest of the values.
var machineKeys = map[string]bool{
	"start": true, "seconds": true, "path": true, "version": true, "origin": true,
	"ir": true, "object": true, "temps": true, "out_dir": true, "temp_dir": true,
	"manifest_path": true,
}

func normalize(t *testing.T, out string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if machineKeys[k] {
					v[k] = "<" + k + ">"
				} else {
					v[k] = walk(x)
				}
			}
		case []any:
			for i, x := range v {
				v[i] = walk(x)
			}
		}
		return v
	}
	var b strings.Builder
	if err := writeJSON(&b, walk(v)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestVerifyJSON(t *testing.T) {
	out, errOut, code := run(t, "", "verify", "--json", "--kernel", "5.2", "../../verify/testdata/xdp_maps.o")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden(t, "verify.json.golden", normalize(t, out))

	out, _, code = run(t, "", "verify", "--json", "--kernel", "4.15", "../../verify/testdata/loop.o")
	if code != 1 {
		t.Errorf("a loop for 4.15: exit %d, want 1", code)
	}
	golden(t, "verify-loop.json.golden", normalize(t, out))
}

func TestCompileJSON(t *testing.T) {
	testenv.LookPath(t, "opt-19")
	testenv.LookPath(t, "llc-19")
	dst := filepath.Join(t.TempDir(), "xdp.o")
	out, errOut, code := run(t, "", "compile", "--json", "--passes", "none", "--opt", "opt-19", "--llc", "llc-19",
		"../../pipeline/testdata/xdp.ll", "-o", dst, "--keep-temps")
	var kept struct {
		TempDir string `json:"temp_dir"`
	}
	if err := json.Unmarshal([]byte(out), &kept); err == nil && kept.TempDir != "" {
		t.Cleanup(func() { os.RemoveAll(kept.TempDir) })
	}
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden(t, "compile.json.golden", normalize(t, out))
	// Keys stay in the documented order, not sorted.
	if i, j := strings.Index(out, `"bin"`), strings.Index(out, `"ok"`); i < 0 || j < i {
		t.Errorf("keys out of order:\n%s", out)
	}
}

func TestDoctor(t *testing.T) {
	testenv.LookPath(t, "opt-19")
	testenv.LookPath(t, "llc-19")
	out, errOut, code := run(t, "", "doctor")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"rustc (* used by cargo)", "cargo", "opt and llc, in search order", "chosen: LLVM ", "BPF loading (", "other kernels (--vm): "} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "", "doctor", "--json")
	var rep struct {
		Rustc     []map[string]any `json:"rustc"`
		Cargo     []map[string]any `json:"cargo"`
		LLVMTools []map[string]any `json:"llvm_tools"`
		Chosen    *struct {
			Major int `json:"major"`
		} `json:"chosen"`
		Reason string         `json:"reason"`
		BPF    map[string]any `json:"bpf"`
		VMs    struct {
			Qemu      string            `json:"qemu"`
			QemuError string            `json:"qemu_error"`
			KernelDir string            `json:"kernel_dir"`
			Kernels   map[string]string `json:"kernels"`
		} `json:"vms"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if rep.Chosen == nil || rep.Chosen.Major < 15 || rep.Reason == "" || len(rep.LLVMTools) < 2 || rep.BPF["can_load"] == nil || rep.VMs.KernelDir == "" || (rep.VMs.Qemu == "") == (rep.VMs.QemuError == "") {
		t.Errorf("doctor --json:\n%s", out)
	}
	// Without qemu, doctor says what to install, and still exits 0.
	t.Setenv("OXBPF_QEMU", "/nonexistent/qemu")
	if out, _, code := run(t, "", "doctor"); code != 0 || !strings.Contains(out, "other kernels (--vm): qemu-system-x86_64 not found: install qemu-system-x86") {
		t.Errorf("doctor without qemu: exit %d\n%s", code, out)
	}
	// A missing explicit tool is a toolchain failure, and doctor says so.
	_, errOut, code = run(t, "", "doctor", "--opt", "/nonexistent/opt")
	if code != 3 || !strings.Contains(errOut, "/nonexistent/opt") {
		t.Errorf("doctor --opt /nonexistent/opt: exit %d, stderr %q", code, errOut)
	}
}
