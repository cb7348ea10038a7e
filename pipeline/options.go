package pipeline

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// Options configure Build, Compile and Doctor. The zero value builds every
// bin of the crate in the current directory with discovered tools.
type Options struct {
	// The crate; Build only.

	// ManifestPath is the crate's Cargo.toml; empty means Dir/Cargo.toml.
	ManifestPath string
	// Dir is the crate's directory when ManifestPath is empty; empty means
	// the current directory.
	Dir string
	// Bins are the bin targets to build; empty means every bin whose
	// required-features are all in Features.
	Bins     []string
	Features []string
	// Toolchain is a rustup toolchain such as "nightly"; empty means the
	// one rustup picks for the crate's directory.
	Toolchain string
	// TargetDir is cargo's target directory; empty leaves it to cargo.
	TargetDir string
	// Linker is what rustc runs as the bins' linker (see
	// toolchain.CargoArgs.Linker): the command line gives its own
	// executable, which writes a stub for the bin so that cargo's
	// fingerprint holds and a build with nothing changed does not run
	// rustc; empty means the true command, and rustc every time.
	Linker string
	// RustcFlags go to rustc after oxbpf's own flags.
	RustcFlags []string
	// OutDir receives <bin>.o; empty means <crate dir>/target/bpf.
	OutDir string

	// Opt and Llc are the opt and llc to run, LLVMBin a directory holding
	// both; empty fields fall back to $OXBPF_OPT, $OXBPF_LLC and
	// $OXBPF_LLVM_BIN, then to discovery (see toolchain.Discover).
	Opt, Llc, LLVMBin string

	// Passes are the rewrite passes as `oxbpf rewrite --passes` takes
	// them; empty means "bpf", all a BPF build needs. "none" compiles IR
	// that is BPF IR already.
	Passes string
	// CPU is llc's -mcpu, v1 to v4; empty means toolchain.DefaultCPU, or
	// v1 when Kernel predates v2's jumps (4.14). A CPU whose instructions
	// Kernel predates is a usage error.
	CPU string
	// BigEndian targets bpfeb instead of bpfel. Such an object does not
	// load on a little-endian host, which verify then does not count as a
	// problem.
	BigEndian bool
	// Unroll makes opt unroll every loop fully, for kernels before 5.3.
	Unroll bool
	// Strict turns rewrite warnings into errors.
	Strict bool
	// NoBTF builds objects without BTF: no debug info from rustc, none
	// kept for llc, legacy map definitions left as they are. By default
	// objects carry .BTF and .BTF.ext, which libbpf, bpftool and iproute2
	// need, and maps are BTF-defined.
	NoBTF bool
	// NoCORE compiles the field accesses of the crate's CO-RE macros to
	// the offsets of the types as written, without relocations: for
	// kernels without BTF, which cannot relocate them.
	NoCORE bool

	// Kernel is the oldest kernel the objects must load on; the zero value
	// means the newest. Every crate of a build sees it as --cfg
	// kernel_version="X.Y" (when known) and --cfg kernel_at_least="A.B"
	// for every release up to it, declared to rustc's check-cfg.
	Kernel verify.Kernel
	// Load loads every object into the running kernel, which needs root or
	// CAP_BPF; a rejected program fails the build.
	Load bool
	// KernelBTF is a file of kernel BTF to fix CO-RE relocations against
	// instead of the kernel's own (/sys/kernel/btf/vmlinux), for kernels
	// built without it: when loading here (Load, Test) and in each of the
	// VMs.
	KernelBTF string
	// VMs are kernels to check the objects on under qemu (see package
	// vm): kernel image files, or kernel lines scripts/fetch-kernels.sh
	// caches ("5.10", "6.1", "6.12"). Each boots once, after the build,
	// and loads every object; Test also runs its cases there. A program
	// any of them rejects fails the run.
	VMs []string
	// Qemu is the qemu-system-x86_64 to boot them with; empty means
	// $OXBPF_QEMU, else the one on PATH.
	Qemu string
	// GoPackage, if set, has Build write Go bindings of each object (see
	// package gogen) in that package, into GoOut (default: beside it).
	GoPackage, GoOut string

	// ToolTimeout bounds each run of opt and llc; 0 means DefaultToolTimeout.
	// A run that takes longer is killed with everything it started.
	ToolTimeout time.Duration

	// Jobs bounds how many bins are built at once; 0 means runtime.NumCPU().
	Jobs int
	// NoCache neither reads nor writes oxbpf's caches: the tools
	// discovery found (in the user's cache directory, see cache.UserDir)
	// and the objects opt and llc made (under the target directory).
	NoCache bool
	// KeepTemps keeps the temporary directory with each bin's
	// intermediate files (rewritten IR, optimised IR, object).
	KeepTemps bool
	// Progress, if set, gets an Event as each step ends. Calls never
	// overlap, so it needs no lock of its own.
	Progress func(Event)
	// Stdin is what an input named "-" reads, and Stdout what an output
	// named "-" writes; the command line passes its standard streams. Nil:
	// such a name is a usage error.
	Stdin  io.Reader
	Stdout io.Writer
	// Trace, if set, receives every command line oxbpf runs and the
	// stderr of each tool as it arrives (-v).
	Trace io.Writer
}

