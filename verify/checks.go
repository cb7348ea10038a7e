package verify

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/symbol"
)

// Instruction limits: BPF_MAXINSNS before 5.2, BPF_COMPLEXITY_LIMIT_INSNS
// (for privileged loaders) since.
const (
	oldMaxInsns = 4096
	maxInsns    = 1_000_000
)

// check adds the problems a loader or the given kernel would refuse. It
// walks the programs in report order, so problems come out in a stable order.
func (r *Report) check(spec *ebpf.CollectionSpec, opts Options) {
	k := opts.Kernel
	if len(spec.Programs) == 0 {
		r.add(Problem{Kind: NoPrograms, Message: `no programs: no function sits in an executable section other than .text; ` +
			`in Rust a program must be #[no_mangle] (#[unsafe(no_mangle)] in edition 2024) or #[export_name = "..."], or LTO drops it, ` +
			`and in a section such as "xdp", "socket" or "kprobe/<function>" (#[link_section], #[unsafe(link_section)] in edition 2024)`})
		return
	}
	if r.License == "" {
		r.add(Problem{Kind: NoLicense, Message: `no license section: the kernel refuses GPL-only helpers (bpf_probe_read, bpf_trace_printk, bpf_perf_event_output, ...) without a GPL-compatible one; add a section "license" holding "GPL"`})
	}
	r.checkKernelMaps(spec, k)
	r.checkKernelBTF(spec.Types, k)
	externs := kernelSymbols(spec.Types)
	for _, prog := range r.Programs {
		p := spec.Programs[prog.Name]
		at := Problem{Program: p.Name, Section: p.SectionName}
		if p.Type == ebpf.UnspecifiedProgram {
			r.add(at.with(UnknownSection, "", fmt.Sprintf(`section %q names no program type a loader knows: use a name such as "xdp", "socket", "classifier", "kprobe/<function>" or "tracepoint/<category>/<name>"`, p.SectionName)))
		}
		r.checkKernel(at, p, spec, k)
		r.checkReferences(at, p.Instructions, externs, k)
		r.checkRecursion(at, p.Instructions)
		r.checkIndirectCalls(at, p.Instructions)
		r.checkFuncInfo(at, p.Instructions)
		if k.Before(kernelLoops) {
			if n, from, to := backwardJumps(p.Instructions); n > 0 {
				hint := "unroll it (oxbpf build --unroll)"
				if opts.Unrolled {
					hint = "the loop survived unrolling, so its trip count is no constant (it comes from the packet or a map): give it a constant bound, or target Linux 5.3 or newer"
				}
				r.add(at.with(Loop, "", fmt.Sprintf("%s at instruction %d back to %d: kernel %v refuses loops (bounded loops need 5.3); %s", aOrFirstOf(n, "backward jump"), from, to, k, hint)))
			}
		}
		limit := fmt.Sprintf("the kernel accepts at most %d", maxInsns)
		if k.Before(kernelMillion) {
			limit = fmt.Sprintf("kernels before %v accept at most %d (target kernel %v)", kernelMillion, oldMaxInsns, k)
		}
		if n := prog.Instructions; n > maxInsns || n > oldMaxInsns && k.Before(kernelMillion) {
			r.add(at.with(TooLarge, "", fmt.Sprintf("%d instructions: %s; split the program or unroll less", n, limit)))
		}
	}
}

func (p Problem) with(kind Kind, symbol, message string) Problem {
	p.Kind, p.Symbol, p.Message = kind, symbol, message
	return p
}

// checkReferences finds what is left of calls and symbol loads after
// cilium/ebpf linked the program: a call whose target is among the
// program's own functions is a BPF-to-BPF call, which kernels before 4.16
// refuse; any other named target is outside the object and nothing will
// resolve it. Each symbol counts once.
func (r *Report) checkReferences(at Problem, insns asm.Instructions, externs map[string]bool, k Kernel) {
	defined := make(map[string]bool)
	for _, ins := range insns {
		if s := ins.Symbol(); s != "" {
			defined[s] = true
		}
	}
	seen := make(map[string]bool)
	for _, ins := range insns {
		ref := ins.Reference()
		if ref == "" || seen[ref] {
			continue
		}
		switch {
		case ins.IsFunctionCall() && defined[ref]:
			if !k.Before(kernelBPFCalls) {
				continue
			}
			r.add(at.with(BPFCall, ref, fmt.Sprintf("calls %s, which was not inlined: kernels before %v cannot load BPF-to-BPF calls (target kernel %v); make it always-inline", readable(ref), kernelBPFCalls, k)))
		case ins.IsFunctionCall():
			r.add(at.with(Unresolved, ref, fmt.Sprintf("calls %s, which the object does not define and which is not a BPF helper: no loader can resolve it%s", readable(ref), runtimeHint(ref))))
		case ins.OpCode.IsDWordLoad() && ins.Src == asm.R0 && !externs[ref]:
			// A map or data reference would carry a pseudo source register.
			r.add(at.with(Unresolved, ref, fmt.Sprintf("loads the address of %s, which the object does not define: no loader can resolve it", ref)))
		default:
			continue
		}
		seen[ref] = true
	}
}

