; fixtures/ir/nightly/wide.Os-lto.ll without the sorting network
; ModuleID = 'wide.1a94f7aedb51ca5c-cgu.0'
source_filename = "wide.1a94f7aedb51ca5c-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@_license = dso_local local_unnamed_addr constant [4 x i8] c"GPL\00", section "license", align 1
@alloc_f9254e8ca028bafb2c206b3f012acdf1 = private unnamed_addr constant [80 x i8] c"\00\00\00\00\00\00\00\00\01\00\00\00\00\00\00\00\02\00\00\00\00\00\00\00\03\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\00\00\00\00\01\00\00\00\00\00\00\00\03\00\00\00\00\00\00\00\01\00\00\00\00\00\00\00\02\00\00\00\00\00\00\00", align 8

; Function Attrs: mustprogress nofree norecurse nosync nounwind nonlazybind optsize willreturn memory(none) uwtable
define dso_local noundef range(i32 -4, 5) i32 @wide_cmp(i32 noundef %0, i32 noundef %1, i64 noundef %2, i64 noundef %3) unnamed_addr #2 section "kprobe/wide_cmp" {
start:
  %_0.i = tail call noundef range(i8 -1, 2) i8 @llvm.ucmp.i8.i32(i32 %0, i32 %1)
  %u = sext i8 %_0.i to i32
  %_0.i3 = tail call noundef range(i8 -1, 2) i8 @llvm.scmp.i8.i64(i64 %2, i64 %3)
  %s = sext i8 %_0.i3 to i32
  %_15 = mul nsw i32 %u, 3
  %_0 = add nsw i32 %_15, %s
  ret i32 %_0
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind nonlazybind optsize willreturn memory(none) uwtable
define dso_local noundef i64 @wide_mul(i64 noundef %a, i64 noundef %b, i64 noundef %c) unnamed_addr #2 section "kprobe/wide_mul" {
start:
  %_6 = zext i64 %a to i128
  %_7 = zext i64 %b to i128
  %_5 = mul nuw i128 %_7, %_6 ; want "mul i128 becomes a call to __multi3.*\\(in wide_mul\\)"
  %_8 = zext i64 %c to i128
  %p = add nuw i128 %_5, %_8
  %_0.i = mul i128 %p, -129976298391535590297638237547755878347 ; want "mul i128 becomes a call to __multi3"
  %0 = icmp eq i64 %c, 0
  br i1 %0, label %bb4, label %bb3

bb4:                                              ; preds = %start
  %1 = lshr i128 %_0.i, 17
  %extract.t = trunc i128 %1 to i64
  %extract = lshr i128 %_0.i, 81
  %extract.t9 = trunc nuw nsw i128 %extract to i64
  br label %bb5

bb5:                                              ; preds = %bb3, %bb4
  %extract4.sink.off0 = phi i64 [ %extract.t8, %bb3 ], [ %extract.t9, %bb4 ]
  %r.sroa.0.0.off0 = phi i64 [ %extract.t2, %bb3 ], [ %extract.t, %bb4 ]
  %_0 = xor i64 %extract4.sink.off0, %r.sroa.0.0.off0
  ret i64 %_0

bb3:                                              ; preds = %start
  %2 = udiv i128 %_0.i, %_8 ; want "udiv i128 becomes a call to __udivti3"
  %extract.t2 = trunc i128 %2 to i64
  %extract4 = lshr i128 %2, 64
  %extract.t8 = trunc nuw i128 %extract4 to i64
  br label %bb5
}

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare range(i8 -1, 2) i8 @llvm.ucmp.i8.i32(i32, i32) #3

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare range(i8 -1, 2) i8 @llvm.scmp.i8.i16(i16, i16) #3

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare range(i8 -1, 2) i8 @llvm.scmp.i8.i64(i64, i64) #3

; Function Attrs: nonlazybind
declare i32 @rust_eh_personality(...) unnamed_addr #4

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: readwrite)
declare void @llvm.experimental.noalias.scope.decl(metadata) #5

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i16 @llvm.smax.i16(i16, i16) #3

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i16 @llvm.smin.i16(i16, i16) #3

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i8 @llvm.umin.i8(i8, i8) #3

; Function Attrs: mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i8 @llvm.umax.i8(i8, i8) #3

; core::panicking::panic_fmt
; Function Attrs: cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable
define internal fastcc void @_RNvNtCs8NwYtU1Mohg_4core9panicking9panic_fmt() unnamed_addr #6 !dbg !30 {
  br label %bb1.i, !dbg !35

bb1.i:                                            ; preds = %bb1.i, %0
  br label %bb1.i, !dbg !35
}

; core::panicking::panic_bounds_check
; Function Attrs: cold minsize nofree noinline norecurse noreturn nosync nounwind nonlazybind optsize memory(none) uwtable
define internal fastcc void @_RNvNtCs8NwYtU1Mohg_4core9panicking18panic_bounds_check(i64 noundef %0, i64 noundef range(i64 4, 21) %1) unnamed_addr #7 !dbg !37 {
; call core::panicking::panic_fmt
  tail call fastcc void @_RNvNtCs8NwYtU1Mohg_4core9panicking9panic_fmt() #10, !dbg !38
  unreachable, !dbg !38
}

