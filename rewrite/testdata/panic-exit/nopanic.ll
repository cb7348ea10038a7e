; No panic machinery at all: nothing to do, and nothing to report.
target triple = "bpfel"

define i32 @prog(ptr %ctx) #0 section "xdp" {
  ret i32 2
}

attributes #0 = { nounwind }
