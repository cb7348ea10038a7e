; options: llvm=19
; llvm.maximumnum/minimumnum (20) with nsz, as rustc writes f64::max, are
; llvm.maxnum/minnum: they differ only in the order of -0.0 and +0.0. An
; existing declaration of the target is reused.
target triple = "x86_64-unknown-linux-gnu"

define double @f(double %a, double %b, <2 x float> %v) {
  %m = call nsz double @llvm.maximumnum.f64(double %a, double 1.0)
  %n = call nsz double @llvm.maxnum.f64(double %m, double %b)
  %w = call fast <2 x float> @llvm.minimumnum.v2f32(<2 x float> %v, <2 x float> zeroinitializer)
  ret double %n
}

declare double @llvm.maximumnum.f64(double, double)
declare double @llvm.maxnum.f64(double, double)
declare <2 x float> @llvm.minimumnum.v2f32(<2 x float>, <2 x float>)
