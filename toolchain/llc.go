package toolchain

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"
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

// LlcArgs describe one llc run.
type LlcArgs struct {
	Tool Tool // the llc to run, from Discover
	// In is IR (text or bitcode); Out is the BPF object llc writes.
	In, Out string
	// Arch is "bpfel" (the default) or "bpfeb".
	Arch string
	// CPU is "v1" to "v4"; empty means DefaultCPU.
	CPU     string
	Timeout time.Duration // zero: only ctx bounds the run
	Trace   io.Writer     // see Command.Trace
}

// LlcCommand returns the command Llc runs, in the directory of In.
func LlcCommand(a LlcArgs) (Command, error) {
	dir, in, out, err := inOut(a.Tool, a.In, a.Out)
	if err != nil {
		return Command{}, fmt.Errorf("llc: %w", err)
	}
	arch := a.Arch
	if arch == "" {
		arch = "bpfel"
	}
	if arch != "bpfel" && arch != "bpfeb" {
		return Command{}, fmt.Errorf("llc: arch %q: want bpfel or bpfeb", arch)
	}
	cpu := a.CPU
	if cpu == "" {
		cpu = DefaultCPU
	}
	major := a.Tool.Version.Major
	i := slices.IndexFunc(bpfCPUs, func(o llvmOption) bool { return o.name == cpu })
	switch {
	case i < 0:
		return Command{}, fmt.Errorf("llc: cpu %q: want v1, v2, v3 or v4", cpu)
	case major < bpfCPUs[i].since:
		return Command{}, fmt.Errorf("llc: cpu %s needs LLVM %d or newer; %s is LLVM %d", cpu, bpfCPUs[i].since, toolName(a.Tool.Path), major)
	}
	argv := []string{"-march=" + arch, "-mcpu=" + cpu, "-filetype=obj"}
	argv = append(argv, args(llcAlways, major)...)
	argv = append(argv, in, "-o", out)
	return Command{Path: a.Tool.Path, Args: argv, Dir: dir, Timeout: a.Timeout, Trace: a.Trace}, nil
}

// Llc runs llc as LlcCommand builds it.
func Llc(ctx context.Context, a LlcArgs) error {
	cmd, err := LlcCommand(a)
	if err != nil {
		return err
	}
	_, _, err = Run(ctx, cmd)
	return err
}
