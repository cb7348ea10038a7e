package rewrite

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/oxbpf/oxbpf/ir"
)

// Severity says whether a diagnostic stops the build.
type Severity string

// The severities.
const (
	Warning Severity = "warning"
	Error   Severity = "error"
)

// Diagnostic is something a pass found, at a position in the input.
type Diagnostic struct {
	Pass string
	// Check names what a pass looked for, where a caller may want to find
	// the finding again: CheckIndirectCall. Empty for the rest.
	Check    string
	Severity Severity
	Pos      ir.Position
	Function string // demangled name of the enclosing function
	Message  string
}

// CheckIndirectCall is lint's check for calls through a function pointer,
// which no BPF program may make; the object's callx says that one
// survived opt, the diagnostic which Rust function made it.
const CheckIndirectCall = "indirect-call"

// MarshalJSON writes {"pass", "check", "severity", "position",
// "function", "message"}, the position as file:line:col, and the check
// and function only when there are.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Pass     string   `json:"pass"`
		Check    string   `json:"check,omitempty"`
		Severity Severity `json:"severity"`
		Position string   `json:"position"`
		Function string   `json:"function,omitempty"`
		Message  string   `json:"message"`
	}{d.Pass, d.Check, d.Severity, d.Pos.String(), d.Function, d.Message})
}

// String formats the diagnostic as file:line:col: severity: message (in fn).
func (d Diagnostic) String() string {
	s := d.Pos.String() + ": " + string(d.Severity) + ": " + d.Message
	if d.Function != "" {
		s += " (in " + d.Function + ")"
	}
	return s
}

// PassResult is what one pass changed and found.
type PassResult struct {
	Pass        string
	Changes     map[string]int // rule → number of edits
	Diagnostics []Diagnostic
}

// Report is what a run of passes did to one module. It marshals to the
// stable form of --json:
//
//	{
//	  "rustc": "1.95.0",   // optional: the release that wrote the module
//	  "llvm": 19,          // the LLVM major whose syntax the output uses; 0: the input's
//	  "changes": [{"pass": "retarget", "rule": "triple", "count": 1}],
//	  "diagnostics": [{"pass": "lint", "severity": "warning",
//	    "position": "xdp_parse.ll:12:3", "function": "xdp_parse", "message": "..."}]
//	}
//
// Lists are never null.
type Report struct {
	// Rustc is the rustc release that wrote the module, if it says.
	Rustc string
	// LLVM is Options.LLVM of the run.
	LLVM int
	// Passes are the passes' results, in the order they ran.
	Passes []*PassResult
}

// Change counts the edits of one rule of one pass.
type Change struct {
	Pass  string `json:"pass"`
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// Changes lists the edits per rule: passes in the order they ran, each
// pass's rules by name.
func (r *Report) Changes() []Change {
	changes := []Change{}
	for _, p := range r.Passes {
		for _, rule := range slices.Sorted(maps.Keys(p.Changes)) {
			changes = append(changes, Change{Pass: p.Pass, Rule: rule, Count: p.Changes[rule]})
		}
	}
	return changes
}

// Edits is the number of edits of every rule.
func (r *Report) Edits() int {
	n := 0
	for _, p := range r.Passes {
		for _, c := range p.Changes {
			n += c
		}
	}
	return n
}

// MarshalJSON writes the form the type's documentation shows.
func (r *Report) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Rustc       string       `json:"rustc,omitempty"`
		LLVM        int          `json:"llvm"`
		Changes     []Change     `json:"changes"`
		Diagnostics []Diagnostic `json:"diagnostics"`
	}{r.Rustc, r.LLVM, r.Changes(), append([]Diagnostic{}, r.Diagnostics()...)})
}

// Diagnostics returns every diagnostic of every pass.
func (r *Report) Diagnostics() []Diagnostic {
	var ds []Diagnostic
	for _, p := range r.Passes {
		ds = append(ds, p.Diagnostics...)
	}
	return ds
}

// Errors returns the diagnostics of severity Error.
func (r *Report) Errors() []Diagnostic {
	var ds []Diagnostic
	for _, d := range r.Diagnostics() {
		if d.Severity == Error {
			ds = append(ds, d)
		}
	}
	return ds
}
