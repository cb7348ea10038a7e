; options: btf
; For the newest kernel (no --kernel, or 5.13 and later), f32 and f64 stay
; BTF FLOATs.
define i32 @prog(ptr %ctx) section "xdp" !dbg !10 {
  ret i32 2
}

!llvm.dbg.cu = !{!0}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!2 = !DIBasicType(name: "f32", size: 32, encoding: DW_ATE_float)
!3 = !DIBasicType(name: "f64", size: 64, encoding: DW_ATE_float)
!4 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
!5 = !DICompositeType(tag: DW_TAG_structure_type, name: "Sample", file: !1, size: 128, align: 64, elements: !6, identifier: "s")
!6 = !{!7, !8}
!7 = !DIDerivedType(tag: DW_TAG_member, name: "ratio", scope: !5, file: !1, baseType: !2, size: 32, align: 32, offset: 0)
!8 = !DIDerivedType(tag: DW_TAG_member, name: "mean", scope: !5, file: !1, baseType: !3, size: 64, align: 64, offset: 64)
!10 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 1, type: !11, unit: !0)
!11 = !DISubroutineType(types: !12)
!12 = !{}
