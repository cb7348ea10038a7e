package rewrite

import "strings"

// panicPattern is one row of the table of panic machinery: a demangled
// path, where a single * stands for any run of characters.
type panicPattern struct {
	pattern string
	handler bool // the #[panic_handler] itself rather than a way into it
}

// panicPatterns lists the functions panic-exit gives an exit body, by
// demangled path, so that legacy (_ZN…E) and v0 (_R…) symbols match alike.
// The rows come from what rustc 1.63 (legacy), 1.95 (v0 core, legacy user
// crate) and nightly (v0 everywhere) emit in fixtures/ir, and from the
// whole of 1.95's core in fixtures/ir/big; the names each compiler emits
// are in TestPanicMatch. A row matches only together with the function
// being noreturn (see panicFunctions), which keeps out the
// precondition_check helpers that panic only on a failed check.
var panicPatterns = []panicPattern{
	// The handler: rust_begin_unwind, with #[no_mangle]-style legacy
	// symbol up to rustc 1.8x, v0-mangled as __rustc::rust_begin_unwind
	// (_RNvCs…_7___rustc17rust_begin_unwind) since.
	{"rust_begin_unwind", true},
	{"__rustc::rust_begin_unwind", true},
	// panic, panic_fmt, panic_bounds_check, panic_nounwind(_fmt),
	// panic_const::panic_const_*_overflow / _div_by_zero,
	// panic_misaligned_pointer_dereference, panic_null_pointer_dereference,
	// assert_failed::<T, U>, assert_failed_inner, panic_display::<T>
	// and panic_str (1.63), const_panic_fmt, panic_cannot_unwind,
	// panic_in_cleanup. Trait impls on core::panicking types demangle
	// as <core::panicking::… as …>::… and stay out.
	{"core::panicking::*", false},
	{"core::option::unwrap_failed", false}, // 1.95 and nightly
	{"core::option::expect_failed", false},
	{"core::result::unwrap_failed", false},
	// slice_index_fail (1.95, nightly), slice_end_index_len_fail and
	// slice_index_order_fail (1.63), their _ct/_rt halves, and
	// slice_{start,end}_index_overflow_fail.
	{"core::slice::index::*_fail", false},
	{"core::slice::index::*_fail_ct", false},
	{"core::slice::index::*_fail_rt", false},
	{"core::slice::<impl [T]>::copy_from_slice::len_mismatch_fail", false}, // 1.63
	{"core::slice::copy_from_slice_impl::len_mismatch_fail", false},        // 1.95, nightly
	{"core::str::slice_error_fail*", false},
	{"core::str::traits::str_index_overflow_fail", false},
	{"core::cell::panic_already_*borrowed", false},
	{"core::num::overflow_panic::*", false},
	// const_panic!'s run-time half, e.g. in char::encode_utf8_raw.
	{"core::*::do_panic::runtime", false},
}

// matchPanic returns the row of panicPatterns that the demangled name
// matches, or nil.
func matchPanic(name string) *panicPattern {
	for i := range panicPatterns {
		if globMatch(panicPatterns[i].pattern, name) {
			return &panicPatterns[i]
		}
	}
	return nil
}

// globMatch matches name against a pattern with at most one *.
func globMatch(pattern, name string) bool {
	prefix, suffix, star := strings.Cut(pattern, "*")
	if !star {
		return name == pattern
	}
	return len(name) >= len(prefix)+len(suffix) &&
		strings.HasPrefix(name, prefix) && strings.HasSuffix(name, suffix)
}
