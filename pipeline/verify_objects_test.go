package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestVerifyObjects checks several objects in one run: each is a bin named
// after its file, two files of one name get distinct names, and a bad
// object fails the run with its path in front while the others pass.
func TestVerifyObjects(t *testing.T) {
	a := testenv.CopyFile(t, "../verify/testdata/xdp_maps.o", filepath.Join(t.TempDir(), "probe.o"), 0o644)
	b := testenv.CopyFile(t, "../verify/testdata/xdp_maps.o", filepath.Join(t.TempDir(), "probe.o"), 0o644)
	bad := testenv.CopyFile(t, "../verify/testdata/noprog.o", filepath.Join(t.TempDir(), "noprog.o"), 0o644)
	res, err := VerifyObjects(context.Background(), []string{a, b, bad}, Options{})
	if !errors.Is(err, ErrProgram) || !strings.HasPrefix(err.Error(), bad+": verify: no programs") {
		t.Fatalf("err = %v, want the bad object's problem after its path", err)
	}
	var names []string
	for _, bin := range res.Bins {
		names = append(names, bin.Bin)
		if bin.OK != (bin.Object != bad) {
			t.Errorf("%s (%s): ok %v", bin.Bin, bin.Object, bin.OK)
		}
	}
	if strings.Join(names, " ") != "probe probe-2 noprog" {
		t.Errorf("bins %v, want probe probe-2 noprog", names)
	}
	if _, err := VerifyObjects(context.Background(), []string{a, filepath.Join(t.TempDir(), "none.o")}, Options{}); !errors.Is(err, ErrUsage) {
		t.Errorf("a missing object: err = %v, want a usage error", err)
	}
}
