package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"testing"

	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// exited is a *ToolError of a tool that ran and exited with status code.
func exited(tool string, code int, stderr string) error {
	return &toolchain.ToolError{Tool: tool, ExitCode: code, Stderr: []byte(stderr), Err: errors.New("exit status")}
}

// TestKinds checks how each failure is classified.
func TestKinds(t *testing.T) {
	notFound := &toolchain.ToolError{Tool: "opt-19", ExitCode: -1, Err: exec.ErrNotFound}
	cancelled := &toolchain.ToolError{Tool: "cargo", ExitCode: -1, Err: context.Canceled}
	kinds := []error{context.Canceled, ErrUsage, ErrToolchain, ErrProgram}
	for _, tt := range []struct {
		name string
		err  error
		want error // nil: none of the kinds, which counts as ErrProgram
	}{
		{"unclassified", errors.New("disk full"), nil},
		{"usage", Usage(errors.New("no such bin")), ErrUsage},
		{"wrapped usage", fmt.Errorf("bin a: %w", Usage(errors.New("x"))), ErrUsage},
		{"rustc compile error", cargoError(exited("cargo", 101, "error[E0425]: cannot find value `x`")), ErrProgram},
		{"cargo not installed", cargoError(&toolchain.ToolError{Tool: "cargo", ExitCode: -1, Err: exec.ErrNotFound}), ErrToolchain},
		{"no Cargo.toml", cargoError(fmt.Errorf("cargo metadata: %w", fs.ErrNotExist)), ErrUsage},
		{"opt refuses our IR", llvmError(exited("opt-19", 1, "opt-19: x.ll:3:4: error: expected type")), ErrToolchain},
		{"opt crashed", llvmError(exited("opt-19", 139, "Stack dump:")), ErrToolchain},
		{"opt missing", llvmError(notFound), ErrToolchain},
		{"llc backend error in the program", llvmError(exited("llc-19", 1,
			"error: <unknown>:0:0: in function u128_mul i32 (ptr): A call to built-in function '__multi3' is not supported.")), ErrProgram},
		{"no permission to load", loadError(fmt.Errorf("load map M: %w", verify.ErrNoPermission)), ErrToolchain},
		{"not Linux", loadError(fmt.Errorf("load: %w", verify.ErrNotSupported)), ErrToolchain},
	} {
		for _, kind := range kinds {
			if got := errors.Is(tt.err, kind); got != (kind == tt.want) {
				t.Errorf("%s: errors.Is(%v, %v) = %v", tt.name, tt.err, kind, got)
			}
		}
	}
	if err := cargoError(cancelled); !errors.Is(err, context.Canceled) {
		t.Errorf("interrupted cargo: %v is not context.Canceled", err)
	}
	joined := joinBins([]error{mark(ErrProgram, errors.New("x")), mark(ErrToolchain, notFound)})
	if !errors.Is(joined, ErrProgram) || !errors.Is(joined, ErrToolchain) {
		t.Errorf("joined failures lose a kind: %v", joined)
	}
}

func TestErrorsKeepTheirMessage(t *testing.T) {
	inner := exited("opt-19", 1, "boom")
	err := llvmError(inner)
	if err.Error() != inner.Error() {
		t.Errorf("marking changed the message: %q", err)
	}
	var te *toolchain.ToolError
	if !errors.As(err, &te) || te != inner {
		t.Error("the ToolError is no longer reachable")
	}
	if mark(ErrProgram, nil) != nil {
		t.Error("mark(kind, nil) is not nil")
	}
}

func TestJoinBins(t *testing.T) {
	a, b := errors.New("bin a: opt-19: boom"), errors.New("bin b: verify: loop")
	if joinBins([]error{nil, nil}) != nil {
		t.Error("no failure, yet an error")
	}
	if got := joinBins([]error{nil, a}); got != a {
		t.Errorf("one failure: %v", got)
	}
	got := joinBins([]error{a, nil, b})
	if want := "2 bins failed: bin a: opt-19: boom; bin b: verify: loop"; got.Error() != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(got, b) {
		t.Error("errors.Is does not see the second failure")
	}
}