attributes #0 = { nofree noinline norecurse nosync nounwind nonlazybind optsize memory(argmem: readwrite, inaccessiblemem: readwrite) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #1 = { nofree norecurse nosync nounwind nonlazybind optsize memory(argmem: readwrite, inaccessiblemem: readwrite) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #2 = { mustprogress nofree norecurse nosync nounwind nonlazybind optsize willreturn memory(none) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #3 = { mustprogress nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }
attributes #4 = { nonlazybind "target-cpu"="x86-64" }
attributes #5 = { mustprogress nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: readwrite) }
attributes #6 = { cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable "frame-pointer"="non-leaf" "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #7 = { cold minsize nofree noinline norecurse noreturn nosync nounwind nonlazybind optsize memory(none) uwtable "frame-pointer"="non-leaf" "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #8 = { noinline noreturn nounwind }
attributes #9 = { noinline nounwind }
attributes #10 = { noinline noreturn }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}
!llvm.dbg.cu = !{!6}

!0 = !{i32 8, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}
!2 = !{i32 2, !"RtLibUseGOT", i32 1}
!3 = !{i32 7, !"Dwarf Version", i32 4}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !{!"rustc version 1.97.0-nightly (e50aa6fba 2026-05-19)"}
!6 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !7, producer: "clang LLVM (rustc version 1.97.0-nightly (e50aa6fba 2026-05-19))", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!7 = !DIFile(filename: "/rustc/e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a/library/core/src/lib.rs/@/core.667c7a611d73a360-cgu.0", directory: "/rustc/e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a")
!8 = !{}
!9 = !{!10}
!10 = distinct !{!10, !11, !"_RNvXsX_NtNtCs8NwYtU1Mohg_4core3cmp5implshNtB7_3Ord3cmp: %self"}
!11 = distinct !{!11, !"_RNvXsX_NtNtCs8NwYtU1Mohg_4core3cmp5implshNtB7_3Ord3cmp"}
!12 = !{!13}
!13 = distinct !{!13, !11, !"_RNvXsX_NtNtCs8NwYtU1Mohg_4core3cmp5implshNtB7_3Ord3cmp: %other"}
!14 = !{!15}
!15 = distinct !{!15, !16, !"_RNvMNtCs8NwYtU1Mohg_4core5sliceSh4swapCs2huGdlidDmi_4wide: %self.0"}
!16 = distinct !{!16, !"_RNvMNtCs8NwYtU1Mohg_4core5sliceSh4swapCs2huGdlidDmi_4wide"}
!17 = !{!18}
!18 = distinct !{!18, !19, !"_RNvXs1b_NtNtCs8NwYtU1Mohg_4core3cmp5implssNtB8_3Ord3cmp: %self"}
!19 = distinct !{!19, !"_RNvXs1b_NtNtCs8NwYtU1Mohg_4core3cmp5implssNtB8_3Ord3cmp"}
!20 = !{!21}
!21 = distinct !{!21, !19, !"_RNvXs1b_NtNtCs8NwYtU1Mohg_4core3cmp5implssNtB8_3Ord3cmp: %other"}
!22 = !{!23}
!23 = distinct !{!23, !24, !"_RNvMNtCs8NwYtU1Mohg_4core5sliceSs4swapCs2huGdlidDmi_4wide: %self.0"}
!24 = distinct !{!24, !"_RNvMNtCs8NwYtU1Mohg_4core5sliceSs4swapCs2huGdlidDmi_4wide"}
!25 = !{!26}
!26 = distinct !{!26, !27, !"_RNvXs1b_NtNtCs8NwYtU1Mohg_4core3cmp5implssNtB8_3Ord3cmp: %self"}
!27 = distinct !{!27, !"_RNvXs1b_NtNtCs8NwYtU1Mohg_4core3cmp5implssNtB8_3Ord3cmp"}
!28 = !{!29}
!29 = distinct !{!29, !27, !"_RNvXs1b_NtNtCs8NwYtU1Mohg_4core3cmp5implssNtB8_3Ord3cmp: %other"}
!30 = distinct !DISubprogram(name: "panic_fmt", linkageName: "_RNvNtCs8NwYtU1Mohg_4core9panicking9panic_fmt", scope: !32, file: !31, line: 60, type: !34, scopeLine: 60, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!31 = !DIFile(filename: "library/core/src/panicking.rs", directory: "/rustc/e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a", checksumkind: CSK_MD5, checksum: "982c30f04ae1f5e0f0f90d98d8701456")
!32 = !DINamespace(name: "panicking", scope: !33)
!33 = !DINamespace(name: "core", scope: null)
!34 = !DISubroutineType(cc: DW_CC_nocall, types: !8)
!35 = !DILocation(line: 80, column: 14, scope: !36)
!36 = distinct !DILexicalBlock(scope: !30, file: !31, line: 72, column: 5)
!37 = distinct !DISubprogram(name: "panic_bounds_check", linkageName: "_RNvNtCs8NwYtU1Mohg_4core9panicking18panic_bounds_check", scope: !32, file: !31, line: 266, type: !34, scopeLine: 266, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!38 = !DILocation(line: 271, column: 5, scope: !37)
