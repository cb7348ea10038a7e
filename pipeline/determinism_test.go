package pipeline

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestReproducible builds two copies of a crate with a path dependency
// (raw and bpf-support), at paths of different lengths, one with a space,
// the second with a sysroot that has rust-src (whose files rustc then
// names by their real path): every object must be the same, byte for
// byte, and no object may name a directory of the machine: the checkouts,
// the sysroot, the home directory, /tmp.
func TestReproducible(t *testing.T) {
	needE2E(t)
	roots := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "second checkout", "deeper")}
	sysroot := sysrootWithRustSrc(t, filepath.Join(roots[1], "sysroot"))
	var outs []string
	for i, root := range roots {
		if err := os.MkdirAll(root, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, crate := range []string{"raw", "bpf-support"} {
			if out, err := exec.Command("cp", "-r", filepath.Join(probes, crate), root).CombinedOutput(); err != nil {
				t.Fatalf("cp: %v\n%s", err, out)
			}
		}
		os.RemoveAll(filepath.Join(root, "raw", "target"))
		out := filepath.Join(root, "out")
		opts := Options{Dir: filepath.Join(root, "raw"), OutDir: out}
		if i == 1 {
			opts.RustcFlags = []string{"--sysroot", sysroot}
		}
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatalf("%s: %v", root, err)
		}
		outs = append(outs, out)
	}
	home, _ := os.UserHomeDir()
	forbidden := [][]byte{[]byte(os.TempDir()), []byte(roots[0]), []byte(roots[1]), []byte("/tmp/"), []byte("rustlib")}
	if home != "" && home != "/" {
		forbidden = append(forbidden, []byte(home))
	}
	objs := testenv.Glob(t, filepath.Join(outs[0], "*.o"))
	for _, a := range objs {
		x, err1 := os.ReadFile(a)
		y, err2 := os.ReadFile(filepath.Join(outs[1], filepath.Base(a)))
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between the checkouts (%v, %v)", filepath.Base(a), err1, err2)
		}
		for i, obj := range [][]byte{x, y} {
			for _, f := range forbidden {
				if bytes.Contains(obj, f) {
					t.Errorf("%s of checkout %d holds %q", filepath.Base(a), i+1, f)
				}
			}
		}
	}
}

// sysrootWithRustSrc makes at dir a sysroot that is rustc's own with the
// rust-src component added: the target libraries linked in, and the file
// rustc looks for to decide that the standard library's sources are there.
func sysrootWithRustSrc(t *testing.T, dir string) string {
	t.Helper()
	out, err := exec.Command("rustc", "--print", "target-libdir").Output()
	if err != nil {
		t.Fatalf("rustc --print target-libdir: %v", err)
	}
	libdir := filepath.Dir(strings.TrimSpace(string(out))) // <sysroot>/lib/rustlib/<host>
	rustlib := filepath.Join(dir, "lib", "rustlib")
	testenv.WriteFile(t, filepath.Join(rustlib, "src", "rust", "library", "std", "src", "lib.rs"), "", 0o644)
	if err := os.Symlink(libdir, filepath.Join(rustlib, filepath.Base(libdir))); err != nil {
		t.Fatal(err)
	}
	return dir
}
