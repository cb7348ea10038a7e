package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestMain removes what tests share across the run (the oxbpf binary,
// the cargo target directory), so a run leaves nothing in $TMPDIR, and
// fails the run if a test left a BPF program attached or pinned.
func TestMain(m *testing.M) {
	code := testenv.CheckLeftovers(m.Run())
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	if sharedTargetDir != "" {
		os.RemoveAll(sharedTargetDir)
	}
	os.Exit(code)
}
