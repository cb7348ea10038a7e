package ir

import (
	"strings"
	"testing"
)

const nodeSrc = `!0 = !{!1, !2}
!1 = !DIDerivedType(tag: DW_TAG_member, name: "b", offset: 32)
!2 = !DIDerivedType(tag: DW_TAG_member, name: "a")
!3 = !DIBasicType(name: "()", encoding: DW_ATE_unsigned)
!4 = !DICompositeType(tag: DW_TAG_structure_type, name: "Ports<u16>", elements: !0)
`

// TestNodeEdits checks the metadata edits the BTF pass makes: a node of
// another kind in place of one, a tuple reordered, fields added and
// removed, a new node, and edits on a node already replaced.
func TestNodeEdits(t *testing.T) {
	m := mustParse(t, nodeSrc)
	if err := m.SetNode(m.MDNode("!0"), "!{!2, !1}"); err != nil {
		t.Fatal(err)
	}
	unit := m.MDNode("!3")
	if err := m.SetNode(unit, `!DICompositeType(tag: DW_TAG_structure_type, name: "unit", size: 0)`); err != nil {
		t.Fatal(err)
	}
	if unit.Kind != "DICompositeType" || len(unit.Fields()) != 3 {
		t.Errorf("model after SetNode: %s %v", unit.Kind, unit.Fields())
	}
	if err := m.AddField(unit, "elements: !{}"); err != nil {
		t.Fatal(err)
	}
	if err := m.AddField(m.MDNode("!0"), "!3"); err != nil {
		t.Fatal(err)
	}
	ports := m.MDNode("!4")
	if err := m.ReplaceValue(&ports.Fields()[1].Value, `"Ports_u16_"`); err != nil {
		t.Fatal(err)
	}
	m.RemoveField(m.MDNode("!1"), 1)
	if err := m.SetField(m.MDNode("!2"), "name", `"z"`); err != nil {
		t.Fatal(err)
	}
	if err := m.SetField(m.MDNode("!2"), "flags", "DIFlagPublic | DIFlagArtificial"); err != nil {
		t.Fatal(err)
	}
	if v, _ := m.MDNode("!2").Field("flags"); v.Kind != FlagsValue {
		t.Errorf("flags in the model: %+v", v)
	}
	n, err := m.NewNode(`!DIDerivedType(tag: DW_TAG_member, baseType: !4)`)
	if err != nil {
		t.Fatal(err)
	}
	if n.ID.Raw != "!5" || m.MDNode("!5") != n {
		t.Errorf("new node %s", n.ID.Raw)
	}
	want := `!0 = !{!2, !1, !3}
!1 = !DIDerivedType(tag: DW_TAG_member, offset: 32)
!2 = !DIDerivedType(tag: DW_TAG_member, name: "z", flags: DIFlagPublic | DIFlagArtificial)
!3 = !DICompositeType(tag: DW_TAG_structure_type, name: "unit", size: 0, elements: !{})
!4 = !DICompositeType(tag: DW_TAG_structure_type, name: "Ports_u16_", elements: !0)
!5 = !DIDerivedType(tag: DW_TAG_member, baseType: !4)
`
	if got := string(m.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := Parse("edited.ll", string(m.Bytes())); err != nil {
		t.Error(err)
	}
	if err := m.SetNode(unit, "!DIBasicType("); err == nil || !strings.Contains(err.Error(), "edit") {
		t.Errorf("a malformed node: %v", err)
	}
}

// TestRemoveNeighbours removes fields next to each other, first ones and
// inner ones, as a pass that walks a node does: the list stays clean.
func TestRemoveNeighbours(t *testing.T) {
	for _, tt := range []struct {
		remove []int // indexes in the model as it shrinks
		want   string
	}{
		{[]int{0, 0}, "!0 = !DILocation(c: 3, d: 4)\n"},
		{[]int{1, 1}, "!0 = !DILocation(a: 1, d: 4)\n"},
		{[]int{2, 2}, "!0 = !DILocation(a: 1, b: 2)\n"},
		{[]int{0, 1, 0}, "!0 = !DILocation(d: 4)\n"},
		{[]int{3, 0, 0, 0}, "!0 = !DILocation()\n"},
	} {
		m := mustParse(t, "!0 = !DILocation(a: 1, b: 2, c: 3, d: 4)\n")
		n := m.MDNode("!0")
		for _, i := range tt.remove {
			m.RemoveField(n, i)
		}
		if got := string(m.Bytes()); got != tt.want {
			t.Errorf("remove %v: got %q, want %q", tt.remove, got, tt.want)
		}
	}
}

// TestRemoveAcrossLines removes the last fields of a node whose fields
// are separated by line breaks (LLVM reads \r and \n as spaces): their
// commas go too (FuzzBPF found "line: 2,)").
func TestRemoveAcrossLines(t *testing.T) {
	m := mustParse(t, "!0 = !DILabel(line: 2, column: 3,\risArtificial: true,\n  coroSuspendIdx: 1)\n")
	n := m.MDNode("!0")
	for range 3 {
		m.RemoveField(n, 1)
	}
	if got, want := string(m.Bytes()), "!0 = !DILabel(line: 2)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
