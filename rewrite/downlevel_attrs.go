package rewrite

import (
	"slices"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// attrTable lists every attribute keyword LLVM 14 to 22 knows, by the
// LLVM major that introduced it. It is how downlevel decides that "the
// target knows" an attribute: a keyword listed with a version up to the
// target passes through; a newer one is dropped (by its own rule, or with
// a warning by newer-attrs); a keyword not listed at all is taken to be
// newer than LLVM 22 and dropped with a warning by unknown-attrs, unless
// the target is newer than LLVM 22 itself.
//
// Measured with llvm-as-N on a declaration carrying the attribute for N =
// 14, 15, 16 and 19. For 17, 18 and 20 to 22, which are not installed
// here, the version comes from LLVM's release notes; where those left it
// open between two measured versions, the later one is written, so that
// the attribute is dropped rather than passed to an LLVM that may not
// read it.
var attrTable = []versionRow{
	{14, `align allocsize alwaysinline argmemonly builtin byref byval cold convergent
		dereferenceable dereferenceable_or_null disable_sanitizer_instrumentation
		elementtype hot immarg inaccessiblemem_or_argmemonly inaccessiblememonly
		inalloca inlinehint inreg jumptable minsize mustprogress naked nest noalias
		nobuiltin nocallback nocapture nocf_check noduplicate nofree noimplicitfloat
		noinline nomerge nonlazybind nonnull noprofile norecurse noredzone noreturn
		nosanitize_coverage nosync noundef nounwind null_pointer_is_valid
		optforfuzzing optnone optsize preallocated readnone readonly returned
		returns_twice safestack sanitize_address sanitize_hwaddress sanitize_memory
		sanitize_memtag sanitize_thread shadowcallstack signext speculatable
		speculative_load_hardening sret ssp sspreq sspstrong strictfp swiftasync
		swifterror swiftself uwtable vscale_range willreturn writeonly zeroext
		alignstack`},
	{15, `allocalign allockind allocptr fn_ret_thunk_extern nosanitize_bounds presplitcoroutine`},
	{16, `memory skipprofile`},
	{17, `nofpclass`},
	{18, `dead_on_unwind writable`},
	{19, `coro_only_destroy_when_complete hybrid_patchable initializes optdebug range
		sanitize_numerical_stability`},
	{20, `coro_elide_safe sanitize_realtime sanitize_realtime_blocking sanitize_type`},
	{21, `captures dead_on_return nodivergencesource noext`},
	{22, `nocreateundeforpoison sanitize_alloc_token`},
}

var attrSince = versionTable(attrTable)

// droppedAttrs are the hints rustc is known to write that older LLVM does
// not read, each with its own rule so that counts and -v name them.
var droppedAttrs = []droppedAttr{
	{"nocreateundeforpoison", 22, "drop nocreateundeforpoison (a function's result is poison only if an argument is)"},
	{"dead_on_return", 21, "drop dead_on_return (the pointee is dead after the call returns)"},
	{"range", 19, "drop range(iN a, b) on parameters, return values and call sites"},
	{"initializes", 19, "drop initializes((a, b), ...) on pointer parameters"},
	{"writable", 18, "drop writable on pointer parameters"},
	{"dead_on_unwind", 18, "drop dead_on_unwind on pointer parameters"},
	{"nofpclass", 17, "drop nofpclass(...) on floating-point parameters and return values"},
}

type droppedAttr struct {
	key   string
	since int
	doc   string
}

// ownRule are the attribute keys a rule of their own rewrites; the
// family rules leave them alone.
var ownRule = func() map[string]bool {
	own := map[string]bool{"memory": true, "captures": true}
	for _, d := range droppedAttrs {
		own[d.key] = true
	}
	return own
}()

// dropAttrRule returns the rule that drops the attribute droppedAttrs
// lists under key, wherever it stands.
func dropAttrRule(key string) *Rule {
	i := slices.IndexFunc(droppedAttrs, func(d droppedAttr) bool { return d.key == key })
	since := droppedAttrs[i].since
	return &Rule{
		Name:  strings.ReplaceAll(key, "_", "-"),
		Since: since,
		Doc:   droppedAttrs[i].doc,
		apply: func(r *ruleRun) {
			r.eachAttr(key, func(list *ir.AttrList, i int, _ *ir.Func) bool {
				if !r.hit(list.Attrs[i], since) {
					return true
				}
				r.m.RemoveAttr(list, i)
				return false
			})
		},
	}
}

// capturesRule turns captures(none) into nocapture and drops the other
// forms (address, read_provenance, ret: ...), which only say less.
var capturesRule = &Rule{
	Name:  "captures",
	Since: 21,
	Doc:   "captures(none) becomes nocapture; other captures(...) are dropped",
	apply: func(r *ruleRun) {
		r.eachAttr("captures", func(list *ir.AttrList, i int, _ *ir.Func) bool {
			if !r.hit(list.Attrs[i], 21) {
				return true
			}
			if strings.TrimSpace(list.Attrs[i].Arg) == "none" {
				r.check(r.m.ReplaceAttr(list, i, "nocapture"))
				return true
			}
			r.m.RemoveAttr(list, i)
			return false
		})
	},
}

// newerAttrsRule drops the attributes of attrTable that are newer than the
// target and have no rule of their own, with a warning: they are
// sanitizer, coroutine and code-layout markers rustc does not write for
// BPF, so meeting one is worth a word.
var newerAttrsRule = &Rule{
	Name:   "newer-attrs",
	Since:  15,
	newest: ir.NewestLLVM,
	Doc:    "drop, with a warning, other attributes newer than the target",
	apply: func(r *ruleRun) {
		r.eachAttrList(func(list *ir.AttrList, f *ir.Func) {
			for i := 0; i < len(list.Attrs); i++ {
				a := list.Attrs[i]
				since, known := attrSince[a.Key]
				if !known || since <= ir.OldestLLVM || ownRule[a.Key] || a.Kind == ir.StringAttr || a.Kind == ir.GroupRef {
					continue
				}
				if r.hit(a, since) {
					r.warn(a, f, "dropped attribute %s: new in LLVM %d, which LLVM %d does not read", a.Raw, since, r.target)
					r.m.RemoveAttr(list, i)
					i--
				}
			}
		})
	},
}

// unknownAttrsRule drops, with a warning, attributes that attrTable does
// not list: they come from an LLVM newer than 22 and are taken to be hints,
// as almost every attribute added since LLVM 14 is. For a target newer
// than LLVM 22 they pass through untouched: it may know them.
var unknownAttrsRule = &Rule{
	Name:  "unknown-attrs",
	Since: ir.NewestLLVM + 1,
	Doc:   "drop, with a warning, attributes newer than every LLVM oxbpf knows",
	apply: func(r *ruleRun) {
		r.eachAttrList(func(list *ir.AttrList, f *ir.Func) {
			for i := 0; i < len(list.Attrs); i++ {
				a := list.Attrs[i]
				if _, known := attrSince[a.Key]; known || a.Kind == ir.StringAttr || a.Kind == ir.GroupRef {
					continue
				}
				if r.hit(a, ir.NewestLLVM+1) {
					r.warn(a, f, "dropped attribute %s: LLVM %d does not know it (nor does any LLVM up to %d); assumed to be an optimisation hint", a.Raw, r.target, ir.NewestLLVM)
					r.m.RemoveAttr(list, i)
					i--
				}
			}
		})
	},
}

// versionRow is one line of a table of names by the LLVM major that
// introduced them.
type versionRow struct {
	since int
	names string
}

func versionTable(rows []versionRow) map[string]int {
	t := make(map[string]int)
	for _, row := range rows {
		for _, name := range strings.Fields(row.names) {
			t[name] = row.since
		}
	}
	return t
}
