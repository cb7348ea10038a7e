package vm

import (
	"time"

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
	Boot   time.Duration `json:"boot_ns"`
	Suites []SuiteResult `json:"suites"`
}

// SuiteResult is what the kernel said of one suite.
type SuiteResult struct {
	Name string `json:"name"`
	// Loads is each object's load report, in the order of the names.
	Loads []ObjectLoad `json:"loads"`
	// Tests are the results of the cases, when there were any.
	Tests *testrun.Report `json:"tests,omitempty"`
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
	return s.Tests == nil || s.Tests.OK()
}
