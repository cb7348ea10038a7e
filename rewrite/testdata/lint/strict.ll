; options: strict
; With Strict, every finding is an error.
target triple = "bpfel"

define i64 @prog(i128 %a, i128 %b) #0 section "socket" {
  %mul = mul i128 %a, %b ; want "error: mul i128 becomes a call to __multi3"
  %r = trunc i128 %mul to i64
  ret i64 %r
}

attributes #0 = { nounwind }
