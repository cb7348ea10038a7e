package rewrite

import "github.com/oxbpf/oxbpf/ir"

// A cfg is a function's control flow graph, blocks by index in source
// order (the entry block first), with each block's immediate dominator.
type cfg struct {
	index map[*ir.Block]int
	idom  []int // -1 for the entry block and unreachable blocks
}

// newCFG builds the graph of f from its terminators' label operands and
// computes dominators (Cooper, Harvey and Kennedy's iteration, in reverse
// postorder).
func newCFG(f *ir.Func) *cfg {
	blocks := f.Body.Blocks
	g := &cfg{index: make(map[*ir.Block]int, len(blocks))}
	byName := make(map[string]int, len(blocks))
	for i, b := range blocks {
		g.index[b] = i
		if b.Label.Raw != "" {
			byName[b.Name()] = i
		}
	}
	succs := make([][]int, len(blocks))
	for i, b := range blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		last := b.Instrs[len(b.Instrs)-1]
		var ops []ir.Operand
		ops = append(ops, last.Operands...)
		if last.Call != nil {
			ops = append(ops, last.Call.Dests...)
		}
		eachLabel(ops, func(name string) {
			if j, ok := byName[name]; ok {
				succs[i] = append(succs[i], j)
			}
		})
	}
	// Reverse postorder from the entry.
	order := make([]int, 0, len(blocks))
	seen := make([]bool, len(blocks))
	var visit func(int)
	visit = func(i int) {
		seen[i] = true
		for _, j := range succs[i] {
			if !seen[j] {
				visit(j)
			}
		}
		order = append(order, i)
	}
	if len(blocks) > 0 {
		visit(0)
	}
	rpo := make([]int, len(blocks)) // block → position in reverse postorder
	for k := range rpo {
		rpo[k] = -1
	}
	for k, i := range order {
		rpo[i] = len(order) - 1 - k
	}
	preds := make([][]int, len(blocks))
	for i, ss := range succs {
		for _, j := range ss {
			preds[j] = append(preds[j], i)
		}
	}
	g.idom = make([]int, len(blocks))
	for i := range g.idom {
		g.idom[i] = -1
	}
	if len(blocks) == 0 {
		return g
	}
	g.idom[0] = 0
	intersect := func(a, b int) int {
		for a != b {
			for rpo[a] > rpo[b] {
				a = g.idom[a]
			}
			for rpo[b] > rpo[a] {
				b = g.idom[b]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for k := len(order) - 2; k >= 0; k-- { // reverse postorder, entry skipped
			b := order[k]
			idom := -1
			for _, p := range preds[b] {
				if g.idom[p] == -1 {
					continue
				}
				if idom == -1 {
					idom = p
				} else {
					idom = intersect(p, idom)
				}
			}
			if idom != g.idom[b] {
				g.idom[b], changed = idom, true
			}
		}
	}
	g.idom[0] = -1
	return g
}

// dominates reports whether block a dominates block b.
func (g *cfg) dominates(a, b int) bool {
	for b != -1 {
		if a == b {
			return true
		}
		b = g.idom[b]
	}
	return false
}

// eachLabel calls fn with the name of every label among ops, switch
// cases and other bracketed lists included.
func eachLabel(ops []ir.Operand, fn func(name string)) {
	for _, op := range ops {
		if op.Type != nil && op.Type.Kind == ir.LabelType && op.Value.Kind == ir.LocalRef {
			fn(op.Value.Name())
		}
		if op.Value.Sub != nil {
			eachLabel(op.Value.Sub.Elems, fn)
		}
	}
}
