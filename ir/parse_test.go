package ir

import (
	"fmt"
	"strings"
	"testing"
)

func mustParse(t *testing.T, src string) *Module {
	t.Helper()
	m, err := Parse("test.ll", src)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	if got := string(m.Bytes()); got != src {
		t.Fatalf("round trip changed the text")
	}
	return m
}

// describeOp renders an operand as keyword:type:value.
func describeOp(op Operand) string {
	var parts []string
	if op.Keyword != "" {
		parts = append(parts, op.Keyword)
	}
	if op.Type != nil {
		parts = append(parts, op.Type.String())
	}
	if op.Attrs != nil {
		for _, a := range op.Attrs.Attrs {
			parts = append(parts, "+"+a.Raw)
		}
	}
	if op.Value.Kind != NoValue {
		parts = append(parts, op.Value.Raw)
	}
	return strings.Join(parts, ":")
}

func describeInstr(in *Instr) string {
	var b strings.Builder
	if in.Result.Raw != "" {
		b.WriteString(in.Result.Raw + " = ")
	}
	b.WriteString(in.Opcode)
	for _, f := range in.Flags {
		b.WriteString(" ." + f.Text)
	}
	for _, op := range in.Operands {
		b.WriteString(" [" + describeOp(op) + "]")
	}
	if c := in.Call; c != nil {
		if c.Tail.Text != "" {
			b.WriteString(" tail=" + c.Tail.Text)
		}
		if c.CC.Text != "" {
			b.WriteString(" cc=" + c.CC.Text)
		}
		for _, a := range c.RetAttrs.Attrs {
			b.WriteString(" ret+" + a.Raw)
		}
		fmt.Fprintf(&b, " %s %s(", c.Type, c.Callee.Raw)
		for i, a := range c.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(describeOp(a))
		}
		b.WriteString(")")
		for _, a := range c.FnAttrs.Attrs {
			b.WriteString(" fn+" + a.Raw)
		}
		for _, d := range c.Bundles {
			fmt.Fprintf(&b, " bundle=%s/%d", d.Value.Sub.Opcode, len(d.Value.Sub.Elems))
		}
		for _, d := range c.Dests {
			b.WriteString(" dest=" + describeOp(d))
		}
	}
	for _, a := range in.Attachments {
		b.WriteString(" !" + a.Name + "=" + a.Value.Raw)
	}
	return b.String()
}

