; fixtures/ir/rustc-1.95/bounds.O3-lto.ll without bounds_loop
; ModuleID = 'bounds.bc81369773df20f3-cgu.0'
source_filename = "bounds.bc81369773df20f3-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@_license = dso_local local_unnamed_addr constant [4 x i8] c"GPL\00", section "license", align 1
@_ZN6bounds5TABLE17h444210aa9a6791f9E = internal unnamed_addr constant [64 x i8] c"\02\00\00\00\03\00\00\00\05\00\00\00\07\00\00\00\0B\00\00\00\0D\00\00\00\11\00\00\00\13\00\00\00\17\00\00\00\1D\00\00\00\1F\00\00\00%\00\00\00)\00\00\00+\00\00\00/\00\00\005\00\00\00", align 4

; bounds::drop_reason
; Function Attrs: cold mustprogress nofree noinline norecurse nosync nounwind nonlazybind willreturn memory(none) uwtable
define internal fastcc noundef range(i32 0, 2048) i32 @_ZN6bounds11drop_reason17he751c58bb2b00b96E(i32 noundef range(i32 0, 256) %code) unnamed_addr #0 {
start:
  %_2 = mul nuw nsw i32 %code, 7
  %_0 = xor i32 %_2, 90
  ret i32 %_0
}

; bounds::lookup
; Function Attrs: mustprogress nofree noinline norecurse nosync nounwind nonlazybind willreturn memory(argmem: read) uwtable
define internal fastcc { i1, i8 } @_ZN6bounds6lookup17h2872c3e78656e36fE(ptr noalias noundef nonnull readonly align 1 captures(none) %payload.0, i64 noundef range(i64 0, -9223372036854775808) %payload.1, i64 noundef range(i64 0, 256) %at) unnamed_addr #1 {
start:
  %_4 = icmp samesign ult i64 %at, %payload.1
  br i1 %_4, label %bb1, label %bb3

bb1:                                              ; preds = %start
  %_6 = getelementptr inbounds nuw i8, ptr %payload.0, i64 %at
  %_7 = load i8, ptr %_6, align 1, !noundef !8
  br label %bb3

bb3:                                              ; preds = %start, %bb1
  %_0.sroa.3.0 = phi i8 [ %_7, %bb1 ], [ undef, %start ]
  %0 = insertvalue { i1, i8 } poison, i1 %_4, 0
  %1 = insertvalue { i1, i8 } %0, i8 %_0.sroa.3.0, 1
  ret { i1, i8 } %1
}

; Function Attrs: nofree norecurse nosync nounwind nonlazybind memory(argmem: read) uwtable
define dso_local noundef i32 @bounds_index(ptr noundef readonly captures(none) %data, i64 noundef %len) unnamed_addr #2 section "xdp" {
start:
  %_5.not = icmp eq i64 %len, 0
  br i1 %_5.not, label %panic, label %bb1

bb1:                                              ; preds = %start
  %_4 = load i8, ptr %data, align 1, !noundef !8
  %idx = zext i8 %_4 to i64
  %_7 = icmp ugt i64 %len, %idx
  br i1 %_7, label %bb2, label %panic1

panic:                                            ; preds = %start
; call core::panicking::panic_bounds_check
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check(i64 noundef 0, i64 noundef 0) #9
  unreachable

bb2:                                              ; preds = %bb1
  %0 = getelementptr inbounds nuw i8, ptr %data, i64 %idx
  %_6 = load i8, ptr %0, align 1, !noundef !8
  %1 = icmp eq i8 %_6, -1
  br i1 %1, label %bb3, label %bb5, !prof !9

panic1:                                           ; preds = %bb1
; call core::panicking::panic_bounds_check
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check(i64 noundef %idx, i64 noundef %len) #9
  unreachable

bb3:                                              ; preds = %bb2
  %_8 = zext i8 %_4 to i32
; call bounds::drop_reason
  %2 = tail call fastcc noundef i32 @_ZN6bounds11drop_reason17he751c58bb2b00b96E(i32 noundef %_8) #10
  br label %bb8

bb5:                                              ; preds = %bb2
  %_13.not = icmp eq i64 %len, 1
  br i1 %_13.not, label %panic2, label %bb7

bb8:                                              ; preds = %bb7, %bb3
  %_0.sroa.0.0 = phi i32 [ %2, %bb3 ], [ %5, %bb7 ]
  ret i32 %_0.sroa.0.0

panic2:                                           ; preds = %bb5
; call core::panicking::panic_bounds_check
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check(i64 noundef 1, i64 noundef 1) #9
  unreachable

bb7:                                              ; preds = %bb5
  %3 = getelementptr inbounds nuw i8, ptr %data, i64 1
  %_12 = load i8, ptr %3, align 1, !noundef !8
  %_11 = and i8 %_12, 15
  %_10 = zext nneg i8 %_11 to i64
  %4 = getelementptr inbounds nuw i32, ptr @_ZN6bounds5TABLE17h444210aa9a6791f9E, i64 %_10
  %5 = load i32, ptr %4, align 4, !noundef !8
  br label %bb8
}

