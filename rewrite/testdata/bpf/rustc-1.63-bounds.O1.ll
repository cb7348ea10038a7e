; fixtures/ir/rustc-1.63/bounds.O1.ll without bounds_loop
; ModuleID = 'bounds.5a3aace0-cgu.0'
source_filename = "bounds.5a3aace0-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%"core::panic::panic_info::PanicInfo" = type { { {}*, [3 x i64]* }, i64*, %"core::panic::location::Location"*, i8, [7 x i8] }
%"core::panic::location::Location" = type { { [0 x i8]*, i64 }, i32, i32 }

@alloc36 = private unnamed_addr constant <{ [43 x i8] }> <{ [43 x i8] c"called `Option::unwrap()` on a `None` value" }>, align 1
@_license = local_unnamed_addr constant <{ [4 x i8] }> <{ [4 x i8] c"GPL\00" }>, section "license", align 1
@_ZN6bounds5TABLE17h43e8a7c0de6d4f0cE = internal unnamed_addr constant <{ [64 x i8] }> <{ [64 x i8] c"\02\00\00\00\03\00\00\00\05\00\00\00\07\00\00\00\0B\00\00\00\0D\00\00\00\11\00\00\00\13\00\00\00\17\00\00\00\1D\00\00\00\1F\00\00\00%\00\00\00)\00\00\00+\00\00\00/\00\00\005\00\00\00" }>, align 4
@alloc57 = private unnamed_addr constant <{ [9 x i8] }> <{ [9 x i8] c"bounds.rs" }>, align 1
@alloc38 = private unnamed_addr constant <{ i8*, [16 x i8] }> <{ i8* getelementptr inbounds (<{ [9 x i8] }>, <{ [9 x i8] }>* @alloc57, i32 0, i32 0, i32 0), [16 x i8] c"\09\00\00\00\00\00\00\00$\00\00\00\0F\00\00\00" }>, align 8
@alloc40 = private unnamed_addr constant <{ i8*, [16 x i8] }> <{ i8* getelementptr inbounds (<{ [9 x i8] }>, <{ [9 x i8] }>* @alloc57, i32 0, i32 0, i32 0), [16 x i8] c"\09\00\00\00\00\00\00\00%\00\00\00\08\00\00\00" }>, align 8
@alloc42 = private unnamed_addr constant <{ i8*, [16 x i8] }> <{ i8* getelementptr inbounds (<{ [9 x i8] }>, <{ [9 x i8] }>* @alloc57, i32 0, i32 0, i32 0), [16 x i8] c"\09\00\00\00\00\00\00\00(\00\00\00\0C\00\00\00" }>, align 8
@alloc46 = private unnamed_addr constant <{ i8*, [16 x i8] }> <{ i8* getelementptr inbounds (<{ [9 x i8] }>, <{ [9 x i8] }>* @alloc57, i32 0, i32 0, i32 0), [16 x i8] c"\09\00\00\00\00\00\00\000\00\00\00 \00\00\00" }>, align 8
@alloc47 = private unnamed_addr constant <{ [23 x i8] }> <{ [23 x i8] c"second hop out of range" }>, align 1
@alloc49 = private unnamed_addr constant <{ i8*, [16 x i8] }> <{ i8* getelementptr inbounds (<{ [9 x i8] }>, <{ [9 x i8] }>* @alloc57, i32 0, i32 0, i32 0), [16 x i8] c"\09\00\00\00\00\00\00\001\00\00\00)\00\00\00" }>, align 8
@alloc50 = private unnamed_addr constant <{ [8 x i8] }> <{ [8 x i8] c"no match" }>, align 1
@alloc52 = private unnamed_addr constant <{ i8*, [16 x i8] }> <{ i8* getelementptr inbounds (<{ [9 x i8] }>, <{ [9 x i8] }>* @alloc57, i32 0, i32 0, i32 0), [16 x i8] c"\09\00\00\00\00\00\00\002\00\00\002\00\00\00" }>, align 8

; Function Attrs: nofree norecurse noreturn nosync nounwind nonlazybind readnone
define hidden void @rust_begin_unwind(%"core::panic::panic_info::PanicInfo"* noalias nocapture noundef readonly align 8 dereferenceable(40) %_1) unnamed_addr #0 {
start:
  br label %bb1

bb1:                                              ; preds = %bb1, %start
  br label %bb1
}

; bounds::drop_reason
; Function Attrs: cold mustprogress nofree noinline norecurse nosync nounwind nonlazybind readnone willreturn
define internal fastcc i32 @_ZN6bounds11drop_reason17hbcf8605223debd8dE(i32 %code) unnamed_addr #1 {
start:
  %0 = mul i32 %code, 7
  %1 = xor i32 %0, 90
  ret i32 %1
}

