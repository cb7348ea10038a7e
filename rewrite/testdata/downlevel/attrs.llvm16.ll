; options: llvm=16
; Attributes newer than LLVM 16 are hints and are dropped: range, initializes,
; writable, dead_on_unwind, dead_on_return, nofpclass, nocreateundeforpoison;
; captures(none) becomes nocapture. Known attributes without a rule of their
; own, and unknown ones, are dropped with a warning.
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

define void @h() hybrid_patchable { ; want "dropped attribute hybrid_patchable: new in LLVM 19, which LLVM 16 does not read"
  ret void
}

declare void @k() frobnicate ; want "dropped attribute frobnicate: LLVM 16 does not know it"

attributes #0 = { nounwind nocreateundeforpoison }
attributes #1 = { nounwind }
attributes #2 = { nocreateundeforpoison }
