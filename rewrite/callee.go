package rewrite

import "github.com/oxbpf/oxbpf/ir"

// calleeKind says what a call calls.
type calleeKind uint8

const (
	directCall   calleeKind = iota // a function of the module, defined or declared
	helperCall                     // a BPF helper: inttoptr (iN <number> to ptr)
	asmCall                        // inline asm
	indirectCall                   // anything else: a pointer computed at run time
)

// callee is the resolved target of a call.
type callee struct {
	kind calleeKind
	fn   *ir.Func // directCall
}

// symbols indexes a module's functions and aliases by name.
type symbols struct {
	funcs   map[string]*ir.Func
	aliases map[string]*ir.Alias
}

func newSymbols(m *ir.Module) *symbols {
	s := &symbols{funcs: make(map[string]*ir.Func, len(m.Funcs)), aliases: make(map[string]*ir.Alias)}
	for _, f := range m.Funcs {
		s.funcs[f.Name.Name()] = f
	}
	for _, a := range m.Aliases {
		s.aliases[a.Name.Name()] = a
	}
	return s
}

// function returns the function a constant refers to: @f, an alias of it,
// or either behind the pointer casts of typed-pointer IR (bitcast (void
// (i8*)* @f to void (i64*)*)); nil for anything else.
func (s *symbols) function(v ir.Value) *ir.Func {
	for range 16 { // alias chains and nested casts are short; cycles are not ours to report
		switch {
		case v.Kind == ir.GlobalRef:
			if f := s.funcs[v.Name()]; f != nil {
				return f
			}
			a := s.aliases[v.Name()]
			if a == nil {
				return nil
			}
			v = a.Target.Value
		case isCast(v) && len(v.Sub.Elems) > 0:
			v = v.Sub.Elems[0].Value
		default:
			return nil
		}
	}
	return nil
}

// callee resolves the target of a call.
func (s *symbols) callee(call *ir.Call) callee {
	v := call.Callee
	if f := s.function(v); f != nil {
		return callee{kind: directCall, fn: f}
	}
	switch {
	case v.Kind == ir.InlineAsm:
		return callee{kind: asmCall}
	case isHelper(v):
		return callee{kind: helperCall}
	}
	return callee{kind: indirectCall}
}

// isHelper reports whether v is how Rust and C write a BPF helper: a
// function pointer made from the helper's number, inttoptr (i64 1 to ptr),
// possibly behind a cast in typed-pointer IR. llc turns a call of it into
// `call 1`.
func isHelper(v ir.Value) bool {
	_, ok := helperNumber(v)
	return ok
}

// helperNumber returns the integer constant a helper's function pointer
// is made from, as isHelper finds it.
func helperNumber(v ir.Value) (ir.Value, bool) {
	for v.Kind == ir.ConstExpr && v.Sub != nil && len(v.Sub.Elems) > 0 {
		switch v.Sub.Opcode {
		case "inttoptr":
			n := v.Sub.Elems[0].Value
			return n, n.Kind == ir.IntConst
		case "bitcast", "addrspacecast":
			v = v.Sub.Elems[0].Value
		default:
			return ir.Value{}, false
		}
	}
	return ir.Value{}, false
}

func isCast(v ir.Value) bool {
	return v.Kind == ir.ConstExpr && v.Sub != nil && (v.Sub.Opcode == "bitcast" || v.Sub.Opcode == "addrspacecast")
}
