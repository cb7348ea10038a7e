; options: llvm=15
; memory(...) becomes the attributes LLVM 15 had, never saying more: the
; locations of LLVM 21 and 22 fold into where they were before.
declare void @a() memory(none)
declare void @b() memory(read)
declare void @c() memory(write)
declare void @d() memory(argmem: read)
declare void @e() memory(argmem: readwrite)
declare void @f() memory(inaccessiblemem: write)
declare void @g() memory(argmem: read, inaccessiblemem: write)
declare void @h() memory(readwrite, argmem: none)
declare void @i() memory(read, inaccessiblemem: readwrite, target_mem0: none, target_mem1: none)
declare void @j() memory(errnomem: write)
declare void @k() memory(argmem: read, errnomem: write)
declare void @l() #0

define void @call() {
  call void @a() memory(read)
  call void @l() #1
  ret void
}

attributes #0 = { nounwind memory(argmem: readwrite) }
attributes #1 = { memory(inaccessiblemem: readwrite) }
