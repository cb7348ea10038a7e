package toolchain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// llvmOption is a command-line option that opt or llc accepts from one LLVM
// major on. The majors were measured with `--help-hidden` and `-mcpu=help`
// of LLVM 14, 15, 16 and 19 (TestOptionTablesMatchInstalledTools checks
// them again wherever those tools exist); later majors come from LLVM's
// sources and release notes.
type llvmOption struct {
	name  string // as --help-hidden lists it, e.g. "bpf-expand-memcpy-in-order"
	value string // "=0", or "" for a boolean option
	since int    // first LLVM major that accepts it
}

func (o llvmOption) arg() string { return "-" + o.name + o.value }

// args returns the options of table that LLVM major accepts.
func args(table []llvmOption, major int) []string {
	var out []string
	for _, o := range table {
		if major >= o.since {
			out = append(out, o.arg())
		}
	}
	return out
}

// maxUint32 is "no limit" for LLVM's unsigned cl::opt thresholds.
var maxUint32 = "=" + strconv.FormatUint(1<<32-1, 10)

var (
	// optAlways go on every opt run. The inliner leaves calls in rarely
	// run blocks alone as cold; aya's bpf-linker saw that keep
	// #[inline(always)] accessors as calls from LLVM 17 on, and old kernels
	// have no BPF-to-BPF calls. Only opt inlines, so llc does not get it.
	optAlways = []llvmOption{
		{"cold-callsite-rel-freq", "=0", ir.OldestLLVM},
	}
	// optStripDebug drops debug info before the passes, as llc's BTF cannot
	// yet describe Rust's types. It is opt's own flag, not a pass, so it
	// combines with -passes in every major.
	optStripDebug = []llvmOption{
		{"strip-debug", "", ir.OldestLLVM},
	}
	// optUnroll are cargo-bpf's forced unrolling: loops are unrolled fully
	// however large, for kernels without bounded loops (before 5.3). The
	// spelling is the same in every major from 14 to 22.
	optUnroll = []llvmOption{
		{"unroll-threshold", maxUint32, ir.OldestLLVM},
		{"unroll-max-upperbound", maxUint32, ir.OldestLLVM},
	}
	// llcAlways go on every llc run. Not -bpf-expand-memcpy-in-order:
	// measured with llc-19, it makes every llvm.memset and llvm.memmove
	// that opt left (a 16-byte zeroing, say) a call llc refuses, and it
	// halves the memcpy size llc expands inline.
	llcAlways = []llvmOption{
		// From LLVM 21 on, llc lowers `unreachable` to a call of the kfunc
		// __bpf_trap, which needs a .ksyms section and a kernel that has it;
		// this keeps the older behaviour. Not in llc 14, 15, 16 or 19.
		{"bpf-disable-trap-unreachable", "", 21},
		// From LLVM 22 on, llc compiles a large match at -mcpu v4 into a
		// jump table (a .jumptables section, symbols BPF.JT.*, gotox), which
		// cilium/ebpf cannot place and kernels before gotox do not run;
		// measured with a 24-arm match. A threshold no switch reaches keeps
		// compare-and-branch trees, as every older LLVM writes.
		{"bpf-min-jump-table-entries", maxUint32, 22},
	}
)

// bpfCPUs are llc's -mcpu values for BPF and the first LLVM major that has
// each; v3 predates LLVM 14, v4 came with LLVM 18 (not in llc 16, in 19).
var bpfCPUs = []llvmOption{
	{"v1", "", ir.OldestLLVM},
	{"v2", "", ir.OldestLLVM},
	{"v3", "", ir.OldestLLVM},
	{"v4", "", 18},
}

// CheckCPU reports whether cpu is one of llc's BPF CPUs, v1 to v4, with
// an error that lists them.
func CheckCPU(cpu string) error {
	var names []string
	for _, o := range bpfCPUs {
		if o.name == cpu {
			return nil
		}
		names = append(names, o.name)
	}
	return fmt.Errorf("cpu %q: want %s or %s", cpu, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}
