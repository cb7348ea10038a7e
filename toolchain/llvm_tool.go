package toolchain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/oxbpf/oxbpf/ir"
)

// LLVMRun is what every run of an LLVM tool (opt, llc) has: the tool,
// the file it reads and the one it writes itself (the caller renames it
// into place), and its bounds.
type LLVMRun struct {
	Tool    Tool // from Discover
	In, Out string
	Timeout time.Duration // zero: only ctx bounds the run
	Trace   io.Writer     // see Command.Trace
}

// command builds the run. It checks what every such run needs, runs the
// tool in the directory of In, so that its messages name the input by its
// base name, and ends the arguments with the input and output; flags
// gives the tool's own options for its LLVM major and the output as the
// tool will see it.
func (r LLVMRun) command(name string, flags func(major int, out string) ([]string, error)) (Command, error) {
	dir, relIn, relOut, err := inOut(r.Tool, r.In, r.Out)
	if err != nil {
		return Command{}, fmt.Errorf("%s: %w", name, err)
	}
	argv, err := flags(r.Tool.Version.Major, relOut)
	if err != nil {
		return Command{}, fmt.Errorf("%s: %w", name, err)
	}
	argv = append(argv, relIn, "-o", relOut)
	return Command{Path: r.Tool.Path, Args: argv, Dir: dir, Timeout: r.Timeout, Trace: r.Trace}, nil
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
	return dir, notOption(filepath.Base(absIn)), notOption(relOut), nil
}

// notOption keeps a relative path from reading as an option: "-x.ll"
// becomes "./-x.ll".
func notOption(path string) string {
	if strings.HasPrefix(path, "-") {
		return "." + string(filepath.Separator) + path
	}
	return path
}
