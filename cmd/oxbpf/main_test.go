package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestMain removes what tests share across the run (the oxbpf binary,
// the cargo target directory), so a run leaves nothing in $TMPDIR, and
// fails the run if a test left a BPF program attached or pinned.
func TestMain(m *testing.M) {
	code := m.Run()
	if left := testenv.Leftovers(); len(left) > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "tests left behind:\n  %s\n", strings.Join(left, "\n  "))
		code = 1
	}
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	if sharedTargetDir != "" {
		os.RemoveAll(sharedTargetDir)
	}
	os.Exit(code)
}
