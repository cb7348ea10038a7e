package ir

import (
	"strings"
	"testing"
)

const modelEditSrc = `@p = global i64 ptrtoaddr (ptr @p to i64)

define i64 @f(ptr %p, i64 %x) {
  %a = ptrtoaddr ptr %p to i64
  %b = add i64 %a, %x
  %v = phi i64 [ %a, %entry ], [ 7, %other ]
  %m = call i64 @llvm.umax.i64(i64 %a, i64 %b)
    #dbg_value(ptr %p, !1, !DIExpression(DW_OP_lt), !2)
  ret i64 %m
}

declare i64 @llvm.umax.i64(i64, i64)

!0 = !{!"branch_weights", !"expected", i32 1, i32 2}
!1 = !{i32 8, !"flag", i32 1}
!2 = !{}
`

// TestModelEdits checks that each exported edit changes the text exactly
// and leaves the model describing the new text.
func TestModelEdits(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(t *testing.T, m *Module)
		old, new string
	}{
		{"set opcode", func(t *testing.T, m *Module) {
			in := m.Funcs[0].Body.Blocks[0].Instrs[0]
			m.SetOpcode(in, "ptrtoint")
			if in.Opcode != "ptrtoint" {
				t.Errorf("model opcode %q", in.Opcode)
			}
		}, "%a = ptrtoaddr ptr", "%a = ptrtoint ptr"},
		{"set constant expression opcode", func(t *testing.T, m *Module) {
			v := &m.Globals[0].Init.Value
			m.SetExprOpcode(v, "ptrtoint")
			if v.Sub.Opcode != "ptrtoint" {
				t.Errorf("model opcode %q", v.Sub.Opcode)
			}
		}, "i64 ptrtoaddr (ptr @p", "i64 ptrtoint (ptr @p"},
		{"replace value", func(t *testing.T, m *Module) {
			c := m.Funcs[0].Body.Blocks[0].Instrs[3].Call
			if err := m.ReplaceValue(&c.Callee, "@llvm.smax.i64"); err != nil {
				t.Fatal(err)
			}
			if c.CalleeName() != "llvm.smax.i64" || m.TextOf(c.Callee) != "@llvm.smax.i64" {
				t.Errorf("model callee %q", c.CalleeName())
			}
		}, "call i64 @llvm.umax.i64(", "call i64 @llvm.smax.i64("},
		{"replace metadata value", func(t *testing.T, m *Module) {
			rec := m.Funcs[0].Body.Blocks[0].Instrs[4]
			expr := &rec.Operands[2].Value
			if err := m.ReplaceValue(expr, "!DIExpression()"); err != nil {
				t.Fatal(err)
			}
			if expr.Kind != MDNodeValue || expr.Sub.Node.Kind != "DIExpression" || len(expr.Sub.Node.Fields()) != 0 {
				t.Errorf("model value %+v", expr)
			}
		}, "!DIExpression(DW_OP_lt)", "!DIExpression()"},
		{"replace operand", func(t *testing.T, m *Module) {
			rec := m.Funcs[0].Body.Blocks[0].Instrs[4]
			op := &rec.Operands[0]
			if err := m.ReplaceOperand(op, "ptr poison"); err != nil {
				t.Fatal(err)
			}
			if op.Value.Kind != PoisonConst || !op.Type.IsPointer() {
				t.Errorf("model operand %+v", op)
			}
		}, "#dbg_value(ptr %p,", "#dbg_value(ptr poison,"},
		{"rename function", func(t *testing.T, m *Module) {
			f := m.Func("llvm.umax.i64")
			m.RenameFunc(f, "needs quotes")
			if f.Name.Name() != "needs quotes" || m.Func("needs quotes") != f {
				t.Errorf("model name %q", f.Name.Name())
			}
		}, "declare i64 @llvm.umax.i64(", `declare i64 @"needs quotes"(`},
		{"remove metadata element", func(t *testing.T, m *Module) {
			n := m.MDNode("!0")
			m.RemoveField(n, 1)
			if len(n.Fields()) != 3 || n.Fields()[1].Value.Raw != "1" {
				t.Errorf("model fields %v", n.Fields())
			}
			m.RemoveField(n, 2)
			m.RemoveField(n, 0)
		}, `!0 = !{!"branch_weights", !"expected", i32 1, i32 2}`, `!0 = !{i32 1}`},
		{"replace metadata element", func(t *testing.T, m *Module) {
			f := &m.MDNode("!1").Fields()[0]
			if err := m.ReplaceValue(&f.Value, "7"); err != nil {
				t.Fatal(err)
			}
			if m.MDNode("!1").Fields()[0].Value.Raw != "7" {
				t.Error("model element unchanged")
			}
		}, "!1 = !{i32 8,", "!1 = !{i32 7,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(modelEditSrc, tt.old) {
				t.Fatalf("test is wrong: %q not in the source", tt.old)
			}
			m := mustParse(t, modelEditSrc)
			tt.edit(t, m)
			got := string(m.Bytes())
			if want := strings.Replace(modelEditSrc, tt.old, tt.new, 1); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			if _, err := Parse("edited.ll", got); err != nil {
				t.Errorf("edited text does not parse: %v", err)
			}
		})
	}
}

func TestModelEditErrors(t *testing.T) {
	m := mustParse(t, modelEditSrc)
	c := m.Funcs[0].Body.Blocks[0].Instrs[3].Call
	if err := m.ReplaceValue(&c.Callee, "frob("); err == nil {
		t.Error("a malformed value was accepted")
	}
	if err := m.ReplaceOperand(&c.Args[0], "%a"); err == nil {
		t.Error("an operand without its type was accepted")
	}
	if got := string(m.Bytes()); got != modelEditSrc {
		t.Error("a failed edit changed the text")
	}
}

func TestOperandType(t *testing.T) {
	m := mustParse(t, modelEditSrc)
	instrs := m.Funcs[0].Body.Blocks[0].Instrs
	tests := []struct {
		in   *Instr
		k    int
		want string // "" for nil
	}{
		{instrs[0], 0, "ptr"}, // ptrtoaddr ptr %p
		{instrs[0], 1, "i64"}, // to i64: the cast's result type clause
		{instrs[1], 0, "i64"}, // add i64 %a
		{instrs[1], 1, "i64"}, // , %x: the first operand's type
		{instrs[2], 0, ""},    // phi i64: a bare type, no value
		{instrs[2], 2, "i64"}, // [ 7, %other ]
		{instrs[1], 5, ""},    // out of range
		{instrs[3], 0, ""},    // a call's operands are in Call
	}
	for _, tt := range tests {
		got := ""
		if typ := tt.in.OperandType(tt.k); typ != nil {
			got = typ.String()
		}
		if got != tt.want {
			t.Errorf("%s operand %d: type %q, want %q", tt.in.Opcode, tt.k, got, tt.want)
		}
	}
}
