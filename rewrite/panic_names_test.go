package rewrite

import (
	"testing"

	"github.com/oxbpf/oxbpf/internal/symbol"
)

// TestPanicMatch runs the panic table over symbols as rustc 1.63, 1.95 and
// nightly emit them in fixtures/ir (and 1.95's whole core in
// fixtures/ir/big), panic machinery and look-alikes.
func TestPanicMatch(t *testing.T) {
	tests := []struct {
		symbol  string
		pattern string // "" for no match
	}{
		// rustc 1.63: legacy mangling everywhere, LLVM's .N suffixes.
		{"rust_begin_unwind", "rust_begin_unwind"},
		{"_ZN4core9panicking9panic_fmt17h11223f0b8c31003aE", "core::panicking::*"},
		{"_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE", "core::panicking::*"},
		{"_ZN4core9panicking13panic_display17he4afb9e08579c8efE.66", "core::panicking::*"},
		{"_ZN4core9panicking9panic_str17h84964912a11f7108E.65", "core::panicking::*"},
		{"_ZN4core6option13expect_failed17hf80ff7590db85f6bE", "core::option::expect_failed"},
		{"_ZN4core5slice5index24slice_end_index_len_fail17h55a7d7850dc2f988E", "core::slice::index::*_fail"},
		{"_ZN4core5slice5index25slice_index_order_fail_rt17h581f92de0e1fa6d8E", "core::slice::index::*_fail_rt"},
		{"_ZN4core5slice29_$LT$impl$u20$$u5b$T$u5d$$GT$15copy_from_slice17len_mismatch_fail17h9363ed73ff7bd8b8E",
			"core::slice::<impl [T]>::copy_from_slice::len_mismatch_fail"},
		{"_ZN4core3str16slice_error_fail17h73e5faafb277679eE", "core::str::slice_error_fail*"},
		{"_ZN4core3str19slice_error_fail_rt17h2846114d05bca006E", "core::str::slice_error_fail*"},
		// rustc 1.95: v0 core, legacy user crate and generic instances.
		{"_RNvCsfLfy6EI15iL_7___rustc17rust_begin_unwind", "__rustc::rust_begin_unwind"},
		{"_RNvNtCsgEmfK2I1SDS_4core9panicking5panic", "core::panicking::*"},
		{"_RNvNtCsgEmfK2I1SDS_4core9panicking14panic_nounwind", "core::panicking::*"},
		{"_RNvNtNtCsgEmfK2I1SDS_4core9panicking11panic_const24panic_const_add_overflow", "core::panicking::*"},
		{"_RNvNtCsgEmfK2I1SDS_4core6option13unwrap_failed", "core::option::unwrap_failed"},
		{"_RNvNtNtCsgEmfK2I1SDS_4core5slice5index16slice_index_fail", "core::slice::index::*_fail"},
		{"_RNvNvNtCsgEmfK2I1SDS_4core5slice20copy_from_slice_impl17len_mismatch_fail",
			"core::slice::copy_from_slice_impl::len_mismatch_fail"},
		{"_ZN4core4char7methods15encode_utf8_raw8do_panic7runtime17hc62a7da501d81e9aE", "core::*::do_panic::runtime"},
		{"_RINvNtCsgEmfK2I1SDS_4core9panicking13assert_failedyyEB4_", "core::panicking::*"},
		{"_RNvNtCsgEmfK2I1SDS_4core6result13unwrap_failed", "core::result::unwrap_failed"},
		{"_RNvNtCsgEmfK2I1SDS_4core4cell22panic_already_borrowed", "core::cell::panic_already_*borrowed"},
		{"_RNvNtNtCsgEmfK2I1SDS_4core3num14overflow_panic3add", "core::num::overflow_panic::*"},
		{"_ZN4core3str6traits23str_index_overflow_fail17hf10002313f5f4052E", "core::str::traits::str_index_overflow_fail"},
		// nightly: v0 everywhere, with the instantiating crate.
		{"_RNvCseulmdZsCeCG_7___rustc17rust_begin_unwind", "__rustc::rust_begin_unwind"},
		{"_RNvNtCs8NwYtU1Mohg_4core9panicking36panic_misaligned_pointer_dereference", "core::panicking::*"},
		{"_RNvNvNvNtNtCs8NwYtU1Mohg_4core4char7methods15encode_utf8_raw8do_panic7runtimeCs3QKbvOCafFz_3fmt",
			"core::*::do_panic::runtime"},
		// Look-alikes: they panic only when a check fails, or format panics.
		{"_ZN4core4hint16assert_unchecked18precondition_check17hfd7ed6582a1e8655E", ""},
		{"_RNvNvNtCs8NwYtU1Mohg_4core3ptr19copy_nonoverlapping18precondition_checkCs2huGdlidDmi_4wide", ""},
		{"_ZN64_$LT$core..panicking..AssertKind$u20$as$u20$core..fmt..Debug$GT$3fmt17h05ab6d690f29afc0E", ""},
		{"_RNvNtCsgEmfK2I1SDS_4core3fmt5write", ""},
		{"rust_eh_personality", ""},
		{"_ZN6bounds11drop_reason17he751c58bb2b00b96E", ""},
		{"my_rust_begin_unwind", ""},
	}
	for _, tt := range tests {
		got := ""
		if p := matchPanic(symbol.Demangle(tt.symbol)); p != nil {
			got = p.pattern
		}
		if got != tt.pattern {
			t.Errorf("%s (%s): matched %q, want %q", tt.symbol, symbol.Demangle(tt.symbol), got, tt.pattern)
		}
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"a::b", "a::b", true},
		{"a::b", "a::bc", false},
		{"a::*", "a::", true},
		{"a::*", "b::a::x", false},
		{"a::*_fail", "a::x_fail", true},
		{"a::*_fail", "a::x_fail_rt", false},
		{"a::*::b", "a::b", false}, // prefix and suffix must not overlap
	}
	for _, tt := range tests {
		if got := globMatch(tt.pattern, tt.name); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}
