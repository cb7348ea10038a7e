package pipeline

import (
	"bytes"
	"context"
	"encoding/binary"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/link"
	"github.com/cilium/ebpf/perf"
	"github.com/cilium/ebpf/ringbuf"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/verify"
)

// XDP and tc verdicts the fixture programs return.
const (
	xdpDrop = 1
	xdpPass = 2
	xdpTx   = 3
	tcActOK = 0
)

// buildCrateFixture builds the fixture crate of the oxbpf-ebpf support
// crate (fixtures/probes/crate) and returns the directory of its objects.
func buildCrateFixture(t *testing.T) string {
	t.Helper()
	needE2E(t)
	out := t.TempDir()
	if _, err := Build(context.Background(), Options{Dir: filepath.Join(probes, "crate"), OutDir: out, TargetDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	return out
}

// runXDP runs an XDP program once on data and returns its verdict.
func runXDP(t *testing.T, coll *ebpf.Collection, name string, data []byte) uint32 {
	t.Helper()
	ret, err := coll.Programs[name].Run(&ebpf.RunOptions{Data: data})
	if err != nil {
		t.Fatalf("run %s: %v", name, err)
	}
	return ret
}

// mapValue reads the value of key in a map, failing the test if it has none.
func mapValue[V any](t *testing.T, m *ebpf.Map, key any) V {
	t.Helper()
	var v V
	if err := m.Lookup(key, &v); err != nil {
		t.Fatalf("lookup %v in %v: %v", key, m, err)
	}
	return v
}

func sum(values []uint64) uint64 {
	var n uint64
	for _, v := range values {
		n += v
	}
	return n
}

// TestCrateMaps runs one XDP program per map kind of the support crate on
// a UDP packet and reads what it left in the maps from user space.
func TestCrateMaps(t *testing.T) {
	out := buildCrateFixture(t)
	testenv.Root(t)
	coll := loadCollection(t, filepath.Join(out, "maps.o"))
	pkt := packet(t, "E 0800 IP U53") // 42 bytes, from 1.2.3.4
	const ipv4 = uint16(0x0800)

	t.Run("hash", func(t *testing.T) {
		for range 3 {
			runXDP(t, coll, "hash", pkt)
		}
		if n := mapValue[uint64](t, coll.Maps["COUNTS"], ipv4); n != 3 {
			t.Errorf("COUNTS[0x0800] = %d, want 3", n)
		}
		if n := mapValue[uint64](t, coll.Maps["LRU_COUNTS"], ipv4); n != 3 {
			t.Errorf("LRU_COUNTS[0x0800] = %d, want 3", n)
		}
		if n := sum(mapValue[[]uint64](t, coll.Maps["CPU_COUNTS"], ipv4)); n != 3 {
			t.Errorf("CPU_COUNTS[0x0800] summed = %d, want 3", n)
		}
	})
	t.Run("array", func(t *testing.T) {
		if v := runXDP(t, coll, "array", pkt); v != xdpPass {
			t.Errorf("verdict %d with CONFIG[0] = 0, want XDP_PASS", v)
		}
		if n := mapValue[uint64](t, coll.Maps["LENGTHS"], uint32(0)); n != uint64(len(pkt)) {
			t.Errorf("LENGTHS[0] = %d, want %d", n, len(pkt))
		}
		if n := sum(mapValue[[]uint64](t, coll.Maps["CPU_PACKETS"], uint32(0))); n != 1 {
			t.Errorf("CPU_PACKETS[0] summed = %d, want 1", n)
		}
		if err := coll.Maps["CONFIG"].Put(uint32(0), uint32(1)); err != nil {
			t.Fatal(err)
		}
		if v := runXDP(t, coll, "array", pkt); v != xdpDrop {
			t.Errorf("verdict %d with CONFIG[0] = 1, want XDP_DROP", v)
		}
	})
	t.Run("lpm", func(t *testing.T) {
		type key struct {
			PrefixLen uint32
			Data      [4]byte
		}
		if err := coll.Maps["ROUTES"].Put(key{24, [4]byte{1, 2, 3, 0}}, uint32(7)); err != nil {
			t.Fatal(err)
		}
		runXDP(t, coll, "lpm", pkt)
		if v := mapValue[uint32](t, coll.Maps["MATCHES"], uint32(0)); v != 7 {
			t.Errorf("MATCHES[0] = %d, want 7 (1.2.3.4 is in 1.2.3.0/24)", v)
		}
	})
	t.Run("queue and stack", func(t *testing.T) {
		for _, n := range []int{0, 8, 18} { // packets of 42, 50, 60 bytes
			runXDP(t, coll, "queues", append(pkt, make([]byte, n)...))
		}
		runXDP(t, coll, "drain", pkt)
		if v := mapValue[uint32](t, coll.Maps["DRAINED"], uint32(0)); v != 42 {
			t.Errorf("popped from the queue: %d, want the oldest, 42", v)
		}
		if v := mapValue[uint32](t, coll.Maps["DRAINED"], uint32(1)); v != 60 {
			t.Errorf("peeked at the stack: %d, want the newest, 60", v)
		}
	})
	t.Run("ring buffer", func(t *testing.T) {
		r, err := ringbuf.NewReader(coll.Maps["EVENTS"])
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		runXDP(t, coll, "ring", pkt)
		for _, want := range []event{{42, ipv4, 0}, {0, ipv4, 1}} { // reserved, then output
			rec, err := r.Read()
			if err != nil {
				t.Fatal(err)
			}
			if got := readEvent(t, rec.RawSample); got != want {
				t.Errorf("ring buffer record %+v, want %+v", got, want)
			}
		}
	})
	t.Run("perf event array", func(t *testing.T) {
		r, err := perf.NewReader(coll.Maps["PERF"], os.Getpagesize())
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		runXDP(t, coll, "perf", pkt)
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if got := readEvent(t, rec.RawSample); got != (event{42, ipv4, 0}) {
			t.Errorf("perf record %+v, want {42 0x800 0}", got)
		}
	})
	t.Run("program array", func(t *testing.T) {
		if v := runXDP(t, coll, "tail", pkt); v != xdpDrop {
			t.Errorf("verdict %d with JUMP empty, want XDP_DROP", v)
		}
		if err := coll.Maps["JUMP"].Put(uint32(0), coll.Programs["tail_target"]); err != nil {
			t.Fatal(err)
		}
		if v := runXDP(t, coll, "tail", pkt); v != xdpTx {
			t.Errorf("verdict %d after the tail call, want tail_target's XDP_TX", v)
		}
		if n := mapValue[uint32](t, coll.Maps["TAILS"], uint32(0)); n != 1 {
			t.Errorf("tail_target ran %d times, want 1", n)
		}
	})
}

// event is the fixture's Event: len u32, ether_type u16, reserved u16.
type event struct {
	Len       uint32
	EtherType uint16
	Reserved  uint16
}

func readEvent(t *testing.T, b []byte) event {
	t.Helper()
	if len(b) < 8 {
		t.Fatalf("record of %d bytes", len(b))
	}
	return event{binary.NativeEndian.Uint32(b), binary.NativeEndian.Uint16(b[4:]), binary.NativeEndian.Uint16(b[6:])}
}

// TestCrateContexts runs the support crate's socket buffer programs on a
// packet, attaches its tracepoint, raw tracepoint and BTF-typed
// tracepoint and makes them fire,
// and loads its probes (this kernel has nothing to attach kprobes to).
func TestCrateContexts(t *testing.T) {
	out := buildCrateFixture(t)
	testenv.Root(t)
	coll := loadCollection(t, filepath.Join(out, "contexts.o"))
	seen := func(slot uint32) uint64 { return mapValue[uint64](t, coll.Maps["SEEN"], slot) }
	pkt := packet(t, "E 0800 IP U53")

	t.Run("tc", func(t *testing.T) {
		data := make([]byte, len(pkt))
		ctx := make([]byte, 192) // struct __sk_buff
		ret, err := coll.Programs["tc_mark"].Run(&ebpf.RunOptions{Data: pkt, DataOut: data, ContextOut: ctx})
		if err != nil {
			t.Fatal(err)
		}
		if ret != tcActOK || seen(0) != 1 {
			t.Errorf("verdict %d, EtherType check %d; want TC_ACT_OK and 1", ret, seen(0))
		}
		if mark := binary.NativeEndian.Uint32(ctx[8:]); mark != 0x42 {
			t.Errorf("mark %#x, want 0x42", mark)
		}
		if ttl, check := data[14+8], data[14+10:14+12]; ttl != 0x3f || check[0] == 0 && check[1] == 0 {
			t.Errorf("TTL %#x, checksum % x; want 0x3f and a fixed checksum", ttl, check)
		}
	})
	t.Run("socket filter", func(t *testing.T) {
		ret, err := coll.Programs["udp_only"].Run(&ebpf.RunOptions{Data: pkt})
		if err != nil {
			t.Fatal(err)
		}
		// A socket filter's test run starts the packet at its IP header.
		if ret != uint32(len(pkt)-14) || seen(1) != 53 {
			t.Errorf("kept %d bytes, saw port %d; want %d and 53", ret, seen(1), len(pkt)-14)
		}
	})
	t.Run("cgroup skb", func(t *testing.T) {
		ret, err := coll.Programs["cgroup_len"].Run(&ebpf.RunOptions{Data: pkt})
		if err != nil {
			t.Fatal(err)
		}
		if ret != 1 || seen(4) == 0 {
			t.Errorf("verdict %d, length %d; want 1 and the packet's length", ret, seen(4))
		}
	})
	t.Run("tracepoint", func(t *testing.T) {
		testenv.Tracefs(t)
		l, err := link.Tracepoint("syscalls", "sys_enter_getppid", coll.Programs["on_getppid"], nil)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		syscall.Getppid()
		if pid := seen(2); pid != uint64(os.Getpid()) {
			t.Errorf("the tracepoint saw pid %d, want %d", pid, os.Getpid())
		}
	})
	t.Run("raw tracepoint", func(t *testing.T) {
		if runtime.GOARCH != "amd64" {
			t.Skip("the program looks for x86_64's getppid number")
		}
		l, err := link.AttachRawTracepoint(link.RawTracepointOptions{Name: "sys_enter", Program: coll.Programs["on_sys_enter"]})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		syscall.Getppid()
		if nr := seen(3); nr != 110 {
			t.Errorf("the raw tracepoint saw syscall %d, want getppid (110)", nr)
		}
	})
	t.Run("tp_btf", func(t *testing.T) {
		// A new task's real_parent->tgid, read directly at the offsets
		// CO-RE gave, is the process that made it.
		l, err := link.AttachTracing(link.TracingOptions{Program: coll.Programs["on_new_task"]})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		if out, err := exec.Command("true").CombinedOutput(); err != nil {
			t.Fatalf("true: %v\n%s", err, out)
		}
		if seen(8) != 1 {
			t.Error("the BTF-typed tracepoint did not find the new task's parent")
		}
	})
	t.Run("uprobe", func(t *testing.T) {
		// go test strips its binaries' symbols: probe a program of our own.
		target := testenv.UprobeTarget(t)
		exe, err := link.OpenExecutable(target)
		if err != nil {
			t.Fatal(err)
		}
		l, err := exe.Uprobe("main.called", coll.Programs["on_call"], nil)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		if out, err := exec.Command(target).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", target, err, out)
		}
		if n := seen(7); n != 2 {
			t.Errorf("the uprobe fired %d times, want 2", n)
		}
	})
	t.Run("kprobes", func(t *testing.T) {
		// Loaded with the collection; this kernel has no kprobes to attach.
		for _, name := range []string{"on_unlinkat", "on_unlinkat_ret"} {
			if coll.Programs[name] == nil {
				t.Errorf("%s did not load", name)
			}
		}
	})
}

// TestHelpersByName builds a crate without dependencies that declares
// kernel helpers by name, and runs its program: the helpers must be the
// kernel's (a clock that runs, a tail cut by 4 bytes).
func TestHelpersByName(t *testing.T) {
	needE2E(t)
	out := t.TempDir()
	if _, err := Build(context.Background(), Options{Dir: filepath.Join(probes, "byname"), OutDir: out, TargetDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	testenv.Root(t)
	coll := loadCollection(t, filepath.Join(out, "byname.o"))
	pkt := packet(t, "E 0800 IP U53")
	opts := &ebpf.RunOptions{Data: pkt, DataOut: make([]byte, len(pkt))}
	res, err := coll.Programs["byname"].Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res != xdpPass || len(opts.DataOut) != len(pkt)-4 {
		t.Errorf("verdict %d, %d bytes out; want XDP_PASS and %d", res, len(opts.DataOut), len(pkt)-4)
	}
}

// TestKernelCfg builds a bin for Linux 5.4 and for the newest kernel: the
// bin and its library see kernel_version and kernel_at_least, and rustc,
// told of both cfgs, warns of neither.
func TestKernelCfg(t *testing.T) {
	needE2E(t)
	testenv.Root(t)
	target := t.TempDir()
	for _, tt := range []struct {
		kernel       verify.Kernel
		class, exact uint32
	}{
		{verify.Kernel{Major: 5, Minor: 4}, 504, 1},
		{verify.Kernel{}, 508, 0},
	} {
		var trace bytes.Buffer
		out := t.TempDir()
		opts := Options{Dir: filepath.Join(probes, "crate"), Bins: []string{"kernel"}, OutDir: out, TargetDir: target, Kernel: tt.kernel, Trace: &trace}
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(trace.String(), "unexpected `cfg`") {
			t.Errorf("kernel %v: rustc warned of a cfg:\n%s", tt.kernel, trace.String())
		}
		coll := loadCollection(t, filepath.Join(out, "kernel.o"))
		runXDP(t, coll, "kernel", packet(t, "E 0800 IP U53"))
		class, exact := mapValue[uint32](t, coll.Maps["KERNEL"], uint32(0)), mapValue[uint32](t, coll.Maps["KERNEL"], uint32(1))
		if class != tt.class || exact != tt.exact {
			t.Errorf("kernel %v: the library says %d, the bin %d; want %d and %d", tt.kernel, class, exact, tt.class, tt.exact)
		}
	}
}

// TestCrateXDPAttached attaches the maps fixture's hash program to a veth
// in a network namespace the test makes, pings across the pair from a
// second namespace, and reads the packets it counted per EtherType.
func TestCrateXDPAttached(t *testing.T) {
	out := buildCrateFixture(t)
	testenv.Root(t)
	ip := testenv.LookPath(t, "ip")
	ping := testenv.LookPath(t, "ping")
	coll := loadCollection(t, filepath.Join(out, "maps.o"))
	near, far := testenv.VethPair(t)
	testenv.InNetns(t, far, func() {
		iface, err := net.InterfaceByName("veth1")
		if err != nil {
			t.Fatal(err)
		}
		l, err := link.AttachXDP(link.XDPOptions{Program: coll.Programs["hash"], Interface: iface.Index})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
	})
	run(t, ip, "netns", "exec", near, ping, "-c", "3", "-i", "0.2", "-W", "2", testenv.FarAddr)
	if n := mapValue[uint64](t, coll.Maps["COUNTS"], uint16(0x0800)); n < 3 {
		t.Errorf("COUNTS[IPv4] = %d after 3 pings, want at least 3", n)
	}
	if n := mapValue[uint64](t, coll.Maps["COUNTS"], uint16(0x0806)); n < 1 {
		t.Errorf("COUNTS[ARP] = %d, want the ARP request counted", n)
	}
}
