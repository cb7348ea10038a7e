package rewrite

import (
	"slices"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// UserLines points the source line of every instruction inlined from
// library code at the program's own code that called it.
var UserLines = &Pass{
	Name: "user-lines",
	Doc: `give instructions inlined from libraries the line of their caller

llc writes a program's line info (.BTF.ext), which verifier messages and
bpftool's linum show, from each instruction's innermost source location.
After inlining, an instruction of a map lookup, a bounds check or a helper
call sits in the library it came from (oxbpf-ebpf's maps.rs, core's
slice indexing), and the message names a line the user never wrote. This
pass moves each such location out along its inlined-at chain to the first
one outside the libraries: Rust's standard library (/rustc/..., library/),
crates from a registry (/cargo/...) and the oxbpf-ebpf support crate. A
program that oxbpf-ebpf's macros declared has the macro's line for its
own code (its return): that takes the line of the user's code before it.
Other locations with no caller outside the libraries stay. oxbpf runs
this pass on opt's output, after all inlining.`,
	Run: runUserLines,
}

func runUserLines(c *Context) error {
	u := &userLines{m: c.Module, foreign: map[string]bool{}, moved: map[string]string{}}
	for _, f := range c.Module.Funcs {
		if f.Body == nil {
			continue
		}
		own := attachment(f.Attached, "dbg")
		last := "" // the last location in the user's code
		for _, b := range f.Body.Blocks {
			for _, in := range b.Instrs {
				k := slices.IndexFunc(in.Attachments, func(a ir.Attachment) bool { return a.Name == "dbg" && a.Value.Kind == ir.MDRef })
				if in.IsRecord() || k < 0 {
					continue
				}
				a := &in.Attachments[k]
				to := u.userLocation(a.Value.Raw)
				if u.isForeign(fieldRef(u.m.MDNode(to), "scope")) && fieldRef(u.m.MDNode(to), "scope") == own && last != "" {
					// The function's own code in a library file: a program
					// a macro made, whose return the macro's line would
					// otherwise name. The user's code before it is nearer.
					to = last
				}
				if !u.isForeign(fieldRef(u.m.MDNode(to), "scope")) {
					last = to
				}
				if to != a.Value.Raw {
					if err := c.Module.ReplaceValue(&a.Value, to); err != nil {
						return err
					}
					c.Count("line", 1)
				}
			}
		}
	}
	return nil
}

// attachment returns the value of the named attachment, or "".
func attachment(list []ir.Attachment, name string) string {
	for _, a := range list {
		if a.Name == name {
			return a.Value.Raw
		}
	}
	return ""
}

type userLines struct {
	m       *ir.Module
	foreign map[string]bool   // scope → whether its file is library code
	moved   map[string]string // location → the user's location it moves to
}

// userLocation follows the location ref out of library code along its
// inlined-at chain, returning the first location outside it (ref itself
// when it is outside, or when no caller is).
func (u *userLines) userLocation(ref string) string {
	if to, ok := u.moved[ref]; ok {
		return to
	}
	to := ref
	for loc := u.m.MDNode(ref); loc != nil && u.isForeign(fieldRef(loc, "scope")); {
		at := fieldRef(loc, "inlinedAt")
		if at == "" {
			to = ref // nothing of the user's called it
			break
		}
		to, loc = at, u.m.MDNode(at)
	}
	u.moved[ref] = to
	return to
}

// isForeign reports whether the scope (a subprogram or lexical block)
// lies in library code.
func (u *userLines) isForeign(scope string) bool {
	if f, ok := u.foreign[scope]; ok {
		return f
	}
	f := false
	if n := u.m.MDNode(scope); n != nil {
		if file := u.m.MDNode(fieldRef(n, "file")); file != nil {
			f = libraryFile(mdString(file, "directory"), mdString(file, "filename"))
		}
	}
	u.foreign[scope] = f
	return f
}

// libraryFile reports whether a source file is library code: Rust's
// standard library, a registry crate or oxbpf-ebpf, by the paths rustc
// writes (and oxbpf's path remapping makes).
func libraryFile(dir, name string) bool {
	path := slashes(name)
	if dir != "" && !isAbs(path) {
		path = strings.TrimSuffix(slashes(dir), "/") + "/" + path
	}
	switch {
	case strings.HasPrefix(path, "/rustc/"), strings.Contains(path, rustSrc):
		return true // the standard library, virtual or from rust-src
	case strings.HasPrefix(path, "/cargo/"), strings.Contains(path, "/.cargo/registry/"):
		return true // crates.io dependencies
	case strings.HasPrefix(path, "oxbpf-ebpf/"), strings.Contains(path, "/oxbpf-ebpf/src/"):
		return true // the support crate
	}
	return false
}
