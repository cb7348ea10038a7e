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
	"github.com/oxbpf/oxbpf/vm"
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

// VerifyObjects checks objects that are built already, as Build checks its
// own: verify.Inspect for opts.Kernel, with opts.Load a load into the
// running kernel, and with opts.VMs a load in each of those kernels. Each
// object is a bin of the Result, named after the file (made unique when
// two files share a name); its OK says whether the object passed.
func VerifyObjects(ctx context.Context, objs []string, opts Options) (*Result, error) {
	for _, obj := range objs {
		if err := input.Check(obj); err != nil {
			return nil, Usage(err)
		}
	}
	p, err := newPipeline(ctx, opts, "")
	if err != nil {
		return nil, err
	}
	defer p.finish()
	suite := vm.Suite{Name: "objects", Objects: map[string]string{}}
	var errs []error
	for i, obj := range objs {
		b := &BinResult{Bin: uniqueName(strings.TrimSuffix(filepath.Base(obj), ".o"), suite.Objects), Object: obj, Steps: []Timing{}}
		p.res.Bins = append(p.res.Bins, b)
		private := filepath.Join(p.tmp, fmt.Sprintf("object-%d.o", i))
		suite.Objects[b.Bin] = private
		err := p.verifyObject(ctx, b, obj, private)
		if ctx.Err() != nil {
			return p.res, interrupted(ctx)
		}
		if err != nil {
			b.Error = err.Error()
			if len(objs) > 1 {
				err = fmt.Errorf("%s: %w", obj, err)
			}
			errs = append(errs, err)
			continue
		}
		b.OK = true
	}
	if len(errs) > 0 || len(opts.VMs) == 0 {
		return p.res, p.join(errs)
	}
	return p.res, p.inVMs(ctx, suite)
}

// verifyObject checks obj through a private copy, read once: obj may be
// a FIFO, which gives its bytes once and may block for good, so the read
// must end with ctx.
func (p *pipeline) verifyObject(ctx context.Context, b *BinResult, obj, private string) error {
	data, err := input.Cancellable(ctx, func() ([]byte, error) { return input.ReadFile(obj, maxObject) })
	if err != nil {
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		return Usage(err)
	}
	if err := os.WriteFile(private, data, 0o600); err != nil {
		return tempError(err)
	}
	return p.check(ctx, b, private)
}

// uniqueName is name, or name-2, name-3, ... when taken has it.
func uniqueName(name string, taken map[string]string) string {
	unique := name
	for n := 2; ; n++ {
		if _, ok := taken[unique]; !ok {
			return unique
		}
		unique = fmt.Sprintf("%s-%d", name, n)
	}
}

// maxObject bounds the objects VerifyObjects reads, as verify bounds its
// own reads: a BPF object is kilobytes, a wrong argument may be endless.
const maxObject = 1 << 30
