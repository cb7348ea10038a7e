package ir

import (
	"fmt"
	"strings"
	"testing"
)

const editSrc = `target triple = "x86_64-unknown-linux-gnu"

define internal void @f(ptr noundef %p) unnamed_addr #0 {
start:
  %a = getelementptr inbounds nuw i8, ptr %p, i64 1
  %b = icmp samesign ult i64 %x, 8 ; keep this comment
  call void @llvm.lifetime.start.p0(ptr %p)
  ret void
}

declare void @g(i64) #1

attributes #0 = { noinline nounwind "target-cpu"="x86-64" }
attributes #1 = { cold noinline }
`

// TestEdits applies each kind of edit and checks the exact text, that the
// model follows, and that the result parses again.
func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, m *Module)
		want string // the edited lines, in place of the lines they replace
		old  string
	}{
		{"set triple", func(t *testing.T, m *Module) { m.SetHeader("triple", "bpfel") },
			`target triple = "bpfel"`, `target triple = "x86_64-unknown-linux-gnu"`},
		{"remove flag", func(t *testing.T, m *Module) {
			in := m.Funcs[0].Body.Blocks[0].Instrs[0]
			if !m.RemoveFlag(&in.Flags, "nuw") || in.HasFlag("nuw") {
				t.Error("flag not removed from the model")
			}
		}, "  %a = getelementptr inbounds i8, ptr %p, i64 1", "  %a = getelementptr inbounds nuw i8, ptr %p, i64 1"},
		{"remove attr from group", func(t *testing.T, m *Module) {
			g := m.AttrGroup("0")
			if m.RemoveAttrKey(&g.Attrs, "noinline") != 1 || g.Attrs.Has("noinline") {
				t.Error("attribute not removed from the model")
			}
		}, `attributes #0 = { nounwind "target-cpu"="x86-64" }`, `attributes #0 = { noinline nounwind "target-cpu"="x86-64" }`},
		{"remove last attrs", func(t *testing.T, m *Module) {
			g := m.AttrGroup("1")
			m.RemoveAttrKey(&g.Attrs, "cold")
			m.RemoveAttrKey(&g.Attrs, "noinline")
		}, "attributes #1 = { }", "attributes #1 = { cold noinline }"},
		{"add attr to function", func(t *testing.T, m *Module) {
			f := m.Funcs[0]
			if err := m.AddAttrs(&f.Attrs, "alwaysinline"); err != nil {
				t.Fatal(err)
			}
			if !f.Attrs.Has("alwaysinline") {
				t.Error("attribute not in the model")
			}
		}, "define internal void @f(ptr noundef %p) unnamed_addr #0 alwaysinline {", "define internal void @f(ptr noundef %p) unnamed_addr #0 {"},
		{"replace attr then remove the new one", func(t *testing.T, m *Module) {
			g := m.AttrGroup("0")
			if err := m.ReplaceAttr(&g.Attrs, 0, "alwaysinline"); err != nil {
				t.Fatal(err)
			}
			m.RemoveAttrKey(&g.Attrs, "alwaysinline")
		}, `attributes #0 = { nounwind "target-cpu"="x86-64" }`, `attributes #0 = { noinline nounwind "target-cpu"="x86-64" }`},
		{"replace instruction", func(t *testing.T, m *Module) {
			b := m.Funcs[0].Body.Blocks[0]
			instrs, err := m.ReplaceInstr(b, 1, "%b.0 = icmp ult i64 %x, 8\n%b = and i1 %b.0, true")
			if err != nil {
				t.Fatal(err)
			}
			if len(instrs) != 2 || len(b.Instrs) != 5 || b.Instrs[2].Opcode != "and" {
				t.Errorf("model has %d instructions", len(b.Instrs))
			}
		}, "  %b.0 = icmp ult i64 %x, 8\n  %b = and i1 %b.0, true ; keep this comment", "  %b = icmp samesign ult i64 %x, 8 ; keep this comment"},
		{"edit inside a replacement", func(t *testing.T, m *Module) {
			b := m.Funcs[0].Body.Blocks[0]
			instrs, err := m.ReplaceInstr(b, 0, "%a = getelementptr inbounds nuw i8, ptr %p, i64 2")
			if err != nil {
				t.Fatal(err)
			}
			m.RemoveFlag(&instrs[0].Flags, "nuw")
		}, "  %a = getelementptr inbounds i8, ptr %p, i64 2", "  %a = getelementptr inbounds nuw i8, ptr %p, i64 1"},
		{"insert instructions", func(t *testing.T, m *Module) {
			b := m.Funcs[0].Body.Blocks[0]
			if _, err := m.InsertInstrs(b, 2, "%c = add i64 1, 2"); err != nil {
				t.Fatal(err)
			}
		}, "  %c = add i64 1, 2\n  call void @llvm.lifetime.start.p0(ptr %p)", "  call void @llvm.lifetime.start.p0(ptr %p)"},
		{"insert call argument", func(t *testing.T, m *Module) {
			call := m.Funcs[0].Body.Blocks[0].Instrs[2].Call
			m.insertAt(call.Args[0].Start, "i64 -1, ")
		}, "  call void @llvm.lifetime.start.p0(i64 -1, ptr %p)", "  call void @llvm.lifetime.start.p0(ptr %p)"},
		{"delete instruction", func(t *testing.T, m *Module) {
			b := m.Funcs[0].Body.Blocks[0]
			if _, err := m.ReplaceInstr(b, 2, ""); err != nil {
				t.Fatal(err)
			}
		}, "  %b = icmp samesign ult i64 %x, 8 ; keep this comment\n  ret void", "  %b = icmp samesign ult i64 %x, 8 ; keep this comment\n  call void @llvm.lifetime.start.p0(ptr %p)\n  ret void"},
		{"body for a declaration", func(t *testing.T, m *Module) {
			f := m.Func("g")
			if err := m.SetBody(f, "{\n  call void asm sideeffect \"r0 = 0\\0Aexit\", \"~{r0}\"()\n  unreachable\n}"); err != nil {
				t.Fatal(err)
			}
			if f.IsDeclaration() || len(f.Body.Blocks[0].Instrs) != 2 {
				t.Error("model still has no body")
			}
		}, "define void @g(i64) #1 {\n  call void asm sideeffect \"r0 = 0\\0Aexit\", \"~{r0}\"()\n  unreachable\n}", "declare void @g(i64) #1"},
		{"parameters of a declaration", func(t *testing.T, m *Module) {
			f := m.Func("g")
			if err := m.SetParams(f, "(i64 immarg, ptr captures(none), ...)"); err != nil {
				t.Fatal(err)
			}
			if len(f.Params) != 2 || !f.Params[0].Type.IsInt(64) || !f.Params[1].Type.IsPointer() || !f.Variadic {
				t.Errorf("model has %d params, variadic %v", len(f.Params), f.Variadic)
			}
			if err := m.SetParams(f, "(i64"); err == nil {
				t.Error("an unclosed parameter list was accepted")
			}
		}, "declare void @g(i64 immarg, ptr captures(none), ...) #1", "declare void @g(i64) #1"},
		{"remove function and append", func(t *testing.T, m *Module) {
			m.Remove(m.Func("g"))
			if m.Func("g") != nil {
				t.Error("function still in the model")
			}
			if err := m.Append("declare void @h()"); err != nil {
				t.Fatal(err)
			}
			if m.Func("h") == nil {
				t.Error("appended function not in the model")
			}
		}, "\nattributes #0 = { noinline nounwind \"target-cpu\"=\"x86-64\" }\nattributes #1 = { cold noinline }\ndeclare void @h()\n", "declare void @g(i64) #1\n\nattributes #0 = { noinline nounwind \"target-cpu\"=\"x86-64\" }\nattributes #1 = { cold noinline }\n"},
		{"new attribute group", func(t *testing.T, m *Module) {
			g, err := m.NewAttrGroup("alwaysinline nounwind")
			if err != nil {
				t.Fatal(err)
			}
			if g.ID.Raw != "#2" || m.AttrGroup("2") != g {
				t.Errorf("new group %s", g.ID.Raw)
			}
		}, "attributes #1 = { cold noinline }\nattributes #2 = { alwaysinline nounwind }\n", "attributes #1 = { cold noinline }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, editSrc)
			tt.edit(t, m)
			got := string(m.Bytes())
			want := strings.Replace(editSrc, tt.old, tt.want, 1)
			if !strings.Contains(editSrc, tt.old) {
				t.Fatalf("test is wrong: %q not in the source", tt.old)
			}
			if got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			if _, err := Parse("edited.ll", got); err != nil {
				t.Errorf("edited text does not parse: %v", err)
			}
		})
	}
}

