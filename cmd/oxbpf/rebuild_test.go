package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestRebuild: oxbpf is rustc's linker and writes a stub for the bin, so
// cargo's fingerprint holds. A second build with nothing changed runs no
// rustc (the IR is not rewritten) and writes the same object; a changed
// source, a changed flag and a deleted IR each run rustc again.
func TestRebuild(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	bin := oxbpfBinary(t)
	dir := filepath.Join(t.TempDir(), "re build") // a path with a space
	if out, err := exec.Command(bin, "new", "--type", "xdp", "--name", "rebuilt", dir).CombinedOutput(); err != nil {
		t.Fatalf("oxbpf new: %v\n%s", err, out)
	}
	target, out := t.TempDir(), t.TempDir()
	ir := filepath.Join(target, "release", "oxbpf", "rebuilt.ll")
	object := filepath.Join(out, "rebuilt.o")
	build := func(args ...string) []byte {
		t.Helper()
		stderr, code := runBinary(t, bin, false, []string{"CARGO_NET_OFFLINE=true"}, append([]string{"build", dir, "--target-dir", target, "--out", out}, args...)...)
		if code != 0 {
			t.Fatalf("build %v: exit %d\n%s", args, code, stderr)
		}
		b, err := os.ReadFile(object)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	modTime := func() time.Time {
		t.Helper()
		fi, err := os.Stat(ir)
		if err != nil {
			t.Fatal(err)
		}
		return fi.ModTime()
	}
	first := build()
	stub, err := os.ReadFile(filepath.Join(target, "release", "rebuilt"))
	if err != nil || !bytes.Contains(stub, []byte("is no program")) {
		t.Fatalf("no stub for the bin: %q, %v", stub, err)
	}
	written := modTime()
	if again := build(); !bytes.Equal(again, first) || !modTime().Equal(written) {
		t.Errorf("nothing changed: rustc ran again (IR written %v, then %v) or the object changed", written, modTime())
	}
	if err := os.Remove(ir); err != nil {
		t.Fatal(err)
	}
	if again := build(); !bytes.Equal(again, first) {
		t.Error("IR deleted: the object differs")
	}
	written = modTime()
	if build("--kernel", "5.10"); modTime().Equal(written) {
		t.Error("--kernel changed the cfgs, but rustc did not run")
	}
	main := filepath.Join(dir, "src", "main.rs")
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, main, strings.Replace(string(src), "XDP_PASS", "XDP_DROP", 1), 0o644)
	if changed := build("--kernel", "5.10"); bytes.Equal(changed, first) {
		t.Error("the source changed, but the object did not")
	}
}
