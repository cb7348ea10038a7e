package pipeline

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestMain fails the run if a test left a BPF program attached or pinned.
func TestMain(m *testing.M) {
	code := m.Run()
	if left := testenv.Leftovers(); len(left) > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "tests left behind:\n  %s\n", strings.Join(left, "\n  "))
		code = 1
	}
	os.Exit(code)
}
