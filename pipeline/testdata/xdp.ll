; An XDP program that is BPF IR already, as the rewrite leaves it, so that
; the pipeline's own steps can be tested with --passes none.
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "bpfel"

@_license = dso_local constant [4 x i8] c"GPL\00", section "license", align 1

define dso_local i32 @xdp_pass(ptr %ctx) section "xdp" {
  %ifindex.ptr = getelementptr inbounds i8, ptr %ctx, i64 12
  %ifindex = load i32, ptr %ifindex.ptr, align 4
  %odd = and i32 %ifindex, 1
  %verdict = add i32 %odd, 1
  ret i32 %verdict
}
