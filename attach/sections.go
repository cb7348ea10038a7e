//go:build linux

package attach

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/link"
	"golang.org/x/sys/unix"
)

// attach attaches a program as its section says, returning where and how
// to detach it.
func (r *run) attach(ps *ebpf.ProgramSpec, prog *ebpf.Program) (string, func(), error) {
	sec := ps.SectionName
	closeLink := func(l link.Link) func() { return func() { l.Close() } }
	switch ps.Type {
	case ebpf.XDP:
		idx, err := r.iface()
		if err != nil {
			return "", nil, err
		}
		l, err := link.AttachXDP(link.XDPOptions{Program: prog, Interface: idx})
		if errors.Is(err, unix.EBUSY) {
			return "", nil, fmt.Errorf("%s has an XDP program already, and takes one (run one bin with --bin): %w", r.opts.Iface, err)
		}
		if err != nil {
			return "", nil, err
		}
		return "XDP on " + r.opts.Iface, closeLink(l), nil
	case ebpf.SchedCLS:
		idx, err := r.iface()
		if err != nil {
			return "", nil, err
		}
		at, dir := ebpf.AttachTCXIngress, "ingress"
		if ps.AttachType == ebpf.AttachTCXEgress || strings.HasSuffix(sec, "egress") {
			at, dir = ebpf.AttachTCXEgress, "egress"
		}
		l, err := link.AttachTCX(link.TCXOptions{Program: prog, Interface: idx, Attach: at})
		if err != nil {
			return "", nil, fmt.Errorf("tc (TCX, Linux 6.6): %w", err)
		}
		return "tc " + dir + " of " + r.opts.Iface, closeLink(l), nil
	case ebpf.SocketFilter:
		return r.socketFilter(prog)
	case ebpf.CGroupSKB:
		if r.opts.Cgroup == "" {
			return "", nil, errors.New("give --cgroup DIR (a cgroup v2 directory) to attach cgroup programs")
		}
		l, err := link.AttachCgroup(link.CgroupOptions{Path: r.opts.Cgroup, Attach: ps.AttachType, Program: prog})
		if err != nil {
			return "", nil, err
		}
		return "cgroup " + r.opts.Cgroup, closeLink(l), nil
	case ebpf.TracePoint:
		group, name, ok := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(sec, "tracepoint/"), "tp/"), "/")
		if !ok {
			return "", nil, fmt.Errorf("section %s names no tracepoint category/name", sec)
		}
		l, err := link.Tracepoint(group, name, prog, nil)
		if err != nil {
			return "", nil, tracefsHint(err)
		}
		return "tracepoint " + group + "/" + name, closeLink(l), nil
	case ebpf.RawTracepoint:
		l, err := link.AttachRawTracepoint(link.RawTracepointOptions{Name: ps.AttachTo, Program: prog})
		if err != nil {
			return "", nil, err
		}
		return "raw tracepoint " + ps.AttachTo, closeLink(l), nil
	case ebpf.Kprobe:
		return r.probe(ps, prog)
	case ebpf.Tracing:
		// tp_btf, fentry, fexit: the target is in the program, as its
		// BTF attach point.
		l, err := link.AttachTracing(link.TracingOptions{Program: prog})
		if err != nil {
			return "", nil, err
		}
		return sec, closeLink(l), nil
	}
	return "", nil, fmt.Errorf("oxbpf run does not attach %v programs", ps.Type)
}

// probe attaches a kprobe, kretprobe, uprobe or uretprobe.
func (r *run) probe(ps *ebpf.ProgramSpec, prog *ebpf.Program) (string, func(), error) {
	sec := ps.SectionName
	ret := strings.HasPrefix(sec, "kretprobe") || strings.HasPrefix(sec, "uretprobe")
	if strings.HasPrefix(sec, "uprobe") || strings.HasPrefix(sec, "uretprobe") {
		target := ps.AttachTo
		if target == "" {
			target = r.opts.Uprobe
		}
		bin, sym, ok := strings.Cut(target, ":")
		if !ok {
			return "", nil, errors.New("give --uprobe BINARY:SYMBOL to attach a uprobe whose section names no target")
		}
		ex, err := link.OpenExecutable(bin)
		if err != nil {
			return "", nil, err
		}
		attach := ex.Uprobe
		if ret {
			attach = ex.Uretprobe
		}
		l, err := attach(sym, prog, nil)
		if err != nil {
			return "", nil, err
		}
		return sec[:strings.IndexAny(sec+"/", "/")] + " " + target, func() { l.Close() }, nil
	}
	attach := link.Kprobe
	if ret {
		attach = link.Kretprobe
	}
	l, err := attach(ps.AttachTo, prog, nil)
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, link.ErrNotSupported) {
		return "", nil, fmt.Errorf("this kernel has no kprobe on %s (no such function, or no kprobes at all: %v)", ps.AttachTo, err)
	}
	if err != nil {
		return "", nil, err
	}
	return strings.SplitN(sec, "/", 2)[0] + " " + ps.AttachTo, func() { l.Close() }, nil
}

// socketFilter opens a raw socket on the interface with the program
// attached, and reads it so that packets keep flowing through it.
func (r *run) socketFilter(prog *ebpf.Program) (string, func(), error) {
	idx, err := r.iface()
	if err != nil {
		return "", nil, err
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, int(htons(unix.ETH_P_ALL)))
	if err != nil {
		return "", nil, fmt.Errorf("raw socket: %w", err)
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: idx}); err != nil {
		unix.Close(fd)
		return "", nil, fmt.Errorf("bind to %s: %w", r.opts.Iface, err)
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ATTACH_BPF, prog.FD()); err != nil {
		unix.Close(fd)
		return "", nil, fmt.Errorf("attach: %w", err)
	}
	// Non-blocking, the socket goes to Go's poller, whose Close ends a
	// Read waiting on it; a blocking read would wait for the next packet.
	f := os.NewFile(uintptr(fd), "raw socket")
	r.readers.Add(1)
	go func() {
		defer r.readers.Done()
		buf := make([]byte, 65536)
		for {
			if _, err := f.Read(buf); err != nil {
				return
			}
		}
	}()
	return "a raw socket on " + r.opts.Iface, func() { f.Close() }, nil
}

func (r *run) iface() (int, error) {
	if r.opts.Iface == "" {
		return 0, errors.New("give --iface NAME to attach packet programs")
	}
	dev, err := net.InterfaceByName(r.opts.Iface)
	if err != nil {
		return 0, err
	}
	return dev.Index, nil
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// tracefsHint adds how to mount tracefs when a tracepoint fails for want of it.
func tracefsHint(err error) error {
	if strings.Contains(err.Error(), "tracefs") || strings.Contains(err.Error(), "debugfs") {
		return fmt.Errorf("%w: mount -t tracefs nodev /sys/kernel/tracing", err)
	}
	return err
}