func TestParseInstructions(t *testing.T) {
	tests := []struct{ line, want string }{
		{"%a = add nuw nsw i64 %x, 1", "%a = add .nuw .nsw [i64:%x] [1]"},
		{"%b = or disjoint i64 %x, %y", "%b = or .disjoint [i64:%x] [%y]"},
		{"%c = icmp samesign ult i32 %x, 8", "%c = icmp .samesign .ult [i32:%x] [8]"},
		{"%d = fcmp fast olt float %f, 1.0", "%d = fcmp .fast .olt [float:%f] [1.0]"},
		{"%e = getelementptr inbounds nuw i32, ptr @T, i64 %i", "%e = getelementptr .inbounds .nuw [i32] [ptr:@T] [i64:%i]"},
		{"%e2 = getelementptr inbounds %\"S\", %\"S\"* %p, i64 0, i32 1", `%e2 = getelementptr .inbounds [%"S"] [%"S"*:%p] [i64:0] [i32:1]`},
		{"%f = load i32, ptr %p, align 4, !noundef !0", "%f = load [i32] [ptr:%p] [align:4] !noundef=!0"},
		{"%g = load atomic volatile i64, ptr %p seq_cst, align 8", "%g = load .atomic .volatile [i64] [ptr:%p] [seq_cst] [align:8]"},
		{"store i32 %v, ptr %p, align 4", "store [i32:%v] [ptr:%p] [align:4]"},
		{"%h = alloca [4 x i8], align 1", "%h = alloca [[4 x i8]] [align:1]"},
		{"%i = zext nneg i32 %x to i64", "%i = zext .nneg [i32:%x] [to:i64]"},
		{"%j = trunc nuw nsw i64 %x to i32", "%j = trunc .nuw .nsw [i64:%x] [to:i32]"},
		{"%k = bitcast i8* %p to i32*", "%k = bitcast [i8*:%p] [to:i32*]"},
		{"%l = phi i64 [ %a, %bb1 ], [ 0, %start ]", "%l = phi [i64] [[ %a, %bb1 ]] [[ 0, %start ]]"},
		{"%m = select i1 %c, i32 %a, i32 %b", "%m = select [i1:%c] [i32:%a] [i32:%b]"},
		{"%n = extractvalue { i64, i1 } %s, 0", "%n = extractvalue [{ i64, i1 }:%s] [0]"},
		{"%o = insertvalue { i64, i1 } undef, i64 %a, 0", "%o = insertvalue [{ i64, i1 }:undef] [i64:%a] [0]"},
		{"%p2 = shufflevector <4 x i32> %a, <4 x i32> poison, <4 x i32> zeroinitializer", "%p2 = shufflevector [<4 x i32>:%a] [<4 x i32>:poison] [<4 x i32>:zeroinitializer]"},
		{"%q = add <4 x i32> %v, splat (i32 1)", "%q = add [<4 x i32>:%v] [splat (i32 1)]"},
		{"%r = atomicrmw add ptr %p, i32 1 seq_cst, align 4", "%r = atomicrmw .add [ptr:%p] [i32:1] [seq_cst] [align:4]"},
		{"%s = cmpxchg weak ptr %p, i32 %a, i32 %b acq_rel monotonic, align 4", "%s = cmpxchg .weak [ptr:%p] [i32:%a] [i32:%b] [acq_rel] [monotonic] [align:4]"},
		{"fence syncscope(\"singlethread\") seq_cst", "fence .syncscope(\"singlethread\") .seq_cst"},
		{"%t = freeze i32 %x", "%t = freeze [i32:%x]"},
		{"%u = va_arg ptr %ap, i32", "%u = va_arg [ptr:%ap] [i32]"},
		{"br i1 %c, label %a, label %b", "br [i1:%c] [label:%a] [label:%b]"},
		{"switch i32 %x, label %d [\n    i32 0, label %a\n    i32 1, label %b\n  ]", "switch [i32:%x] [label:%d] [[\n    i32 0, label %a\n    i32 1, label %b\n  ]]"},
		{"tail call void @f(i64 noundef %i) #3", "call tail=tail void @f(i64:+noundef:%i) fn+#3"},
		{"%v = call fastcc noundef range(i32 0, 10) i32 @g(ptr noalias noundef readonly align 8 captures(address, read_provenance) dereferenceable(24) @x), !dbg !5",
			"%v = call cc=fastcc ret+noundef ret+range(i32 0, 10) i32 @g(ptr:+noalias:+noundef:+readonly:+align 8:+captures(address, read_provenance):+dereferenceable(24):@x) !dbg=!5"},
		{"call void asm sideeffect \"r0 = 0\\0Aexit\", \"~{r0}\"()", `call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"()`},
		{"%w = call i32 (ptr, ...) @printf(ptr @fmt, i32 1)", "%w = call i32 (ptr, ...) @printf(ptr:@fmt, i32:1)"},
		{"call void @llvm.dbg.value(metadata ptr %x, metadata !12, metadata !DIExpression(DW_OP_plus_uconst, 8)), !dbg !3",
			"call void @llvm.dbg.value(metadata:ptr %x, metadata:!12, metadata:!DIExpression(DW_OP_plus_uconst, 8)) !dbg=!3"},
		{"call void @f() [ \"deopt\"(i32 1, ptr %p) ]", "call void @f() bundle=deopt/2"},
		{"invoke void @f() #1\n          to label %ok unwind label %bad", "invoke void @f() fn+#1 dest=to:label:%ok dest=unwind:label:%bad"},
		{"#dbg_value(ptr %x, !12, !DIExpression(), !34)", "#dbg_value [ptr:%x] [!12] [!DIExpression()] [!34]"},
		{"#dbg_declare(ptr %x, !12, !DIExpression(DW_OP_LLVM_fragment, 0, 32), !34)", "#dbg_declare [ptr:%x] [!12] [!DIExpression(DW_OP_LLVM_fragment, 0, 32)] [!34]"},
		{"%y = getelementptr inbounds ([4 x i8], [4 x i8]* @s, i64 0, i64 1)", ""},
		{"%z = ptrtoint ptr getelementptr inbounds nuw (i8, ptr @s, i64 4) to i64", "%z = ptrtoint [ptr:getelementptr inbounds nuw (i8, ptr @s, i64 4)] [to:i64]"},
		{"unreachable", "unreachable"},
		{"resume { ptr, i32 } %lp", "resume [{ ptr, i32 }:%lp]"},
		{"%lp = landingpad { ptr, i32 }\n          cleanup", "%lp = landingpad [{ ptr, i32 }] [cleanup]"},
		{"%ad = call i32 @llvm.ucmp.i32.i64(i64 %a, i64 %b)", "%ad = call i32 @llvm.ucmp.i32.i64(i64:%a, i64:%b)"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			src := "define void @f() {\nstart:\n  " + tt.line + "\n  ret void\n}\n"
			m, err := Parse("test.ll", src)
			if tt.want == "" { // must be an error: a constant-expression getelementptr is not an instruction
				if err == nil {
					t.Fatal("parsed, want an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(m.Bytes()); got != src {
				t.Fatalf("round trip changed the text")
			}
			in := m.Funcs[0].Body.Blocks[0].Instrs[0]
			if got := describeInstr(in); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if got := m.TextOf(in); got != tt.line {
				t.Errorf("instruction text %q, want %q", got, tt.line)
			}
		})
	}
}

func TestParseFunctionHeader(t *testing.T) {
	src := `define internal fastcc noundef zeroext i1 @"_ZN3foo3bar17h0E"(ptr noalias nocapture noundef readonly align 8 dereferenceable(24) %self, i64 %n, ...) unnamed_addr #0 section "xdp" comdat align 16 personality ptr @rust_eh_personality !dbg !7 {
start:
  ret i1 true
}
declare void @ext(i8*, i32 signext) local_unnamed_addr #1
`
	m := mustParse(t, src)
	f := m.Funcs[0]
	checks := []struct{ got, want string }{
		{f.Keyword.Text, "define"},
		{f.Linkage(), "internal"},
		{f.CC.Text, "fastcc"},
		{fmt.Sprint(len(f.RetAttrs.Attrs)), "2"},
		{f.RetType.String(), "i1"},
		{f.Name.Name(), "_ZN3foo3bar17h0E"},
		{fmt.Sprint(len(f.Params)), "2"},
		{f.Params[0].Name.Raw, "%self"},
		{fmt.Sprint(f.Params[0].Attrs.Has("dereferenceable")), "true"},
		{fmt.Sprint(f.Variadic), "true"},
		{f.UnnamedAddr.Text, "unnamed_addr"},
		{strings.Join(f.Attrs.Groups(), ","), "0"},
		{f.Section.Value(), "xdp"},
		{fmt.Sprint(len(f.Options)), "2"},
		{f.Attached[0].Name + "=" + f.Attached[0].Value.Raw, "dbg=!7"},
		{fmt.Sprint(f.Attrs.Has("align")), "true"},
		{fmt.Sprint(f.IsDeclaration()), "false"},
		{fmt.Sprint(m.Funcs[1].IsDeclaration()), "true"},
		{m.Funcs[1].Params[0].Type.String(), "i8*"},
		{fmt.Sprint(m.Syntax.TypedPointers, m.Syntax.OpaquePointers), "true true"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestParseTopLevel(t *testing.T) {
	src := `; ModuleID = 'x'
source_filename = "x.c"
target datalayout = "e-m:e-i64:64"
target triple = "x86_64-unknown-linux-gnu"

module asm ".globl __rust_probestack"
$c = comdat any
%T = type { i32, [4 x i8] }
%O = type opaque
@_license = dso_local local_unnamed_addr constant [4 x i8] c"GPL\00", section "license", align 1
@g = external global i32
@tls = internal thread_local(initialexec) global i64 0, align 8, !dbg !0
@v = global <{ ptr, [16 x i8] }> <{ ptr @g, [16 x i8] c"\04\00\00\00\00\00\00\00\11\00\00\00\05\00\00\00" }>, align 8
@a = internal unnamed_addr alias void (i8**), bitcast (void (i32*)* @f to void (i8**)*)
@i = ifunc void (), ptr @resolver
attributes #0 = { nounwind "target-cpu"="x86-64" memory(argmem: read, inaccessiblemem: write) uwtable(sync) alignstack=16 }
!llvm.module.flags = !{!1, !2}
!0 = !DIGlobalVariableExpression(var: !3, expr: !DIExpression())
!1 = !{i32 8, !"PIC Level", i32 2}
!2 = distinct !DISubprogram(name: "f", flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition, line: -1)
uselistorder ptr @g, { 1, 0 }
`
	m := mustParse(t, src)
	checks := []struct{ got, want string }{
		{m.SourceFilename.Value.Value(), "x.c"},
		{m.Triple.Value.Value(), "x86_64-unknown-linux-gnu"},
		{m.DataLayout.Value.Value(), "e-m:e-i64:64"},
		{m.ModuleAsm[0].Asm.Value(), ".globl __rust_probestack"},
		{m.Comdats[0].Name.Raw + " " + m.Comdats[0].Kind.Text, "$c any"},
		{fmt.Sprint(len(m.TypeDefs), m.TypeDefs[1].Type == nil), "2 true"},
		{m.TypeDefs[0].Type.String(), "{ i32, [4 x i8] }"},
		{fmt.Sprint(len(m.Globals)), "4"},
		{m.Globals[0].Section.Value(), "license"},
		{fmt.Sprint(m.Globals[0].Constant, m.Globals[0].Init.Value.Kind == CStringConst), "true true"},
		{fmt.Sprint(m.Globals[1].Init == nil), "true"},
		{m.Globals[2].Words[1].Text, "thread_local(initialexec)"},
		{m.Globals[2].Attached[0].Name, "dbg"},
		{fmt.Sprint(len(m.Globals[3].Init.Value.Sub.Elems)), "2"},
		{m.Aliases[0].Kind + " " + m.Aliases[0].Target.Value.Sub.Opcode, "alias bitcast"},
		{m.Aliases[1].Kind, "ifunc"},
		{fmt.Sprint(len(m.AttrGroups[0].Attrs.Attrs)), "5"},
		{m.AttrGroups[0].Attrs.Attrs[1].Key + "=" + m.AttrGroups[0].Attrs.Attrs[1].Arg, "target-cpu=x86-64"},
		{m.AttrGroups[0].Attrs.Attrs[2].Arg, "argmem: read, inaccessiblemem: write"},
		{m.AttrGroups[0].Attrs.Attrs[4].Key + "=" + m.AttrGroups[0].Attrs.Attrs[4].Arg, "alignstack=16"},
		{fmt.Sprint(len(m.NamedMetadata[0].Nodes)), "2"},
		{fmt.Sprint(len(m.Metadata)), "3"},
		{m.Metadata[1].Fields()[0].Type.String() + " " + m.Metadata[1].Fields()[0].Value.Raw, "i32 8"},
		{m.Metadata[2].Kind, "DISubprogram"},
		{fmt.Sprint(m.Metadata[2].Distinct), "true"},
		{fieldRaw(m.Metadata[2], "flags"), "DIFlagPrototyped | DIFlagNoReturn"},
		{fieldRaw(m.Metadata[2], "line"), "-1"},
		{fieldRaw(m.Metadata[0], "expr"), "!DIExpression()"},
		{m.Directives[0].Keyword, "uselistorder"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
	effects, ok := MemoryEffects(m.AttrGroups[0].Attrs.Attrs[2].Arg)
	if !ok || fmt.Sprint(effects) != "[{argmem read} {inaccessiblemem write}]" {
		t.Errorf("MemoryEffects = %v, %v", effects, ok)
	}
}

func fieldRaw(n *MDNode, name string) string {
	v, ok := n.Field(name)
	if !ok {
		return "<missing>"
	}
	return v.Raw
}

func TestTypes(t *testing.T) {
	tests := []struct {
		typ  string
		kind TypeKind
		desc string
	}{
		{"i32", IntType, "bits=32"},
		{"i128", IntType, "bits=128"},
		{"ptr", PtrType, "as=0"},
		{"ptr addrspace(1)", PtrType, "as=1"},
		{"i8*", TypedPtrType, "elem=i8"},
		{"i8 addrspace(3)*", TypedPtrType, "elem=i8 as=3"},
		{"[4 x i8]", ArrayType, "len=4 elem=i8"},
		{"<4 x i32>", VectorType, "len=4 elem=i32"},
		{"<vscale x 2 x i64>", VectorType, "len=2 elem=i64 scalable"},
		{"{ i64, ptr }", StructType, "fields=2"},
		{"<{ ptr, [16 x i8] }>", StructType, "fields=2 packed"},
		{`%"core::fmt::Arguments<'_>"`, NamedType, ""},
		{"void (i8*, ...)*", TypedPtrType, "elem=void (i8*, ...)"},
		{"double", FloatType, ""},
		{`target("spirv.Image", i8, 1)`, TargetType, ""},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			m := mustParse(t, "@g = external global "+tt.typ+"\n")
			typ := m.Globals[0].Type
			if typ.Kind != tt.kind || typ.String() != tt.typ {
				t.Fatalf("kind %d %q, want %d %q", typ.Kind, typ, tt.kind, tt.typ)
			}
			var desc []string
			switch typ.Kind {
			case IntType:
				desc = append(desc, fmt.Sprintf("bits=%d", typ.Bits))
			case PtrType:
				desc = append(desc, fmt.Sprintf("as=%d", typ.AddrSpace))
			case TypedPtrType:
				desc = append(desc, "elem="+typ.Elem.String())
				if typ.AddrSpace != 0 {
					desc = append(desc, fmt.Sprintf("as=%d", typ.AddrSpace))
				}
			case ArrayType, VectorType:
				desc = append(desc, fmt.Sprintf("len=%d elem=%s", typ.Len, typ.Elem))
				if typ.Scalable {
					desc = append(desc, "scalable")
				}
			case StructType:
				desc = append(desc, fmt.Sprintf("fields=%d", len(typ.Elems)))
				if typ.Packed {
					desc = append(desc, "packed")
				}
			}
			if got := strings.Join(desc, " "); got != tt.desc {
				t.Errorf("got %q, want %q", got, tt.desc)
			}
		})
	}
}

// A type longer than typeExtent looks ahead is parsed rather than looked
// up, and must come out the same as the short path gives it.
func TestLongType(t *testing.T) {
	long := "{ " + strings.Repeat("i8, ", 2000) + "i8 }"
	if len(long) <= maxTypeScan {
		t.Fatalf("type of %d bytes does not exceed maxTypeScan", len(long))
	}
	m := mustParse(t, "@a = external global "+long+"\n@b = external global "+long+"\n")
	a, b := m.Globals[0].Type, m.Globals[1].Type
	if a.Kind != StructType || len(a.Elems) != 2001 || a.String() != long || b.String() != long {
		t.Errorf("got %v with %d fields, want a struct of 2001", a.Kind, len(a.Elems))
	}
}

func TestProducer(t *testing.T) {
	m := mustParse(t, "!llvm.ident = !{!0}\n!0 = !{!\"rustc version 1.95.0 (59807616e 2026-04-14)\"}\n")
	if got := m.Producer(); got != "rustc version 1.95.0 (59807616e 2026-04-14)" {
		t.Errorf("Producer = %q", got)
	}
	if got := m.RustcVersion(); got != "1.95.0" {
		t.Errorf("RustcVersion = %q", got)
	}
	m = mustParse(t, `!0 = distinct !DICompileUnit(language: DW_LANG_Rust, producer: "clang LLVM (rustc version 1.63.0)", isOptimized: true)`+"\n")
	if got := m.RustcVersion(); got != "1.63.0" {
		t.Errorf("RustcVersion from the compile unit = %q", got)
	}
}

func TestBundleListEnds(t *testing.T) {
	_, err := Parse("t.ll", "define void @f() {\n  call void @g() [ \"deopt\"(i32 1, ) ]\n  ret void\n}\n")
	if err == nil || !strings.Contains(err.Error(), "expected another element after ','") {
		t.Errorf("trailing comma in a bundle: %v", err)
	}
}
