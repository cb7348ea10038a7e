; The shape of rustc 1.95's LTO'd modules (v0-mangled core): the handler
; is inlined into panic_fmt as loop {}, the other panic functions call it.
; Run alone, panic-exit also unblocks the calls into the panic machinery.
target triple = "bpfel"

define i32 @prog(ptr %data, i64 %len) #0 section "xdp" {
start:
  %empty = icmp eq i64 %len, 0
  br i1 %empty, label %panic, label %ok

panic:
; call core::panicking::panic_bounds_check
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check(i64 noundef 0, i64 noundef 0) #3
  unreachable

ok:
  call void @_RNvNtNtCsgEmfK2I1SDS_4core4hint16assert_unchecked18precondition_check(i1 true) #4
  ret i32 2
}

; core::panicking::panic_fmt
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt() unnamed_addr #1 {
  br label %bb1.i

bb1.i:
  br label %bb1.i
}

; core::panicking::panic_bounds_check
define internal fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check(i64 noundef range(i64 0, 256) %0, i64 noundef range(i64 0, 256) %1) unnamed_addr #1 {
  tail call fastcc void @_RNvNtCsgEmfK2I1SDS_4core9panicking9panic_fmt() #3
  unreachable
}

; core::hint::assert_unchecked::precondition_check: panics only when the
; check fails, and is not in the table.
define internal void @_RNvNtNtCsgEmfK2I1SDS_4core4hint16assert_unchecked18precondition_check(i1 %ok) unnamed_addr #2 {
  ret void
}

; core::panicking::panic_cannot_unwind, without noreturn: left alone.
define internal void @_RNvNtCsgEmfK2I1SDS_4core9panicking19panic_cannot_unwind() unnamed_addr #2 { ; want "looks like panic machinery but is not noreturn"
  ret void
}

attributes #0 = { nounwind }
attributes #1 = { cold nofree noinline norecurse noreturn nosync nounwind memory(none) }
attributes #2 = { inlinehint nounwind }
attributes #3 = { noinline noreturn nounwind }
attributes #4 = { noinline nounwind }
