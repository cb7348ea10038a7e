//go:build linux

package attach_test

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/attach"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/pipeline"
)

func TestMain(m *testing.M) {
	os.Exit(testenv.CheckLeftovers(m.Run()))
}

// buildBin builds one bin of the support crate's fixture and returns its
// object.
func buildBin(t *testing.T, bin string) string {
	t.Helper()
	testenv.LookPath(t, "cargo")
	out := t.TempDir()
	_, err := pipeline.Build(context.Background(), pipeline.Options{
		Dir: "../fixtures/probes/crate", Bins: []string{bin}, OutDir: out, TargetDir: t.TempDir(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(out, bin+".o")
}

// recorder keeps a run's reports and says when the programs are attached.
type recorder struct {
	mu       sync.Mutex
	reports  []attach.Report
	programs int // how many programs the object has
	ready    chan struct{}
}

func newRecorder(programs int) *recorder {
	return &recorder{programs: programs, ready: make(chan struct{})}
}

func (r *recorder) report(rep attach.Report) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reports = append(r.reports, rep)
	if rep.Kind != attach.Attached && rep.Kind != attach.Skipped {
		return
	}
	if n := len(r.of(attach.Attached)) + len(r.of(attach.Skipped)); n == r.programs {
		close(r.ready)
	}
}

// of returns the reports of a kind; the caller holds mu.
func (r *recorder) of(kind attach.ReportKind) []attach.Report {
	var out []attach.Report
	for _, rep := range r.reports {
		if rep.Kind == kind {
			out = append(out, rep)
		}
	}
	return out
}

// lastMaps returns the entries of the last maps report, by map and key text.
func (r *recorder) lastMaps(t *testing.T) map[string]string {
	t.Helper()
	maps := r.of(attach.Maps)
	if len(maps) == 0 {
		t.Fatal("no maps report")
	}
	entries := map[string]string{}
	for _, d := range maps[len(maps)-1].Maps {
		for _, e := range d.Entries {
			entries[d.Map+"["+e.KeyText+"]"] = e.ValueText
		}
	}
	return entries
}

// TestRunEverySection runs the fixture with one program per context of
// the support crate: every program attaches by its section (tc, socket
// filter on a veth in a namespace of the test's, cgroup, tracepoint, raw
// tracepoint, BTF-typed tracepoint, uprobe) but kprobes, which this kernel may lack; traffic
// and calls reach them, and the maps at the end show it.
func TestRunEverySection(t *testing.T) {
	obj := buildBin(t, "contexts")
	testenv.Root(t)
	testenv.Tracefs(t)
	target := testenv.UprobeTarget(t)
	cgroup := testenv.Cgroup(t)
	near, far := testenv.VethPair(t)

	rec := newRecorder(8)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-rec.ready:
		case <-time.After(time.Minute):
			t.Error("the programs were not attached in a minute")
			cancel()
			return
		}
		defer cancel()
		if out, err := exec.Command(target).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", target, err, out)
		}
		syscall.Getppid()
		testenv.InNetns(t, far, func() {
			c, err := net.Dial("udp", net.JoinHostPort(testenv.NearAddr, "4242"))
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			for range 3 {
				c.Write([]byte("oxbpf"))
				time.Sleep(50 * time.Millisecond)
			}
		})
	}()
	var err error
	testenv.InNetns(t, near, func() {
		err = attach.Run(ctx, []string{obj}, attach.Options{
			Iface: "veth0", Cgroup: cgroup, Uprobe: target + ":main.called", Report: rec.report,
		})
	})
	if err != nil {
		t.Fatal(err)
	}

	attached := map[string]string{}
	for _, rep := range rec.of(attach.Attached) {
		attached[rep.Program] = rep.Detail
	}
	for prog, where := range map[string]string{
		"tc_mark":      "tc ingress of veth0",
		"udp_only":     "a raw socket on veth0",
		"cgroup_len":   "cgroup " + cgroup,
		"on_getppid":   "tracepoint syscalls/sys_enter_getppid",
		"on_sys_enter": "raw tracepoint sys_enter",
		"on_call":      "uprobe " + target + ":main.called",
		"on_new_task":  "tp_btf/task_newtask",
	} {
		if attached[prog] != where {
			t.Errorf("%s attached to %q, want %q", prog, attached[prog], where)
		}
	}
	for _, rep := range rec.of(attach.Skipped) {
		if !strings.HasPrefix(rep.Section, "kprobe/") && !strings.HasPrefix(rep.Section, "kretprobe/") ||
			!strings.Contains(rep.Detail, "no kprobe") {
			t.Errorf("%s (%s) skipped: %s", rep.Program, rep.Section, rep.Detail)
		}
	}

	seen := rec.lastMaps(t)
	want := map[string]string{
		"SEEN[0]": "1",    // tc: the EtherType loaded matched the context's
		"SEEN[1]": "4242", // the socket filter's UDP port
		"SEEN[7]": "2",    // the uprobe fired twice
		"SEEN[8]": "1",    // tp_btf: the new task's parent is the process that made it
	}
	if runtime.GOARCH == "amd64" {
		want["SEEN[3]"] = "110" // the raw tracepoint saw getppid
	}
	for k, v := range want {
		if seen[k] != v {
			t.Errorf("%s = %q, want %q (maps: %v)", k, seen[k], v, seen)
		}
	}
	if seen["SEEN[2]"] == "" {
		t.Errorf("the tracepoint saw no getppid (maps: %v)", seen)
	}
}

