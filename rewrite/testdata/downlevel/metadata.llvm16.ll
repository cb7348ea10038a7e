; options: llvm=16
; LLVM 19's !"expected" in branch_weights goes; module flag behaviour Min
; (8, LLVM 15) stays for LLVM 16.
define i32 @f(i1 %c) {
  br i1 %c, label %a, label %b, !prof !1

a:
  ret i32 1

b:
  ret i32 2
}

!llvm.module.flags = !{!0}

!0 = !{i32 8, !"PIC Level", i32 2}
!1 = !{!"branch_weights", !"expected", i32 1, i32 2000}
