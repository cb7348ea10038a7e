package rewrite

import (
	"fmt"
	"strings"

	"github.com/oxbpf/oxbpf/internal/helpers"
	"github.com/oxbpf/oxbpf/ir"
)

// Helpers turns calls of kernel helpers declared by name into helper calls.
var Helpers = &Pass{
	Name: "helpers",
	Doc: `call kernel helpers declared by name

A program calls a helper by its number (call 5). Rust reaches it by a
function pointer made from the number, or, with this pass, by name:

    unsafe extern "C" { fn bpf_ktime_get_ns() -> u64; }

Every use of a declared function whose name is a helper of the kernel's
UAPI (bpf_ktime_get_ns) becomes inttoptr (i64 5 to ptr), which llc
compiles to call 5, and the declaration goes. The names and numbers are
libbpf's bpf_helper_defs.h (internal/helpers). A declared bpf_* function
that is no helper is an error that names the nearest helper.`,
	Run: runHelpers,
}

func runHelpers(c *Context) error {
	m := c.Module
	targets := map[string]string{} // declared helper → the constant that replaces it
	for _, f := range m.Funcs {
		name := f.Name.Name()
		if !f.IsDeclaration() || !strings.HasPrefix(name, "bpf_") {
			continue
		}
		h, ok := helpers.Lookup(name)
		if !ok {
			msg := fmt.Sprintf("%s is declared but is no kernel helper", name)
			if near, ok := helpers.Closest(name); ok {
				msg += fmt.Sprintf(": did you mean %s (helper %d, %s)?", near.Name, near.ID, near.Proto)
			}
			c.Error(f, nil, "%s", msg)
			continue
		}
		ptr := "ptr"
		if m.Syntax.TypedPointers {
			ptr = funcPointerType(f)
		}
		targets[name] = fmt.Sprintf("inttoptr (i64 %d to %s)", h.ID, ptr)
	}
	if len(targets) == 0 {
		return nil
	}
	var err error
	(&ruleRun{m: m}).eachValue(func(v *ir.Value, _ *ir.Type, _ *ir.Func) {
		if to, ok := targets[v.Name()]; ok && v.Kind == ir.GlobalRef && err == nil {
			err = m.ReplaceValue(v, to)
			c.Count("call", 1)
		}
	})
	if err != nil {
		return err
	}
	for _, f := range append([]*ir.Func(nil), m.Funcs...) {
		if _, ok := targets[f.Name.Name()]; ok && f.IsDeclaration() {
			m.Remove(f)
		}
	}
	return nil
}

// funcPointerType writes the type of a pointer to f in typed-pointer IR:
// i64 (i8*, i32)*.
func funcPointerType(f *ir.Func) string {
	params := make([]string, 0, len(f.Params)+1)
	for _, p := range f.Params {
		params = append(params, p.Type.String())
	}
	if f.Variadic {
		params = append(params, "...")
	}
	return f.RetType.String() + " (" + strings.Join(params, ", ") + ")*"
}
