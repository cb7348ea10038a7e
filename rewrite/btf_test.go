package rewrite

import "testing"

func TestBTF(t *testing.T)     { runGolden(t, "btf", []*Pass{BTF}) }
func TestBTFMaps(t *testing.T) { runGolden(t, "btf-maps", []*Pass{BTFMaps}) }

func TestBTFName(t *testing.T) {
	long := "core::iter::adapters::zip::Zip<core::slice::iter::Iter<'_, u8>, core::iter::adapters::enumerate::Enumerate<core::slice::iter::Iter<'_, u16>>>"
	for _, tt := range []struct{ rust, want string }{
		{"Ports<u16>", "Ports_u16_"},
		{"(u8, u64)", "_u8__u64_"},
		{"core::option::Option<u32>", "core__option__Option_u32_"},
		{"&[u8]", "__u8_"},
		{"()", "unit"},
		{"!", "never"},
		{"9lives", "_9lives"},
		{"ok_name", "ok_name"},
		{"", ""},
	} {
		if got := btfName(tt.rust); got != tt.want {
			t.Errorf("btfName(%q) = %q, want %q", tt.rust, got, tt.want)
		}
	}
	got := btfName(long)
	if len(got) != btfNameMax || got == btfName(long+"x") {
		t.Errorf("a long name: %d bytes %q; two long names must differ", len(got), got)
	}
}