func TestEditErrors(t *testing.T) {
	m := mustParse(t, editSrc)
	if err := m.AddAttrs(&m.Funcs[0].Attrs, "(broken"); err == nil {
		t.Error("a malformed attribute was accepted")
	}
	if _, err := m.ReplaceInstr(m.Funcs[0].Body.Blocks[0], 0, "%x = frob"); err == nil || !strings.Contains(err.Error(), `unknown instruction "frob"`) {
		t.Errorf("malformed instruction: %v", err)
	}
	if got := string(m.Bytes()); got != editSrc {
		t.Error("a failed edit changed the text")
	}
}

func TestTextOf(t *testing.T) {
	m := mustParse(t, editSrc)
	in := m.Funcs[0].Body.Blocks[0].Instrs[1]
	m.RemoveFlag(&in.Flags, "samesign")
	if got := m.TextOf(in); got != "%b = icmp ult i64 %x, 8" {
		t.Errorf("TextOf = %q", got)
	}
}

// TextOf between edits made back to front must still print each in place:
// sortEdits skips the sort only for edits made in text order.
func TestTextOfBetweenEditsOutOfOrder(t *testing.T) {
	m := mustParse(t, "@a = global i32 1\n@b = global i32 2\n@c = global i32 3\n")
	for i := len(m.Globals) - 1; i >= 0; i-- {
		g := m.Globals[i]
		m.replace(g.Init, fmt.Sprintf("i32 %d", 10+i))
		m.insertAt(g.Range().Start, "; before\n")
		if got, want := m.TextOf(g), fmt.Sprintf("; before\n%s = global i32 %d", g.Name.Raw, 10+i); got != want {
			t.Errorf("TextOf = %q, want %q", got, want)
		}
	}
	want := "; before\n@a = global i32 10\n; before\n@b = global i32 11\n; before\n@c = global i32 12\n"
	if got := string(m.Bytes()); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSetHeaderKeepsComment(t *testing.T) {
	m := mustParse(t, "target triple = \"x86_64\" ; host\n")
	m.SetHeader("triple", "bpfel")
	m.SetHeader("datalayout", "e-m:e")
	want := "target datalayout = \"e-m:e\"\ntarget triple = \"bpfel\" ; host\n"
	if got := string(m.Bytes()); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDeleteKeepsNeighboursApart(t *testing.T) {
	m := mustParse(t, "define void @f() {\n  %a = add nuw i32 1, 2\n  ret void\n}\n")
	in := m.Funcs[0].Body.Blocks[0].Instrs[0]
	m.deleteWord(in.Flags[0])
	m2 := mustParse(t, "attributes #0 = {noinline nounwind}\n")
	m2.deleteWord(m2.AttrGroups[0].Attrs.Attrs[0])
	got := string(m.Bytes()) + string(m2.Bytes())
	want := "define void @f() {\n  %a = add i32 1, 2\n  ret void\n}\nattributes #0 = {nounwind}\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDeleteBeforeGluedToken(t *testing.T) {
	m := mustParse(t, "define A()void @f() {\n  ret void\n}\n")
	m.RemoveAttr(&m.Funcs[0].RetAttrs, 0)
	if got, want := string(m.Bytes()), "define void @f() {\n  ret void\n}\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestReplaceKeepsNeighboursApart: a value written against the word
// before it ("call i8@f") or after it, replaced by text that starts or
// ends a word, stays apart from it (FuzzBPF found "call i8inttoptr").
func TestReplaceKeepsNeighboursApart(t *testing.T) {
	m := mustParse(t, "define i8 @g() {\n  %v = call i8@f()\n  ret i8 %v\n}\ndeclare i8 @f()\n")
	call := m.Funcs[0].Body.Blocks[0].Instrs[0].Call
	if err := m.ReplaceValue(&call.Callee, "inttoptr (i64 1 to ptr)"); err != nil {
		t.Fatal(err)
	}
	if err := m.ReplaceValue(&m.Funcs[0].Body.Blocks[0].Instrs[1].Operands[0].Value, "poison"); err != nil {
		t.Fatal(err)
	}
	got := string(m.Bytes())
	if !strings.Contains(got, "call i8 inttoptr (i64 1 to ptr)()") || !strings.Contains(got, "ret i8 poison") {
		t.Errorf("got %q", got)
	}
	if _, err := Parse("out.ll", got); err != nil {
		t.Error(err)
	}
}

// TestAdjacentDeletesKeepNeighboursApart: each deletion alone leaves a
// space or a bracket beside it, together they would glue "declare" to
// "i1", in whichever order they are made (FuzzBPF found it).
func TestAdjacentDeletesKeepNeighboursApart(t *testing.T) {
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		m := mustParse(t, "declare A() B()i1 @f()\n")
		attrs := m.Funcs[0].RetAttrs.Attrs
		for _, i := range order {
			m.deleteWord(attrs[i])
		}
		if got, want := string(m.Bytes()), "declare i1 @f()\n"; got != want {
			t.Errorf("deleting in order %v: got %q, want %q", order, got, want)
		}
	}
}
