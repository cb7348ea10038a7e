package verify

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestTestdataUpToDate rebuilds the committed objects with the pinned
// compiler and wants the same bytes, so that the .c files and the .o files
// the other tests read cannot drift apart.
func TestTestdataUpToDate(t *testing.T) {
	testenv.Long(t, "rebuilds every test object with clang")
	makeBin := testenv.LookPath(t, "make")
	testenv.LookPath(t, "clang-19")
	testenv.LookPath(t, "llvm-strip-19")
	testenv.LookPath(t, "llvm-objcopy-19")
	testenv.LookPath(t, "llc-22")

	for _, dir := range []string{"testdata", "testdata/kernel"} {
		t.Run(dir, func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.CommandContext(context.Background(), makeBin, "-s", "-B", "OUT="+out)
			cmd.Dir = dir
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("make in %s: %v\n%s", dir, err, b)
			}
			built, err := filepath.Glob(filepath.Join(out, "*.o"))
			if err != nil || len(built) == 0 {
				t.Fatalf("make built nothing: %v", err)
			}
			committed, _ := filepath.Glob(filepath.Join(dir, "*.o"))
			if len(committed) != len(built) {
				t.Errorf("%s holds %d objects, make builds %d", dir, len(committed), len(built))
			}
			for _, path := range built {
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Join(dir, filepath.Base(path))
				got, err := os.ReadFile(name)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s differs from a fresh build (%v): run make -C verify/%s", name, err, dir)
				}
			}
		})
	}
}
