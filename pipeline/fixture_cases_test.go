package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestFixtureCases runs every fixture's test cases (tests/*.toml) with
// Test, as oxbpf test does: none may fail, and each crate that has
// programs the kernel can test-run must pass some.
func TestFixtureCases(t *testing.T) {
	needE2E(t)
	testenv.Root(t)
	target := t.TempDir()
	for _, c := range []struct {
		dir, cpu string
		passes   bool
	}{
		{"../example", "", true},
		{filepath.Join(probes, "net"), "", true},
		{filepath.Join(probes, "raw"), "", true},
		{filepath.Join(probes, "counter"), "", true},
		{filepath.Join(probes, "unroll"), "", true},
		{filepath.Join(probes, "calls"), "", true},
		{filepath.Join(probes, "trace"), "", false},
		{filepath.Join(probes, "byname"), "", true},
		{filepath.Join(probes, "atomics"), "v3", true},
		{filepath.Join(probes, "btf"), "", true},
		{filepath.Join(probes, "crate"), "", true},
		{filepath.Join(probes, "core"), "", true},
	} {
		t.Run(filepath.Base(c.dir), func(t *testing.T) {
			res, err := Test(context.Background(), Options{Dir: c.dir, OutDir: t.TempDir(), TargetDir: target, CPU: c.cpu}, TestOptions{})
			if err != nil {
				t.Fatal(err)
			}
			rep := res.Report
			for _, r := range rep.Results {
				t.Logf("%s %s: %s %v", r.Status, r.Case, r.Reason, r.Diffs)
			}
			if !rep.OK() || c.passes && rep.Passed == 0 || !c.passes && rep.Skips == 0 {
				t.Errorf("%d passed, %d failed, %d skipped", rep.Passed, rep.Failed, rep.Skips)
			}
		})
	}
}
