package rewrite

import (
	"fmt"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// flagRule drops poison-generating flags (nuw, nneg, samesign, ...) from
// the instructions and constant expressions with the given opcode. Each
// flag only promises something about the operands, so without it the
// instruction means the same or less.
func flagRule(name string, since int, opcode string, flags []string, doc string) *Rule {
	drop := func(r *ruleRun, fl *[]ir.Word) {
		for _, flag := range flags {
			for k := range *fl {
				if (*fl)[k].Text == flag {
					if r.hit((*fl)[k], since) {
						r.m.RemoveFlag(fl, flag)
					}
					break
				}
			}
		}
	}
	return &Rule{
		Name:  name,
		Since: since,
		Doc:   doc,
		apply: func(r *ruleRun) {
			r.eachInstr(func(_ *ir.Func, in *ir.Instr) {
				if in.Opcode == opcode {
					drop(r, &in.Flags)
				}
			})
			r.eachValue(func(v *ir.Value, _ *ir.Type, _ *ir.Func) {
				if v.Kind == ir.ConstExpr && v.Sub.Opcode == opcode {
					drop(r, &v.Sub.Flags)
				}
			})
		},
	}
}

// gepInrangeRule drops inrange(a, b) from getelementptr constant
// expressions: LLVM 19 moved it from an index to the expression and took
// the old form away, and it is only a hint for vtable optimisations.
var gepInrangeRule = &Rule{
	Name:  "gep-inrange",
	Since: 19,
	Doc:   "drop inrange(a, b) from getelementptr constant expressions",
	apply: func(r *ruleRun) {
		r.eachValue(func(v *ir.Value, _ *ir.Type, _ *ir.Func) {
			if v.Kind != ir.ConstExpr || v.Sub.Opcode != "getelementptr" {
				return
			}
			for k := 0; k < len(v.Sub.Flags); k++ {
				w := v.Sub.Flags[k]
				if strings.HasPrefix(w.Text, "inrange(") && r.hit(w, 19) {
					r.m.RemoveFlag(&v.Sub.Flags, w.Text)
					k--
				}
			}
		})
	},
}

// ptrtoaddrRule writes ptrtoaddr as ptrtoint: the same value wherever the
// address is as wide as the pointer, as in address space 0 of BPF and of
// every host rustc targets.
var ptrtoaddrRule = &Rule{
	Name:  "ptrtoaddr",
	Since: 22,
	Doc:   "ptrtoaddr becomes ptrtoint",
	apply: func(r *ruleRun) {
		const old, repl = "ptrtoaddr", "ptrtoint"
		r.eachInstr(func(_ *ir.Func, in *ir.Instr) {
			if in.Opcode == old && r.hit(in, 22) {
				r.m.SetOpcode(in, repl)
			}
		})
		r.eachValue(func(v *ir.Value, _ *ir.Type, _ *ir.Func) {
			if v.Kind == ir.ConstExpr && v.Sub.Opcode == old && r.hit(v, 22) {
				r.m.SetExprOpcode(v, repl)
			}
		})
	},
}

// splatRule writes splat (T v) as the vector constant it stands for.
var splatRule = &Rule{
	Name:  "splat",
	Since: 19,
	Doc:   "splat (T v) becomes <T v, T v, ...>, or the shufflevector idiom for scalable vectors",
	apply: func(r *ruleRun) {
		r.eachValue(func(v *ir.Value, t *ir.Type, _ *ir.Func) {
			if v.Kind != ir.SplatConst || !r.hit(v, 19) {
				return
			}
			if t == nil || t.Kind != ir.VectorType || len(v.Sub.Elems) != 1 || v.Sub.Elems[0].Type == nil {
				r.check(fmt.Errorf("%s: splat of other than one typed element, or not to a vector type written beside it", r.position(v)))
				return
			}
			if !t.Scalable && t.Len > maxSplatOut {
				r.check(fmt.Errorf("%s: splat to %s: too many elements to write out for LLVM before 19 (at most %d)", r.position(v), t, maxSplatOut))
				return
			}
			r.check(r.m.ReplaceValue(v, splatText(r.m.TextOf(v.Sub.Elems[0]), t)))
		})
	},
}

// maxSplatOut bounds the vectors a splat is written out for: the text grows
// with the length, and a fuzzed <9999999999999992 x i8> asked for more
// memory than exists. BPF has no vector registers; rustc's vectors are
// a few dozen elements.
const maxSplatOut = 1 << 16

// splatText spells a splat of elem (a typed value, "i32 1") to vector type
// t as LLVM 18 did.
func splatText(elem string, t *ir.Type) string {
	if t.Scalable {
		return fmt.Sprintf("shufflevector (%[1]s insertelement (%[1]s poison, %[2]s, i64 0), %[1]s poison, <vscale x %[3]d x i32> zeroinitializer)", t, elem, t.Len)
	}
	elems := make([]string, t.Len)
	for k := range elems {
		elems[k] = elem
	}
	return "<" + strings.Join(elems, ", ") + ">"
}

// lifetimeRule gives llvm.lifetime.start/end back their size argument,
// which LLVM 22 took away: -1, "the whole object", is what the pointer to
// an alloca now implies.
var lifetimeRule = &Rule{
	Name:  "lifetime-size",
	Since: 22,
	Doc:   "one-argument llvm.lifetime.start/end(ptr) get the size argument i64 -1 back, and their declarations (i64 immarg, ptr)",
	apply: func(r *ruleRun) {
		names := []string{"llvm.lifetime.start", "llvm.lifetime.end"}
		r.eachCallOf(names, func(_ *ir.Func, b *ir.Block, i int) int {
			in := b.Instrs[i]
			c := in.Call
			if len(c.Args) != 1 || !r.hit(in, 22) {
				return 1
			}
			open := c.ArgsSpan.Start + 1
			text := r.m.TextOf(ir.Span{Start: in.Start, End: open}) + "i64 -1, " + r.m.TextOf(ir.Span{Start: open, End: in.End})
			_, err := r.m.ReplaceInstr(b, i, text)
			r.check(err)
			return 1
		})
		r.eachDeclOf(names, func(f *ir.Func) {
			if len(f.Params) == 1 && r.hit(f, 22) {
				r.check(r.m.SetParams(f, "(i64 immarg, "+r.m.TextOf(f.Params[0].Span)+")"))
			}
		})
	},
}
