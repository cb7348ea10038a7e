; Without the btf option nothing changes, whatever the names.
define i32 @prog(ptr %ctx) section "xdp" !dbg !3 {
  ret i32 2
}

!llvm.dbg.cu = !{!0}
!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!2 = !DICompositeType(tag: DW_TAG_structure_type, name: "Ports<u16>", file: !1, size: 32, elements: !{})
!3 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 3, spFlags: DISPFlagDefinition, unit: !0)
