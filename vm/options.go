package vm

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/oxbpf/oxbpf/attach"
	"github.com/oxbpf/oxbpf/testrun"
	"github.com/oxbpf/oxbpf/verify"
)

// Options say how to boot.
type Options struct {
	// Qemu is the qemu-system-x86_64 to run; empty means $OXBPF_QEMU,
	// else qemu-system-x86_64 on PATH.
	Qemu string
	// Init is the oxbpf binary the guest runs as /init (a Linux x86-64
	// one whose main calls Guest); empty means this executable.
	Init string
	// Accel is "kvm", "tcg" or "auto" (empty: $OXBPF_VM_ACCEL, else
	// auto): KVM if it boots, TCG otherwise.
	Accel string
	// MemoryMB is the guest's memory; 0 means 512.
	MemoryMB int
	// Timeout bounds one boot; 0 means DefaultTimeout.
	Timeout time.Duration
	// VerifierLog asks the guest for the verifier's log of every program,
	// not only of those it rejects.
	VerifierLog bool
	// KernelBTF is a BTF file the guest fixes CO-RE relocations against
	// (loads, cases, attached runs) instead of its kernel's own: for a
	// kernel built without BTF.
	KernelBTF string
}

// DefaultTimeout bounds a boot: seconds under TCG, so minutes mean a hang.
const DefaultTimeout = 5 * time.Minute

// Request is what the guest loads: suites of objects, each with the test
// cases to run on them. Names are resolved within a suite, so that two
// crates' bins of one name, and their cases, can share a boot.
type Request struct {
	Suites []Suite
}

// A Suite is objects and the cases that run on them.
type Suite struct {
	// Name says whose objects these are (a crate, a directory) in reports.
	Name string
	// Objects maps a name (a bin, an object's stem) to the object's path.
	Objects map[string]string
	// Cases is a TOML file of test cases, or a directory of them, to run
	// on the objects; empty runs none.
	Cases string
	// Run selects cases by name, as a regular expression; empty runs all.
	Run string
	// Attach attaches every program of the objects as oxbpf run does,
	// once they loaded and the cases ran, then starts a process (init
	// again, which exits at once) for the programs to see, and reports
	// the maps: a check of programs that run attached in other kernels.
	Attach bool
}

// Result is what one kernel said.
type Result struct {
	// Image is the kernel image booted, Release its `uname -r`.
	Image   string `json:"image"`
	Release string `json:"release"`
	// Kernel is Release as a version, for the --kernel checks.
	Kernel verify.Kernel `json:"kernel"`
	// Accel is how qemu ran it: "kvm" or "tcg"; Boot how long the whole
	// run took.
	Accel  string        `json:"accel"`
	Boot   time.Duration `json:"-"`
	Suites []SuiteResult `json:"suites"`
	// Error is why the guest could not run the whole request (a suite's
	// cases that do not read, say); Suites then hold what it did run.
	Error string `json:"error,omitempty"`
}

// SuiteResult is what the kernel said of one suite.
type SuiteResult struct {
	Name string `json:"name"`
	// Loads is each object's load report, in the order of the names.
	Loads []ObjectLoad `json:"loads"`
	// Tests are the results of the cases, when there were any.
	Tests *testrun.Report `json:"tests,omitempty"`
	// Attached is what an Attach run saw.
	Attached *AttachResult `json:"attached,omitempty"`
}

// AttachResult is what the programs of a suite did attached.
type AttachResult struct {
	// Programs are "program: where" for those attached, "program:
	// skipped: why" for the others.
	Programs []string `json:"programs"`
	// Child is the process id of the process started while attached.
	Child int `json:"child"`
	// Maps are the maps' contents after it ended.
	Maps []attach.MapDump `json:"maps"`
	// Error is why the programs could not run attached.
	Error string `json:"error,omitempty"`
}

// ObjectLoad is the kernel's verdict on one object: Report, or Error when
// the object could not be loaded at all.
type ObjectLoad struct {
	Object string             `json:"object"`
	Report *verify.LoadReport `json:"report,omitempty"`
	Error  string             `json:"error,omitempty"`
}

// OK reports whether every object loaded and every case passed.
func (r *Result) OK() bool {
	if r.Error != "" {
		return false
	}
	for _, s := range r.Suites {
		if !s.OK() {
			return false
		}
	}
	return true
}

// OK reports whether every object of the suite loaded and every case
// passed.
func (s *SuiteResult) OK() bool {
	for _, l := range s.Loads {
		if l.Report == nil || !l.Report.OK() {
			return false
		}
	}
	return (s.Tests == nil || s.Tests.OK()) && (s.Attached == nil || s.Attached.Error == "")
}

// Refusals are what the kernel refused, one line each: the maps and
// programs it rejected after their object's name, the objects it could
// not load at all, how many cases failed, and why the guest stopped
// early.
func (r *Result) Refusals() []string {
	var out []string
	failed := 0
	for _, s := range r.Suites {
		for _, l := range s.Loads {
			switch {
			case l.Error != "":
				out = append(out, l.Object+": "+l.Error)
			case l.Report != nil:
				for _, rej := range l.Report.Rejections() {
					out = append(out, l.Object+": "+rej)
				}
			}
		}
		if s.Tests != nil {
			failed += s.Tests.Failed
		}
	}
	if failed > 0 {
		out = append(out, fmt.Sprintf("%d of the cases failed", failed))
	}
	if r.Error != "" {
		out = append(out, r.Error)
	}
	return out
}

// MarshalJSON writes Boot as "seconds", as oxbpf's other JSON gives times.
func (r *Result) MarshalJSON() ([]byte, error) {
	type plain Result
	return json.Marshal(struct {
		*plain
		Seconds float64 `json:"seconds"`
	}{(*plain)(r), r.Boot.Round(time.Microsecond).Seconds()})
}
