package rewrite

import (
	"math/big"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// BPF has no runtime library: whatever llc lowers to a call of a libc or
// compiler-rt function fails ("A call to built-in function '__multi3' is
// not supported."). The rules below were measured with llc 14, 16 and 19
// (-march=bpfel, with and without --bpf-expand-memcpy-in-order, which
// oxbpf passes).

// i128Calls are the 128-bit operations llc turns into compiler-rt calls.
// Shifts by a constant and unsigned division by a constant power of two
// are expanded inline; everything else of these is a call.
var i128Calls = map[string]string{
	"mul":  "__multi3",
	"udiv": "__udivti3",
	"urem": "__umodti3",
	"sdiv": "__divti3",
	"srem": "__modti3",
	"shl":  "__ashlti3",
	"lshr": "__lshrti3",
	"ashr": "__ashrti3",
}

// wideLibcall returns the compiler-rt function llc calls for in, a 128-bit
// instruction, or "".
func wideLibcall(in *ir.Instr) string {
	call := i128Calls[in.Opcode]
	if call == "" || len(in.Operands) != 2 || !in.Operands[0].Type.IsInt(128) {
		return ""
	}
	rhs := in.Operands[1].Value
	switch in.Opcode {
	case "shl", "lshr", "ashr":
		if rhs.Kind == ir.IntConst {
			return ""
		}
	case "udiv", "urem":
		if isPowerOfTwo(rhs) {
			return ""
		}
	}
	return call
}

func isPowerOfTwo(v ir.Value) bool {
	if v.Kind != ir.IntConst {
		return false
	}
	n, ok := new(big.Int).SetString(v.Raw, 10)
	return ok && n.Sign() > 0 && n.BitLen()-1 == int(n.TrailingZeroBits())
}

// floatOps are the instructions that need floating point, which BPF has
// not: llc calls soft-float routines (__adddf3, __ltdf2, __fixdfdi, ...).
// fneg, loads, stores and bitcasts of floats are plain bit moves.
var floatOps = map[string]bool{
	"fadd": true, "fsub": true, "fmul": true, "fdiv": true, "frem": true, "fcmp": true,
	"fptoui": true, "fptosi": true, "uitofp": true, "sitofp": true, "fpext": true, "fptrunc": true,
}

// floatBitOps are the float intrinsics llc lowers to integer bit
// operations.
var floatBitOps = []string{"llvm.fabs.", "llvm.copysign.", "llvm.is.fpclass."}

// intrinsicLibcall returns the function llc calls for a call of the
// intrinsic fn, or "".
func intrinsicLibcall(fn *ir.Func, call *ir.Call) string {
	name := fn.Name.Name()
	switch {
	case strings.Contains(name, ".inline."): // llvm.memcpy.inline, llvm.memset.inline: expanded by definition
	case strings.HasPrefix(name, "llvm.memcpy."), strings.HasPrefix(name, "llvm.memmove."), strings.HasPrefix(name, "llvm.memset."):
		if n, ok := constArg(call, 2); !ok || n > maxInlineMem {
			return strings.Split(name, ".")[1]
		}
	case name == "llvm.trap":
		return "abort"
	case name == "llvm.smul.with.overflow.i128":
		return "__muloti4"
	case name == "llvm.umul.with.overflow.i64", name == "llvm.smul.with.overflow.i64",
		name == "llvm.umul.with.overflow.i128":
		return "__multi3"
	case hasFloatType(fn):
		for _, p := range floatBitOps {
			if strings.HasPrefix(name, p) {
				return ""
			}
		}
		return "a soft-float routine"
	}
	return ""
}

// maxInlineMem is the longest memcpy, memmove or memset llc expands into
// loads and stores: measured with llc 14, 15, 16 and 19, at alignments 1
// and 8 alike. Longer ones, and any of unknown length, become calls.
const maxInlineMem = 1024

// constArg returns the i-th argument of call if it is an integer constant.
func constArg(call *ir.Call, i int) (uint64, bool) {
	if i >= len(call.Args) || call.Args[i].Value.Kind != ir.IntConst {
		return 0, false
	}
	n, ok := new(big.Int).SetString(call.Args[i].Value.Raw, 10)
	if !ok || !n.IsUint64() {
		return 0, false
	}
	return n.Uint64(), true
}

// hasFloatType reports whether fn takes or returns floating point.
func hasFloatType(fn *ir.Func) bool {
	if isFloat(fn.RetType) {
		return true
	}
	for _, p := range fn.Params {
		if isFloat(p.Type) {
			return true
		}
	}
	return false
}

func isFloat(t *ir.Type) bool {
	for t != nil && t.Kind == ir.VectorType {
		t = t.Elem
	}
	return t != nil && t.Kind == ir.FloatType
}
