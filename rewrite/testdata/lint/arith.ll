; 128-bit arithmetic and floating point, which become runtime calls.
target triple = "bpfel"

define i64 @prog(i128 %a, i128 %b, double %d, i64 %s) #0 section "socket" {
  %mul = mul i128 %a, %b ; want "mul i128 becomes a call to __multi3, which BPF does not have \\(in prog\\)"
  %mulk = mul i128 %a, 10 ; want "mul i128 becomes a call to __multi3"
  %div = udiv i128 %a, 10 ; want "udiv i128 becomes a call to __udivti3"
  %div2 = udiv i128 %a, 16
  %rem2 = urem i128 %a, 4096
  %sdiv = sdiv i128 %a, 16 ; want "sdiv i128 becomes a call to __divti3"
  %srem = srem i128 %a, %b ; want "srem i128 becomes a call to __modti3"
  %shl = shl i128 %a, %b ; want "shl i128 becomes a call to __ashlti3"
  %shl3 = shl i128 %a, 3
  %add = add i128 %a, %b
  %mul64 = mul i64 %s, %s
  %fadd = fadd double %d, 1.0 ; want "floating-point fadd becomes a soft-float call"
  %fcmp = fcmp olt double %d, 0.0 ; want "floating-point fcmp becomes a soft-float call"
  %conv = fptoui double %d to i64 ; want "floating-point fptoui becomes a soft-float call"
  %neg = fneg double %d
  %max = call double @llvm.maxnum.f64(double %d, double 1.0) ; want "llvm.maxnum.f64 becomes a call to a soft-float routine"
  %r = trunc i128 %mul to i64
  ret i64 %r
}

declare double @llvm.maxnum.f64(double, double)

attributes #0 = { nounwind }
