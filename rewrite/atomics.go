package rewrite

import "github.com/oxbpf/oxbpf/ir"

// Atomics makes every relaxed read-modify-write whose old value is used
// sequentially consistent.
var Atomics = &Pass{
	Name: "atomics",
	Doc: `make relaxed atomics whose old value is used sequentially consistent

LLVM 22's BPF backend compiles a relaxed (monotonic) atomicrmw add, sub,
or, and or xor whose result is used into the plain lock instruction for
-mcpu v3 and v4, which returns nothing: the program then reads its own
operand as the old value (llvm/llvm-project#210280; measured with llc-22
on AtomicU64::fetch_add(3, Relaxed), which returned 3). Any stronger
ordering gets the fetch form, and BPF's atomic instructions are full
barriers whatever the ordering, so seq_cst costs nothing and is right for
every LLVM. A relaxed atomic whose result is unused stays as it is: at
-mcpu v1 and v2 only that one has an instruction (lock add).`,
	Run: runAtomics,
}

func runAtomics(c *Context) error {
	var used map[*ir.Func]map[string]bool // found once, on the first atomic
	for _, f := range c.Module.Funcs {
		if f.Body == nil {
			continue
		}
		for _, b := range f.Body.Blocks {
			for _, in := range b.Instrs {
				if in.Opcode != "atomicrmw" || in.Result.Raw == "" {
					continue
				}
				if used == nil {
					used = usedLocals(c.Module)
				}
				if !used[f][in.Result.Raw] {
					continue
				}
				for k := range in.Operands {
					if op := &in.Operands[k]; op.Keyword == "monotonic" {
						c.Module.SetKeyword(op, "seq_cst")
						c.Count("relaxed-fetch", 1)
					}
				}
			}
		}
	}
	return nil
}

// usedLocals returns, per function, the locals some instruction reads.
func usedLocals(m *ir.Module) map[*ir.Func]map[string]bool {
	used := map[*ir.Func]map[string]bool{}
	r := &ruleRun{m: m}
	r.eachValue(func(v *ir.Value, _ *ir.Type, f *ir.Func) {
		if f != nil && v.Kind == ir.LocalRef {
			if used[f] == nil {
				used[f] = map[string]bool{}
			}
			used[f][v.Raw] = true
		}
	})
	return used
}
