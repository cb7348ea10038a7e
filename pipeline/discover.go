package pipeline

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/oxbpf/oxbpf/ir"
	"github.com/oxbpf/oxbpf/toolchain"
)

type discovery struct {
	once sync.Once
	done chan struct{}
	llvm *toolchain.LLVM
	// rustcCommit is the commit of the rustc cargo runs, if it says.
	rustcCommit string
	err         error
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
			if found != nil && found.Rustc != nil {
				d.rustcCommit = found.Rustc.Commit
			}
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

// tools waits for the opt and llc that suit m (without opaque pointers,
// typed ones or none at all, LLVM 14 can read it too), and the commit of
// the rustc that was asked.
func (p *pipeline) tools(ctx context.Context, m *ir.Module) (*toolchain.LLVM, string, error) {
	d := p.discover(!m.Syntax.OpaquePointers)
	select {
	case <-d.done:
		return d.llvm, d.rustcCommit, d.err
	case <-ctx.Done():
		return nil, "", ctx.Err()
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
