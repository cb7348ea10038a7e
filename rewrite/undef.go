package rewrite

import "github.com/oxbpf/oxbpf/ir"

// UndefZero gives every undef and poison operand of an instruction the
// value zero.
var UndefZero = &Pass{
	Name: "undef-zero",
	Doc: `give undef and poison operands the value zero

opt leaves undef where a value does not matter to the program's meaning:
the padding of a Rust enum, a phi's incoming value on a path that never
reads it. llc then allocates no register for it, and a store or copy of
it reads a register nothing wrote, which the verifier refuses ("R5
!read_ok") although the program never looks at the bytes. Zero is one of
the values undef and poison may take, so the program means what it
meant, and the registers are written. Debug records keep their poison:
there it marks a variable's location as gone. oxbpf runs this pass on
opt's output, before llc.`,
	Run: runUndefZero,
}

func runUndefZero(c *Context) error {
	r := &ruleRun{m: c.Module}
	visit := valueVisitor(func(v *ir.Value, t *ir.Type, _ *ir.Func) {
		if v.Kind != ir.UndefConst && v.Kind != ir.PoisonConst || t == nil {
			return
		}
		if zero := zeroOf(t); zero != "" {
			r.check(c.Module.ReplaceValue(v, zero))
			c.Count("zero", 1)
		}
	})
	r.eachInstr(func(f *ir.Func, in *ir.Instr) {
		if isDebugInfo(in) {
			return // poison there means "location gone"
		}
		instrValues(in, f, visit)
	})
	return r.err
}

// isDebugInfo reports whether in only describes variables for debuggers:
// a debug record, or a call of llvm.dbg.value, .declare or .assign.
func isDebugInfo(in *ir.Instr) bool {
	return in.IsRecord() || in.Call != nil && isOverloadOf(in.Call.CalleeName(), []string{"llvm.dbg.value", "llvm.dbg.declare", "llvm.dbg.assign"})
}

// zeroOf writes the zero value of t, or "" for a type that has none
// (label, metadata, token, void).
func zeroOf(t *ir.Type) string {
	switch t.Kind {
	case ir.IntType:
		return "0"
	case ir.FloatType:
		return "0.0"
	case ir.PtrType, ir.TypedPtrType:
		return "null"
	case ir.ArrayType, ir.VectorType, ir.StructType, ir.NamedType:
		return "zeroinitializer"
	}
	return ""
}
