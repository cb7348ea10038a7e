package symbol

import (
	"strings"
	"testing"
)

func TestDemangle(t *testing.T) {
	tests := map[string]string{
		"_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check": "core::panicking::panic_bounds_check",
		"_ZN4core9panicking9panic_fmt17h0123456789abcdefE":        "core::panicking::panic_fmt",
		"_RNvCsfLfy6EI15iL_7___rustc17rust_begin_unwind":          "__rustc::rust_begin_unwind",
		"rust_begin_unwind": "rust_begin_unwind",
		"prog":              "prog",
	}
	for in, want := range tests {
		if got := Demangle(in); got != want {
			t.Errorf("Demangle(%s) = %s, want %s", in, got, want)
		}
	}
}

// backrefBomb builds a Rust v0 symbol of depth levels, each level a generic
// path whose two arguments refer back to the level inside it, so the
// demangled name doubles with every level.
func backrefBomb(levels int) string {
	var b strings.Builder
	b.WriteString("_R")
	b.WriteString(strings.Repeat("I", levels))
	b.WriteString("C1a")
	for i := range levels {
		ref := "B" + base62(levels-i)
		b.WriteString(ref + ref + "E")
	}
	return b.String()
}

// base62 spells a back-reference offset as the v0 mangling does.
func base62(n int) string {
	if n == 0 {
		return "_"
	}
	const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	n--
	s := ""
	for {
		s = string(digits[n%62]) + s
		n /= 62
		if n == 0 {
			return s + "_"
		}
	}
}

// Unbounded, 16 levels demangle to 129 MB and 40 levels exhaust memory: a
// fuzzed object brought down the FuzzInspect worker that way.
func TestDemangleBounded(t *testing.T) {
	small := Demangle(backrefBomb(4))
	if !strings.HasPrefix(small, "a::<a, a>::<a<a, a>, a<a, a>>") || len(small) != 249 {
		t.Fatalf("4 levels: %d bytes %q, want the full 249-byte name", len(small), small)
	}
	for _, levels := range []int{16, 40, 256} {
		if got := Demangle(backrefBomb(levels)); len(got) > 1<<16 {
			t.Errorf("%d levels: %d bytes, want at most %d", levels, len(got), 1<<16)
		}
	}
}
