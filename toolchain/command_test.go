package toolchain

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func fakeTool(name string, major int) Tool {
	return Tool{Name: name, Path: filepath.FromSlash("/usr/bin/" + name), Version: Version{major, 1, 0}}
}

func TestOptCommand(t *testing.T) {
	in, out := filepath.FromSlash("/w/b.bpf.ll"), filepath.FromSlash("/w/out/b.opt.bc")
	tests := []struct {
		name string
		args OptArgs
		want string
	}{
		{"default strips debug info", OptArgs{LLVMRun: LLVMRun{Tool: fakeTool("opt-19", 19), In: in, Out: out}},
			"-passes=always-inline,default<O3> -cold-callsite-rel-freq=0 -strip-debug b.bpf.ll -o out/b.opt.bc"},
		{"unroll, keep debug, text out", OptArgs{LLVMRun: LLVMRun{Tool: fakeTool("opt-15", 15), In: in, Out: filepath.FromSlash("/w/b.opt.ll")}, Unroll: true, KeepDebug: true},
			"-passes=always-inline,default<O3> -cold-callsite-rel-freq=0 -unroll-threshold=4294967295 -unroll-max-upperbound=4294967295 -S b.bpf.ll -o b.opt.ll"},
		{"names that start with a dash are no options", OptArgs{LLVMRun: LLVMRun{Tool: fakeTool("opt-19", 19), In: filepath.FromSlash("/w/-b.bpf.ll"), Out: filepath.FromSlash("/w/-b.opt.ll")}},
			"-passes=always-inline,default<O3> -cold-callsite-rel-freq=0 -strip-debug -S ./-b.bpf.ll -o ./-b.opt.ll"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd, err := OptCommand(tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if got := filepath.ToSlash(strings.Join(cmd.Args, " ")); got != tt.want {
				t.Errorf("args\n got %s\nwant %s", got, tt.want)
			}
			if cmd.Dir != filepath.FromSlash("/w") || cmd.Path != tt.args.Tool.Path {
				t.Errorf("Dir %q, Path %q", cmd.Dir, cmd.Path)
			}
			if slices.Contains(cmd.Args, "-O3") {
				t.Error("-O3 must not be combined with -passes")
			}
		})
	}
	for _, bad := range []OptArgs{
		{LLVMRun: LLVMRun{In: in, Out: out}},
		{LLVMRun: LLVMRun{Tool: fakeTool("opt-13", 13), In: in, Out: out}},
		{LLVMRun: LLVMRun{Tool: fakeTool("opt-19", 19), Out: out}},
	} {
		if _, err := OptCommand(bad); err == nil || !strings.HasPrefix(err.Error(), "opt: ") {
			t.Errorf("OptCommand(%+v): err = %v, want an opt: error", bad, err)
		}
	}
}

func TestLlcCommand(t *testing.T) {
	in, out := filepath.FromSlash("/w/b.opt.bc"), filepath.FromSlash("/w/b.o")
	tests := []struct {
		name string
		args LlcArgs
		want string // args, or the error
	}{
		{"defaults", LlcArgs{LLVMRun: LLVMRun{Tool: fakeTool("llc-19", 19), In: in, Out: out}},
			"-march=bpfel -mcpu=v2 -filetype=obj b.opt.bc -o b.o"},
		{"LLVM 22 keeps unreachable a no-op", LlcArgs{LLVMRun: LLVMRun{Tool: fakeTool("llc", 22), In: in, Out: out}, Arch: "bpfeb", CPU: "v4"},
			"-march=bpfeb -mcpu=v4 -filetype=obj -bpf-disable-trap-unreachable -bpf-min-jump-table-entries=4294967295 b.opt.bc -o b.o"},
		{"v1 on LLVM 14", LlcArgs{LLVMRun: LLVMRun{Tool: fakeTool("llc-14", 14), In: in, Out: out}, CPU: "v1"},
			"-march=bpfel -mcpu=v1 -filetype=obj b.opt.bc -o b.o"},
		{"v4 needs LLVM 18", LlcArgs{LLVMRun: LLVMRun{Tool: fakeTool("llc-16", 16), In: in, Out: out}, CPU: "v4"},
			"llc: cpu v4 needs LLVM 18 or newer; llc-16 is LLVM 16"},
		{"unknown cpu", LlcArgs{LLVMRun: LLVMRun{Tool: fakeTool("llc-19", 19), In: in, Out: out}, CPU: "probe"},
			`llc: cpu "probe": want v1, v2, v3 or v4`},
		{"unknown arch", LlcArgs{LLVMRun: LLVMRun{Tool: fakeTool("llc-19", 19), In: in, Out: out}, Arch: "bpf"},
			`llc: arch "bpf": want bpfel or bpfeb`},
		{"no tool", LlcArgs{LLVMRun: LLVMRun{In: in, Out: out}},
			"llc: no tool path; use one from Discover"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd, err := LlcCommand(tt.args)
			got := strings.Join(cmd.Args, " ")
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestOptionArgsByMajor(t *testing.T) {
	for major, want := range map[int]string{
		14: "",
		20: "",
		21: "-bpf-disable-trap-unreachable",
	} {
		if got := strings.Join(args(llcAlways, major), " "); got != want {
			t.Errorf("llc options for LLVM %d: %s, want %s", major, got, want)
		}
	}
}
