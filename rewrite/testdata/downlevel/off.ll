; options: llvm=0
; Options.LLVM 0 means the module's own LLVM: nothing changes.
define i1 @f(i32 %a, i32 %b) {
  %c = icmp samesign ult i32 %a, %b
  ret i1 %c
}
