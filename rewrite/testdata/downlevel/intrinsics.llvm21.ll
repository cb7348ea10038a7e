; options: llvm=21
; oxbpf's intrinsic table is complete up to LLVM 19 only: for a newer target
; an intrinsic it does not list gets a warning, not an error.
define void @f() {
  call void @llvm.foo.bar()
  ret void
}

declare void @llvm.foo.bar() ; want "intrinsic llvm.foo.bar is not in oxbpf's table; if LLVM 21 does not know it"
