package pipeline

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestReproducible builds two copies of a crate with a path dependency
// (net and bpf-support), at paths of different lengths, one with a space:
// every object must be the same, byte for byte, and no object may name a
// directory of the machine: the checkouts, the home directory, /tmp.
func TestReproducible(t *testing.T) {
	needE2E(t)
	roots := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "second checkout", "deeper")}
	var outs []string
	for _, root := range roots {
		if err := os.MkdirAll(root, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, crate := range []string{"net", "bpf-support"} {
			if out, err := exec.Command("cp", "-r", filepath.Join(probes, crate), root).CombinedOutput(); err != nil {
				t.Fatalf("cp: %v\n%s", err, out)
			}
		}
		os.RemoveAll(filepath.Join(root, "net", "target"))
		out := filepath.Join(root, "out")
		if _, err := Build(context.Background(), Options{Dir: filepath.Join(root, "net"), OutDir: out}); err != nil {
			t.Fatalf("%s: %v", root, err)
		}
		outs = append(outs, out)
	}
	home, _ := os.UserHomeDir()
	forbidden := [][]byte{[]byte(os.TempDir()), []byte(roots[0]), []byte(roots[1]), []byte("/tmp/")}
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
		for _, f := range forbidden {
			if bytes.Contains(x, f) {
				t.Errorf("%s holds %q", filepath.Base(a), f)
			}
		}
	}
}
