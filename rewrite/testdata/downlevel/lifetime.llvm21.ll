; options: llvm=21
; LLVM 21 reads captures(none): only the size comes back.
target triple = "x86_64-unknown-linux-gnu"

define void @f() {
  %a = alloca [8 x i8], align 1
  call void @llvm.lifetime.start.p0(ptr nonnull %a)
  store i8 1, ptr %a, align 1
  call void @llvm.lifetime.end.p0(ptr nonnull %a)
  ret void
}

declare void @llvm.lifetime.start.p0(ptr captures(none)) #0
declare void @llvm.lifetime.end.p0(ptr captures(none)) #0

attributes #0 = { nocallback nofree nosync nounwind willreturn memory(argmem: readwrite) }
