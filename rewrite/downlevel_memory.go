package rewrite

import (
	"slices"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// memAccess is what a function may do to a memory location: a read bit
// and a write bit, so that | joins two accesses.
type memAccess uint8

const (
	noAccess    memAccess = 0
	readAccess  memAccess = 1
	writeAccess memAccess = 2
)

var memAccessNames = [...]string{"none", "read", "write", "readwrite"}

func parseMemAccess(s string) memAccess {
	return memAccess(slices.Index(memAccessNames[:], s))
}

// memLocations are the locations memory(...) names, in the order LLVM
// prints them, with the LLVM major that split each out of the memory
// older versions count it in. "other" is every location not named; the
// default access of memory(...) is the access to it.
var memLocations = []memLocation{
	{"argmem", 16, ""},
	{"inaccessiblemem", 16, ""},
	{"errnomem", 21, "other"},
	{"target_mem0", 22, "inaccessiblemem"},
	{"target_mem1", 22, "inaccessiblemem"},
}

type memLocation struct {
	name   string
	since  int
	before string // the location that held it before
}

// memEffects is a memory(...) attribute: the access to each location it
// can name, and to other memory.
type memEffects struct {
	locs []string             // the locations it can still name, in LLVM's order
	acc  map[string]memAccess // by location, other included
}

// parseMemory reads the argument of memory(...); ok is false for text
// that is not LLVM's, or names a location no LLVM up to 22 has.
func parseMemory(arg string) (e memEffects, ok bool) {
	effects, ok := ir.MemoryEffects(arg)
	if !ok {
		return e, false
	}
	def := noAccess
	for _, eff := range effects {
		if eff.Location == "" {
			def = parseMemAccess(eff.Access)
		}
	}
	e.acc = map[string]memAccess{"other": def}
	for _, l := range memLocations {
		e.locs = append(e.locs, l.name)
		e.acc[l.name] = def
	}
	for _, eff := range effects {
		if eff.Location == "" {
			continue
		}
		if _, known := e.acc[eff.Location]; !known {
			return e, false
		}
		e.acc[eff.Location] = parseMemAccess(eff.Access)
	}
	return e, true
}

// fold merges loc into the location that held it before LLVM split it
// out, and reports whether the access to anything changed: false when the
// folded location had nothing its old home did not have already.
func (e *memEffects) fold(loc string) bool {
	i := slices.IndexFunc(memLocations, func(l memLocation) bool { return l.name == loc })
	into := memLocations[i].before
	e.locs = slices.DeleteFunc(e.locs, func(l string) bool { return l == loc })
	was := e.acc[into]
	e.acc[into] |= e.acc[loc]
	return e.acc[into] != was
}

// String prints the argument of memory(...) as LLVM does: the access to
// other memory first, as the default, then each location that differs.
func (e *memEffects) String() string {
	other := e.acc["other"]
	var parts []string
	all := true
	for _, l := range e.locs {
		all = all && e.acc[l] == other
	}
	if other != noAccess || all {
		parts = append(parts, memAccessNames[other])
	}
	for _, l := range e.locs {
		if e.acc[l] != other {
			parts = append(parts, l+": "+memAccessNames[e.acc[l]])
		}
	}
	return strings.Join(parts, ", ")
}

// oldMemoryAttrs returns the LLVM ≤ 15 function attributes that say as
// much of e as they can, never more: readnone, readonly or writeonly for
// the kind of access, argmemonly, inaccessiblememonly or
// inaccessiblemem_or_argmemonly for where it goes.
func (e *memEffects) oldMemoryAttrs() string {
	arg, inacc, other := e.acc["argmem"], e.acc["inaccessiblemem"], e.acc["other"]
	var words []string
	switch {
	case arg|inacc|other == noAccess:
		return "readnone"
	case other != noAccess:
	case inacc == noAccess:
		words = append(words, "argmemonly")
	case arg == noAccess:
		words = append(words, "inaccessiblememonly")
	default:
		words = append(words, "inaccessiblemem_or_argmemonly")
	}
	switch arg | inacc | other {
	case readAccess:
		words = append(words, "readonly")
	case writeAccess:
		words = append(words, "writeonly")
	}
	return strings.Join(words, " ")
}

// memoryFoldRule folds the locations that LLVM since split out of
// memory(...) back into where they were before.
func memoryFoldRule(name string, since int, doc string) *Rule {
	return &Rule{
		Name:  name,
		Since: since,
		Doc:   doc,
		apply: func(r *ruleRun) {
			r.eachAttr("memory", func(list *ir.AttrList, i int, _ *ir.Func) bool {
				a := list.Attrs[i]
				e, ok := parseMemory(a.Arg)
				if !ok {
					return true
				}
				named := false
				changed := false
				for _, l := range memLocations {
					switch {
					case l.since == since:
						named = named || strings.Contains(a.Arg, l.name)
						changed = e.fold(l.name) || changed
					case l.since > since:
						// Folded by an earlier rule, perhaps without a
						// change; it must not be printed again.
						e.fold(l.name)
					}
				}
				if (named || changed) && r.hit(a, since) {
					r.check(r.m.ReplaceAttr(list, i, "memory("+e.String()+")"))
				}
				return true
			})
		},
	}
}

// memoryRule writes memory(...) as the attributes LLVM ≤ 15 had.
var memoryRule = &Rule{
	Name:  "memory",
	Since: 16,
	Doc:   "memory(...) becomes readnone/readonly/writeonly with argmemonly/inaccessiblememonly/inaccessiblemem_or_argmemonly, never saying more",
	apply: func(r *ruleRun) {
		r.eachAttr("memory", func(list *ir.AttrList, i int, _ *ir.Func) bool {
			a := list.Attrs[i]
			e, ok := parseMemory(a.Arg)
			if !ok || !r.hit(a, 16) {
				return true
			}
			for _, l := range memLocations {
				if l.since > 16 {
					e.fold(l.name)
				}
			}
			old := e.oldMemoryAttrs()
			r.check(r.m.ReplaceAttr(list, i, old))
			return old != ""
		})
	},
}
