; Attribute groups shared between definitions, declarations, intrinsics
; and call sites, as rustc writes them.
target triple = "bpfel"

; #0: definitions only: edited in place.
define i32 @prog(ptr %ctx) #0 section "xdp" {
start:
  %a = call i32 @cold_helper(i32 1) #3
  %b = call i32 @shared_def(i32 %a) #4
  %c = call i32 @already(i32 %b) noinline
  call void @llvm.assume(i1 true) #4
  call void @ext() #5
  ret i32 %c
}

define internal i32 @other(i32 %x) #0 {
  ret i32 %x
}

; #1: a definition and a declaration share it: the definition gets a new group.
define internal i32 @cold_helper(i32 %x) #1 {
  ret i32 %x
}

declare void @ext() #1

; #2: a definition and an intrinsic declaration.
define internal i32 @shared_def(i32 %x) #2 {
  ret i32 %x
}

declare void @llvm.assume(i1 noundef) #2

; optnone requires noinline: both go, inline, with alwaysinline added.
define internal i32 @already(i32 %x) noinline optnone {
  ret i32 %x
}

; #3 and #4 are only on call sites: noinline goes; #3 is left empty and
; goes too, #4 keeps nounwind. #5 has nothing to drop.
attributes #0 = { noinline nounwind }
attributes #1 = { cold noinline nounwind }
attributes #2 = { nounwind willreturn }
attributes #3 = { noinline }
attributes #4 = { noinline nounwind }
attributes #5 = { nounwind }