// passes resolves o.Passes; an unknown name is a usage error.
func (o *Options) passes() ([]*rewrite.Pass, error) {
	passes, err := rewrite.Lookup(o.Passes)
	if err != nil {
		return nil, Usage(fmt.Errorf("passes: %w", err))
	}
	return passes, nil
}

// check finds option values that can only fail, before any tool runs.
func (o *Options) check() error {
	if o.CPU != "" {
		if err := toolchain.CheckCPU(o.CPU); err != nil {
			return Usage(err)
		}
		if since := verify.CPUSince(o.CPU); o.Kernel.Before(since) {
			return Usage(fmt.Errorf("cpu %s writes instructions Linux %v brought, which kernel %v predates: use cpu %s, or leave the cpu out", o.CPU, since, o.Kernel, o.cpu()))
		}
	}
	switch {
	case o.ToolTimeout < 0:
		return Usage(fmt.Errorf("timeout %v: want a positive duration", o.ToolTimeout))
	case o.Jobs < 0:
		return Usage(fmt.Errorf("jobs %d: want 1 or more, or 0 for one per CPU", o.Jobs))
	case o.Load && o.BigEndian != bigEndianHost():
		return Usage(errors.New("load: the objects are for the other byte order than this host's"))
	}
	if _, err := o.passes(); err != nil {
		return err
	}
	return o.resolveVMs()
}

// DefaultToolTimeout is how long opt or llc may run on one bin: minutes
// even for the largest BPF programs, so much longer means a hang.
const DefaultToolTimeout = 10 * time.Minute

func (o *Options) toolTimeout() time.Duration {
	if o.ToolTimeout > 0 {
		return o.ToolTimeout
	}
	return DefaultToolTimeout
}

func (o *Options) jobs() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.NumCPU()
}

// cpu is llc's -mcpu: CPU, or the newest of v1 and the default that
// Kernel runs.
func (o *Options) cpu() string {
	if o.CPU != "" && !o.Kernel.Before(verify.CPUSince(o.CPU)) {
		return o.CPU
	}
	if o.Kernel.Before(verify.CPUSince(toolchain.DefaultCPU)) {
		return "v1"
	}
	return toolchain.DefaultCPU
}

func (o *Options) arch() string {
	if o.BigEndian {
		return "bpfeb"
	}
	return "bpfel"
}

func (o *Options) discoverOptions(dir string, typedPointers bool) toolchain.DiscoverOptions {
	return toolchain.DiscoverOptions{
		Opt:           o.Opt,
		Llc:           o.Llc,
		LLVMBin:       o.LLVMBin,
		Toolchain:     o.Toolchain,
		Dir:           dir,
		TypedPointers: typedPointers,
	}
}

func bigEndianHost() bool { return binary.NativeEndian.Uint16([]byte{0, 1}) == 1 }
