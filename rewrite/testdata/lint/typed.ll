; rustc 1.63's typed pointers: calls through bitcasts of functions are
; direct, and helpers are still inttoptr constants.
target triple = "bpfel"

define i32 @prog(i8* %ctx) #0 section "xdp" {
  %h = call i64 inttoptr (i64 5 to i64 ()*)()
  %r = call i32 bitcast (i32 (i64*)* @inlined to i32 (i8*)*)(i8* %ctx)
  call void bitcast (void (i64*)* @ext to void (i8*)*)(i8* %ctx) ; want "call to ext, which is not in the module"
  ret i32 %r
}

define internal i32 @inlined(i64* %p) #0 {
  ret i32 2
}

declare void @ext(i64*)

attributes #0 = { nounwind alwaysinline }
