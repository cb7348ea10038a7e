package rewrite

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/symbol"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

// fixtureModules returns the modules of fixtures/ir, one directory per
// compiler; big/ is left to the benchmarks.
func fixtureModules(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"rustc-1.63", "rustc-1.95", "nightly"} {
		files = append(files, testenv.Glob(t, filepath.Join("..", "fixtures", "ir", dir, "*.ll"))...)
	}
	return files
}

// TestFixtures runs retarget, inline-all, panic-exit and lint over every
// real module: no pass fails or reports an error, the output parses again,
// every panic function ends in the exit and nothing is left noinline, and
// the LLVM verifier accepts the output: opt-14 for rustc 1.63's typed
// pointers, opt-19 for LLVM 22's syntax lowered by lower19.
func TestFixtures(t *testing.T) {
	opt14 := testenv.LookPath(t, "opt-14")
	opt19 := testenv.LookPath(t, "opt-19")
	for _, file := range fixtureModules(t) {
		name := filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, err := ir.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			report, err := Run(m, []*Pass{Retarget, InlineAll, PanicExit, Lint}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range report.Errors() {
				t.Errorf("%s", d)
			}
			out := string(m.Bytes())
			back, err := ir.Parse(name, out)
			if err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			checkRewritten(t, back)
			opt := opt14
			if !back.Syntax.TypedPointers {
				opt, out = opt19, lower19(t, m)
			}
			path := filepath.Join(t.TempDir(), filepath.Base(file))
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.CommandContext(context.Background(), opt, "-passes=verify", "-disable-output", path)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s rejects the output: %v\n%s", filepath.Base(opt), err, msg)
			}
		})
	}
}

// checkRewritten checks what inline-all and panic-exit promise about a
// module: no definition or call site is noinline or optnone, every
// definition but intrinsics is alwaysinline, and every panic function is
// the exit.
func checkRewritten(t *testing.T, m *ir.Module) {
	t.Helper()
	for _, f := range m.Funcs {
		if f.IsDeclaration() {
			continue
		}
		name := symbol.Demangle(f.Name.Name())
		for _, key := range []string{"noinline", "optnone"} {
			if hasAttr(m, &f.Attrs, key) {
				t.Errorf("%s is still %s", name, key)
			}
		}
		if !f.IsIntrinsic() && !hasAttr(m, &f.Attrs, "alwaysinline") {
			t.Errorf("%s is not alwaysinline", name)
		}
		eachCall(f, func(_ *ir.Block, in *ir.Instr) {
			if hasAttr(m, &in.Call.FnAttrs, "noinline") {
				t.Errorf("%s: a call site is still noinline", m.Position(in.Start))
			}
		})
		if matchPanic(name) != nil && hasAttr(m, &f.Attrs, "noreturn") {
			body := m.TextOf(f.Body)
			if body != exitBody || !isLocal(f.Linkage()) {
				t.Errorf("panic function %s is %s %s", name, f.Linkage(), body)
			}
		}
	}
}

// lower19 returns m in the syntax of LLVM 19, for opt-19 and llc-19, as
// the downlevel pass writes it.
func lower19(t testing.TB, m *ir.Module) string {
	t.Helper()
	report, err := Run(m, []*Pass{Downlevel}, Options{LLVM: 19})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range report.Errors() {
		t.Errorf("%s", d)
	}
	return string(m.Bytes())
}

// TestGoldensVerify runs the LLVM verifier over the outputs of the
// hand-written tests, so that a golden file cannot record IR that LLVM
// rejects (noinline with alwaysinline, optnone without noinline, an empty
// attribute group).
func TestGoldensVerify(t *testing.T) {
	opt14 := testenv.LookPath(t, "opt-14")
	opt19 := testenv.LookPath(t, "opt-19")
	var files []string
	for _, dir := range []string{"retarget", "inline-all", "panic-exit", "lint"} {
		fs, _ := filepath.Glob(filepath.Join("testdata", dir, "*.golden"))
		files = append(files, fs...)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ir.Parse(file, string(src))
		if err != nil {
			t.Fatal(err)
		}
		opt := opt19
		if m.Syntax.TypedPointers {
			opt = opt14
		}
		msg, err := exec.CommandContext(context.Background(), opt, "-passes=verify", "-disable-output", file).CombinedOutput()
		if err != nil {
			t.Errorf("%s rejects %s: %v\n%s", filepath.Base(opt), file, err, strings.TrimSpace(string(msg)))
		}
	}
}
