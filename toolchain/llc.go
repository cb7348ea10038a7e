package toolchain

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// DefaultCPU is llc's -mcpu when LlcArgs.CPU is empty. v2 adds only the
// jlt/jle/jslt/jsle jumps to v1, which every kernel since 4.14 accepts, so
// less-than compares need not be turned around into greater-than ones. v3
// adds 32-bit ALU and jump instructions: kernels before 5.1 reject them, and
// an alu32 index computation from a Rust probe was rejected by 6.18's
// verifier with v3 and accepted with v1 (DESIGN.md); cilium/ebpf builds
// with v2 for the same old kernels. llc's own default moved from v1 to v3
// in LLVM 20, so the CPU is always passed.
const DefaultCPU = "v2"

// LlcArgs describe one llc run: In is IR (text or bitcode), Out the BPF
// object.
type LlcArgs struct {
	LLVMRun
	// Arch is "bpfel" (the default) or "bpfeb".
	Arch string
	// CPU is "v1" to "v4"; empty means DefaultCPU.
	CPU string
}

// LlcCommand returns the command Llc runs, in the directory of In.
func LlcCommand(a LlcArgs) (Command, error) {
	return a.command("llc", func(major int, _ string) ([]string, error) {
		arch := cmp.Or(a.Arch, "bpfel")
		if arch != "bpfel" && arch != "bpfeb" {
			return nil, fmt.Errorf("arch %q: want bpfel or bpfeb", arch)
		}
		cpu := cmp.Or(a.CPU, DefaultCPU)
		if err := CheckCPU(cpu); err != nil {
			return nil, err
		}
		i := slices.IndexFunc(bpfCPUs, func(o llvmOption) bool { return o.name == cpu })
		if major < bpfCPUs[i].since {
			return nil, fmt.Errorf("cpu %s needs LLVM %d or newer; %s is LLVM %d", cpu, bpfCPUs[i].since, a.Tool.FileName(), major)
		}
		argv := []string{"-march=" + arch, "-mcpu=" + cpu, "-filetype=obj"}
		return append(argv, args(llcAlways, major)...), nil
	})
}

// Llc runs llc as LlcCommand builds it.
func Llc(ctx context.Context, a LlcArgs) error {
	cmd, err := LlcCommand(a)
	return runBuilt(ctx, cmd, err)
}
