package rewrite

import "testing"

// TestBPFPipeline runs the bpf pipeline on trimmed real modules, one from
// each compiler. Downlevel is left out: its output depends on the LLVM
// the module is lowered to, and its own tests cover it.
func TestBPFPipeline(t *testing.T) {
	runGolden(t, "bpf", []*Pass{Retarget, InlineAll, PanicExit, Atomics, Lint})
}
