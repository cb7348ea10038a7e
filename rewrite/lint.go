package rewrite

import (
	"strings"

	"github.com/oxbpf/oxbpf/internal/symbol"
	"github.com/oxbpf/oxbpf/internal/words"
	"github.com/oxbpf/oxbpf/ir"
)

// Lint reports what would stop llc or the verifier, before they run.
var Lint = &Pass{
	Name: "lint",
	Doc: `report code that llc or the verifier will refuse

Looks at the functions the object will keep (those reachable from the
programs, maps and other exported symbols) after inline-all and
panic-exit, and reports, with the function and position:

  - calls to functions the module does not define (memcpy, __multi3,
    core::fmt code left by IR built without LTO): BPF has no libraries;
    BPF helper calls, through inttoptr (i64 N to ptr), are fine;
  - intrinsics llc lowers to such calls: memcpy, memmove and memset of a
    length not known or above 1024 bytes, mul.with.overflow on 64 and
    128 bits, llvm.trap, floating-point math; the many others (lifetime,
    dbg, assume, expect, ctpop, umin, ...) are fine;
  - 128-bit mul, div, rem and variable shifts, which become compiler-rt
    calls (__multi3, __udivti3, __ashlti3, ...), and floating point;
  - indirect calls through pointers computed at run time;
  - variadic calls;
  - recursion: always-inline cannot remove a cycle of calls, and the
    verifier rejects the call chain ("the call stack of 9 frames is too
    deep") or, before 4.16, any call.

Findings are warnings (opt may still delete the code in question);
Options.Strict makes them errors. One finding is always an error, and the
only one reported: a module that defines functions of Rust's standard
library (std), which a BPF program cannot link (the crate lacks
#![no_std]). Lint changes nothing.`,
	Requires: []*Pass{InlineAll, PanicExit},
	Run:      runLint,
}

func runLint(c *Context) error {
	if f := stdFunction(c.Module); f != nil {
		c.Error(f, nil, "the module defines %s from Rust's standard library: a BPF program must be #![no_std] (and #![no_main])", symbol.Demangle(f.Name.Name()))
		return nil
	}
	s := newSymbols(c.Module)
	live := reachable(c.Module, s)
	for _, f := range live {
		for _, b := range f.Body.Blocks {
			for _, in := range b.Instrs {
				if in.Call != nil {
					lintCall(c, s, f, in)
				} else {
					lintInstr(c, f, in)
				}
			}
		}
	}
	for _, cycle := range cycles(callGraph(s, live), live) {
		first := cycle[0].at
		from := cycle[len(cycle)-1].to
		if len(cycle) == 1 {
			c.Warn(first, from, "recursion: %s calls itself, which cannot be inlined", symbol.Demangle(from.Name.Name()))
			continue
		}
		names := []string{symbol.Demangle(from.Name.Name())}
		for _, e := range cycle {
			names = append(names, symbol.Demangle(e.to.Name.Name()))
		}
		c.Warn(first, from, "recursion: %s, which cannot be inlined", strings.Join(names, " → "))
	}
	return nil
}

func lintCall(c *Context, s *symbols, f *ir.Func, in *ir.Instr) {
	cl := s.callee(in.Call)
	variadic := in.Call.Type != nil && in.Call.Type.Kind == ir.FuncType && in.Call.Type.Variadic
	switch cl.kind {
	case helperCall, asmCall:
	case indirectCall:
		c.reportCheck(Warning, CheckIndirectCall, in, f, "indirect call through %s: the verifier allows calls only to helpers and to functions in the program", words.Shorten(in.Call.Callee.Raw))
	case directCall:
		name := symbol.Demangle(cl.fn.Name.Name())
		switch {
		case cl.fn.IsIntrinsic():
			switch call := intrinsicLibcall(cl.fn, in.Call); call {
			case "":
			default:
				c.Warn(in, f, "%s becomes a call to %s, which BPF does not have", cl.fn.Name.Name(), call)
			}
		case cl.fn.IsDeclaration() && isCoreCall(cl.fn.Name.Name()):
			// The core pass said why it left this call: no second word.
		case cl.fn.IsDeclaration():
			c.Warn(in, f, "call to %s, which is not in the module: %s", name, undefinedHint(name))
		case variadic || cl.fn.Variadic:
			c.Warn(in, f, "call to variadic function %s: llc does not support variadic functions for BPF", name)
		}
	}
}

// undefinedHint says why a function may be missing.
func undefinedHint(name string) string {
	switch {
	case strings.Contains(name, "::"):
		return "IR built without LTO (-C lto) leaves other crates' code out"
	case strings.HasPrefix(name, "__"):
		return "a compiler-rt builtin, which BPF does not have"
	}
	return "BPF programs cannot call libraries"
}

func lintInstr(c *Context, f *ir.Func, in *ir.Instr) {
	switch {
	case floatOps[in.Opcode]:
		c.Warn(in, f, "floating-point %s becomes a soft-float call, which BPF does not have", in.Opcode)
	default:
		if call := wideLibcall(in); call != "" {
			c.Warn(in, f, "%s i128 becomes a call to %s, which BPF does not have", in.Opcode, call)
		}
	}
}

// stdFunction returns a function the module defines from the std crate, or
// nil: its presence means the crate was built against std.
func stdFunction(m *ir.Module) *ir.Func {
	for _, f := range m.Funcs {
		if f.IsDeclaration() {
			continue
		}
		if name := symbol.Demangle(f.Name.Name()); strings.HasPrefix(name, "std::") || strings.HasPrefix(name, "<std::") {
			return f
		}
	}
	return nil
}
