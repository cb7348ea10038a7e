//go:build linux

package attach

import (
	"errors"
	"fmt"
	"os"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"github.com/cilium/ebpf/perf"
	"github.com/cilium/ebpf/ringbuf"
	"github.com/oxbpf/oxbpf/internal/btfvalue"
)

// read starts a reader for a ring buffer or perf event array.
func (r *run) read(o *object, name string) error {
	m, ms := o.coll.Maps[name], o.spec.Maps[name]
	var next func() ([]byte, error)
	var stop func() error
	var drain func() error // makes Read return what is left, then ErrFlushed
	switch ms.Type {
	case ebpf.RingBuf:
		rd, err := ringbuf.NewReader(m)
		if err != nil {
			return fmt.Errorf("ring buffer %s: %w", name, err)
		}
		next = func() ([]byte, error) { rec, err := rd.Read(); return rec.RawSample, err }
		stop, drain = rd.Close, rd.Flush
	case ebpf.PerfEventArray:
		rd, err := perf.NewReader(m, 8*os.Getpagesize())
		if err != nil {
			return fmt.Errorf("perf event array %s: %w", name, err)
		}
		next = func() ([]byte, error) {
			rec, err := rd.Read()
			if rec.LostSamples > 0 {
				return nil, fmt.Errorf("lost %d samples", rec.LostSamples)
			}
			return rec.RawSample, err
		}
		stop, drain = rd.Close, rd.Flush
	default:
		return nil
	}
	r.closers = append(r.closers, func() { stop() })
	r.drains = append(r.drains, drain)
	typ := o.events[name]
	r.events.Add(1)
	go func() {
		defer r.events.Done()
		for {
			raw, err := next()
			if errors.Is(err, os.ErrClosed) || errors.Is(err, ringbuf.ErrClosed) || errors.Is(err, perf.ErrClosed) || errors.Is(err, ringbuf.ErrFlushed) || errors.Is(err, perf.ErrFlushed) {
				return
			}
			rep := Report{Object: o.name, Map: name, Kind: Event}
			switch {
			case err != nil:
				rep.Text = err.Error()
			case typ != nil:
				size, _ := btf.Sizeof(typ)
				raw = raw[:min(len(raw), max(size, 0))]
				rep.Record, rep.Text = btfvalue.Value(raw, typ), btfvalue.Format(raw, typ, nil)
			default:
				rep.Record, rep.Text = fmt.Sprintf("%x", raw), fmt.Sprintf("%x", raw)
			}
			r.emit(rep)
		}
	}()
	return nil
}
