package rewrite

import "github.com/oxbpf/oxbpf/ir"

// walkInstrs calls fn for every instruction and debug record of every
// function body, b.Instrs[i] being the one at hand. fn may replace it and
// returns how many instructions now stand in its place, so the walk goes
// on after them.
func (r *ruleRun) walkInstrs(fn func(f *ir.Func, b *ir.Block, i int) int) {
	for _, f := range r.m.Funcs {
		if f.Body == nil {
			continue
		}
		for _, b := range f.Body.Blocks {
			for i := 0; i < len(b.Instrs); {
				i += fn(f, b, i)
			}
		}
	}
}

// eachInstr calls fn for every instruction and debug record.
func (r *ruleRun) eachInstr(fn func(f *ir.Func, in *ir.Instr)) {
	r.walkInstrs(func(f *ir.Func, b *ir.Block, i int) int {
		fn(f, b.Instrs[i])
		return 1
	})
}

// eachAttrList calls fn for every attribute list: of attribute groups,
// function headers and their parameters, and call sites and their
// arguments. f is the function the list belongs to or stands in; nil for
// groups.
func (r *ruleRun) eachAttrList(fn func(list *ir.AttrList, f *ir.Func)) {
	for _, g := range r.m.AttrGroups {
		fn(&g.Attrs, nil)
	}
	for _, f := range r.m.Funcs {
		fn(&f.RetAttrs, f)
		for _, p := range f.Params {
			fn(&p.Attrs, f)
		}
		fn(&f.Attrs, f)
	}
	r.eachInstr(func(f *ir.Func, in *ir.Instr) {
		c := in.Call
		if c == nil {
			return
		}
		fn(&c.RetAttrs, f)
		for k := range c.Args {
			if c.Args[k].Attrs != nil {
				fn(c.Args[k].Attrs, f)
			}
		}
		fn(&c.FnAttrs, f)
	})
}

// eachAttr calls fn for every attribute with the given key, except string
// attributes, which no LLVM rejects. fn returns false when it removed the
// attribute from the list.
func (r *ruleRun) eachAttr(key string, fn func(list *ir.AttrList, i int, f *ir.Func) (kept bool)) {
	r.eachAttrList(func(list *ir.AttrList, f *ir.Func) {
		for i := 0; i < len(list.Attrs); {
			a := &list.Attrs[i]
			if a.Key != key || a.Kind == ir.StringAttr || a.Kind == ir.GroupRef || fn(list, i, f) {
				i++
			}
		}
	})
}

// eachValue calls fn for every value that can hold a constant: global
// initializers, aliasees, function options, instruction operands, call
// arguments and bundles, and the parts of aggregates and constant
// expressions inside them. t is the value's type where the syntax gives
// it, nil otherwise; f is the function it stands in, nil outside
// functions. Metadata nodes are not entered.
func (r *ruleRun) eachValue(fn func(v *ir.Value, t *ir.Type, f *ir.Func)) {
	visit := valueVisitor(fn)
	for _, g := range r.m.Globals {
		if g.Init != nil {
			visit(&g.Init.Value, g.Init.Type, nil)
		}
	}
	for _, a := range r.m.Aliases {
		visit(&a.Target.Value, a.Target.Type, nil)
	}
	for _, f := range r.m.Funcs {
		for k := range f.Options {
			visit(&f.Options[k].Value, f.Options[k].Type, f)
		}
	}
	r.eachInstr(func(f *ir.Func, in *ir.Instr) { instrValues(in, f, visit) })
}

// valueVisitor returns a function that calls fn for a value and the parts
// of aggregates and constant expressions inside it, but not for what is
// inside metadata.
func valueVisitor(fn func(v *ir.Value, t *ir.Type, f *ir.Func)) func(v *ir.Value, t *ir.Type, f *ir.Func) {
	var visit func(v *ir.Value, t *ir.Type, f *ir.Func)
	visit = func(v *ir.Value, t *ir.Type, f *ir.Func) {
		fn(v, t, f)
		if v.Sub == nil || v.Kind == ir.MDNodeValue {
			return
		}
		for k := range v.Sub.Elems {
			e := &v.Sub.Elems[k]
			visit(&e.Value, e.Type, f)
		}
	}
	return visit
}

// instrValues calls visit for each operand value of in: a call's callee,
// arguments and bundles, a phi's incoming values, any other instruction's
// operands, each with its type where the syntax gives it.
func instrValues(in *ir.Instr, f *ir.Func, visit func(v *ir.Value, t *ir.Type, f *ir.Func)) {
	if c := in.Call; c != nil {
		visit(&c.Callee, nil, f)
		for k := range c.Args {
			visit(&c.Args[k].Value, c.Args[k].Type, f)
		}
		for k := range c.Bundles {
			visit(&c.Bundles[k].Value, nil, f)
		}
		return
	}
	for k := range in.Operands {
		v := &in.Operands[k].Value
		if v.Kind == ir.Incoming { // a phi's [ v, %bb ]
			v = &v.Sub.Elems[0].Value
		}
		visit(v, in.OperandType(k), f)
	}
}

// eachCallOf calls fn for every call of one of the functions named, or
// of an overload of them (llvm.lifetime.start names llvm.lifetime.start.p0).
// fn may replace b.Instrs[i] and returns how many instructions now stand
// in its place.
func (r *ruleRun) eachCallOf(names []string, fn func(f *ir.Func, b *ir.Block, i int) int) {
	r.walkInstrs(func(f *ir.Func, b *ir.Block, i int) int {
		if c := b.Instrs[i].Call; c != nil && isOverloadOf(c.CalleeName(), names) {
			return fn(f, b, i)
		}
		return 1
	})
}

// eachDeclOf calls fn for the declaration of each function named or of an
// overload of it, going over a copy of the list so that fn may remove it.
func (r *ruleRun) eachDeclOf(names []string, fn func(f *ir.Func)) {
	for _, f := range append([]*ir.Func(nil), r.m.Funcs...) {
		if f.IsDeclaration() && isOverloadOf(f.Name.Name(), names) {
			fn(f)
		}
	}
}

// isOverloadOf reports whether name is one of names or continues one of
// them after a dot, as an overloaded intrinsic's name does.
func isOverloadOf(name string, names []string) bool {
	for _, p := range names {
		if name == p || len(name) > len(p) && name[:len(p)] == p && name[len(p)] == '.' {
			return true
		}
	}
	return false
}
