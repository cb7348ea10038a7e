package toolchain

import (
	"context"
	"debug/elf"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

// installedLLVM returns every opt-N/llc-N pair on PATH, newest first, and
// stops the test as testenv does when there is none.
func installedLLVM(t *testing.T) []LLVM {
	t.Helper()
	testenv.Long(t, "runs opt and llc")
	var pairs []LLVM
	for n := newestSearchedMajor; n >= ir.OldestLLVM; n-- {
		var pair [2]Tool
		for i, name := range []string{"opt", "llc"} {
			path, err := exec.LookPath(fmt.Sprintf("%s-%d", name, n))
			if err != nil {
				break
			}
			v, err := llvmToolVersion(context.Background(), path)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			pair[i] = Tool{Name: name, Path: path, Version: v}
		}
		if pair[1].Path != "" {
			pairs = append(pairs, LLVM{Opt: pair[0], Llc: pair[1]})
		}
	}
	testenv.Need(t, len(pairs) > 0, "opt-N and llc-N on PATH (apt-get install llvm-19)")
	return pairs
}

func toolOutput(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestOptionTablesMatchInstalledTools checks each option's first major
// against what every installed opt-N and llc-N lists.
func TestOptionTablesMatchInstalledTools(t *testing.T) {
	for _, l := range installedLLVM(t) {
		major := l.Major()
		optHelp := toolOutput(t, l.Opt.Path, "--help-hidden")
		llcHelp := toolOutput(t, l.Llc.Path, "--help-hidden")
		cpuHelp := toolOutput(t, l.Llc.Path, "-march=bpf", "-mcpu=help")
		check := func(table []llvmOption, help, pattern, what string) {
			for _, o := range table {
				listed := regexp.MustCompile(fmt.Sprintf(pattern, regexp.QuoteMeta(o.name))).MatchString(help)
				if want := major >= o.since; listed != want {
					t.Errorf("LLVM %d: %s %s listed = %v, but the table says since LLVM %d", major, what, o.name, listed, o.since)
				}
			}
		}
		for _, table := range [][]llvmOption{optAlways, optStripDebug, optUnroll} {
			check(table, optHelp, `(?m)^\s+--%s[=\s]`, "opt option")
		}
		check(llcAlways, llcHelp, `(?m)^\s+--%s[=\s]`, "llc option")
		check(bpfCPUs, cpuHelp, `(?m)^\s+%s\s+- `, "llc -mcpu")
	}
}

func TestOptLlcRealTools(t *testing.T) {
	for _, l := range installedLLVM(t) {
		t.Run(fmt.Sprint("LLVM", l.Major()), func(t *testing.T) {
			in := filepath.Join("testdata", "loop.ll")
			if l.Major() < ir.OldestOpaquePointerLLVM {
				in = filepath.Join("testdata", "loop14.ll")
			}
			dir := t.TempDir()
			ctx := context.Background()
			opt := func(a OptArgs) string {
				t.Helper()
				a.Tool, a.In = l.Opt, in
				a.Out = filepath.Join(dir, "out.ll")
				if err := Opt(ctx, a); err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(a.Out)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			plain := opt(OptArgs{})
			if strings.Contains(plain, "DICompileUnit") || !strings.Contains(plain, "phi") || strings.Contains(plain, "@helper") {
				t.Errorf("default opt run: want debug info stripped, the loop kept, helper inlined:\n%s", plain)
			}
			if unrolled := opt(OptArgs{Unroll: true}); strings.Contains(unrolled, "phi") {
				t.Errorf("Unroll: a loop is left:\n%s", unrolled)
			}
			if kept := opt(OptArgs{KeepDebug: true}); !strings.Contains(kept, "DICompileUnit") {
				t.Errorf("KeepDebug: debug info is gone")
			}

			bc := filepath.Join(dir, "out.bc")
			if err := Opt(ctx, OptArgs{LLVMRun: LLVMRun{Tool: l.Opt, In: in, Out: bc}}); err != nil {
				t.Fatal(err)
			}
			for _, arch := range []string{"bpfel", "bpfeb"} {
				obj := filepath.Join(dir, arch+".o")
				if err := Llc(ctx, LlcArgs{LLVMRun: LLVMRun{Tool: l.Llc, In: bc, Out: obj}, Arch: arch}); err != nil {
					t.Fatal(err)
				}
				f, err := elf.Open(obj)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				wantOrder := map[string]string{"bpfel": "LittleEndian", "bpfeb": "BigEndian"}[arch]
				if f.Machine != elf.EM_BPF || f.ByteOrder.String() != wantOrder || f.Section("xdp") == nil {
					t.Errorf("%s: machine %v, byte order %v, xdp section %v", arch, f.Machine, f.ByteOrder, f.Section("xdp") != nil)
				}
			}
		})
	}
}

func TestOptErrorRealTool(t *testing.T) {
	l := installedLLVM(t)[0]
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ll")
	if err := os.WriteFile(bad, []byte("define void @f() {\n  call void @g(\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Opt(context.Background(), OptArgs{LLVMRun: LLVMRun{Tool: l.Opt, In: bad, Out: filepath.Join(dir, "out.bc")}})
	var te *ToolError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *ToolError", err)
	}
	want := fmt.Sprintf("opt-%d: exit status 1: bad.ll:3:1: error: ", l.Major())
	if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Error() = %q, want one line starting %q", err, want)
	}
	if te.Dir != dir || !strings.Contains(string(te.Stderr), "^") {
		t.Errorf("Dir %q, Stderr %q", te.Dir, te.Stderr)
	}
}
