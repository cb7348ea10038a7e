; options: llvm=14
; LLVM 14 does not read opaque pointers.
define ptr @f(ptr %p) { ; want "LLVM 14 cannot read opaque pointers"
  ret ptr %p
}
