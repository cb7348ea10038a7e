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
// rustc (the IR is not rewritten), finds its tools and the object in the
// caches and writes the same object; --no-cache uses neither cache; a
// changed flag, a tool changed in place, a changed source and a deleted
// IR each miss what they must.
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
	// The caches of discovery and objects are this test's own.
	env := []string{"CARGO_NET_OFFLINE=true", "OXBPF_CACHE=" + t.TempDir()}
	var stderr string
	build := func(args ...string) []byte {
		t.Helper()
		var code int
		stderr, code = runBinary(t, bin, false, env, append([]string{"build", dir, "--target-dir", target, "--out", out}, args...)...)
		if code != 0 {
			t.Fatalf("build %v: exit %d\n%s", args, code, stderr)
		}
		b, err := os.ReadFile(object)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// cached reports whether discovery and the object came from the caches.
	cached := func() (discovery, object bool) {
		return strings.Contains(stderr, "(cached)"), strings.Contains(stderr, " cached ")
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
	if d, o := cached(); d || o {
		t.Errorf("a first build found discovery cached %v, object cached %v", d, o)
	}
	if again := build(); !bytes.Equal(again, first) || !modTime().Equal(written) {
		t.Errorf("nothing changed: rustc ran again (IR written %v, then %v) or the object changed", written, modTime())
	}
	if d, o := cached(); !d || !o {
		t.Errorf("nothing changed: discovery cached %v, object cached %v\n%s", d, o, stderr)
	}
	if build("--no-cache"); strings.Contains(stderr, "cached") {
		t.Errorf("--no-cache used a cache:\n%s", stderr)
	}
	if build("--mcpu", "v3"); func() bool { _, o := cached(); return o }() {
		t.Errorf("--mcpu v3: the object of v2 came from the cache:\n%s", stderr)
	}
	// An opt changed in place: a wrapper of opt-19 at a fixed path, touched.
	optPath := testenv.WriteScript(t, filepath.Join(t.TempDir(), "opt"), "exec opt-19 \"$@\"\n")
	tools := []string{"--opt", optPath, "--llc", "llc-19"}
	build(tools...)
	if build(tools...); func() bool { d, o := cached(); return !d || !o }() {
		t.Errorf("the same tools again: not cached:\n%s", stderr)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(optPath, later, later); err != nil {
		t.Fatal(err)
	}
	if build(tools...); func() bool { d, o := cached(); return d || o }() {
		t.Errorf("opt changed, but the caches held:\n%s", stderr)
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
