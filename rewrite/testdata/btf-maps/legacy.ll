; options: btf
; A legacy map as rustc writes it (a byte array: HASH, key 4, value 8,
; 256 entries, flags 1), one as a struct of i32 with a seventh word
; (pinning by name), and a hand-written BTF map without #[no_mangle].
target triple = "bpfel"

@PROTOCOLS = constant [20 x i8] c"\01\00\00\00\04\00\00\00\08\00\00\00\00\01\00\00\01\00\00\00", section "maps", align 4, !dbg !8
@PINNED = global { i32, i32, i32, i32, i32, i32, i32 } { i32 2, i32 4, i32 4, i32 1, i32 0, i32 0, i32 1 }, section "maps", align 4
@_ZN1m5FLOWS17h249e63a413496ea9E = internal global { ptr, ptr } zeroinitializer, section ".maps", align 8

define i32 @prog(ptr %ctx) section "xdp" !dbg !5 {
  %v = call ptr inttoptr (i64 1 to ptr)(ptr @PROTOCOLS, ptr %ctx)
  %w = call ptr inttoptr (i64 1 to ptr)(ptr @PINNED, ptr %ctx)
  ret i32 2
}

!llvm.dbg.cu = !{!0}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "rustc", emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!5 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 3, spFlags: DISPFlagDefinition, unit: !0)
!8 = !DIGlobalVariableExpression(var: !9, expr: !DIExpression())
!9 = distinct !DIGlobalVariable(name: "PROTOCOLS", scope: !1, file: !1, line: 33, type: !10, isLocal: false, isDefinition: true)
!10 = !DICompositeType(tag: DW_TAG_structure_type, name: "MapDef", file: !1, size: 160, elements: !{})
