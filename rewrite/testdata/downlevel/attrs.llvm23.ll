; options: llvm=23
; A target newer than every LLVM oxbpf knows may know the attribute it does
; not: it passes through.
target triple = "x86_64-unknown-linux-gnu"

define noundef range(i32 0, 10) i32 @f(ptr dead_on_unwind noalias writable captures(none) initializes((0, 8)) %out, ptr captures(address, read_provenance) %p, ptr dead_on_return %q, double nofpclass(nan inf) %d) #0 {
  %r = call noundef range(i32 0, 10) i32 @g(ptr captures(none) %p) #1
  ret i32 %r
}

declare i32 @g(ptr captures(none)) #1

; A group that loses its only attribute goes, with the references to it.
declare void @only() #2

define void @calls_only() {
  call void @only() #2
  ret void
}

define void @h() hybrid_patchable {
  ret void
}

declare void @k() frobnicate

attributes #0 = { nounwind nocreateundeforpoison }
attributes #1 = { nounwind }
attributes #2 = { nocreateundeforpoison }
