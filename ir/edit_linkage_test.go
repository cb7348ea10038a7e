package ir

import (
	"strings"
	"testing"
)

func TestSetLinkage(t *testing.T) {
	const src = `define hidden void @a() {
  ret void
}
define dso_local void @b() {
  ret void
}
define dllexport void @c() {
  ret void
}
define weak_odr protected void @d() {
  ret void
}
`
	tests := []struct {
		fn, linkage, want string
	}{
		{"a", "internal", "define internal void @a() {"},
		{"b", "internal", "define internal dso_local void @b() {"},
		{"c", "internal", "define internal void @c() {"},
		{"d", "private", "define private void @d() {"},
		{"d", "", "define protected void @d() {"},
		{"a", "weak", "define weak hidden void @a() {"},
	}
	for _, tt := range tests {
		m, err := Parse("x.ll", src)
		if err != nil {
			t.Fatal(err)
		}
		f := m.Func(tt.fn)
		if err := m.SetLinkage(f, tt.linkage); err != nil {
			t.Fatal(err)
		}
		if got := f.Linkage(); got != tt.linkage {
			t.Errorf("SetLinkage(@%s, %q): model has linkage %q", tt.fn, tt.linkage, got)
		}
		if out := string(m.Bytes()); !strings.Contains(out, tt.want+"\n") {
			t.Errorf("SetLinkage(@%s, %q): no line %q in\n%s", tt.fn, tt.linkage, tt.want, out)
		} else if _, err := Parse("out.ll", out); err != nil {
			t.Errorf("SetLinkage(@%s, %q): output does not parse: %v", tt.fn, tt.linkage, err)
		}
	}
	m, _ := Parse("x.ll", src)
	if err := m.SetLinkage(m.Func("a"), "global"); err == nil {
		t.Error("SetLinkage accepted a word that is not a linkage")
	}
}

func TestGlobalAliasLinkage(t *testing.T) {
	m, err := Parse("x.ll", "@a = internal constant i32 1\n@b = dso_local global i32 2\n@c = weak hidden alias i32, ptr @b\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Globals[0].Linkage(); got != "internal" {
		t.Errorf("@a: linkage %q, want internal", got)
	}
	if got := m.Globals[1].Linkage(); got != "" {
		t.Errorf("@b: linkage %q, want external (empty)", got)
	}
	if got := m.Aliases[0].Linkage(); got != "weak" {
		t.Errorf("@c: linkage %q, want weak", got)
	}
}
