package rewrite

import "github.com/oxbpf/oxbpf/ir"

// eachCall calls fn for every call, invoke and callbr in f's body.
func eachCall(f *ir.Func, fn func(b *ir.Block, in *ir.Instr)) {
	if f.Body == nil {
		return
	}
	for _, b := range f.Body.Blocks {
		for _, in := range b.Instrs {
			if in.Call != nil {
				fn(b, in)
			}
		}
	}
}
