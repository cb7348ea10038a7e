package rewrite

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

func TestDownlevel(t *testing.T) { runGolden(t, "downlevel", []*Pass{Downlevel}) }

// TestDownlevelGoldensVerify has opt-M verify every golden output written
// for LLVM M, where opt-M is installed: the goldens are what that LLVM
// reads, not only what oxbpf meant to write.
func TestDownlevelGoldensVerify(t *testing.T) {
	testenv.Long(t, "runs opt on the golden outputs")
	inputs := testenv.Glob(t, "testdata/downlevel/*.ll")
	verified := 0
	for _, input := range inputs {
		src, err := os.ReadFile(input)
		if err != nil {
			t.Fatal(err)
		}
		major := testOptions(t, string(src)).LLVM
		golden, err := os.ReadFile(input + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		if major == 0 || strings.HasPrefix(string(golden), "; error:") {
			continue
		}
		if _, err := exec.LookPath(fmt.Sprintf("opt-%d", major)); err != nil {
			continue
		}
		t.Run(filepath.Base(input), func(t *testing.T) {
			t.Parallel()
			verify(t, major, filepath.Join(testenv.Abs(t, "."), input+".golden"))
		})
		verified++
	}
	testenv.Need(t, verified > 0, "opt-15, opt-16 or opt-19 on PATH")
}

func TestMemoryEffects(t *testing.T) {
	tests := []struct {
		arg        string
		llvm21     string // after folding target_mem0/1
		llvm20     string // after folding errnomem too
		llvm15     string // the attributes before memory(...)
		unreadable bool
	}{
		{arg: "none", llvm21: "none", llvm20: "none", llvm15: "readnone"},
		{arg: "read", llvm21: "read", llvm20: "read", llvm15: "readonly"},
		{arg: "write", llvm21: "write", llvm20: "write", llvm15: "writeonly"},
		{arg: "readwrite", llvm21: "readwrite", llvm20: "readwrite", llvm15: ""},
		{arg: "argmem: read", llvm21: "argmem: read", llvm20: "argmem: read", llvm15: "argmemonly readonly"},
		{arg: "argmem: readwrite", llvm21: "argmem: readwrite", llvm20: "argmem: readwrite", llvm15: "argmemonly"},
		{arg: "argmem: write", llvm21: "argmem: write", llvm20: "argmem: write", llvm15: "argmemonly writeonly"},
		{arg: "inaccessiblemem: write", llvm21: "inaccessiblemem: write", llvm20: "inaccessiblemem: write", llvm15: "inaccessiblememonly writeonly"},
		{arg: "argmem: read, inaccessiblemem: read", llvm21: "argmem: read, inaccessiblemem: read", llvm20: "argmem: read, inaccessiblemem: read", llvm15: "inaccessiblemem_or_argmemonly readonly"},
		{arg: "argmem: readwrite, inaccessiblemem: write", llvm21: "argmem: readwrite, inaccessiblemem: write", llvm20: "argmem: readwrite, inaccessiblemem: write", llvm15: "inaccessiblemem_or_argmemonly"},
		{arg: "readwrite, argmem: none", llvm21: "readwrite, argmem: none", llvm20: "readwrite, argmem: none", llvm15: ""},
		{arg: "read, argmem: readwrite", llvm21: "read, argmem: readwrite", llvm20: "read, argmem: readwrite", llvm15: ""},
		// rustc 1.95's core: the target memory LLVM 22 split out of
		// inaccessible memory goes back into it.
		{arg: "read, inaccessiblemem: readwrite, target_mem0: none, target_mem1: none", llvm21: "read, inaccessiblemem: readwrite", llvm20: "read, inaccessiblemem: readwrite", llvm15: ""},
		{arg: "read, target_mem0: none, target_mem1: none", llvm21: "read", llvm20: "read", llvm15: "readonly"},
		// The default covers the target memory that is not named.
		{arg: "read, inaccessiblemem: write", llvm21: "read, inaccessiblemem: readwrite", llvm20: "read, inaccessiblemem: readwrite", llvm15: ""},
		{arg: "inaccessiblemem: read, target_mem1: write", llvm21: "inaccessiblemem: readwrite", llvm20: "inaccessiblemem: readwrite", llvm15: "inaccessiblememonly"},
		// errno was other memory before LLVM 21.
		{arg: "errnomem: write", llvm21: "errnomem: write", llvm20: "write, argmem: none, inaccessiblemem: none", llvm15: "writeonly"},
		{arg: "argmem: read, errnomem: read", llvm21: "argmem: read, errnomem: read", llvm20: "read, inaccessiblemem: none", llvm15: "readonly"},
		{arg: "argmem: read, frobmem: write", unreadable: true},
		{arg: "argmem: sometimes", unreadable: true},
	}
	fold := func(e *memEffects, upTo int) {
		for _, l := range memLocations {
			if l.since > upTo {
				e.fold(l.name)
			}
		}
	}
	for _, tt := range tests {
		e, ok := parseMemory(tt.arg)
		if ok == tt.unreadable {
			t.Errorf("parseMemory(%q) ok = %v", tt.arg, ok)
			continue
		}
		if !ok {
			continue
		}
		fold(&e, 21)
		if got := e.String(); got != tt.llvm21 {
			t.Errorf("memory(%s) for LLVM 21 = memory(%s), want memory(%s)", tt.arg, got, tt.llvm21)
		}
		fold(&e, 20)
		if got := e.String(); got != tt.llvm20 {
			t.Errorf("memory(%s) for LLVM 20 = memory(%s), want memory(%s)", tt.arg, got, tt.llvm20)
		}
		if got := e.oldMemoryAttrs(); got != tt.llvm15 {
			t.Errorf("memory(%s) for LLVM 15 = %q, want %q", tt.arg, got, tt.llvm15)
		}
	}
}

func TestSplatText(t *testing.T) {
	tests := []struct {
		typ, elem, want string
	}{
		{"<4 x i32>", "i32 1", "<i32 1, i32 1, i32 1, i32 1>"},
		{"<1 x i8>", "i8 -1", "<i8 -1>"},
		{"<2 x ptr>", "ptr @g", "<ptr @g, ptr @g>"},
		{"<2 x double>", "double 5.000000e-01", "<double 5.000000e-01, double 5.000000e-01>"},
		{"<vscale x 4 x float>", "float 1.0", "shufflevector (<vscale x 4 x float> insertelement (<vscale x 4 x float> poison, float 1.0, i64 0), <vscale x 4 x float> poison, <vscale x 4 x i32> zeroinitializer)"},
	}
	for _, tt := range tests {
		m, err := ir.Parse("t.ll", "@g = global "+tt.typ+" zeroinitializer\n")
		if err != nil {
			t.Fatal(err)
		}
		if got := splatText(tt.elem, m.Globals[0].Type); got != tt.want {
			t.Errorf("splat (%s) as %s = %s, want %s", tt.elem, tt.typ, got, tt.want)
		}
	}
}

func TestLookupIntrinsic(t *testing.T) {
	tests := []struct {
		name  string
		since int // 0: unknown
	}{
		{"llvm.umax.i32", 14},
		{"llvm.memcpy.p0.p0.i64", 14},
		{"llvm.memset.inline.p0.i64", 15},
		{"llvm.is.fpclass.f64", 15},
		{"llvm.threadlocal.address.p0", 16},
		{"llvm.ucmp.i8.i32", 19},
		{"llvm.vp.cttz.elts.i32.v4i32", 19},
		{"llvm.maximumnum.f64", 20},
		{"llvm.loop.dependence.war.mask.v4i1", 22},
		{"llvm.dbg.value", 14},
		{"llvm.bpf.pseudo", 14},
		{"llvm.foo.bar", 0},
	}
	for _, tt := range tests {
		since, known := lookupIntrinsic(tt.name)
		if since != tt.since || known != (tt.since != 0) {
			t.Errorf("lookupIntrinsic(%s) = %d, %v, want %d", tt.name, since, known, tt.since)
		}
	}
}

// TestRulesTable checks the rule table: unique names like pass names, a
// doc each, versions oxbpf knows, and the order the rules must run in:
// newest first, the rules over families last.
func TestRulesTable(t *testing.T) {
	seen := make(map[string]bool)
	families := false
	prev := ir.NewestLLVM
	for _, r := range Rules() {
		if r.Name == "" || strings.ToLower(r.Name) != r.Name || strings.ContainsAny(r.Name, " _,") || seen[r.Name] {
			t.Errorf("rule %q: bad or repeated name", r.Name)
		}
		seen[r.Name] = true
		if r.Doc == "" || r.apply == nil {
			t.Errorf("rule %s: no doc or no apply", r.Name)
		}
		if r.Since <= ir.OldestLLVM || r.Since > ir.NewestLLVM+1 {
			t.Errorf("rule %s: since %d is outside LLVM %d..%d", r.Name, r.Since, ir.OldestLLVM+1, ir.NewestLLVM+1)
		}
		if r.newest != 0 {
			families = true
			continue
		}
		if families && r.Since <= ir.NewestLLVM {
			t.Errorf("rule %s (LLVM %d) comes after the rules over families", r.Name, r.Since)
		}
		if r.Since > prev && r.Since <= ir.NewestLLVM {
			t.Errorf("rule %s (LLVM %d) comes after a rule for LLVM %d", r.Name, r.Since, prev)
		}
		prev = min(prev, r.Since)
	}
}

// TestConstructsFixtures lists what the fixtures of each compiler use and
// checks what must hold for all of them: rustc 1.63's typed-pointer IR has
// nothing LLVM 14 does not read; rustc 1.95 and nightly need LLVM 22 as
// they are, and use no attribute the tables do not know. go test -v shows
// the counts per rule.
func TestConstructsFixtures(t *testing.T) {
	for _, dir := range []string{"rustc-1.95", "nightly", "rustc-1.63"} {
		files := testenv.Glob(t, "../fixtures/ir/"+dir+"/*.ll")
		counts := make(map[string]int)
		needs := 0
		for _, file := range files {
			m, err := ir.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range Constructs(m) {
				counts[f.Rule] += f.Count
				needs = max(needs, f.Since)
				if f.FirstPos.Line == 0 && f.Rule != "opaque-pointers" {
					t.Errorf("%s: %s has no position", file, f.Rule)
				}
				if f.Rule == "unknown-attrs" || f.Rule == "newer-attrs" {
					t.Errorf("%s: %d of %s, first at %s", file, f.Count, f.Rule, f.FirstPos)
				}
			}
		}
		var list []string
		for _, r := range Rules() {
			if counts[r.Name] > 0 {
				list = append(list, fmt.Sprintf("%s=%d", r.Name, counts[r.Name]))
			}
		}
		t.Logf("%s: needs LLVM %d: %s", dir, max(needs, ir.OldestLLVM), strings.Join(list, " "))
		want := ir.NewestLLVM
		if dir == "rustc-1.63" {
			want = 0
		}
		if needs != want {
			t.Errorf("%s needs LLVM %d as written, want %d", dir, needs, want)
		}
	}
}
