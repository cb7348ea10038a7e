package rewrite

import "github.com/oxbpf/oxbpf/ir"

// reachable returns the defined functions that stay in the object after
// opt drops what nothing refers to: those reachable from what the module
// exports (programs, maps, license, anything not internal or private)
// through calls and references in code and initializers. Debug metadata
// and personality functions do not keep code alive. The result is in
// source order.
func reachable(m *ir.Module, s *symbols) []*ir.Func {
	globals := make(map[string]*ir.Global, len(m.Globals))
	for _, g := range m.Globals {
		globals[g.Name.Name()] = g
	}
	seen := make(map[string]bool)
	var queue []string
	mark := func(name string) {
		if !seen[name] {
			seen[name] = true
			queue = append(queue, name)
		}
	}
	for _, f := range m.Funcs {
		if !f.IsDeclaration() && !isLocal(f.Linkage()) {
			mark(f.Name.Name())
		}
	}
	for _, g := range m.Globals {
		if !isLocal(g.Linkage()) {
			mark(g.Name.Name())
		}
	}
	for _, a := range m.Aliases {
		if !isLocal(a.Linkage()) {
			mark(a.Name.Name())
		}
	}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		switch {
		case s.funcs[name] != nil:
			eachInstrRef(s.funcs[name], mark)
		case globals[name] != nil:
			if init := globals[name].Init; init != nil {
				eachGlobalRef(init.Value, mark)
			}
		case s.aliases[name] != nil:
			eachGlobalRef(s.aliases[name].Target.Value, mark)
		}
	}
	var live []*ir.Func
	for _, f := range m.Funcs {
		if !f.IsDeclaration() && seen[f.Name.Name()] {
			live = append(live, f)
		}
	}
	return live
}

// eachInstrRef calls fn with the name of every global that f's
// instructions refer to.
func eachInstrRef(f *ir.Func, fn func(name string)) {
	if f.Body == nil {
		return
	}
	for _, b := range f.Body.Blocks {
		for _, in := range b.Instrs {
			if in.IsRecord() {
				continue
			}
			for _, op := range in.Operands {
				eachGlobalRef(op.Value, fn)
			}
			if call := in.Call; call != nil {
				eachGlobalRef(call.Callee, fn)
				for _, op := range call.Args {
					eachGlobalRef(op.Value, fn)
				}
			}
		}
	}
}

// eachGlobalRef calls fn with the name of every global that v refers to,
// looking into aggregates and constant expressions but not metadata.
func eachGlobalRef(v ir.Value, fn func(name string)) {
	switch v.Kind {
	case ir.GlobalRef:
		fn(v.Name())
		return
	case ir.MDRef, ir.MDStringValue, ir.MDNodeValue, ir.MDWrapped:
		return
	}
	if v.Sub != nil {
		for _, e := range v.Sub.Elems {
			eachGlobalRef(e.Value, fn)
		}
	}
}
