; options: llvm=19
; An intrinsic newer than the target, or unknown to it, would become a call
; of an external function: refused, naming it.
define void @f(ptr %a, ptr %b) {
  call void @llvm.foo.bar()
  %m = call <4 x i1> @llvm.loop.dependence.war.mask.v4i1(ptr %a, ptr %b, i64 1)
  call void @llvm.x86.sse2.pause()
  ret void
}

declare void @llvm.foo.bar() ; want "intrinsic llvm.foo.bar is unknown to LLVM 19"
declare <4 x i1> @llvm.loop.dependence.war.mask.v4i1(ptr, ptr, i64 immarg) ; want "intrinsic llvm.loop.dependence.war.mask.v4i1 is new in LLVM 22; LLVM 19 does not know it"
declare void @llvm.x86.sse2.pause()
