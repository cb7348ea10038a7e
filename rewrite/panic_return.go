package rewrite

import (
	"github.com/oxbpf/oxbpf/ir"
)

// PanicReturn makes the panic exits that opt inlined into a program
// returns of 0 from it, after opt.
var PanicReturn = &Pass{
	Name: "panic-return",
	Doc: `make each inlined panic exit a return of 0 from the program

panic-exit gives every panic the body r0 = 0; exit as inline asm, which
opt keeps on each panic path and llc cannot merge: every bounds check
that can fail costs two instructions of its own, where C's early
returns share one exit. Once opt has inlined the panics into a program,
the asm in it is the same as returning 0 from the program, which llc
can merge with the program's other returns of 0, or fold into the
branch that leads to it. In a function that is no program (a BPF-to-BPF
call opt kept), returning would not end the program: the asm stays.`,
	Run: runPanicReturn,
}

func runPanicReturn(c *Context) error {
	m := c.Module
	for _, f := range m.Funcs {
		if f.IsDeclaration() || !isProgram(f) || f.RetType == nil || f.RetType.Kind != ir.IntType {
			continue
		}
		// The first block that is nothing but the exit becomes the
		// return; the other exits jump to it, so that all panic paths
		// share one r0 = 0; exit.
		var target *ir.Block
		for _, b := range f.Body.Blocks {
			if b.Label.Raw != "" && onlyPanicExit(b) {
				target = b
				break
			}
		}
		for _, b := range f.Body.Blocks {
			for i := 0; i+1 < len(b.Instrs); i++ {
				if !isPanicExit(b.Instrs[i]) || b.Instrs[i+1].Opcode != "unreachable" {
					continue
				}
				end := "ret " + f.RetType.String() + " 0"
				if target != nil && b != target {
					end = "br label %" + target.Label.Raw[:len(target.Label.Raw)-1]
				}
				if _, err := m.ReplaceInstr(b, i+1, ""); err != nil {
					return err
				}
				if _, err := m.ReplaceInstr(b, i, end); err != nil {
					return err
				}
				c.Count("return", 1)
			}
		}
	}
	return nil
}

// onlyPanicExit reports whether b holds nothing but the exit and
// unreachable (and debug records): jumping there returns 0 and does
// nothing else.
func onlyPanicExit(b *ir.Block) bool {
	var instrs []*ir.Instr
	for _, in := range b.Instrs {
		if !in.IsRecord() {
			instrs = append(instrs, in)
		}
	}
	return len(instrs) == 2 && isPanicExit(instrs[0]) && instrs[1].Opcode == "unreachable"
}

// isPanicExit reports whether in is the exit panic-exit writes.
func isPanicExit(in *ir.Instr) bool {
	return in.Call != nil && in.Call.Callee.Kind == ir.InlineAsm && in.Call.Callee.Raw == panicExitAsm
}
