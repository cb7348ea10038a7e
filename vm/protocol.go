package vm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Where the guest finds its request; the objects and cases of suite i are
// in suiteDir(i).
const requestPath = "oxbpf/request.json"

// suiteDir is where suite i's objects (objects/<name>.o) and cases
// (cases/*.toml) are.
func suiteDir(i int) string { return fmt.Sprintf("oxbpf/suites/%d", i) }

// guestRequest is the request as the guest reads it.
type guestRequest struct {
	Suites      []guestSuite `json:"suites"`
	VerifierLog bool         `json:"verifier_log"`
	// KernelBTF says kernelBTFPath holds the BTF to relocate against.
	KernelBTF bool `json:"kernel_btf,omitempty"`
}

// kernelBTFPath is where the guest finds Options.KernelBTF's file.
const kernelBTFPath = "oxbpf/kernel.btf"

type guestSuite struct {
	Name string `json:"name"`
	// Objects are names; each is suiteDir(i)/objects/<name>.o.
	Objects []string `json:"objects"`
	Cases   bool     `json:"cases"`
	Run     string   `json:"run,omitempty"`
	Attach  bool     `json:"attach,omitempty"`
}

// The lines around the guest's result on the console, which also carries
// the firmware's and the kernel's messages.
const (
	beginResult = "--- oxbpf guest result ---"
	endResult   = "--- oxbpf guest end ---"
)

// errNoResult is a boot that printed no result: the kernel did not start
// init, or init did not get to the end.
var errNoResult = errors.New("the guest printed no result")

// parseResult finds the guest's result in the console's output.
func parseResult(console []byte) (*Result, error) {
	console = bytes.ReplaceAll(console, []byte("\r"), nil)
	_, rest, ok := bytes.Cut(console, []byte(beginResult+"\n"))
	if !ok {
		return nil, errNoResult
	}
	body, _, ok := bytes.Cut(rest, []byte("\n"+endResult))
	if !ok {
		return nil, fmt.Errorf("%w: it stops after %d bytes", errNoResult, len(rest))
	}
	var r Result
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("the guest's result: %w", err)
	}
	return &r, nil
}