// TestRunEvents streams the ring buffer and the perf event array of a
// tracepoint on exec: each process the test starts comes back through
// both as an event decoded through BTF, with the Rust struct's field
// names, its pid and its comm.
func TestRunEvents(t *testing.T) {
	obj := buildBin(t, "exec")
	testenv.Root(t)
	testenv.Tracefs(t)
	truePath := testenv.LookPath(t, "true")

	rec := newRecorder(1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pids []int
	go func() {
		defer cancel()
		<-rec.ready
		for range 3 {
			cmd := exec.Command(truePath)
			if err := cmd.Run(); err != nil {
				t.Error(err)
			}
			pids = append(pids, cmd.Process.Pid)
		}
		// The records come through the readers: wait for them.
		for range 100 {
			rec.mu.Lock()
			n := len(rec.of(attach.Event))
			rec.mu.Unlock()
			if n >= 2*len(pids) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	if err := attach.Run(ctx, []string{obj}, attach.Options{Report: rec.report}); err != nil {
		t.Fatal(err)
	}

	records := map[string]map[uint64]map[string]any{} // by map and pid
	for _, rep := range rec.of(attach.Event) {
		record, ok := rep.Record.(map[string]any)
		if !ok {
			t.Fatalf("%s: record %#v is not a struct's fields (%s)", rep.Map, rep.Record, rep.Text)
		}
		if records[rep.Map] == nil {
			records[rep.Map] = map[uint64]map[string]any{}
		}
		if pid, ok := record["pid"].(uint64); ok {
			records[rep.Map][pid] = record
		}
	}
	for _, m := range []string{"EXECS", "EXEC_PERF"} {
		for _, pid := range pids {
			record := records[m][uint64(pid)]
			if record == nil {
				t.Errorf("%s: no event for pid %d (events: %v)", m, pid, records)
				continue
			}
			if record["comm"] != "true" || record["uid"] != uint64(0) {
				t.Errorf("%s: pid %d: record %v, want comm true, uid 0", m, pid, record)
			}
		}
	}
	if n, _ := strconv.Atoi(rec.lastMaps(t)["EXEC_COUNT[0]"]); n < len(pids) {
		t.Errorf("EXEC_COUNT[0] = %d, want at least %d", n, len(pids))
	}
}

// TestRunNothingAttached ends a run that attaches nothing at once, with
// ErrNothingAttached and why: no programs, or none with what it needs.
func TestRunNothingAttached(t *testing.T) {
	testenv.Root(t)
	for _, tc := range []struct {
		object, want, skipped string
	}{
		{"noprog.o", "no program attached: the objects hold no programs", ""},
		{"xdp_maps.o", "no program attached; the skipped lines say why", "give --iface NAME to attach packet programs"},
		{"unknown_section.o", "no program attached; the skipped lines say why", "oxbpf run does not attach UnspecifiedProgram programs"},
	} {
		t.Run(tc.object, func(t *testing.T) {
			var skipped []string
			err := attach.Run(context.Background(), []string{filepath.Join("../verify/testdata", tc.object)}, attach.Options{
				Report: func(r attach.Report) {
					if r.Kind == attach.Skipped {
						skipped = append(skipped, r.Detail)
					}
				},
			})
			if !errors.Is(err, attach.ErrNothingAttached) || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if tc.skipped != "" && (len(skipped) != 1 || skipped[0] != tc.skipped) {
				t.Errorf("skipped %q, want %q", skipped, tc.skipped)
			}
		})
	}
}
