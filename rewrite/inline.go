package rewrite

import "github.com/oxbpf/oxbpf/ir"

var (
	// toInline is what a function must become for always-inline to take
	// it: optnone requires noinline, and noinline excludes alwaysinline.
	toInline = attrChange{drop: "noinline optnone", add: "alwaysinline"}
	// unblock lets a call site be inlined.
	unblock = attrChange{drop: "noinline"}
)

// markInline plans toInline for each function, counting the attributes
// it removes and adds.
func markInline(c *Context, p *groupPlan, funcs []*ir.Func) error {
	m := c.Module
	for _, f := range funcs {
		for _, key := range []string{"noinline", "optnone"} {
			if hasAttr(m, &f.Attrs, key) {
				c.Count(key, 1)
			}
		}
		if !hasAttr(m, &f.Attrs, "alwaysinline") {
			c.Count("alwaysinline", 1)
		}
		if err := p.want(&f.Attrs, toInline); err != nil {
			return err
		}
	}
	return nil
}

// unblockCalls plans removing noinline from every call site whose callee
// is picked, and counts them.
func unblockCalls(c *Context, p *groupPlan, picked func(callee) bool) error {
	m := c.Module
	s := newSymbols(m)
	for _, f := range m.Funcs {
		var err error
		eachCall(f, func(_ *ir.Block, in *ir.Instr) {
			if err != nil || !picked(s.callee(in.Call)) || !hasAttr(m, &in.Call.FnAttrs, "noinline") {
				return
			}
			c.Count("call-site-noinline", 1)
			err = p.want(&in.Call.FnAttrs, unblock)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
