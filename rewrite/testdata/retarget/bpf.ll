; Already BPF: nothing to do, the output is the input.
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "bpfel"

define i32 @prog(ptr %ctx) #0 section "xdp" {
  ret i32 2
}

attributes #0 = { nounwind }
