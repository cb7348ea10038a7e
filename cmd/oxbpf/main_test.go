package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes what tests share across the run (the oxbpf binary,
// the cargo target directory), so a run leaves nothing in $TMPDIR.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	if sharedTargetDir != "" {
		os.RemoveAll(sharedTargetDir)
	}
	os.Exit(code)
}
