package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/oxbpf/oxbpf/internal/output"
	"github.com/oxbpf/oxbpf/ir"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// pipeline is what the bins of one Build or Compile share.
type pipeline struct {
	opts  Options
	start time.Time
	tmp   string    // intermediate files
	trace io.Writer // opts.Trace behind a lock, or nil
	res   *Result

	// ctx bounds the run's background work; finish cancels it.
	ctx    context.Context
	cancel context.CancelFunc

	// mu serialises Progress calls and guards res.Steps and finished.
	mu         sync.Mutex
	finished   bool
	background sync.WaitGroup

	// discoveries are the runs of toolchain.Discover for opaque-pointer
	// (0) and typed-pointer (1) IR, each started at most once.
	discoveries [2]discovery
	discoverDir string
}

type discovery struct {
	once sync.Once
	done chan struct{}
	llvm *toolchain.LLVM
	err  error
}

func newPipeline(ctx context.Context, opts Options, discoverDir string) (*pipeline, error) {
	start := time.Now()
	if err := opts.check(); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "oxbpf-")
	if err != nil {
		return nil, err
	}
	p := &pipeline{
		opts:        opts,
		start:       start,
		tmp:         tmp,
		res:         &Result{Steps: []Timing{}, Bins: []*BinResult{}},
		discoverDir: discoverDir,
	}
	p.ctx, p.cancel = context.WithCancel(ctx)
	if opts.Trace != nil {
		p.trace = &lockedWriter{w: opts.Trace}
	}
	return p, nil
}

// finish ends the run: a discovery no bin waits for any more is stopped
// and no longer reported, and the temporary directory goes unless it is to
// be kept, also after an error or a cancellation.
func (p *pipeline) finish() {
	p.mu.Lock()
	p.finished = true
	p.res.Duration = time.Since(p.start)
	p.mu.Unlock()
	p.cancel()
	p.background.Wait()
	if p.opts.KeepTemps {
		p.res.TempDir = p.tmp
		return
	}
	os.RemoveAll(p.tmp)
}

// step runs f as one step of res (nil: of the whole run), records its
// timing and reports it. f returns a few words on the outcome for the
// progress line.
func (p *pipeline) step(res *BinResult, step Step, tool string, f func() (string, error)) error {
	start := time.Now()
	detail, err := f()
	t := Timing{Step: step, Tool: tool, Start: start.Sub(p.start), Duration: time.Since(start)}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.record(res, t, detail, err)
	return err
}

// record adds t to the steps of res (nil: of the run) and reports it;
// p.mu is held.
func (p *pipeline) record(res *BinResult, t Timing, detail string, err error) {
	e := Event{Timing: t, Detail: detail, Err: err}
	if res == nil {
		p.res.Steps = append(p.res.Steps, t)
	} else {
		res.Steps = append(res.Steps, t)
		e.Bin = res.Bin
		if t.Step == StepRewrite && res.Rewrite != nil {
			e.Diagnostics = res.Rewrite.Diagnostics()
		}
	}
	if p.opts.Progress != nil {
		p.opts.Progress(e)
	}
}

// discover starts finding opt and llc for opaque- or typed-pointer IR in
// the background, once; typed-pointer IR can also use LLVM 14.
func (p *pipeline) discover(typedPointers bool) *discovery {
	i := 0
	if typedPointers {
		i = 1
	}
	d := &p.discoveries[i]
	d.once.Do(func() {
		d.done = make(chan struct{})
		p.background.Add(1)
		go func() {
			defer p.background.Done()
			defer close(d.done)
			start := time.Now()
			found, err := toolchain.Discover(p.ctx, p.opts.discoverOptions(p.discoverDir, typedPointers))
			var detail string
			if err == nil {
				d.llvm = found.LLVM
				detail = "opt " + found.LLVM.Opt.Path + ", llc " + found.LLVM.Llc.Path
			}
			d.err = mark(ErrToolchain, err)
			p.mu.Lock()
			defer p.mu.Unlock()
			if !p.finished {
				p.record(nil, Timing{Step: StepDiscover, Start: start.Sub(p.start), Duration: time.Since(start)}, detail, err)
			}
		}()
	})
	return d
}

// llvm waits for the opt and llc that suit m: without opaque pointers
// (typed ones, or none at all) LLVM 14 can read it too.
func (p *pipeline) llvm(ctx context.Context, m *ir.Module) (*toolchain.LLVM, error) {
	d := p.discover(!m.Syntax.OpaquePointers)
	select {
	case <-d.done:
		return d.llvm, d.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// sharedError returns the failed discovery behind err, if any: every bin
// that got that far shares it, so the run reports it once.
func (p *pipeline) sharedError(err error) error {
	for i := range p.discoveries {
		d := &p.discoveries[i]
		if d.done == nil {
			continue
		}
		select {
		case <-d.done:
			if d.err != nil && errors.Is(err, d.err) {
				return d.err
			}
		default:
		}
	}
	return nil
}

// parallel runs f(0) … f(n-1), at most Jobs at once, starting them in order.
func (p *pipeline) parallel(n int, f func(i int)) {
	sem := make(chan struct{}, p.opts.jobs())
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			f(i)
		})
	}
	wg.Wait()
}

