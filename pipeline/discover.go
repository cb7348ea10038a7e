package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"time"

	"github.com/oxbpf/oxbpf/internal/cache"
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
			cached, err := p.findTools(d, typedPointers)
			var detail string
			if err == nil {
				detail = "opt " + d.llvm.Opt.Path + ", llc " + d.llvm.Llc.Path
				if cached {
					detail += " (cached)"
				}
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

// cachedDiscovery is a discovery as the cache keeps it: the pair chosen,
// rustc's commit, and the stamps of the files that must not have changed
// since.
type cachedDiscovery struct {
	LLVM        *toolchain.LLVM
	RustcCommit string
	Stamps      map[string]string
}

// findTools fills in d's tools and rustc commit from the cache of
// discoveries, when the machine has not changed in a way that could
// change them (toolchain.DiscoveryKey), or by discovering them. It
// reports whether they came from the cache.
func (p *pipeline) findTools(d *discovery, typedPointers bool) (bool, error) {
	opts := p.opts.discoverOptions(p.discoverDir, typedPointers)
	c := p.userCache("discovery")
	var key []byte // what may change the result: stats of the places searched
	if c.Enabled() {
		key = toolchain.DiscoveryKey(opts)
	}
	var hit cachedDiscovery
	if c.Get(key, &hit) && hit.LLVM != nil && stampsHold(hit.Stamps) {
		d.llvm, d.rustcCommit = hit.LLVM, hit.RustcCommit
		return true, nil
	}
	found, err := toolchain.Discover(p.ctx, opts)
	if found != nil && found.Rustc != nil {
		d.rustcCommit = found.Rustc.Commit
	}
	if err != nil {
		return false, err
	}
	d.llvm = found.LLVM
	c.Put(key, cachedDiscovery{LLVM: found.LLVM, RustcCommit: d.rustcCommit, Stamps: found.Stamps()})
	return false, nil
}

// stampsHold reports whether every file has the stamp it had.
func stampsHold(stamps map[string]string) bool {
	for path, stamp := range stamps {
		if toolchain.FileStamp(path) != stamp {
			return false
		}
	}
	return true
}

// userCache is the cache in the user's cache directory for kind of
// entry, or none with NoCache.
func (p *pipeline) userCache(kind string) cache.Dir {
	dir := cache.UserDir()
	if p.opts.NoCache || dir == "" {
		return cache.Dir{}
	}
	return cache.Open(filepath.Join(dir, kind))
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