; bounds::lookup
; Function Attrs: mustprogress nofree noinline nosync nounwind nonlazybind willreturn
define internal fastcc { i8, i8 } @_ZN6bounds6lookup17h1573571fbdb9bb24E([0 x i8]* noalias noundef nonnull readonly align 1 %payload.0, i64 %payload.1, i64 %at) unnamed_addr #2 {
start:
  %_3.i.i = icmp ult i64 %at, %payload.1
  br i1 %_3.i.i, label %bb3.i, label %"_ZN4core6option19Option$LT$$RF$T$GT$6copied17h7e463d1b805abc2dE.exit"

bb3.i:                                            ; preds = %start
  %0 = getelementptr inbounds [0 x i8], [0 x i8]* %payload.0, i64 0, i64 %at
  %v.i = load i8, i8* %0, align 1, !alias.scope !3
  br label %"_ZN4core6option19Option$LT$$RF$T$GT$6copied17h7e463d1b805abc2dE.exit"

"_ZN4core6option19Option$LT$$RF$T$GT$6copied17h7e463d1b805abc2dE.exit": ; preds = %start, %bb3.i
  %.sroa.3.0.i = phi i8 [ %v.i, %bb3.i ], [ undef, %start ]
  %1 = zext i1 %_3.i.i to i8
  %2 = insertvalue { i8, i8 } undef, i8 %1, 0
  %3 = insertvalue { i8, i8 } %2, i8 %.sroa.3.0.i, 1
  ret { i8, i8 } %3
}

; Function Attrs: nounwind nonlazybind
define dso_local i32 @bounds_index(i8* %data, i64 %len) unnamed_addr #3 section "xdp" {
start:
  %_10.not = icmp eq i64 %len, 0
  br i1 %_10.not, label %panic, label %bb2, !prof !6

bb2:                                              ; preds = %start
  %_7 = load i8, i8* %data, align 1
  %idx = zext i8 %_7 to i64
  %_14 = icmp ult i64 %idx, %len
  br i1 %_14, label %bb3, label %panic1, !prof !7

panic:                                            ; preds = %start
; call core::panicking::panic_bounds_check
  call void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64 0, i64 0, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ i8*, [16 x i8] }>* @alloc38 to %"core::panic::location::Location"*)) #7
  unreachable

bb3:                                              ; preds = %bb2
  %0 = getelementptr inbounds i8, i8* %data, i64 %idx
  %_11 = load i8, i8* %0, align 1
  %1 = icmp eq i8 %_11, -1
  br i1 %1, label %bb4, label %bb6

panic1:                                           ; preds = %bb2
; call core::panicking::panic_bounds_check
  call void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64 %idx, i64 %len, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ i8*, [16 x i8] }>* @alloc40 to %"core::panic::location::Location"*)) #7
  unreachable

bb4:                                              ; preds = %bb3
  %_15 = zext i8 %_7 to i32
; call bounds::drop_reason
  %2 = call fastcc i32 @_ZN6bounds11drop_reason17hbcf8605223debd8dE(i32 %_15) #8
  br label %bb9

bb6:                                              ; preds = %bb3
  %_23 = icmp ugt i64 %len, 1
  br i1 %_23, label %bb8, label %panic2, !prof !7

panic2:                                           ; preds = %bb6
; call core::panicking::panic_bounds_check
  call void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64 1, i64 1, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ i8*, [16 x i8] }>* @alloc42 to %"core::panic::location::Location"*)) #7
  unreachable

bb8:                                              ; preds = %bb6
  %3 = getelementptr inbounds i8, i8* %data, i64 1
  %_20 = load i8, i8* %3, align 1
  %_19 = and i8 %_20, 15
  %_18 = zext i8 %_19 to i64
  %4 = getelementptr inbounds [16 x i32], [16 x i32]* bitcast (<{ [64 x i8] }>* @_ZN6bounds5TABLE17h43e8a7c0de6d4f0cE to [16 x i32]*), i64 0, i64 %_18
  %5 = load i32, i32* %4, align 4
  br label %bb9

bb9:                                              ; preds = %bb4, %bb8
  %.0 = phi i32 [ %2, %bb4 ], [ %5, %bb8 ]
  ret i32 %.0
}

; Function Attrs: nounwind nonlazybind
define dso_local i32 @bounds_unwrap(i8* %data, i64 %len) unnamed_addr #3 section "socket" personality i32 (...)* @rust_eh_personality {
start:
  %0 = bitcast i8* %data to [0 x i8]*
; call bounds::lookup
  %1 = call fastcc { i8, i8 } @_ZN6bounds6lookup17h1573571fbdb9bb24E([0 x i8]* noalias noundef nonnull readonly align 1 %0, i64 %len, i64 3) #8
  %2 = extractvalue { i8, i8 } %1, 0
  %3 = and i8 %2, 1
  %_7.0.not = icmp eq i8 %3, 0
  br i1 %_7.0.not, label %bb1.i, label %"_ZN4core6option15Option$LT$T$GT$6unwrap17hec16d47d99af580bE.exit"