; Function Attrs: nofree norecurse nosync nounwind nonlazybind memory(argmem: read, inaccessiblemem: write) uwtable
define dso_local noundef i32 @bounds_unwrap(ptr noundef nonnull readonly captures(address) %data, i64 noundef %len) unnamed_addr #4 section "socket" personality ptr @rust_eh_personality {
start:
; call bounds::lookup
  %0 = tail call fastcc { i1, i8 } @_ZN6bounds6lookup17h2872c3e78656e36fE(ptr noalias noundef nonnull readonly align 1 captures(address, read_provenance) %data, i64 noundef %len, i64 noundef 3) #10
  %1 = extractvalue { i1, i8 } %0, 0
  br i1 %1, label %bb6, label %bb5, !prof !10

bb6:                                              ; preds = %start
  %2 = extractvalue { i1, i8 } %0, 1
  %_8 = zext i8 %2 to i64
; call bounds::lookup
  %3 = tail call fastcc { i1, i8 } @_ZN6bounds6lookup17h2872c3e78656e36fE(ptr noalias noundef nonnull readonly align 1 captures(address, read_provenance) %data, i64 noundef %len, i64 noundef %_8) #10
  %4 = extractvalue { i1, i8 } %3, 0
  br i1 %4, label %bb8, label %bb7, !prof !10

bb5:                                              ; preds = %start
; call core::option::unwrap_failed
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core6option13unwrap_failed() #9
  unreachable

bb8:                                              ; preds = %bb6
  %5 = extractvalue { i1, i8 } %3, 1
  %_23 = getelementptr inbounds nuw i8, ptr %data, i64 %len
  %_295.i = icmp samesign eq i64 %len, 0
  br i1 %_295.i, label %bb9, label %bb23.i

bb23.i:                                           ; preds = %bb8, %bb7.i
  %i.sroa.0.07.i = phi i64 [ %6, %bb7.i ], [ 0, %bb8 ]
  %_3946.i = phi ptr [ %_39.i, %bb7.i ], [ %data, %bb8 ]
  %ptr.val.i = load i8, ptr %_3946.i, align 1, !noalias !11, !noundef !8
  %_0.i.i = icmp eq i8 %ptr.val.i, %5
  br i1 %_0.i.i, label %bb10, label %bb7.i

bb7.i:                                            ; preds = %bb23.i
  %_39.i = getelementptr inbounds nuw i8, ptr %_3946.i, i64 1
  %6 = add nuw i64 %i.sroa.0.07.i, 1
  %_29.i = icmp eq ptr %_39.i, %_23
  br i1 %_29.i, label %bb9, label %bb23.i

bb7:                                              ; preds = %bb6
; call core::option::expect_failed
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core6option13expect_failed(i64 noundef 23) #9
  unreachable

bb10:                                             ; preds = %bb23.i
  %i.sroa.0.07.i.lcssa = phi i64 [ %i.sroa.0.07.i, %bb23.i ]
  %cond.i = icmp ult i64 %i.sroa.0.07.i.lcssa, %len
  tail call void @llvm.assume(i1 %cond.i)
  %_0 = trunc i64 %i.sroa.0.07.i.lcssa to i32
  ret i32 %_0

bb9:                                              ; preds = %bb7.i, %bb8
; call core::option::expect_failed
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core6option13expect_failed(i64 noundef 8) #9
  unreachable
}

; Function Attrs: nonlazybind
declare i32 @rust_eh_personality(...) unnamed_addr #5

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: write)
declare void @llvm.assume(i1 noundef) #6

; core::panicking::panic_fmt
; Function Attrs: cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt() unnamed_addr #7 !dbg !15 {
  br label %bb1.i, !dbg !20

bb1.i:                                            ; preds = %bb1.i, %0
  br label %bb1.i, !dbg !20
}

; core::option::unwrap_failed
; Function Attrs: cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core6option13unwrap_failed() unnamed_addr #7 !dbg !22 {
; call core::panicking::panic
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking5panic() #11, !dbg !25
  unreachable, !dbg !25
}

; core::panicking::panic
; Function Attrs: cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking5panic() unnamed_addr #7 !dbg !26 {
; call core::panicking::panic_fmt
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt() #11, !dbg !27
  unreachable, !dbg !27
}

; core::panicking::panic_bounds_check
; Function Attrs: cold minsize nofree noinline norecurse noreturn nosync nounwind nonlazybind optsize memory(none) uwtable
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check(i64 noundef range(i64 0, 256) %0, i64 noundef range(i64 0, 256) %1) unnamed_addr #8 !dbg !28 {
; call core::panicking::panic_fmt
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt() #11, !dbg !29
  unreachable, !dbg !29
}

; core::option::expect_failed
; Function Attrs: cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core6option13expect_failed(i64 noundef range(i64 8, 24) %0) unnamed_addr #7 !dbg !30 {
; call core::panicking::panic_fmt
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt() #11, !dbg !31
  unreachable, !dbg !31
}

