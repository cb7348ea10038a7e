package pipeline

import (
	"os"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestMain fails the run if a test left a BPF program attached or pinned.
func TestMain(m *testing.M) {
	os.Exit(testenv.CheckLeftovers(m.Run()))
}
