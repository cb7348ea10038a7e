package pipeline

import (
	"encoding/json"
	"time"

	"github.com/oxbpf/oxbpf/gogen"
	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// Result is what a Build or Compile did. See the package documentation
// for its JSON form.
type Result struct {
	Crate        string `json:"crate,omitempty"`
	ManifestPath string `json:"manifest_path,omitempty"`
	OutDir       string `json:"out_dir,omitempty"`
	// TempDir is the directory of intermediate files, when kept.
	TempDir string `json:"temp_dir,omitempty"`
	// Steps are those of the whole run: cargo metadata and discovery.
	Steps []Timing `json:"steps"`
	// Duration is the wall time of the whole run.
	Duration time.Duration `json:"-"`
	// Bins are in the order of the crate's bin targets (or as asked).
	Bins []*BinResult `json:"bins"`
	// VMs are what each kernel of Options.VMs said, in their order.
	VMs []*vm.Result `json:"vms,omitempty"`
}

// BinResult is one bin's way from IR to object.
type BinResult struct {
	Bin string `json:"bin"`
	// OK is true when the object was written (for Verify: passed).
	OK bool `json:"ok"`
	// IR is the .ll the pipeline read: what cargo wrote, or Compile's input.
	IR string `json:"ir,omitempty"`
	// irCopy is this run's private copy of IR, when cargo's file is shared
	// with other runs; it is what was read.
	irCopy string
	// bpfIRHash is the SHA-256 of the rewritten IR, taken as it was
	// written, when there is an object cache to look it up in.
	bpfIRHash []byte
	// Object is the output .o; empty unless OK.
	Object string `json:"object,omitempty"`
	// Temps are the kept intermediate files, in the order they were made.
	Temps []string `json:"temps,omitempty"`
	// LLVM is the opt and llc pair the bin went through.
	LLVM    *toolchain.LLVM    `json:"llvm,omitempty"`
	Steps   []Timing           `json:"steps"`
	Rewrite *rewrite.Report    `json:"rewrite,omitempty"`
	Verify  *verify.Report     `json:"verify,omitempty"`
	Load    *verify.LoadReport `json:"load,omitempty"`
	// Go names the Go bindings written with Options.GoPackage.
	Go *gogen.Result `json:"go,omitempty"`
	// Error is the failure, one line; empty if OK.
	Error string `json:"error,omitempty"`
}

// Step names a stage of the pipeline.
type Step string

// The steps, in the order a bin goes through them. Metadata and Discover
// belong to the whole run.
const (
	StepMetadata Step = "metadata" // cargo metadata: the crate's bins
	StepDiscover Step = "discover" // find opt and llc
	StepCargo    Step = "cargo"    // rustc emits the bin's IR
	StepParse    Step = "parse"    // read the IR
	StepRewrite  Step = "rewrite"  // the rewrite passes, and write the result
	StepCached   Step = "cached"   // the object of an identical rewrite, from the cache: no opt, no llc
	StepOpt      Step = "opt"
	StepLlc      Step = "llc"
	StepVerify   Step = "verify" // static checks of the object
	StepLoad     Step = "load"   // load into the running kernel
	StepGo       Step = "go"     // Go bindings of the object
	StepVM       Step = "vm"     // boot a kernel under qemu, load the objects there
)

// Timing is when a step ran, relative to the start of the run.
type Timing struct {
	Step Step
	// Tool is the program the step ran, e.g. "cargo" or "opt-19"; empty
	// for oxbpf's own work.
	Tool     string
	Start    time.Duration
	Duration time.Duration
}

// MarshalJSON writes {"step", "tool", "start", "seconds"}, times in
// seconds.
func (t Timing) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Step    Step    `json:"step"`
		Tool    string  `json:"tool,omitempty"`
		Start   float64 `json:"start"`
		Seconds float64 `json:"seconds"`
	}{t.Step, t.Tool, seconds(t.Start), seconds(t.Duration)})
}

// MarshalJSON adds the run's wall time as "seconds".
func (r *Result) MarshalJSON() ([]byte, error) {
	type plain Result
	return json.Marshal(struct {
		*plain
		Seconds float64 `json:"seconds"`
	}{(*plain)(r), seconds(r.Duration)})
}

// seconds rounds to microseconds, which is all a timing here means.
func seconds(d time.Duration) float64 { return d.Round(time.Microsecond).Seconds() }

// Event is one step of one bin (Bin empty for the run's own steps), sent
// to Options.Progress as the step ends, or while it waits.
type Event struct {
	Bin string
	Timing
	// Waiting marks a note sent while the step runs: it waits for
	// something outside oxbpf, which Detail names ("file lock on build
	// directory"). Its Duration is the time waited so far.
	Waiting bool
	// Detail summarises the outcome in a few words, e.g. "LLVM 22 → 19,
	// 57 edits" or "2 programs, 1 map".
	Detail string
	// Diagnostics are the rewrite's, on its step.
	Diagnostics []rewrite.Diagnostic
	Err         error
}
