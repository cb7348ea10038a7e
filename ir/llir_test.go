package ir

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/llir/llvm/asm"
	llir "github.com/llir/llvm/ir"
	"github.com/oxbpf/oxbpf/internal/testenv"
)

// llirPrefixes rewrite what github.com/llir/llvm v0.3.6 cannot read in the
// output of Debian's rustc 1.63 (LLVM 14): align on return values, and a
// vtableHolder that points at a DIDerivedType. Neither changes functions,
// blocks or instructions.
var llirPrefixes = []struct {
	rx   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`\b((?:define|declare|call|invoke)\b[^@\n]*?) align \d+ `), "$1 "},
	{regexp.MustCompile(`, vtableHolder: !\d+`), ""},
}

// TestDifferentialLLIR parses every LLVM-14 fixture with ir and with the
// independent parser github.com/llir/llvm, and checks they agree on the
// functions, their attributes, and the number of blocks and instructions.
func TestDifferentialLLIR(t *testing.T) {
	for _, file := range testenv.Glob(t, "../fixtures/ir/rustc-1.63/*.ll") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ours, err := Parse(file, string(src))
			if err != nil {
				t.Fatal(err)
			}
			fixed := string(src)
			for _, p := range llirPrefixes {
				fixed = p.rx.ReplaceAllString(fixed, p.repl)
			}
			theirs, err := asm.ParseString(file, fixed)
			if err != nil {
				t.Fatalf("llir: %v", err)
			}
			compareModules(t, ours, theirs)
		})
	}
}

func compareModules(t *testing.T, ours *Module, theirs *llir.Module) {
	t.Helper()
	if len(ours.Funcs) != len(theirs.Funcs) {
		t.Fatalf("%d functions, llir has %d", len(ours.Funcs), len(theirs.Funcs))
	}
	for i, f := range ours.Funcs {
		g := theirs.Funcs[i]
		if f.Name.Name() != g.Name() {
			t.Fatalf("function %d is %s, llir has %s", i, f.Name.Name(), g.Name())
		}
		var want []string
		for _, a := range g.FuncAttrs {
			want = append(want, strings.ReplaceAll(a.String(), " ", ""))
		}
		var got []string
		for _, a := range f.Attrs.Attrs {
			got = append(got, strings.ReplaceAll(a.Raw, " ", ""))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: attributes %v, llir has %v", g.Name(), got, want)
		}
		var blocks []*Block
		if f.Body != nil {
			blocks = f.Body.Blocks
		}
		if len(blocks) != len(g.Blocks) {
			t.Errorf("%s: %d blocks, llir has %d", g.Name(), len(blocks), len(g.Blocks))
			continue
		}
		for k, b := range blocks {
			if n, m := len(b.Instrs), len(g.Blocks[k].Insts)+1; n != m {
				t.Errorf("%s block %d: %d instructions, llir has %d", g.Name(), k, n, m)
			}
		}
	}
}
