package toolchain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
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

// OptCommand returns the command Opt runs. It runs in the directory of In,
// so that opt's messages name the input by its base name.
func OptCommand(a OptArgs) (Command, error) {
	dir, in, out, err := inOut(a.Tool, a.In, a.Out)
	if err != nil {
		return Command{}, fmt.Errorf("opt: %w", err)
	}
	major := a.Tool.Version.Major
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
	argv = append(argv, in, "-o", out)
	return Command{Path: a.Tool.Path, Args: argv, Dir: dir, Timeout: a.Timeout, Trace: a.Trace}, nil
}

// Opt runs opt as OptCommand builds it.
func Opt(ctx context.Context, a OptArgs) error {
	cmd, err := OptCommand(a)
	if err != nil {
		return err
	}
	_, _, err = Run(ctx, cmd)
	return err
}

// inOut checks the arguments every LLVM tool run shares and returns the
// directory to run in and In and Out relative to it.
func inOut(tool Tool, in, out string) (dir, relIn, relOut string, err error) {
	switch {
	case tool.Path == "":
		return "", "", "", errors.New("no tool path; use one from Discover")
	case tool.Version.Major < MinLLVMMajor:
		return "", "", "", fmt.Errorf("%s is LLVM %s; need %d or newer", tool.Path, tool.Version, MinLLVMMajor)
	case in == "" || out == "":
		return "", "", "", errors.New("input and output paths are required")
	}
	absIn, err := filepath.Abs(in)
	if err != nil {
		return "", "", "", err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return "", "", "", err
	}
	dir = filepath.Dir(absIn)
	relOut, err = filepath.Rel(dir, absOut)
	if err != nil {
		relOut = absOut // another volume
	}
	return dir, filepath.Base(absIn), relOut, nil
}
