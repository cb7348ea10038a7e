package testrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/verify"
)

// Options say which cases to run and how.
type Options struct {
	// Run selects cases by name; nil runs all.
	Run *regexp.Regexp
	// Bench, when positive, also runs each case that many times in the
	// kernel (the test run's repeat) and reports the time per run.
	Bench int
	// KernelTypes is the kernel BTF to fix CO-RE relocations against;
	// nil means the running kernel's (/sys/kernel/btf/vmlinux).
	KernelTypes *btf.Spec
}

// Outcomes of a case.
const (
	Pass = "pass"
	Fail = "fail"
	Skip = "skip"
)

// A Result is how one case went.
type Result struct {
	Case    string `json:"case"`
	File    string `json:"file"`
	Object  string `json:"object,omitempty"`
	Program string `json:"program"`
	Status  string `json:"status"`
	// Reason says why the case was skipped, or could not run.
	Reason string `json:"reason,omitempty"`
	// Diffs say what differed from the expectations, one line each.
	Diffs  []string `json:"diffs,omitempty"`
	Return uint32   `json:"return"`
	// BenchRuns and NsPerRun are set with Options.Bench.
	BenchRuns int     `json:"bench_runs,omitempty"`
	NsPerRun  float64 `json:"ns_per_run,omitempty"`
}

// Report is a run of cases.
type Report struct {
	Results               []Result `json:"results"`
	Passed, Failed, Skips int
}

// OK reports whether no case failed.
func (r *Report) OK() bool { return r.Failed == 0 }

// testRunnable are the program types BPF_PROG_TEST_RUN runs on a packet.
var testRunnable = []ebpf.ProgramType{
	ebpf.XDP, ebpf.SchedCLS, ebpf.SchedACT, ebpf.SocketFilter, ebpf.CGroupSKB,
	ebpf.LWTIn, ebpf.LWTOut, ebpf.LWTXmit, ebpf.LWTSeg6Local, ebpf.FlowDissector, ebpf.RawTracepoint,
}

// Run runs the cases on the programs of objects (an object's name, a
// bin's, to its path), each case on a fresh load of its object, so that
// no case sees another's map contents. Cases that name a program no
// object has fail; program types the kernel cannot test-run are skipped.
func Run(ctx context.Context, objects map[string]string, cases []*Case, opts Options) (*Report, error) {
	specs := map[string]*ebpf.CollectionSpec{}
	for name, path := range objects {
		spec, err := verify.ReadSpec(path)
		if err != nil {
			return nil, err
		}
		specs[name] = spec
	}
	rep := &Report{Results: []Result{}}
	for _, c := range cases {
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		if opts.Run != nil && !opts.Run.MatchString(c.Name) {
			continue
		}
		r := runCase(c, specs, opts)
		switch r.Status {
		case Pass:
			rep.Passed++
		case Fail:
			rep.Failed++
		case Skip:
			rep.Skips++
		}
		rep.Results = append(rep.Results, r)
	}
	return rep, nil
}

