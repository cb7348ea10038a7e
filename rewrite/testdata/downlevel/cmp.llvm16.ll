; options: llvm=16
; llvm.ucmp and llvm.scmp (19) expand into two compares, two zexts and a
; subtraction, scalar or vector, keeping the call's result name and !dbg;
; their declarations go.
target triple = "x86_64-unknown-linux-gnu"

define i8 @f(i32 %a, i32 %b, i64 %x, i64 %y, <4 x i16> %v, <4 x i16> %w) {
  %1 = call range(i8 -1, 2) i8 @llvm.ucmp.i8.i32(i32 %a, i32 %b)
  %s = call i8 @llvm.scmp.i8.i64(i64 %x, i64 %y)
  %vc = call <4 x i8> @llvm.scmp.v4i8.v4i16(<4 x i16> %v, <4 x i16> %w)
  %r = add i8 %1, %s
  ret i8 %r
}

declare range(i8 -1, 2) i8 @llvm.ucmp.i8.i32(i32, i32) #0
declare range(i8 -1, 2) i8 @llvm.scmp.i8.i64(i64, i64) #0
declare <4 x i8> @llvm.scmp.v4i8.v4i16(<4 x i16>, <4 x i16>) #0

attributes #0 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }
