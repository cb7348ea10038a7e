package rewrite

import (
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/internal/helpers"
	"github.com/oxbpf/oxbpf/ir"
)

// HelperArgs tells LLVM what a helper does not do with the memory a
// const pointer argument points to.
var HelperArgs = &Pass{
	Name: "helper-args",
	Doc: `mark the const pointer arguments of helper calls readonly

A helper is called through a pointer made from its number, so LLVM
knows nothing of it and must assume it writes through every pointer it
gets and keeps them: a key passed to three map calls is stored again
before each, where C passes the same stack slot thrice. A helper whose
prototype (libbpf's bpf_helper_defs.h) declares a parameter const void *
neither writes through it nor keeps it: such arguments get readonly and
nocapture, which every LLVM reads (21 and later as captures(none)).`,
	Run: runHelperArgs,
}

func runHelperArgs(c *Context) error {
	m := c.Module
	for _, f := range m.Funcs {
		if f.IsDeclaration() {
			continue
		}
		for _, b := range f.Body.Blocks {
			for _, in := range b.Instrs {
				if in.Call == nil {
					continue
				}
				id, ok := helperID(in.Call.Callee)
				if !ok {
					continue
				}
				h, ok := helpers.ByID(id)
				if !ok {
					continue
				}
				consts := constPointerParams(h.Proto)
				for k := range in.Call.Args {
					arg := &in.Call.Args[k]
					if k >= len(consts) || !consts[k] || !arg.Type.IsPointer() {
						continue
					}
					if arg.Attrs != nil && arg.Attrs.Index("readonly") >= 0 {
						continue
					}
					if err := m.AddArgAttrs(arg, "readonly nocapture"); err != nil {
						return err
					}
					c.Count("readonly", 1)
				}
			}
		}
	}
	return nil
}

// helperID returns the number of the helper v calls, as isHelper sees it.
func helperID(v ir.Value) (int32, bool) {
	num, ok := helperNumber(v)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(num.Raw, 10, 32)
	return int32(n), err == nil
}

// constPointerParams says, for each parameter of a C prototype, whether
// it is a pointer to const.
func constPointerParams(proto string) []bool {
	open, end := strings.IndexByte(proto, '('), strings.LastIndexByte(proto, ')')
	if open < 0 || end < open {
		return nil
	}
	var out []bool
	for _, p := range strings.Split(proto[open+1:end], ",") {
		p = strings.TrimSpace(p)
		out = append(out, strings.HasPrefix(p, "const ") && strings.Count(p, "*") == 1)
	}
	return out
}
