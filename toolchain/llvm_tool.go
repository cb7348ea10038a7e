package toolchain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/oxbpf/oxbpf/ir"
)

// llvmCommand builds one run of an LLVM tool (opt, llc) from in to out.
// It checks what every such run needs, runs the tool in the directory of
// in, so that its messages name the input by its base name, and ends the
// arguments with the input and output; flags gives the tool's own
// options for its LLVM major and the output as the tool will see it.
func llvmCommand(name string, tool Tool, in, out string, timeout time.Duration, trace io.Writer,
	flags func(major int, out string) ([]string, error)) (Command, error) {
	dir, relIn, relOut, err := inOut(tool, in, out)
	if err != nil {
		return Command{}, fmt.Errorf("%s: %w", name, err)
	}
	argv, err := flags(tool.Version.Major, relOut)
	if err != nil {
		return Command{}, fmt.Errorf("%s: %w", name, err)
	}
	argv = append(argv, relIn, "-o", relOut)
	return Command{Path: tool.Path, Args: argv, Dir: dir, Timeout: timeout, Trace: trace}, nil
}

// runBuilt runs a command that a *Command function built, or returns why
// it could not be built.
func runBuilt(ctx context.Context, cmd Command, err error) error {
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
	case tool.Version.Major < ir.OldestLLVM:
		return "", "", "", fmt.Errorf("%s is LLVM %s; need %d or newer", tool.Path, tool.Version, ir.OldestLLVM)
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
