package pipeline

import (
	"context"
	"io"
	"os"
	"sync"
	"time"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/cache"
	"github.com/oxbpf/oxbpf/verify"
)

// pipeline is what the bins of one Build or Compile share.
type pipeline struct {
	opts  Options
	start time.Time
	tmp   string // intermediate files
	// kernelTypes are opts.KernelBTF's types, read once for every load here.
	kernelTypes *btf.Spec
	trace       io.Writer // opts.Trace behind a lock, or nil
	res         *Result

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

	// objects is the cache of objects by what they were made of (see
	// objectKey): under the crate's target directory for Build, none
	// for Compile or with NoCache.
	objects cache.Dir
}

func newPipeline(ctx context.Context, opts Options, discoverDir string) (*pipeline, error) {
	start := time.Now()
	if err := opts.check(); err != nil {
		return nil, err
	}
	var kernelTypes *btf.Spec
	if opts.Load {
		var err error
		if kernelTypes, err = verify.KernelTypes(opts.KernelBTF); err != nil {
			return nil, Usage(err)
		}
	}
	tmp, err := os.MkdirTemp("", "oxbpf-")
	if err != nil {
		return nil, tempError(err)
	}
	p := &pipeline{
		opts:        opts,
		start:       start,
		tmp:         tmp,
		res:         &Result{Steps: []Timing{}, Bins: []*BinResult{}},
		discoverDir: discoverDir,
		kernelTypes: kernelTypes,
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

// note reports e, a step that waits, as it happens.
func (p *pipeline) note(e Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.opts.Progress != nil && !p.finished {
		p.opts.Progress(e)
	}
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