func runCase(c *Case, specs map[string]*ebpf.CollectionSpec, opts Options) Result {
	r := Result{Case: c.Name, File: c.File, Program: c.Program, Status: Fail}
	object, spec, err := findProgram(c, specs)
	if err != nil {
		r.Reason = err.Error()
		return r
	}
	r.Object = object
	ps := spec.Programs[c.Program]
	if !slices.Contains(testRunnable, ps.Type) {
		r.Status, r.Reason = Skip, fmt.Sprintf("the kernel cannot test-run %v programs (BPF_PROG_TEST_RUN)", ps.Type)
		return r
	}
	coll, err := ebpf.NewCollectionWithOptions(spec, ebpf.CollectionOptions{Programs: ebpf.ProgramOptions{KernelTypes: opts.KernelTypes}})
	if err != nil {
		r.Reason = "load: " + firstLine(err.Error())
		return r
	}
	defer coll.Close()
	for _, e := range c.Before {
		if err := put(coll, spec, e); err != nil {
			r.Reason = fmt.Sprintf("before: map %s: %v", e.Map, err)
			return r
		}
	}
	prog := coll.Programs[c.Program]
	run := &ebpf.RunOptions{Data: c.Data, Context: contextArg(c.Context)}
	if len(c.Data) > 0 {
		run.DataOut = make([]byte, len(c.Data)+256) // room for a packet that grows
	}
	ret, err := prog.Run(run)
	if errors.Is(err, ebpf.ErrNotSupported) {
		r.Status, r.Reason = Skip, "this kernel cannot test-run the program: "+err.Error()
		return r
	}
	if err != nil {
		r.Reason = "run: " + err.Error()
		if errors.Is(err, syscall.EINVAL) && len(c.Data) < 14 {
			r.Reason += " (the kernel test-runs packets of at least 14 bytes, an Ethernet header)"
		}
		return r
	}
	r.Return = ret
	r.Diffs = compare(c, spec, coll, ret, run.DataOut, ps.Type)
	if len(r.Diffs) == 0 {
		r.Status = Pass
	}
	if opts.Bench > 0 && r.Status == Pass {
		_, per, err := prog.Benchmark(c.Data, opts.Bench, nil)
		if err == nil {
			r.BenchRuns, r.NsPerRun = opts.Bench, float64(per)/float64(time.Nanosecond)
		}
	}
	return r
}

// contextArg is the context for the run, or nil for none.
func contextArg(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// findProgram returns the object that holds the case's program.
func findProgram(c *Case, specs map[string]*ebpf.CollectionSpec) (string, *ebpf.CollectionSpec, error) {
	var names []string
	for name := range specs {
		names = append(names, name)
	}
	slices.Sort(names)
	if c.Object != "" {
		spec, ok := specs[c.Object]
		if !ok {
			return "", nil, fmt.Errorf("no object %s: the objects are %s", c.Object, strings.Join(names, ", "))
		}
		if spec.Programs[c.Program] == nil {
			return "", nil, fmt.Errorf("object %s has no program %s: it has %s", c.Object, c.Program, programNames(spec))
		}
		return c.Object, spec, nil
	}
	var found []string
	for _, name := range names {
		if specs[name].Programs[c.Program] != nil {
			found = append(found, name)
		}
	}
	switch len(found) {
	case 0:
		return "", nil, fmt.Errorf("no object has a program %s (objects: %s)", c.Program, strings.Join(names, ", "))
	case 1:
		return found[0], specs[found[0]], nil
	}
	return "", nil, fmt.Errorf("objects %s all have a program %s: say which with object = \"<bin>\"", strings.Join(found, ", "), c.Program)
}

func programNames(spec *ebpf.CollectionSpec) string {
	var names []string
	for name := range spec.Programs {
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// compare lists what differs from the case's expectations.
func compare(c *Case, spec *ebpf.CollectionSpec, coll *ebpf.Collection, ret uint32, out []byte, typ ebpf.ProgramType) []string {
	var diffs []string
	if c.Expect.Return != nil {
		want, err := returnValue(c.Expect.Return, typ)
		switch {
		case err != nil:
			diffs = append(diffs, "return: "+err.Error())
		case want != ret:
			diffs = append(diffs, fmt.Sprintf("return: got %s, want %s", verdict(ret, typ), verdict(want, typ)))
		}
	}
	if c.Expect.Packet != nil && !bytes.Equal(out, c.Expect.Packet) {
		diffs = append(diffs, "packet: "+packetDiff(out, c.Expect.Packet))
	}
	for _, e := range c.Expect.Maps {
		if d := checkEntry(coll, spec, e); d != "" {
			diffs = append(diffs, d)
		}
	}
	return diffs
}

// packetDiff says where two packets part.
func packetDiff(got, want []byte) string {
	n := min(len(got), len(want))
	i := 0
	for i < n && got[i] == want[i] {
		i++
	}
	if i == n {
		return fmt.Sprintf("got %d bytes, want %d (the same up to there)", len(got), len(want))
	}
	end := min(i+8, n)
	return fmt.Sprintf("byte %d: got % x, want % x (%d and %d bytes)", i, got[i:end], want[i:end], len(got), len(want))
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
