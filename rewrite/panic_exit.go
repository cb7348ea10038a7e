package rewrite

import (
	"github.com/oxbpf/oxbpf/internal/symbol"
	"github.com/oxbpf/oxbpf/ir"
)

// PanicExit turns every panic into a program exit.
var PanicExit = &Pass{
	Name: "panic-exit",
	Doc: `make every panic end the program with return value 0

A BPF program cannot unwind or abort, and the #[panic_handler]'s loop {}
is rejected by the verifier ("infinite loop detected"). The panic
machinery is found by demangled name (the table in panic_names.go:
rust_begin_unwind in both manglings, core::panicking::*,
Option/Result unwrap_failed, the slice, str and cell failure paths) among
noreturn functions, defined or, in IR built without LTO, only declared.
Each gets the body

	call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"()
	unreachable

(a bare exit leaves R0 unset: "R0 !read_ok"), internal linkage, so that
nothing of it is left once it is inlined, and the inline-all treatment,
as must every call of it: a cold panic function left standing lands in
.text.unlikely. The asm has side effects and the call to a noreturn
function cannot be dropped, so opt keeps the exit on every panic path.

A module without panic machinery is fine. rustc links exactly one
#[panic_handler], so a second handler (say both rust_begin_unwind and
__rustc::rust_begin_unwind) means the module was put together from
different compilers or hand-written symbols: that is an error, although
both handlers are rewritten.`,
	Run: runPanicExit,
}

// exitBody is the body of a panic function: return 0 from the program.
const exitBody = "{\n  call void " + panicExitAsm + "()\n  unreachable\n}"

// panicExitAsm is the inline asm of exitBody, which panic-return finds
// after opt.
const panicExitAsm = `asm sideeffect "r0 = 0\0Aexit", "~{r0}"`

func runPanicExit(c *Context) error {
	m := c.Module
	panics := panicFunctions(c)
	var handler *ir.Func
	for _, f := range panics {
		if !matchPanic(symbol.Demangle(f.Name.Name())).handler {
			continue
		}
		if handler != nil {
			c.Error(f, f, "second panic handler %s besides %s: rustc links one #[panic_handler], so this module mixes compilers or defines rust_begin_unwind by hand",
				symbol.Demangle(f.Name.Name()), symbol.Demangle(handler.Name.Name()))
			continue
		}
		handler = f
	}
	for _, f := range panics {
		if err := m.SetBody(f, exitBody); err != nil {
			return err
		}
		c.Count("exit-body", 1)
		if !isLocal(f.Linkage()) {
			if err := m.SetLinkage(f, "internal"); err != nil {
				return err
			}
			c.Count("internal", 1)
		}
	}
	isPanic := make(map[*ir.Func]bool, len(panics))
	for _, f := range panics {
		isPanic[f] = true
	}
	p := newGroupPlan(m)
	if err := markInline(c, p, panics); err != nil {
		return err
	}
	if err := unblockCalls(c, p, func(cl callee) bool { return isPanic[cl.fn] }); err != nil {
		return err
	}
	added, err := p.apply()
	c.Count("new-group", added)
	return err
}

// panicFunctions returns the functions that match the panic table and are
// noreturn. A match that may return is left alone with a warning: giving
// it the exit body would end the program where it should go on.
func panicFunctions(c *Context) []*ir.Func {
	var panics []*ir.Func
	for _, f := range c.Module.Funcs {
		if f.IsIntrinsic() || matchPanic(symbol.Demangle(f.Name.Name())) == nil {
			continue
		}
		if !hasAttr(c.Module, &f.Attrs, "noreturn") {
			c.Warn(f, f, "looks like panic machinery but is not noreturn; left as it is")
			continue
		}
		panics = append(panics, f)
	}
	return panics
}

// isLocal reports whether a linkage keeps a symbol out of the object's
// symbol table.
func isLocal(linkage string) bool { return linkage == "internal" || linkage == "private" }
