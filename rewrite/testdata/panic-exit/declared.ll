; rustc 1.63 without LTO: core's panic functions are only declared, legacy
; mangled, typed pointers; the handler is an exported hidden definition.
target triple = "bpfel"

%"core::panic::location::Location" = type { { [0 x i8]*, i64 }, i32, i32 }
%"core::panic::panic_info::PanicInfo" = type { { {}*, [3 x i64]* }, i8*, %"core::panic::location::Location"*, i8, [7 x i8] }

@loc = private unnamed_addr constant <{ [16 x i8] }> zeroinitializer, align 8

define hidden void @rust_begin_unwind(%"core::panic::panic_info::PanicInfo"* noalias nocapture noundef readonly align 8 dereferenceable(40) %_1) unnamed_addr #0 {
start:
  br label %bb1

bb1:                                              ; preds = %bb1, %start
  br label %bb1
}

define dso_local i32 @bounds_index(i8* %data, i64 %len) unnamed_addr #1 section "xdp" {
start:
  %empty = icmp eq i64 %len, 0
  br i1 %empty, label %panic, label %ok

panic:
; call core::panicking::panic_bounds_check
  call void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64 0, i64 0, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24) bitcast (<{ [16 x i8] }>* @loc to %"core::panic::location::Location"*)) #3
  unreachable

ok:
  ret i32 2
}

declare void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64, i64, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24)) unnamed_addr #2

declare void @_ZN4core6option13expect_failed17hf80ff7590db85f6bE([0 x i8]* noalias noundef nonnull readonly align 1, i64, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24)) unnamed_addr #2

attributes #0 = { nofree norecurse noreturn nosync nounwind readnone }
attributes #1 = { nounwind }
attributes #2 = { cold noinline noreturn nounwind }
attributes #3 = { noreturn }