bb1.i:                                            ; preds = %start
; call core::panicking::panic
  call void @_ZN4core9panicking5panic17h2c88932fe82bb6e8E([0 x i8]* noalias noundef nonnull readonly align 1 bitcast (<{ [43 x i8] }>* @alloc36 to [0 x i8]*), i64 43, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ i8*, [16 x i8] }>* @alloc46 to %"core::panic::location::Location"*)) #7
  unreachable

"_ZN4core6option15Option$LT$T$GT$6unwrap17hec16d47d99af580bE.exit": ; preds = %start
  %_7.1 = extractvalue { i8, i8 } %1, 1
  %_12 = zext i8 %_7.1 to i64
; call bounds::lookup
  %4 = call fastcc { i8, i8 } @_ZN6bounds6lookup17h1573571fbdb9bb24E([0 x i8]* noalias noundef nonnull readonly align 1 %0, i64 %len, i64 %_12) #8
  %5 = extractvalue { i8, i8 } %4, 0
  %6 = and i8 %5, 1
  %_10.0.not = icmp eq i8 %6, 0
  %_10.1 = extractvalue { i8, i8 } %4, 1
  br i1 %_10.0.not, label %bb1.i2, label %"_ZN4core6option15Option$LT$T$GT$6expect17h47f7d031e870a35bE.exit"

bb1.i2:                                           ; preds = %"_ZN4core6option15Option$LT$T$GT$6unwrap17hec16d47d99af580bE.exit"
; call core::option::expect_failed
  call void @_ZN4core6option13expect_failed17hf80ff7590db85f6bE([0 x i8]* noalias noundef nonnull readonly align 1 bitcast (<{ [23 x i8] }>* @alloc47 to [0 x i8]*), i64 23, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ i8*, [16 x i8] }>* @alloc49 to %"core::panic::location::Location"*)) #7
  unreachable

"_ZN4core6option15Option$LT$T$GT$6expect17h47f7d031e870a35bE.exit": ; preds = %"_ZN4core6option15Option$LT$T$GT$6unwrap17hec16d47d99af580bE.exit"
  %7 = getelementptr inbounds i8, i8* %data, i64 %len
  %8 = icmp ne i8* %data, null
  call void @llvm.assume(i1 %8)
  %_12.i.i10 = icmp eq i64 %len, 0
  br i1 %_12.i.i10, label %bb1.i3, label %bb17.i.preheader

bb17.i.preheader:                                 ; preds = %"_ZN4core6option15Option$LT$T$GT$6expect17h47f7d031e870a35bE.exit"
  %x.i.i24 = load i8, i8* %data, align 1, !alias.scope !8, !noalias !11
  %9 = icmp eq i8 %x.i.i24, %_10.1
  br i1 %9, label %bb19.i, label %bb21.i.lr.ph

bb21.i.lr.ph:                                     ; preds = %bb17.i.preheader
  %not._12.i.i11 = xor i1 %_12.i.i10, true
  %spec.select.idx12 = zext i1 %not._12.i.i11 to i64
  %spec.select13 = getelementptr i8, i8* %data, i64 %spec.select.idx12
  br label %bb21.i

bb17.i:                                           ; preds = %bb21.i
  %not._12.i.i = xor i1 %_12.i.i, true
  %spec.select.idx = zext i1 %not._12.i.i to i64
  %spec.select = getelementptr i8, i8* %spec.select1825, i64 %spec.select.idx
  %x.i.i = load i8, i8* %spec.select1825, align 1, !alias.scope !8, !noalias !11
  %10 = icmp eq i8 %x.i.i, %_10.1
  br i1 %10, label %bb19.i, label %bb21.i

bb21.i:                                           ; preds = %bb21.i.lr.ph, %bb17.i
  %i.0.i1726 = phi i64 [ 0, %bb21.i.lr.ph ], [ %_37.0.i, %bb17.i ]
  %spec.select1825 = phi i8* [ %spec.select13, %bb21.i.lr.ph ], [ %spec.select, %bb17.i ]
  %_37.0.i = add i64 %i.0.i1726, 1
  %_12.i.i = icmp eq i8* %spec.select1825, %7
  %.not.i7 = icmp eq i8* %spec.select1825, null
  %.not.i = or i1 %_12.i.i, %.not.i7
  br i1 %.not.i, label %bb1.i3, label %bb17.i

