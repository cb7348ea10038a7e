; A program oxbpf-ebpf's xdp! made, after opt: a map lookup inlined from
; the support crate (maps/mod.rs) and core (ptr/mut_ptr.rs) called from
; the user's line 12, a user line of its own, a core function nothing of
; the user's called, and the return the macro's line names.
define i32 @count(ptr %ctx) section "xdp" !dbg !10 {
start:
  %v = call ptr inttoptr (i64 1 to ptr)(ptr null, ptr %ctx), !dbg !20
  %null = icmp eq ptr %v, null, !dbg !21
  %x = load i32, ptr %ctx, !dbg !22
  ret i32 2, !dbg !23
}

define i32 @core_only(i32 %x) !dbg !30 {
  ret i32 %x, !dbg !31
}

!llvm.dbg.cu = !{!0}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "rustc", emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!2 = !DIFile(filename: "src/macros.rs", directory: "oxbpf-ebpf")
!3 = !DIFile(filename: "src/maps/mod.rs", directory: "oxbpf-ebpf")
!4 = !DIFile(filename: "library/core/src/ptr/mut_ptr.rs", directory: "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860")
!10 = distinct !DISubprogram(name: "count", scope: !1, file: !2, line: 56, spFlags: DISPFlagDefinition, unit: !0)
!11 = distinct !DISubprogram(name: "lookup", scope: !3, file: !3, line: 70, spFlags: DISPFlagDefinition, unit: !0)
!12 = distinct !DISubprogram(name: "is_null", scope: !4, file: !4, line: 1500, spFlags: DISPFlagDefinition, unit: !0)
!13 = distinct !DILexicalBlock(scope: !10, file: !1, line: 12, column: 5)
!20 = !DILocation(line: 72, column: 14, scope: !11, inlinedAt: !24)
!21 = !DILocation(line: 1501, column: 9, scope: !12, inlinedAt: !25)
!22 = !DILocation(line: 13, column: 9, scope: !13)
!23 = !DILocation(line: 56, column: 57, scope: !10)
!24 = !DILocation(line: 12, column: 20, scope: !13)
!25 = !DILocation(line: 73, column: 5, scope: !11, inlinedAt: !24)
!30 = distinct !DISubprogram(name: "core_only", scope: !4, file: !4, line: 10, spFlags: DISPFlagDefinition, unit: !0)
!31 = !DILocation(line: 11, column: 5, scope: !30)
