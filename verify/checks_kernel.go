package verify

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/helpers"
)

// The atomic operations cilium/ebpf does not name: load-acquire and
// store-release, as asm.AtomicOp encodes BPF_LOAD_ACQ and BPF_STORE_REL.
const (
	loadAcquire  asm.AtomicOp = 0x1_0000
	storeRelease asm.AtomicOp = 0x1_1000
)

// checkKernel adds a TooNew problem for each thing the program uses that
// kernel k predates: its type, its attach type, helpers, kfuncs and
// instructions, each once, at the source line of its first use.
func (r *Report) checkKernel(at Problem, p *ebpf.ProgramSpec, spec *ebpf.CollectionSpec, k Kernel) {
	if !k.Known() {
		return
	}
	tooNew := func(symbol, what string, since Kernel, line, hint string) {
		msg := fmt.Sprintf("%s, which Linux %v brought: the target kernel %v refuses it", what, since, k)
		if line != "" {
			msg += " (" + line + ")"
		}
		if hint != "" {
			msg += "; " + hint
		}
		r.add(at.with(TooNew, symbol, msg))
	}
	if since, ok := programTypes[p.Type]; ok && k.Before(since) {
		tooNew("", fmt.Sprintf("is a %v program", p.Type), since, "", "")
	}
	if since, ok := attachTypes[p.AttachType]; ok && k.Before(since) && slices.Contains(attachChecked, p.Type) {
		tooNew("", fmt.Sprintf("loads with attach type %v", p.AttachType), since, "", "")
	}
	seen := map[string]bool{}
	once := func(key string) bool {
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	line := ""
	functions := 0
	iter := p.Instructions.Iterate()
	for iter.Next() {
		ins := iter.Ins
		if l, ok := ins.Source().(*btf.Line); ok && l.FileName() != "" {
			line = fmt.Sprintf("%s:%d", l.FileName(), l.LineNumber())
		}
		if ins.Symbol() != "" {
			functions++
		}
		f, ok := instructionFeature(ins, spec)
		if !ok || !k.Before(f.since) || !once(f.what) {
			continue
		}
		tooNew(f.symbol, f.what, f.since, line, f.hint)
	}
	if functions > 1 && callsTailCall(p.Instructions) && k.Before(kernelTailCallsSubs) {
		tooNew("", "makes tail calls from a program with BPF-to-BPF calls", kernelTailCallsSubs, "", "inline every function (oxbpf does unless one is recursive or too big)")
	}
}

// A feature is one use of something a release brought.
type feature struct {
	what, symbol, hint string
	since              Kernel
}

// instructionFeature says what release ins needs beyond the oldest, if
// any: a helper or kfunc it calls, the data map it reads, or the
// instruction itself.
func instructionFeature(ins *asm.Instruction, spec *ebpf.CollectionSpec) (feature, bool) {
	op := ins.OpCode
	switch {
	case ins.IsBuiltinCall():
		id := int32(ins.Constant)
		name := fmt.Sprintf("helper %d", id)
		if h, ok := helpers.ByID(id); ok {
			name = fmt.Sprintf("helper %s (%d)", h.Name, id)
		}
		since, ok := HelperSince(id)
		return feature{what: "calls " + name, symbol: strings.TrimPrefix(name, "helper "), since: since}, ok
	case ins.IsKfuncCall():
		return feature{what: "calls the kernel function " + ins.Reference() + " (a kfunc)", symbol: ins.Reference(), since: kernelKfuncs}, true
	case op.IsDWordLoad() && strings.HasPrefix(ins.Reference(), ".") && spec.Maps[ins.Reference()] != nil:
		return feature{what: "reads global data (" + ins.Reference() + ")", symbol: ins.Reference(), since: kernelGlobalData,
			hint: "statics and constants the compiler keeps in memory need it; keep them in maps"}, true
	}
	const v4 = "built with -mcpu v4; build with --mcpu v3 or older"
	switch {
	case op.Class() == asm.Jump32Class && op.JumpOp() == asm.Ja:
		return feature{what: "jumps with gotol (a long jump)", since: kernelCPUv4, hint: v4}, true
	case op.Class() == asm.Jump32Class && op.JumpOp() != asm.InvalidJumpOp:
		return feature{what: "compares in 32 bits (the JMP32 class)", since: kernelJump32, hint: "built with -mcpu v3; build with --mcpu v2"}, true
	case slices.Contains([]asm.JumpOp{asm.JLT, asm.JLE, asm.JSLT, asm.JSLE}, op.JumpOp()):
		return feature{what: fmt.Sprintf("jumps with %v", op.JumpOp()), since: kernelJumpLess, hint: "built with -mcpu v2; build with --mcpu v1"}, true
	case op.Mode() == asm.MemSXMode:
		return feature{what: "loads with sign extension (ldsx)", since: kernelCPUv4, hint: v4}, true
	case slices.Contains([]asm.ALUOp{asm.MovSX8, asm.MovSX16, asm.MovSX32}, op.ALUOp()):
		return feature{what: "moves with sign extension (movsx)", since: kernelCPUv4, hint: v4}, true
	case op.ALUOp() == asm.SDiv || op.ALUOp() == asm.SMod:
		return feature{what: "divides signed (sdiv, smod)", since: kernelCPUv4, hint: v4}, true
	case op.Class() == asm.ALU64Class && op.ALUOp() == asm.Swap:
		return feature{what: "swaps bytes unconditionally (bswap)", since: kernelCPUv4, hint: v4}, true
	}
	switch a := op.AtomicOp(); a {
	case asm.InvalidAtomic, asm.AddAtomic:
		return feature{}, false
	case loadAcquire, storeRelease:
		return feature{what: "loads with acquire or stores with release ordering (an atomic load or store)", since: kernelAcquire,
			hint: "use Relaxed atomic loads and stores, or a plain read or write"}, true
	default:
		return feature{what: fmt.Sprintf("runs the atomic %v", a), since: kernelAtomics,
			hint: "an atomic fetch_add, fetch_sub or swap whose old value is used, or fetch_and, fetch_or, fetch_xor, compare_exchange: add without using the old value (AtomicU64::fetch_add with the result unused)"}, true
	}
}

// callsTailCall reports whether insns call bpf_tail_call.
func callsTailCall(insns asm.Instructions) bool {
	return slices.ContainsFunc(insns, func(ins asm.Instruction) bool {
		return ins.IsBuiltinCall() && asm.BuiltinFunc(ins.Constant) == asm.FnTailCall
	})
}

// checkKernelMaps adds a TooNew problem for each map whose type kernel k
// predates.
func (r *Report) checkKernelMaps(spec *ebpf.CollectionSpec, k Kernel) {
	if !k.Known() {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(spec.Maps)) {
		m := spec.Maps[name]
		for _, t := range []*ebpf.MapSpec{m, m.InnerMap} {
			if t == nil {
				continue
			}
			if since, ok := mapTypes[t.Type]; ok && k.Before(since) {
				r.add(Problem{Kind: TooNew, Symbol: name, Message: fmt.Sprintf(
					"map %s is a %v map, which Linux %v brought: the target kernel %v refuses it", name, t.Type, since, k)})
			}
		}
	}
}

// checkKernelBTF adds what the target kernel's loaders do with BTF kinds
// it predates: a note for what cilium/ebpf and libbpf replace, a problem
// for FLOAT, which cilium/ebpf sends as it is.
func (r *Report) checkKernelBTF(types *btf.Spec, k Kernel) {
	if types == nil || !k.Known() {
		return
	}
	var float, declTag, typeTag, enum64 bool
	for t, err := range types.All() {
		if err != nil {
			break
		}
		switch t := t.(type) {
		case *btf.Float:
			float = true
		case *btf.TypeTag:
			typeTag = true
		case *btf.Enum:
			enum64 = enum64 || t.Size == 8
		case *btf.Struct:
			declTag = declTag || len(t.Tags) > 0 || slices.ContainsFunc(t.Members, func(m btf.Member) bool { return len(m.Tags) > 0 })
		case *btf.Union:
			declTag = declTag || len(t.Tags) > 0 || slices.ContainsFunc(t.Members, func(m btf.Member) bool { return len(m.Tags) > 0 })
		case *btf.Typedef:
			declTag = declTag || len(t.Tags) > 0
		case *btf.Func:
			declTag = declTag || len(t.Tags) > 0 || len(t.ParamTags) > 0
		}
	}
	replaced := func(kind string, since Kernel) {
		r.Notes = append(r.Notes, fmt.Sprintf("BTF kind %s came with Linux %v: for the target kernel %v, cilium/ebpf and libbpf replace it with an older kind", kind, since, k))
	}
	if declTag && k.Before(kernelBTFDeclTag) {
		replaced("DECL_TAG", kernelBTFDeclTag)
	}
	if typeTag && k.Before(kernelBTFTypeTag) {
		replaced("TYPE_TAG", kernelBTFTypeTag)
	}
	if enum64 && k.Before(kernelBTFEnum64) {
		replaced("ENUM64 (a 64-bit enum)", kernelBTFEnum64)
	}
	if float && k.Before(BTFFloatSince) {
		r.add(Problem{Kind: TooNew, Message: fmt.Sprintf("BTF describes a float (an f32 or f64 type), a BTF kind Linux %v brought: "+
			"cilium/ebpf hands it to the target kernel %v unchanged, which refuses the object's BTF (libbpf replaces it); "+
			"build with oxbpf --kernel %v, which describes floats as libbpf does for it", BTFFloatSince, k, k)})
	}
}
