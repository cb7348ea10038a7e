package pipeline

import (
	"os"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/vm"
)

// TestMain fails the run if a test left a BPF program attached or pinned.
// In a VM that TestKernelMatrix boots, this test binary is the init.
func TestMain(m *testing.M) {
	if vm.IsGuest() {
		vm.Guest()
		os.Exit(1)
	}
	os.Exit(testenv.CheckLeftovers(m.Run()))
}
