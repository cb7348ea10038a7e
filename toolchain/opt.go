package toolchain

import (
	"context"
	"io"
	"strings"
	"time"
)

// optPasses is the new pass manager pipeline. always-inline comes first so
// that everything the rewrite marked alwaysinline is gone before O3 decides
// anything; -O3 itself cannot be combined with -passes.
const optPasses = "always-inline,default<O3>"

// OptArgs describe one opt run.
type OptArgs struct {
	Tool Tool // the opt to run, from Discover
	// In is the IR to optimise. Out is written by opt itself: textual IR if
	// it ends in ".ll", bitcode otherwise. The caller renames it into place.
	In, Out string
	// Unroll forces every loop to be unrolled fully (cargo-bpf's --unroll).
	Unroll bool
	// KeepDebug keeps debug info; by default it is stripped.
	KeepDebug bool
	Timeout   time.Duration // zero: only ctx bounds the run
	Trace     io.Writer     // see Command.Trace
}

// OptCommand returns the command Opt runs, in the directory of In.
func OptCommand(a OptArgs) (Command, error) {
	return llvmCommand("opt", a.Tool, a.In, a.Out, a.Timeout, a.Trace, func(major int, out string) ([]string, error) {
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