// compile takes res.IR to the object out: parse, rewrite, opt, llc,
// verify, load, install. Errors are not prefixed with the bin.
func (p *pipeline) compile(ctx context.Context, res *BinResult, out string) error {
	var m *ir.Module
	err := p.step(res, StepParse, "", func() (string, error) {
		var err error
		m, err = readIR(res.IR, cmp.Or(res.irCopy, res.IR), os.Stdin)
		return "", err
	})
	if err != nil {
		return err
	}
	llvm, err := p.llvm(ctx, m)
	if err != nil {
		return err
	}
	res.LLVM = llvm

	base := filepath.Join(p.tmp, res.Bin)
	bpfIR, optIR, obj := base+".bpf.ll", base+".opt.ll", base+".o"
	err = p.step(res, StepRewrite, "", func() (string, error) {
		return p.rewrite(m, llvm.Major(), res, bpfIR)
	})
	if err != nil {
		return err
	}
	p.keep(res, bpfIR)
	err = p.step(res, StepOpt, llvm.Opt.FileName(), func() (string, error) {
		return "", toolchain.Opt(ctx, toolchain.OptArgs{Tool: llvm.Opt, In: bpfIR, Out: optIR, Unroll: p.opts.Unroll, Timeout: p.opts.toolTimeout(), Trace: p.trace})
	})
	if err != nil {
		return llvmError(err)
	}
	p.keep(res, optIR)
	err = p.step(res, StepLlc, llvm.Llc.FileName(), func() (string, error) {
		return "", toolchain.Llc(ctx, toolchain.LlcArgs{Tool: llvm.Llc, In: optIR, Out: obj, Arch: p.opts.arch(), CPU: p.opts.CPU, Timeout: p.opts.toolTimeout(), Trace: p.trace})
	})
	if err != nil {
		return llvmError(err)
	}
	p.keep(res, obj)
	if err := p.check(ctx, res, obj); err != nil {
		return err
	}
	if err := install(obj, out); err != nil {
		return err
	}
	res.Object, res.OK = out, true
	return nil
}

// check verifies the object and, if asked, loads it.
func (p *pipeline) check(ctx context.Context, res *BinResult, obj string) error {
	if err := p.step(res, StepVerify, "", func() (string, error) { return p.verify(res, obj) }); err != nil {
		return err
	}
	if !p.opts.Load {
		return nil
	}
	return p.step(res, StepLoad, "", func() (string, error) { return p.load(ctx, res, obj) })
}

// rewrite runs the passes over m for LLVM major llvm and writes the result
// to path.
func (p *pipeline) rewrite(m *ir.Module, llvm int, res *BinResult, path string) (string, error) {
	rep, err := RunPasses(m, llvm, p.opts)
	res.Rewrite = rep
	if err != nil {
		return "", err
	}
	if err := writeTemp(path, m); err != nil {
		return "", err
	}
	detail := plural(rep.Edits(), "edit")
	if rep.Rustc != "" {
		detail = fmt.Sprintf("rustc %s IR for LLVM %d, %s", rep.Rustc, llvm, detail)
	}
	if n := len(rep.Diagnostics()); n > 0 {
		detail += ", " + plural(n, "warning")
	}
	return detail, nil
}

// verify inspects the object; every problem but the byte order, which
// Options chose, fails the bin.
func (p *pipeline) verify(res *BinResult, obj string) (string, error) {
	rep, err := verify.Inspect(obj, verify.Options{Kernel: p.opts.Kernel})
	if err != nil {
		return "", err
	}
	rep.File = ""
	res.Verify = rep
	var problems []verify.Problem
	for _, pr := range rep.Problems {
		if pr.Kind != verify.ByteOrder {
			problems = append(problems, pr)
		}
	}
	if len(problems) > 0 {
		return "", mark(ErrProgram, fmt.Errorf("verify: %s%s", problems[0], andMore(len(problems)-1, "problem")))
	}
	return plural(len(rep.Programs), "program") + ", " + plural(len(rep.Maps), "map"), nil
}

// load loads the object into the running kernel; a rejected program or map
// fails the bin.
func (p *pipeline) load(ctx context.Context, res *BinResult, obj string) (string, error) {
	rep, err := verify.LoadFile(ctx, obj, verify.LoadOptions{})
	if err != nil {
		return "", loadError(err)
	}
	res.Load = rep
	var rejected []string
	for _, m := range rep.Maps {
		if !m.OK {
			rejected = append(rejected, "map "+m.Name+": "+m.Error)
		}
	}
	for _, pl := range rep.Programs {
		if !pl.OK {
			rejected = append(rejected, "program "+pl.Name+" rejected: "+pl.Error)
		}
	}
	if len(rejected) > 0 {
		return "", mark(ErrProgram, fmt.Errorf("load: %s%s", rejected[0], andMore(len(rejected)-1, "rejection")))
	}
	return fmt.Sprintf("%s accepted by Linux %v", plural(len(rep.Programs), "program"), rep.Kernel), nil
}

// writeTemp writes m to a file of the temporary directory, which needs
// none of WriteFile's care.
func writeTemp(path string, m *ir.Module) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := ir.Fprint(f, m); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// keep records an intermediate file that outlives the run.
func (p *pipeline) keep(res *BinResult, path string) {
	if p.opts.KeepTemps {
		res.Temps = append(res.Temps, path)
	}
}

// install copies the object into place atomically.
func install(obj, out string) error {
	return output.WriteFile(out, func(w io.Writer) error {
		f, err := os.Open(obj)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func andMore(n int, what string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (and 1 more " + what + ")"
	}
	return fmt.Sprintf(" (and %d more %ss)", n, what)
}

// lockedWriter lets tools running in parallel share one trace writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
