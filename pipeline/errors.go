package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/oxbpf/oxbpf/internal/symbol"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// The kinds of failure, matched with errors.Is. Every error of Build,
// Compile and Doctor that is not ErrUsage or ErrToolchain (or, for an
// interrupted run, context.Canceled) counts as ErrProgram. When bins fail
// for different reasons the joined error matches each of their kinds.
var (
	// ErrProgram: the input or the program is at fault. rustc rejected the
	// crate, the IR does not parse, the rewrite found an error (with
	// Strict, also a warning), the object has a problem a loader refuses,
	// the kernel's verifier rejected a program.
	ErrProgram = errors.New("the input or program is at fault")
	// ErrUsage: the request itself is wrong: a crate or file that is not
	// there, a bin the crate does not have, an option value out of range.
	ErrUsage = errors.New("usage error")
	// ErrToolchain: a tool or a capability is missing or failed: no usable
	// opt and llc, cargo not found, opt or llc crashed or refused the IR
	// oxbpf gave it, no permission to load BPF here.
	ErrToolchain = errors.New("a tool is missing or failed")
)

// kindError gives err a kind without changing its message.
type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.err, e.kind} }

func mark(kind, err error) error {
	if err == nil {
		return nil
	}
	return &kindError{kind, err}
}

// Usage marks err as a mistake in the request (ErrUsage), for callers
// such as the command line that check their own arguments.
func Usage(err error) error { return mark(ErrUsage, err) }

// Toolchain marks err as something the machine lacks (ErrToolchain), for
// callers such as the command line that find it out themselves.
func Toolchain(err error) error { return mark(ErrToolchain, err) }

// cargoError classifies a failure of cargo: when cargo ran and said no,
// the crate is at fault (a compile error, a bad manifest); when it did not
// run to the end, the toolchain is.
func cargoError(err error) error {
	var te *toolchain.ToolError
	var ws *toolchain.WorkspaceError
	switch {
	case errors.Is(err, fs.ErrNotExist) && !errors.As(err, &te):
		return mark(ErrUsage, err) // no Cargo.toml there
	case errors.As(err, &ws):
		return mark(ErrUsage, err)
	case !errors.As(err, &te) && (errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)):
		return tempError(err) // copying the IR into the temporary directory
	case errors.As(err, &te) && te.ExitCode > 0:
		return mark(ErrProgram, err)
	}
	return mark(ErrToolchain, err)
}

// tempError classifies a failure to write oxbpf's own temporary files:
// the machine's, like a missing tool, whatever the run (compile, build,
// verify). A full disk gets the hint to point TMPDIR elsewhere.
func tempError(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		err = fmt.Errorf("%w (temporary files go to %s: point TMPDIR at a file system with room)", err, os.TempDir())
	}
	return mark(ErrToolchain, err)
}

// llvmError classifies a failure of opt or llc. They read IR that oxbpf
// wrote, so a refusal is the toolchain's; only a backend error pinned to a
// function of the program ("in function f ...: A call to built-in function
// '__multi3' is not supported.") blames the program.
//
// Some of those errors make llc abort rather than exit ("unsupported atomic
// operation"), which still blames the program, not the tool. Atomics that
// -mcpu v1 and v2 cannot express get what to do.
func llvmError(err error) error {
	var te *toolchain.ToolError
	if !errors.As(err, &te) || te.ExitCode == 0 {
		return mark(ErrToolchain, err)
	}
	m := inFunction.FindSubmatch(te.Stderr)
	if m == nil {
		return mark(ErrToolchain, err)
	}
	fn := symbol.Demangle(string(m[1]))
	switch msg := string(m[2]); {
	case strings.Contains(msg, "XADD return value") || strings.Contains(msg, "unsupported atomic operation"):
		return mark(ErrProgram, fmt.Errorf("%s: %s uses an atomic operation that -mcpu v1 and v2 cannot express "+
			"(compare_exchange, swap, fetch_and/or/xor, or fetch_add/fetch_sub whose old value is used): "+
			"build with --mcpu v3, which Linux 5.12 and newer run (llc said: %s)", te.Tool, fn, msg))
	}
	return mark(ErrProgram, err)
}

// inFunction finds the function and message of an LLVM backend error:
// "error: <unknown>:0:0: in function cas i32 (ptr): unsupported atomic
// operation, please use 64 bit version".
var inFunction = regexp.MustCompile(`in function (\S+) [^:\n]*: ([^\n]*)`)

// loadError classifies a failure to load at all (not a rejection): no
// privilege or not Linux is the machine's, anything else the object's.
func loadError(err error) error {
	if errors.Is(err, verify.ErrNoPermission) || errors.Is(err, verify.ErrNotSupported) {
		return mark(ErrToolchain, err)
	}
	return mark(ErrProgram, err)
}

// failures are the failures of several bins or kernels, as one line.
type failures struct {
	noun string // what failed: "bins", "kernels"
	errs []error
}

func (e *failures) Error() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(e.errs)) + " " + e.noun + " failed: ")
	for i, err := range e.errs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

func (e *failures) Unwrap() []error { return e.errs }

// joinBins returns nil, the one error, or all of them as failures of bins.
func joinBins(errs []error) error { return joinFailures("bins", errs) }

// joinFailures returns nil, the one error, or all of them as failures
// of what noun names.
func joinFailures(noun string, errs []error) error {
	failed := &failures{noun: noun}
	for _, err := range errs {
		if err != nil {
			failed.errs = append(failed.errs, err)
		}
	}
	switch len(failed.errs) {
	case 0:
		return nil
	case 1:
		return failed.errs[0]
	}
	return failed
}
