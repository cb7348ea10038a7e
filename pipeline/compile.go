package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oxbpf/oxbpf/internal/input"
	"github.com/oxbpf/oxbpf/internal/output"
)

// Compile does what Build does for one bin, from IR that is already there:
// in is a .ll file ("-": opts.Stdin), out the object to write ("-":
// opts.Stdout). The bin is named after in. Errors are not prefixed with
// it: the one input is plain from context. An output that is the input
// file itself is a usage error: the object would replace the IR.
func Compile(ctx context.Context, in, out string, opts Options) (*Result, error) {
	if in != "-" && output.Same(out, in) {
		return nil, Usage(fmt.Errorf("output %s is the input file: the object would replace the IR; give another -o", out))
	}
	if out == "-" && opts.Stdout == nil {
		return nil, Usage(errors.New("no standard output to write - to"))
	}
	p, err := newPipeline(ctx, opts, "")
	if err != nil {
		return nil, err
	}
	defer p.finish()
	res := p.res
	p.discover(false)
	if out != "-" {
		if out, err = filepath.Abs(out); err != nil {
			return res, err
		}
		res.OutDir = filepath.Dir(out)
	}
	b := &BinResult{Bin: strings.TrimSuffix(filepath.Base(in), ".ll"), IR: in, Steps: []Timing{}}
	res.Bins = append(res.Bins, b)
	if err := p.compile(ctx, b, out); err != nil {
		b.Error = err.Error()
		if ctx.Err() != nil {
			return res, interrupted(ctx)
		}
		return res, cmp.Or(p.sharedError(err), err)
	}
	return res, nil
}

// VerifyObject checks an object that is built already, as Build checks its own:
// verify.Inspect for opts.Kernel and, with opts.Load, a load into the
// running kernel. The one bin of the Result is named after obj; its OK
// says whether the object passed.
func VerifyObject(ctx context.Context, obj string, opts Options) (*Result, error) {
	if err := input.Check(obj); err != nil {
		return nil, Usage(err)
	}
	p, err := newPipeline(ctx, opts, "")
	if err != nil {
		return nil, err
	}
	defer p.finish()
	b := &BinResult{Bin: strings.TrimSuffix(filepath.Base(obj), ".o"), Object: obj, Steps: []Timing{}}
	p.res.Bins = append(p.res.Bins, b)
	// The checks read a private copy, read once: obj may be a FIFO, which
	// gives its bytes once and may block for good, so the read must end
	// with ctx.
	data, err := input.Cancellable(ctx, func() ([]byte, error) { return input.ReadFile(obj, maxObject) })
	if err != nil {
		if ctx.Err() != nil {
			return p.res, interrupted(ctx)
		}
		return p.res, Usage(err)
	}
	private := filepath.Join(p.tmp, "object.o")
	if err := os.WriteFile(private, data, 0o600); err != nil {
		return p.res, tempError(err)
	}
	if err := p.check(ctx, b, private); err != nil {
		b.Error = err.Error()
		return p.res, err
	}
	b.OK = true
	return p.res, nil
}

// maxObject bounds the objects VerifyObject reads, as verify bounds its
// own reads: a BPF object is kilobytes, a wrong argument may be endless.
const maxObject = 1 << 30
