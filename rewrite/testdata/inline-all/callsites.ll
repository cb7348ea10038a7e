; Call sites that share groups with function headers.
target triple = "bpfel"

define i32 @prog(ptr %ctx) #0 section "xdp" {
  ; #0 is also the group of @prog itself: the definition and the call
  ; want different changes, so one of them gets a new group.
  %a = call i32 @f(i32 1) #0
  ; #1 is also the group of the declaration @ext, which keeps noinline.
  call void @ext() #1
  ret i32 %a
}

define internal i32 @f(i32 %x) #2 {
  ret i32 %x
}

declare void @ext() #1

attributes #0 = { noinline nounwind }
attributes #1 = { noinline }
attributes #2 = { nounwind }
