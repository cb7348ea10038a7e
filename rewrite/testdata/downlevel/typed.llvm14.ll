; options: llvm=14
; Typed-pointer IR, as rustc 1.63 writes it, is what LLVM 14 reads; only a
; module flag with behaviour Min (8, LLVM 15) becomes Max (7).
define i8* @f(i8* %p) {
  %q = getelementptr inbounds i8, i8* %p, i64 1
  ret i8* %q
}

!llvm.module.flags = !{!0}

!0 = !{i32 8, !"PIC Level", i32 2}
