; An XDP program with a loop no unrolling removes: its trip count comes from
; memory read in every iteration. Kernels before 5.3 refuse the back edge.
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "bpfel"

@_license = dso_local constant [4 x i8] c"GPL\00", section "license", align 1

define dso_local i32 @xdp_loop(ptr %ctx) section "xdp" {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %v = load volatile i32, ptr %ctx, align 4
  %next = add i32 %i, 1
  %more = icmp ult i32 %next, %v
  %small = icmp ult i32 %next, 64
  %again = and i1 %more, %small
  br i1 %again, label %loop, label %done

done:
  ret i32 2
}
