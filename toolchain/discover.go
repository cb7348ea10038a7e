package toolchain

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"

	"github.com/oxbpf/oxbpf/ir"
)

// newestSearchedMajor is where the search for opt-N starts: a few majors
// past the newest whose syntax oxbpf knows, so the next releases need no
// code change.
const newestSearchedMajor = ir.NewestLLVM + 4

// ErrNoLLVM is wrapped by Discover's error when no usable opt and llc pair
// was found.
var ErrNoLLVM = errors.New("no usable opt and llc")

// Source says where discovery found a tool.
type Source int

const (
	SourceFlag       Source = iota // --opt, --llc or --llvm-bin
	SourceEnv                      // $OXBPF_OPT, $OXBPF_LLC or $OXBPF_LLVM_BIN
	SourceRustup                   // rustup's llvm-tools in rustc's sysroot
	SourceVersioned                // opt-N / llc-N on PATH
	SourceLLVMConfig               // the bindir of llvm-config-N
	SourceLLVMDir                  // a distribution's /usr/lib/llvm-N/bin
	SourceHomebrew                 // Homebrew's llvm or llvm@N
	SourcePath                     // plain opt / llc on PATH
)

var sourceNames = [...]string{
	SourceFlag:       "flag",
	SourceEnv:        "environment",
	SourceRustup:     "rustup llvm-tools",
	SourceVersioned:  "versioned name on PATH",
	SourceLLVMConfig: "llvm-config --bindir",
	SourceLLVMDir:    "LLVM directory",
	SourceHomebrew:   "Homebrew",
	SourcePath:       "PATH",
}

func (s Source) String() string {
	if s < 0 || int(s) >= len(sourceNames) {
		return "Source(" + strconv.Itoa(int(s)) + ")"
	}
	return sourceNames[s]
}

// Explicit reports whether the user named the tool; such a tool is used or
// the build fails, never silently replaced.
func (s Source) Explicit() bool { return s == SourceFlag || s == SourceEnv }

// Tool is one opt or llc that discovery considered.
type Tool struct {
	Name   string // "opt" or "llc"
	Path   string
	Source Source
	// Origin says precisely where the path came from, e.g. "--llvm-bin",
	// "$OXBPF_OPT", "llvm-config-19 --bindir", "PATH".
	Origin  string
	Version Version // from --version; zero if it did not run
	Err     error   // why the tool cannot be used; nil if it ran
}

// FileName is how messages name the tool: "opt-19", not
// "/usr/bin/opt-19.exe".
func (t Tool) FileName() string { return toolName(t.Path) }

func (t Tool) String() string {
	s := fmt.Sprintf("%s %s (%s)", t.Name, t.Path, t.Origin)
	if t.Err != nil {
		return s + ": " + t.Err.Error()
	}
	return s + ": LLVM " + t.Version.String()
}

// LLVM is the chosen pair of opt and llc, of one LLVM major.
type LLVM struct {
	Opt, Llc Tool
}

// Major is the LLVM major of both tools: the IR syntax they read.
func (l *LLVM) Major() int { return l.Opt.Version.Major }

// DiscoverOptions are the user's choices; the zero value searches everything.
type DiscoverOptions struct {
	// Opt and Llc are explicit paths (--opt, --llc); LLVMBin is a directory
	// holding both (--llvm-bin). Empty fields fall back to $OXBPF_OPT,
	// $OXBPF_LLC and $OXBPF_LLVM_BIN.
	Opt, Llc, LLVMBin string
	// Rustc is the rustc to ask for its LLVM version and sysroot; empty
	// means "rustc" on PATH. Toolchain, if set, runs
	// `rustup run <Toolchain> rustc` instead, as Cargo does.
	Rustc, Toolchain string
	// Dir is the crate directory: rustup picks the toolchain from a
	// rust-toolchain.toml there. Empty means the current directory.
	Dir string
	// TypedPointers says the IR uses typed pointers (rustc 1.64 and older),
	// which makes LLVM 14 usable.
	TypedPointers bool
}

// Discovery is what Discover saw, for `oxbpf doctor` and -v.
type Discovery struct {
	Rustc    *Rustc // nil if rustc could not be asked
	RustcErr error
	// Tools lists every opt and llc found, in search order, each once.
	Tools []Tool
	// LLVM is the chosen pair; nil when there is none.
	LLVM *LLVM
}

// Discover finds opt and llc and picks the pair to use. Search order:
// explicit paths (flags, then environment), rustup's llvm-tools next to
// rustc's sysroot, versioned system tools from the newest major down (opt-N
// on PATH, llvm-config-N --bindir, /usr/lib/llvm-N/bin, Homebrew's llvm@N),
// Homebrew's llvm, and plain opt and llc on PATH.
//
// An explicit tool always wins, and is an error if it does not run or is too
// old. Otherwise the pair has rustc's LLVM major if both tools exist in it,
// else the newest major that has both. The Discovery is returned even with an
// error, so that doctor can show what was found.
func Discover(ctx context.Context, opts DiscoverOptions) (*Discovery, error) {
	return hostSystem().discover(ctx, opts)
}

// system is what discovery reads from the machine, replaceable in tests.
type system struct {
	getenv   func(string) string
	lookPath func(string) (string, error)
	goos     string
	goarch   string
	// root prefixes well-known absolute directories such as /usr/lib/llvm-19.
	root string
}

func hostSystem() system {
	return system{getenv: os.Getenv, lookPath: exec.LookPath, goos: runtime.GOOS, goarch: runtime.GOARCH}
}

func (s system) exe(name string) string {
	if s.goos == "windows" {
		return name + ".exe"
	}
	return name
}

func (s system) discover(ctx context.Context, opts DiscoverOptions) (*Discovery, error) {
	d := &Discovery{}
	d.Rustc, d.RustcErr = s.rustc(ctx, opts)

	explicit := s.explicitTools(opts)
	tools := explicit
	if len(explicit) < 2 {
		tools = append(tools, s.searchTools(ctx, d.Rustc)...)
	}
	d.Tools = probeTools(ctx, tools)

	pair, err := s.choose(d, opts.TypedPointers)
	d.LLVM = pair
	return d, err
}
