package vm_test

import (
	"os"
	"testing"

	"github.com/oxbpf/oxbpf/vm"
)

// TestMain makes this test binary a guest's init too: TestRun boots it.
func TestMain(m *testing.M) {
	if vm.IsGuest() {
		vm.Guest()
		os.Exit(1)
	}
	os.Exit(m.Run())
}
