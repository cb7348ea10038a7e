; options: btf
; A legacy definition of 3 words is no map a loader reads.
@SHORT = global [3 x i32] [i32 1, i32 4, i32 4], section "maps" ; want "map SHORT: a legacy definition is 5 to 7 u32 words, not 12 bytes"

define i32 @prog(ptr %ctx) section "xdp" !dbg !5 {
  ret i32 2
}

!llvm.dbg.cu = !{!0}
!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!5 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 3, spFlags: DISPFlagDefinition, unit: !0)
