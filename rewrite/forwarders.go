package rewrite

import (
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// Forwarders empties the blocks that only end lifetimes and branch on,
// after opt.
var Forwarders = &Pass{
	Name: "forwarders",
	Doc: `drop the lifetime ends of blocks that only branch on

Rust's ? and match leave, after opt, blocks that end an alloca's lifetime
and jump to a join: the error path of a helper call, say. The lifetime
end keeps llc from folding the block away (it folds blocks that hold a
branch and debug records only), and BPF's llc cannot invert a branch,
so each costs a goto: if r0 s> -1 goto +1; goto out, where C has if r0
s< 0 goto out. Without the lifetime end llc folds the block. The alloca
then counts as live a little longer on that path, which may keep llc
from sharing its stack slot with another.`,
	Run: runForwarders,
}

func runForwarders(c *Context) error {
	m := c.Module
	for _, f := range m.Funcs {
		if f.IsDeclaration() {
			continue
		}
		for _, b := range f.Body.Blocks {
			if !lifetimesAndBranch(b) {
				continue
			}
			for i := len(b.Instrs) - 1; i >= 0; i-- {
				if isLifetime(b.Instrs[i]) {
					if _, err := m.ReplaceInstr(b, i, ""); err != nil {
						return err
					}
					c.Count("lifetime-end", 1)
				}
			}
		}
	}
	return nil
}

// lifetimesAndBranch reports whether b holds only lifetime intrinsics,
// debug records and an unconditional branch, at least one lifetime.
func lifetimesAndBranch(b *ir.Block) bool {
	lifetimes := 0
	for i, in := range b.Instrs {
		switch {
		case in.IsRecord():
		case isLifetime(in):
			lifetimes++
		case i == len(b.Instrs)-1 && in.Opcode == "br" && len(in.Operands) == 1:
		default:
			return false
		}
	}
	return lifetimes > 0
}

func isLifetime(in *ir.Instr) bool {
	return in.Call != nil && strings.HasPrefix(in.Call.CalleeName(), "llvm.lifetime.")
}
