package rewrite

import "github.com/oxbpf/oxbpf/ir"

// InlineAll marks every function for inlining.
var InlineAll = &Pass{
	Name: "inline-all",
	Doc: `inline every function into the programs that call it

Kernels before 4.16 have no BPF-to-BPF calls, and a function that stays a
function lands in .text, or .text.unlikely when it is cold, which loaders
take for a program of its own ("last insn is not an exit or jmp"). Every
defined function except llvm.* intrinsics loses noinline and optnone
(optnone requires noinline, and noinline excludes alwaysinline) and gains
alwaysinline; every call site loses noinline. Declarations, intrinsics
among them, and globals keep their attributes: where they share a group
with functions that change, the functions get a new group. No definition
keeps noinline: one that cannot be inlined (recursion, variadic) is
reported by lint rather than kept as a BPF-to-BPF call.`,
	Run: runInlineAll,
}

func runInlineAll(c *Context) error {
	var defs []*ir.Func
	for _, f := range c.Module.Funcs {
		if !f.IsDeclaration() && !f.IsIntrinsic() {
			defs = append(defs, f)
		}
	}
	p := newGroupPlan(c.Module)
	if err := markInline(c, p, defs); err != nil {
		return err
	}
	if err := unblockCalls(c, p, func(callee) bool { return true }); err != nil {
		return err
	}
	added, err := p.apply()
	c.Count("new-group", added)
	return err
}