bb19.i:                                           ; preds = %bb17.i, %bb17.i.preheader
  %.not.i19.lcssa = phi i1 [ %_12.i.i10, %bb17.i.preheader ], [ %.not.i, %bb17.i ]
  %i.0.i17.lcssa = phi i64 [ 0, %bb17.i.preheader ], [ %_37.0.i, %bb17.i ]
  %_33.i = icmp ult i64 %i.0.i17.lcssa, %len
  call void @llvm.assume(i1 %_33.i) #8
  br i1 %.not.i19.lcssa, label %bb1.i3, label %"_ZN4core6option15Option$LT$T$GT$6expect17h64d6081e0fff995cE.exit"

bb1.i3:                                           ; preds = %bb21.i, %"_ZN4core6option15Option$LT$T$GT$6expect17h47f7d031e870a35bE.exit", %bb19.i
; call core::option::expect_failed
  call void @_ZN4core6option13expect_failed17hf80ff7590db85f6bE([0 x i8]* noalias noundef nonnull readonly align 1 bitcast (<{ [8 x i8] }>* @alloc50 to [0 x i8]*), i64 8, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ i8*, [16 x i8] }>* @alloc52 to %"core::panic::location::Location"*)) #7
  unreachable

"_ZN4core6option15Option$LT$T$GT$6expect17h64d6081e0fff995cE.exit": ; preds = %bb19.i
  %11 = trunc i64 %i.0.i17.lcssa to i32
  ret i32 %11
}

; Function Attrs: nonlazybind
declare i32 @rust_eh_personality(...) unnamed_addr #4

; Function Attrs: inaccessiblememonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.assume(i1 noundef) #5

; core::option::expect_failed
; Function Attrs: cold noinline noreturn nounwind nonlazybind
declare void @_ZN4core6option13expect_failed17hf80ff7590db85f6bE([0 x i8]* noalias noundef nonnull readonly align 1, i64, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24)) unnamed_addr #6

; core::panicking::panic
; Function Attrs: cold noinline noreturn nounwind nonlazybind
declare void @_ZN4core9panicking5panic17h2c88932fe82bb6e8E([0 x i8]* noalias noundef nonnull readonly align 1, i64, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24)) unnamed_addr #6

; core::panicking::panic_bounds_check
; Function Attrs: cold noinline noreturn nounwind nonlazybind
declare void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64, i64, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24)) unnamed_addr #6

attributes #0 = { nofree norecurse noreturn nosync nounwind nonlazybind readnone "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
attributes #1 = { cold mustprogress nofree noinline norecurse nosync nounwind nonlazybind readnone willreturn "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
attributes #2 = { mustprogress nofree noinline nosync nounwind nonlazybind willreturn "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
attributes #3 = { nounwind nonlazybind "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
attributes #4 = { nonlazybind "target-cpu"="x86-64" }
attributes #5 = { inaccessiblememonly mustprogress nofree nosync nounwind willreturn }
attributes #6 = { cold noinline noreturn nounwind nonlazybind "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
attributes #7 = { noreturn nounwind }
attributes #8 = { nounwind }

!llvm.module.flags = !{!0, !1, !2}

!0 = !{i32 7, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}
!2 = !{i32 2, !"RtLibUseGOT", i32 1}
!3 = !{!4}
!4 = distinct !{!4, !5, !"_ZN4core6option19Option$LT$$RF$T$GT$6copied17h7e463d1b805abc2dE: argument 0"}
!5 = distinct !{!5, !"_ZN4core6option19Option$LT$$RF$T$GT$6copied17h7e463d1b805abc2dE"}
!6 = !{!"branch_weights", i32 1, i32 2000}
!7 = !{!"branch_weights", i32 2000, i32 1}
!8 = !{!9}
!9 = distinct !{!9, !10, !"_ZN6bounds13bounds_unwrap28_$u7b$$u7b$closure$u7d$$u7d$17hbc591cc007ac905bE: %_2"}
!10 = distinct !{!10, !"_ZN6bounds13bounds_unwrap28_$u7b$$u7b$closure$u7d$$u7d$17hbc591cc007ac905bE"}
!11 = !{!12, !13, !15}
!12 = distinct !{!12, !10, !"_ZN6bounds13bounds_unwrap28_$u7b$$u7b$closure$u7d$$u7d$17hbc591cc007ac905bE: %_1"}
!13 = distinct !{!13, !14, !"_ZN91_$LT$core..slice..iter..Iter$LT$T$GT$$u20$as$u20$core..iter..traits..iterator..Iterator$GT$8position17h61c59be72f515c45E: %self"}
!14 = distinct !{!14, !"_ZN91_$LT$core..slice..iter..Iter$LT$T$GT$$u20$as$u20$core..iter..traits..iterator..Iterator$GT$8position17h61c59be72f515c45E"}
!15 = distinct !{!15, !14, !"_ZN91_$LT$core..slice..iter..Iter$LT$T$GT$$u20$as$u20$core..iter..traits..iterator..Iterator$GT$8position17h61c59be72f515c45E: argument 1"}
