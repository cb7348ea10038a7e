package main

import (
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestVerifyCORE: verify lists an object's CO-RE relocations by type and
// field, and with --load what this kernel's BTF made of each.
func TestVerifyCORE(t *testing.T) {
	obj := testenv.Abs(t, "../../verify/testdata/core.o")
	out, errOut, code := run(t, "", "verify", obj)
	if code != 0 || !strings.Contains(out, "CO-RE RELOCATION") || !strings.Contains(out, "task_struct.pid") || strings.Contains(out, "THIS KERNEL") {
		t.Errorf("verify: exit %d\n%s%s", code, out, errOut)
	}
	testenv.Root(t)
	out, errOut, code = run(t, "", "verify", obj, "--load")
	row := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "task_struct.oxbpf_no_such_field") {
			row = l
		}
	}
	if code != 0 || !strings.Contains(out, "THIS KERNEL") || !strings.HasSuffix(strings.TrimSpace(row), "missing") {
		t.Errorf("verify --load: exit %d\n%s%s", code, out, errOut)
	}
}
