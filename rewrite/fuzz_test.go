package rewrite

import (
	"os"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

// fuzzPasses runs passes over every module ir parses from the fuzzer's
// input. The property: no panic, no endless loop, and when the passes
// succeed, what they print parses again. Seeds are the golden inputs of
// every pass.
func fuzzPasses(f *testing.F, passes []*Pass) {
	testenv.KeepCrashReports()
	for _, input := range testenv.Glob(f, "testdata/*/*.ll") {
		src, err := os.ReadFile(input)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src), uint8(19))
	}
	f.Fuzz(func(t *testing.T, src string, llvm uint8) {
		m, err := ir.Parse("fuzz.ll", src)
		if err != nil {
			return
		}
		opts := Options{LLVM: ir.OldestLLVM + int(llvm)%(ir.NewestLLVM-ir.OldestLLVM+2)}
		if _, err := Run(m, passes, opts); err != nil {
			return
		}
		out := string(m.Bytes())
		if strings.TrimSpace(out) == "" {
			return // every entity removed: nothing to parse
		}
		if _, err := ir.Parse("out.ll", out); err != nil {
			t.Fatalf("output does not parse: %v\n--- output:\n%s", err, m.Bytes())
		}
	})
}

func FuzzRetarget(f *testing.F)  { fuzzPasses(f, []*Pass{Retarget}) }
func FuzzInlineAll(f *testing.F) { fuzzPasses(f, []*Pass{InlineAll}) }
func FuzzPanicExit(f *testing.F) { fuzzPasses(f, []*Pass{PanicExit}) }
func FuzzDownlevel(f *testing.F) { fuzzPasses(f, []*Pass{Downlevel}) }
func FuzzLint(f *testing.F)      { fuzzPasses(f, []*Pass{Lint}) }
func FuzzBPF(f *testing.F)       { fuzzPasses(f, BPF()) }
func FuzzAfterOpt(f *testing.F)  { fuzzPasses(f, AfterOpt()) }
