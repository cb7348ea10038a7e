; options: llvm=19
; Without nsz maximumnum orders -0.0 below +0.0, which maxnum does not
; promise: there is no exact older form.
define double @f(double %a) {
  %m = call double @llvm.maximumnum.f64(double %a, double 1.0) ; want "llvm.maximumnum.f64 without nsz has no exact form before LLVM 20"
  ret double %m
}

declare double @llvm.maximumnum.f64(double, double)
