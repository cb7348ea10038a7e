; options: llvm=16
; Debug records become llvm.dbg.* calls with their declarations. A location
; whose expression uses DW_OP_lt, which LLVM 16's verifier rejects (and then
; drops all debug info), becomes a kill location that keeps its fragment.
target triple = "x86_64-unknown-linux-gnu"

define i32 @f(i32 %x, ptr %p) !dbg !5 {
entry:
    #dbg_declare(ptr %p, !12, !DIExpression(), !14)
    #dbg_value(i32 %x, !9, !DIExpression(), !14)
    #dbg_value(i32 %x, !11, !DIExpression(DW_OP_constu, 5, DW_OP_lt, DW_OP_LLVM_convert, 1, DW_ATE_unsigned, DW_OP_LLVM_convert, 8, DW_ATE_unsigned, DW_OP_stack_value), !14)
    #dbg_value(!DIArgList(ptr %p, i32 %x), !12, !DIExpression(DW_OP_LLVM_arg, 0, DW_OP_LLVM_arg, 1, DW_OP_gt, DW_OP_stack_value, DW_OP_LLVM_fragment, 0, 8), !14)
    #dbg_value(i32 poison, !9, !DIExpression(), !14)
  %y = add i32 %x, 1, !dbg !14
    #dbg_label(!15, !14)
  ret i32 %y, !dbg !14
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "clang LLVM (rustc version 1.95.0)", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "a.rs", directory: "/")
!3 = !{i32 7, !"Dwarf Version", i32 4}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 1, type: !6, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !8)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !{!9, !11, !12}
!9 = !DILocalVariable(name: "x", arg: 1, scope: !5, file: !1, line: 1, type: !10)
!10 = !DIBasicType(name: "u32", size: 32, encoding: DW_ATE_unsigned)
!11 = !DILocalVariable(name: "small", scope: !5, file: !1, line: 2, type: !13)
!12 = !DILocalVariable(name: "p", arg: 2, scope: !5, file: !1, line: 1, type: !16)
!13 = !DIBasicType(name: "bool", size: 8, encoding: DW_ATE_boolean)
!14 = !DILocation(line: 2, column: 3, scope: !5)
!15 = !DILabel(scope: !5, name: "done", file: !1, line: 3)
!16 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
