package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/oxbpf/oxbpf/internal/input"
	"github.com/oxbpf/oxbpf/internal/words"
	"github.com/oxbpf/oxbpf/ir"
	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/oxbpf/oxbpf/verify"
)

// ReadIR parses the IR file at path, or stdin when path is "-". A file
// that is not there is a usage error, IR that does not parse the input's
// fault. The read ends with ctx even when it blocks (a terminal, a FIFO
// with no writer).
func ReadIR(ctx context.Context, path string, stdin io.Reader) (*ir.Module, error) {
	return readIR(ctx, path, path, stdin)
}

// readIR is ReadIR of the file at from, named path in positions.
func readIR(ctx context.Context, path, from string, stdin io.Reader) (*ir.Module, error) {
	if path == "-" && stdin == nil {
		return nil, Usage(errors.New("no standard input to read - from"))
	}
	m, err := input.Cancellable(ctx, func() (*ir.Module, error) {
		if path == "-" {
			return ir.ParseReader("<stdin>", stdin)
		}
		return ir.ParseFileAs(from, path)
	})
	switch {
	case ctx.Err() != nil:
		return nil, interrupted(ctx)
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, input.ErrNotFile):
		return nil, Usage(err)
	case err != nil:
		return nil, mark(ErrProgram, err)
	}
	return m, nil
}

// RunPasses runs the passes of opts.Passes over m, for the syntax of
// LLVM major llvm (0: the module's own), with opts.BigEndian and
// opts.Strict. An error diagnostic (with Strict, any) fails with
// ErrProgram; the report comes also with an error, unless the passes
// could not be chosen.
func RunPasses(m *ir.Module, llvm int, opts Options) (*rewrite.Report, error) {
	return runPasses(m, opts, rewrite.Options{LLVM: llvm})
}

// runPasses is RunPasses with what the pipeline found out itself (the
// LLVM, rustc's commit) in ro; opts gives the rest.
func runPasses(m *ir.Module, opts Options, ro rewrite.Options) (*rewrite.Report, error) {
	passes, err := opts.passes()
	if err != nil {
		return nil, err
	}
	ro.BigEndian, ro.Strict, ro.BTF = opts.BigEndian, opts.Strict, !opts.NoBTF
	ro.NoFloatBTF = opts.Kernel.Before(verify.BTFFloatSince)
	ro.FixedOffsets = opts.NoCORE
	rep, err := rewrite.Run(m, passes, ro)
	if err != nil {
		return rep, fmt.Errorf("rewrite: %w", err)
	}
	if errs := rep.Errors(); len(errs) > 0 {
		return rep, mark(ErrProgram, fmt.Errorf("rewrite: %s%s", errs[0], words.AndMore(len(errs)-1, "error")))
	}
	return rep, nil
}
