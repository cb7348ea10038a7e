package rewrite

import "github.com/oxbpf/oxbpf/ir"

// callEdge is a direct call from one defined function to another.
type callEdge struct {
	to *ir.Func
	at *ir.Instr
}

// callGraph returns the direct calls among funcs.
func callGraph(s *symbols, funcs []*ir.Func) map[*ir.Func][]callEdge {
	in := make(map[*ir.Func]bool, len(funcs))
	for _, f := range funcs {
		in[f] = true
	}
	g := make(map[*ir.Func][]callEdge, len(funcs))
	for _, f := range funcs {
		eachCall(f, func(_ *ir.Block, instr *ir.Instr) {
			if cl := s.callee(instr.Call); cl.kind == directCall && in[cl.fn] {
				g[f] = append(g[f], callEdge{cl.fn, instr})
			}
		})
	}
	return g
}

// cycles returns one cycle of calls for every strongly connected component
// of the call graph that has one, as the calls that make it up. Each
// starts in the component's first function in source order, so the
// result does not depend on map order.
func cycles(g map[*ir.Func][]callEdge, funcs []*ir.Func) [][]callEdge {
	// Tarjan's algorithm, recursive: call chains in real modules are short
	// next to Go's growable stacks.
	index := make(map[*ir.Func]int, len(funcs))
	low := make(map[*ir.Func]int, len(funcs))
	onStack := make(map[*ir.Func]bool)
	var stack []*ir.Func
	comp := make(map[*ir.Func]int)
	ncomp := 0
	var visit func(f *ir.Func)
	visit = func(f *ir.Func) {
		index[f] = len(index) + 1
		low[f] = index[f]
		stack = append(stack, f)
		onStack[f] = true
		for _, e := range g[f] {
			if index[e.to] == 0 {
				visit(e.to)
				low[f] = min(low[f], low[e.to])
			} else if onStack[e.to] {
				low[f] = min(low[f], index[e.to])
			}
		}
		if low[f] != index[f] {
			return
		}
		ncomp++
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[top] = false
			comp[top] = ncomp
			if top == f {
				break
			}
		}
	}
	for _, f := range funcs {
		if index[f] == 0 {
			visit(f)
		}
	}
	var out [][]callEdge
	done := make(map[int]bool)
	for _, f := range funcs {
		if done[comp[f]] {
			continue
		}
		if c := cycleFrom(g, comp, f); c != nil {
			out = append(out, c)
			done[comp[f]] = true
		}
	}
	return out
}

// cycleFrom returns the shortest cycle of calls from start back to start
// within its component, or nil.
func cycleFrom(g map[*ir.Func][]callEdge, comp map[*ir.Func]int, start *ir.Func) []callEdge {
	via := make(map[*ir.Func]callEdge) // how each function was first reached
	from := make(map[*ir.Func]*ir.Func)
	queue := []*ir.Func{start}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		for _, e := range g[f] {
			if comp[e.to] != comp[start] {
				continue
			}
			if e.to == start {
				path := []callEdge{e}
				for at := f; at != start; at = from[at] {
					path = append([]callEdge{via[at]}, path...)
				}
				return path
			}
			if _, seen := via[e.to]; !seen {
				via[e.to], from[e.to] = e, f
				queue = append(queue, e.to)
			}
		}
	}
	return nil
}
