package rewrite

import (
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// SharedSlots passes one stack slot where opt left several that hold the
// same value for helper calls, after opt.
var SharedSlots = &Pass{
	Name: "shared-slots",
	Doc: `let helper calls share the stack slot of a value

Rust passes a map key by value: each map call gets a stack slot of its
own, stored with the same value again (a key used by three map calls is
stored three times), where C passes the address of one variable. After
opt, a slot that is stored once and otherwise only passed to calls that
neither write through nor keep the pointer (readonly and nocapture, as
helper-args marks helpers' const arguments) is replaced by another slot
of the same type stored with the same value, where that store dominates
every use; the replaced slot's store goes, and the lifetime markers of
both, so that nothing ends the kept slot's life early.`,
	Run: runSharedSlots,
}

// slotUse is one instruction that refers to a stack slot.
type slotUse struct {
	block, at int
	in        *ir.Instr
	value     *ir.Value // the reference
}

// slot is an alloca and what refers to it.
type slot struct {
	alloca  *ir.Instr
	key     string // the allocation and the value stored: slots that may share
	store   *slotUse
	calls   []slotUse // readonly nocapture call arguments
	others  []slotUse // lifetime markers and debug records
	invalid bool
}

func runSharedSlots(c *Context) error {
	for _, f := range c.Module.Funcs {
		if f.IsDeclaration() {
			continue
		}
		if err := shareSlots(c, f); err != nil {
			return err
		}
	}
	return nil
}

func shareSlots(c *Context, f *ir.Func) error {
	m := c.Module
	slots := map[string]*slot{}
	var order []*slot
	for _, b := range f.Body.Blocks {
		for _, in := range b.Instrs {
			if in.Opcode == "alloca" && in.Result.Raw != "" {
				s := &slot{alloca: in}
				slots[in.Result.Name()] = s
				order = append(order, s)
			}
		}
	}
	if len(slots) < 2 {
		return nil
	}
	for bi, b := range f.Body.Blocks {
		for ii, in := range b.Instrs {
			classifySlotRefs(m, slots, slotUse{block: bi, at: ii, in: in})
		}
	}
	groups := map[string][]*slot{}
	var keys []string // in source order, for output that does not vary
	for _, s := range order {
		if !s.invalid && s.store != nil && len(s.calls) > 0 {
			if groups[s.key] == nil {
				keys = append(keys, s.key)
			}
			groups[s.key] = append(groups[s.key], s)
		}
	}
	g := (*cfg)(nil)
	remove := map[*ir.Instr]bool{}
	for _, key := range keys {
		group := groups[key]
		if len(group) < 2 {
			continue
		}
		if g == nil {
			g = newCFG(f)
		}
		for _, s := range group {
			keep := keeperFor(g, group, s, remove)
			if keep == nil {
				continue
			}
			for _, u := range s.calls {
				if err := m.ReplaceValue(u.value, keep.alloca.Result.Raw); err != nil {
					return err
				}
			}
			for _, u := range s.others {
				if isDebugInfo(u.in) {
					if err := m.ReplaceValue(u.value, keep.alloca.Result.Raw); err != nil {
						return err
					}
				}
			}
			remove[s.store.in], remove[s.alloca] = true, true
			for _, t := range []*slot{s, keep} {
				for _, u := range t.others {
					if isLifetime(u.in) {
						remove[u.in] = true
					}
				}
			}
			// The kept slot answers for these now, should it be shared
			// with another in turn.
			keep.calls = append(keep.calls, s.calls...)
			for _, u := range s.others {
				if !isLifetime(u.in) {
					keep.others = append(keep.others, u)
				}
			}
			c.Count("shared", 1)
		}
	}
	if len(remove) == 0 {
		return nil
	}
	for _, b := range f.Body.Blocks {
		for i := len(b.Instrs) - 1; i >= 0; i-- {
			if remove[b.Instrs[i]] {
				if _, err := m.ReplaceInstr(b, i, ""); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// keeperFor returns a slot of group, not s and not itself going, whose
// store dominates s's store and every use of s; nil if there is none.
func keeperFor(g *cfg, group []*slot, s *slot, remove map[*ir.Instr]bool) *slot {
	for _, k := range group {
		if k == s || remove[k.alloca] || remove[s.alloca] {
			continue
		}
		if !before(g, *k.store, *s.store) {
			continue
		}
		ok := true
		for _, u := range s.calls {
			ok = ok && before(g, *k.store, u)
		}
		if ok {
			return k
		}
	}
	return nil
}

// before reports whether a comes before b on every path to b.
func before(g *cfg, a, b slotUse) bool {
	if a.block == b.block {
		return a.at < b.at
	}
	return g.dominates(a.block, b.block)
}

// classifySlotRefs records how in refers to any slot: its one store, a
// readonly nocapture call argument, a lifetime marker or debug record;
// any other reference (a load, a second store, the address stored or
// passed on) makes the slot invalid.
func classifySlotRefs(m *ir.Module, slots map[string]*slot, u slotUse) {
	in := u.in
	refs := func(v *ir.Value) *slot {
		if v.Kind != ir.LocalRef {
			return nil
		}
		return slots[v.Name()]
	}
	if in.Opcode == "alloca" {
		return
	}
	if in.Opcode == "store" && len(in.Operands) >= 2 {
		if s := refs(&in.Operands[1].Value); s != nil && refs(&in.Operands[0].Value) == nil {
			if s.store != nil || in.HasFlag("volatile") || in.Operands[0].Value.Kind == ir.NoValue {
				s.invalid = true
				return
			}
			use := u
			use.value = &in.Operands[1].Value
			s.store = &use
			s.key = strings.TrimSpace(allocationText(m, s.alloca)) + " = " + in.Operands[0].Type.String() + " " + in.Operands[0].Value.Raw
			walkValues(in.Operands[:1], func(v *ir.Value) { invalidate(refs(v)) })
			return
		}
	}
	if in.Call != nil && !isDebugInfo(in) && !isLifetime(in) {
		for k := range in.Call.Args {
			arg := &in.Call.Args[k]
			if s := refs(&arg.Value); s != nil {
				if arg.Attrs != nil && arg.Attrs.Index("readonly") >= 0 && (arg.Attrs.Index("nocapture") >= 0 || arg.Attrs.Index("captures") >= 0 && strings.Contains(m.TextOf(arg), "captures(none)")) {
					use := u
					use.value = &arg.Value
					s.calls = append(s.calls, use)
					continue
				}
				s.invalid = true
				continue
			}
			walkValues(in.Call.Args[k:k+1], func(v *ir.Value) { invalidate(refs(v)) })
		}
		invalidate(refs(&in.Call.Callee))
		walkValues(in.Call.Bundles, func(v *ir.Value) { invalidate(refs(v)) })
		return
	}
	ops := in.Operands
	if in.Call != nil {
		ops = append(append([]ir.Operand{}, ops...), in.Call.Args...)
	}
	walkValues(ops, func(v *ir.Value) {
		if s := refs(v); s != nil {
			if isDebugInfo(in) || isLifetime(in) {
				use := u
				use.value = v
				s.others = append(s.others, use)
				return
			}
			s.invalid = true
		}
	})
}

func invalidate(s *slot) {
	if s != nil {
		s.invalid = true
	}
}

// walkValues calls fn for every value in ops, nested ones included.
func walkValues(ops []ir.Operand, fn func(*ir.Value)) {
	for k := range ops {
		v := &ops[k].Value
		fn(v)
		if v.Sub != nil {
			walkValues(v.Sub.Elems, fn)
		}
	}
}

// allocationText is an alloca without its result name: what it allocates.
func allocationText(m *ir.Module, in *ir.Instr) string {
	text := m.TextOf(in)
	if _, after, ok := strings.Cut(text, "="); ok {
		text = after
	}
	if i := strings.Index(text, ", !"); i >= 0 { // attachments
		text = text[:i]
	}
	return text
}
