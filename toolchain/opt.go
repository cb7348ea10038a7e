package toolchain

import (
	"context"
	"strings"
)

// optPasses is the new pass manager pipeline. always-inline comes first so
// that everything the rewrite marked alwaysinline is gone before O3 decides
// anything; -O3 itself cannot be combined with -passes.
const optPasses = "always-inline,default<O3>"

// OptArgs describe one opt run. Its Out is textual IR if it ends in
// ".ll", bitcode otherwise.
type OptArgs struct {
	LLVMRun
	// Unroll forces every loop to be unrolled fully (cargo-bpf's --unroll).
	Unroll bool
	// KeepDebug keeps debug info; by default it is stripped.
	KeepDebug bool
}

// OptCommand returns the command Opt runs, in the directory of In.
func OptCommand(a OptArgs) (Command, error) {
	return a.command("opt", func(major int, out string) ([]string, error) {
		argv := []string{"-passes=" + optPasses}
		argv = append(argv, args(optAlways, major)...)
		if !a.KeepDebug {
			argv = append(argv, args(optStripDebug, major)...)
		}
		if a.Unroll {
			argv = append(argv, args(optUnroll, major)...)
		}
		if strings.HasSuffix(out, ".ll") {
			argv = append(argv, "-S")
		}
		return argv, nil
	})
}

// Opt runs opt as OptCommand builds it.
func Opt(ctx context.Context, a OptArgs) error {
	cmd, err := OptCommand(a)
	return runBuilt(ctx, cmd, err)
}