// checkRecursion finds a cycle of BPF-to-BPF calls among the functions
// of a program, which no kernel accepts ("the call stack of 9 frames is
// too deep", or "recursive call"), whatever kernel the object is for.
func (r *Report) checkRecursion(at Problem, insns asm.Instructions) {
	calls := map[string][]string{} // function → the functions it calls, in order
	for _, ins := range insns {
		if s := ins.Symbol(); s != "" {
			calls[s] = nil
		}
	}
	var fn string
	for _, ins := range insns {
		if s := ins.Symbol(); s != "" {
			fn = s
		}
		if ref := ins.Reference(); ins.IsFunctionCall() && ref != "" {
			if _, defined := calls[ref]; defined && !slices.Contains(calls[fn], ref) {
				calls[fn] = append(calls[fn], ref)
			}
		}
	}
	if cycle := findCycle(calls, at.Program); cycle != nil {
		names := make([]string, len(cycle))
		for i, f := range cycle {
			names[i] = symbol.Demangle(f)
		}
		r.add(at.with(Recursion, cycle[0], fmt.Sprintf("recursion: %s: the kernel refuses a function that calls itself; write it as a loop", strings.Join(names, " → "))))
	}
}

// findCycle returns the first call cycle reachable from entry, as the
// functions along it with the first repeated at the end, or nil.
func findCycle(calls map[string][]string, entry string) []string {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(f string) []string
	visit = func(f string) []string {
		switch state[f] {
		case onPath:
			i := slices.Index(path, f)
			return append(slices.Clone(path[i:]), f)
		case done:
			return nil
		}
		state[f] = onPath
		path = append(path, f)
		for _, g := range calls[f] {
			if c := visit(g); c != nil {
				return c
			}
		}
		path = path[:len(path)-1]
		state[f] = done
		return nil
	}
	return visit(entry)
}

// checkIndirectCalls finds calls through a register (callx), which LLVM
// emits for a call through a function pointer and which no kernel's
// verifier accepts ("unknown opcode 8d").
func (r *Report) checkIndirectCalls(at Problem, insns asm.Instructions) {
	iter := insns.Iterate()
	for iter.Next() {
		if op := iter.Ins.OpCode; op.JumpOp() == asm.Call && op.Source() == asm.RegSource {
			r.add(at.with(IndirectCall, "", fmt.Sprintf("calls through a function pointer (callx %v) at instruction %d: "+
				"BPF has no indirect calls, and the kernel refuses the opcode; call the function directly "+
				"(a match instead of a table of fn, a generic instead of dyn Trait, no core::fmt)", iter.Ins.Dst, iter.Offset)))
			return
		}
	}
}

// checkFuncInfo finds a function of a program that has no func info in
// .BTF.ext while the program's entry has: libbpf then refuses the object
// ("missing .BTF.ext function info") and the kernel the program ("number of
// funcs in func_info doesn't match number of subprogs"). It happens when
// one function was compiled without debug info and its caller with.
func (r *Report) checkFuncInfo(at Problem, insns asm.Instructions) {
	if len(insns) == 0 || btf.FuncMetadata(&insns[0]) == nil {
		return
	}
	for i := range insns {
		if s := insns[i].Symbol(); s != "" && btf.FuncMetadata(&insns[i]) == nil {
			r.add(at.with(MissingFuncInfo, s, fmt.Sprintf("calls %s, which has no func info in .BTF.ext while the program has: "+
				"libbpf and the kernel refuse a program whose functions are not all described; "+
				"compile every function with debug info, inline %s, or build without BTF", readable(s), symbol.Demangle(s))))
			return
		}
	}
}

// readable names a symbol for people: Rust and C++ symbols demangled, with
// the symbol itself after a demangled name, since that is what the object
// and other tools show.
func readable(mangled string) string {
	if name := symbol.Demangle(mangled); name != mangled {
		return name + " (" + mangled + ")"
	}
	return mangled
}

// runtimeHint explains calls to the C runtime and compiler-rt, which a
// compiler emits itself when it cannot expand an operation inline.
func runtimeHint(name string) string {
	switch {
	case name == "memcpy" || name == "memmove" || name == "memset" || name == "memcmp" || name == "bcmp":
		return "; the compiler calls it for a copy or compare of unknown or large size: use a constant, small size"
	case strings.HasPrefix(name, "__") && (strings.HasSuffix(name, "ti3") || strings.HasSuffix(name, "di3")):
		return "; the compiler calls it for 128-bit or division arithmetic BPF lacks: use 64-bit integers"
	}
	return ""
}

// kernelSymbols are the externs the loader resolves against the kernel
// (__ksym), which BTF declares in the .ksyms section.
func kernelSymbols(types *btf.Spec) map[string]bool {
	syms := make(map[string]bool)
	if types == nil {
		return syms
	}
	var ds *btf.Datasec
	if err := types.TypeByName(".ksyms", &ds); err != nil {
		return syms
	}
	for _, v := range ds.Vars {
		syms[v.Type.TypeName()] = true
	}
	return syms
}

// backwardJumps counts jumps whose target is at or before the jump itself,
// and gives the first one's raw instruction offsets.
func backwardJumps(insns asm.Instructions) (n int, from, to int64) {
	iter := insns.Iterate()
	for iter.Next() {
		ins := iter.Ins
		switch ins.OpCode.JumpOp() {
		case asm.InvalidJumpOp, asm.Call, asm.Exit:
			continue
		}
		if ins.Reference() != "" {
			continue // linked later, not a jump within the function
		}
		off := int64(ins.Offset)
		if ins.OpCode.Class() == asm.Jump32Class && ins.OpCode.JumpOp() == asm.Ja {
			off = ins.Constant // gotol keeps its offset in the immediate
		}
		pc := int64(iter.Offset)
		if target := pc + 1 + off; target <= pc {
			if n == 0 {
				from, to = pc, target
			}
			n++
		}
	}
	return n, from, to
}

// aOrFirstOf introduces the first of n things: "a loop", "3 loops, the
// first".
func aOrFirstOf(n int, what string) string {
	if n == 1 {
		return "a " + what
	}
	return fmt.Sprintf("%d %ss, the first", n, what)
}
