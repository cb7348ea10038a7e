; A definition that has alwaysinline already, through its group, and one
; without any attributes.
target triple = "bpfel"

define i32 @prog(ptr %ctx) #0 section "xdp" {
  %r = call i32 @bare(i32 2)
  ret i32 %r
}

define internal i32 @bare(i32 %x) {
  ret i32 %x
}

attributes #0 = { alwaysinline nounwind }
