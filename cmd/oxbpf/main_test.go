package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/vm"
)

// TestMain removes what tests share across the run (the oxbpf binary,
// the cargo target directory), so a run leaves nothing in $TMPDIR, and
// fails the run if a test left a BPF program attached or pinned.
//
// In a VM that a test boots with --vm, this test binary is the init, and
// in the builds the tests run, rustc's linker.
func TestMain(m *testing.M) {
	if toolchain.IsLinkerCall() { // rustc's linker in a build a test runs
		os.Exit(toolchain.LinkerMain(os.Args[1:]))
	}
	if vm.IsGuest() {
		vm.Guest()
		os.Exit(1)
	}
	code := testenv.CheckLeftovers(m.Run())
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	if sharedTargetDir != "" {
		os.RemoveAll(sharedTargetDir)
	}
	os.Exit(code)
}
