//go:build linux

package attach

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/verify"
	"golang.org/x/sys/unix"
)

// Run loads each object, attaches its programs, and reports until ctx
// ends or Duration passes; then it reports the maps, detaches and
// unloads everything. A program it cannot attach is reported skipped,
// with the reason, and the rest run.
func Run(ctx context.Context, objects []string, opts Options) error {
	r := &run{opts: opts, report: opts.Report}
	if r.report == nil {
		r.report = func(Report) {}
	}
	defer r.close()
	for _, obj := range objects {
		if err := r.load(obj); err != nil {
			return err
		}
	}
	switch {
	case r.programs == 0:
		return fmt.Errorf("%w: the objects hold no programs", ErrNothingAttached)
	case r.attached == 0:
		return fmt.Errorf("%w; the skipped lines say why", ErrNothingAttached)
	}
	if opts.Duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Duration)
		defer cancel()
	}
	var tick <-chan time.Time
	if opts.Interval > 0 {
		t := time.NewTicker(opts.Interval)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			r.drainEvents()
			r.reportMaps()
			return nil
		case <-tick:
			if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < opts.Interval/2 {
				continue // the last report is due
			}
			r.reportMaps()
		}
	}
}

type run struct {
	opts    Options
	mu      sync.Mutex // serialises report
	report  func(Report)
	objects []*object
	closers []func()
	readers sync.WaitGroup // goroutines reading raw sockets
	// events are the goroutines reading ring buffers and perf event
	// arrays, drains what ends each once it has read all there is.
	events sync.WaitGroup
	drains []func() error
	// programs counts the objects' programs, attached those attached.
	programs, attached int
}

type object struct {
	name   string
	spec   *ebpf.CollectionSpec
	coll   *ebpf.Collection
	events map[string]btf.Type
}

func (r *run) emit(rep Report) {
	rep.Time = time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.report(rep)
}

// drainEvents reports what the ring buffers and perf event arrays hold
// and ends their readers, so that the last report, the maps', comes after
// every event.
func (r *run) drainEvents() {
	for _, drain := range r.drains {
		drain()
	}
	r.events.Wait()
}

// close detaches and unloads in the reverse order of attaching.
func (r *run) close() {
	for i := len(r.closers) - 1; i >= 0; i-- {
		r.closers[i]()
	}
	r.readers.Wait()
	r.events.Wait()
}

func (r *run) load(path string) error {
	spec, err := verify.ReadSpec(path)
	if err != nil {
		return err
	}
	coll, err := ebpf.NewCollectionWithOptions(spec, ebpf.CollectionOptions{Programs: ebpf.ProgramOptions{KernelTypes: r.opts.KernelTypes}})
	if errors.Is(err, unix.EPERM) && !verify.CheckPrivileges().CanLoad {
		return fmt.Errorf("load %s: %w", path, verify.ErrNoPermission)
	}
	if err != nil {
		return fmt.Errorf("load %s: %w", path, err)
	}
	r.closers = append(r.closers, coll.Close)
	o := &object{name: strings.TrimSuffix(filepath.Base(path), ".o"), spec: spec, coll: coll, events: verify.EventTypes(spec.Types)}
	r.objects = append(r.objects, o)
	for _, name := range slices.Sorted(maps.Keys(spec.Maps)) {
		if err := r.read(o, name); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(spec.Programs)) {
		ps := spec.Programs[name]
		r.programs++
		rep := Report{Object: o.name, Program: name, Section: ps.SectionName}
		where, closer, err := r.attach(ps, coll.Programs[name])
		if err != nil {
			rep.Kind, rep.Detail = Skipped, err.Error()
		} else {
			rep.Kind, rep.Detail = Attached, where
			r.closers = append(r.closers, closer)
			r.attached++
		}
		r.emit(rep)
	}
	return nil
}