attributes #0 = { cold mustprogress nofree noinline norecurse nosync nounwind nonlazybind willreturn memory(none) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #1 = { mustprogress nofree noinline norecurse nosync nounwind nonlazybind willreturn memory(argmem: read) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #2 = { nofree norecurse nosync nounwind nonlazybind memory(argmem: read) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #3 = { mustprogress nofree norecurse nosync nounwind nonlazybind willreturn memory(argmem: read) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #4 = { nofree norecurse nosync nounwind nonlazybind memory(argmem: read, inaccessiblemem: write) uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #5 = { nonlazybind "target-cpu"="x86-64" }
attributes #6 = { mustprogress nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: write) }
attributes #7 = { cold nofree noinline norecurse noreturn nosync nounwind nonlazybind memory(none) uwtable "frame-pointer"="non-leaf" "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #8 = { cold minsize nofree noinline norecurse noreturn nosync nounwind nonlazybind optsize memory(none) uwtable "frame-pointer"="non-leaf" "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #9 = { noinline noreturn nounwind }
attributes #10 = { noinline nounwind }
attributes #11 = { noinline noreturn }

!llvm.module.flags = !{!0, !1, !2, !3, !4}
!llvm.ident = !{!5}
!llvm.dbg.cu = !{!6}

!0 = !{i32 8, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}
!2 = !{i32 2, !"RtLibUseGOT", i32 1}
!3 = !{i32 7, !"Dwarf Version", i32 4}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !{!"rustc version 1.95.0 (59807616e 2026-04-14)"}
!6 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !7, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!7 = !DIFile(filename: "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/lib.rs/@/core.c1f1a4ba060b9bfa-cgu.0", directory: "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860")
!8 = !{}
!9 = !{!"branch_weights", !"expected", i32 1, i32 2000}
!10 = !{!"branch_weights", !"expected", i32 2000, i32 1}
!11 = !{!12, !14}
!12 = distinct !{!12, !13, !"_ZN91_$LT$core..slice..iter..Iter$LT$T$GT$$u20$as$u20$core..iter..traits..iterator..Iterator$GT$8position17h540ccb12b8ddc26fE: %self"}
!13 = distinct !{!13, !"_ZN91_$LT$core..slice..iter..Iter$LT$T$GT$$u20$as$u20$core..iter..traits..iterator..Iterator$GT$8position17h540ccb12b8ddc26fE"}
!14 = distinct !{!14, !13, !"_ZN91_$LT$core..slice..iter..Iter$LT$T$GT$$u20$as$u20$core..iter..traits..iterator..Iterator$GT$8position17h540ccb12b8ddc26fE: argument 1"}
!15 = distinct !DISubprogram(name: "panic_fmt", linkageName: "_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt", scope: !17, file: !16, line: 60, type: !19, scopeLine: 60, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!16 = !DIFile(filename: "library/core/src/panicking.rs", directory: "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860", checksumkind: CSK_MD5, checksum: "982c30f04ae1f5e0f0f90d98d8701456")
!17 = !DINamespace(name: "panicking", scope: !18)
!18 = !DINamespace(name: "core", scope: null)
!19 = !DISubroutineType(cc: DW_CC_nocall, types: !8)
!20 = !DILocation(line: 80, column: 14, scope: !21)
!21 = distinct !DILexicalBlock(scope: !15, file: !16, line: 72, column: 5)
!22 = distinct !DISubprogram(name: "unwrap_failed", linkageName: "_RNvNtCsgEmfK2I1SDS_4core6option13unwrap_failed", scope: !24, file: !23, line: 2235, type: !19, scopeLine: 2235, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!23 = !DIFile(filename: "library/core/src/option.rs", directory: "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860", checksumkind: CSK_MD5, checksum: "3f12dd837a95e960b90752f70f5ddc0e")
!24 = !DINamespace(name: "option", scope: !18)
!25 = !DILocation(line: 2236, column: 5, scope: !22)
!26 = distinct !DISubprogram(name: "panic", linkageName: "_RNvNtCsgEmfK2I1SDS_4core9panicking5panic", scope: !17, file: !16, line: 138, type: !19, scopeLine: 138, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!27 = !DILocation(line: 150, column: 5, scope: !26)
!28 = distinct !DISubprogram(name: "panic_bounds_check", linkageName: "_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check", scope: !17, file: !16, line: 266, type: !19, scopeLine: 266, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!29 = !DILocation(line: 271, column: 5, scope: !28)
!30 = distinct !DISubprogram(name: "expect_failed", linkageName: "_RNvNtCsgEmfK2I1SDS_4core6option13expect_failed", scope: !24, file: !23, line: 2244, type: !19, scopeLine: 2244, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!31 = !DILocation(line: 259, column: 5, scope: !32, inlinedAt: !34)
!32 = distinct !DISubprogram(name: "panic_display<&str>", linkageName: "_RINvNtCsgEmfK2I1SDS_4core9panicking13panic_displayReEB4_", scope: !17, file: !16, line: 258, type: !33, scopeLine: 258, flags: DIFlagPrototyped | DIFlagNoReturn, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition | DISPFlagOptimized, unit: !6, templateParams: !8)
!33 = !DISubroutineType(types: !8)
!34 = !DILocation(line: 2245, column: 5, scope: !30)
