; options: llvm=16
; splat (T v) becomes an explicit vector as long as the type beside it says,
; or LLVM 18's shufflevector idiom for a scalable vector.
target triple = "x86_64-unknown-linux-gnu"

@vec = global <2 x i16> splat (i16 3)
@g = global i8 0

define <4 x i32> @f(<4 x i32> %x, <vscale x 2 x i64> %s, ptr %out, i1 %c) {
entry:
  %a = add <4 x i32> %x, splat (i32 1)
  %b = select <4 x i1> splat (i1 true), <4 x i32> %a, <4 x i32> splat (i32 -1)
  %v = add <vscale x 2 x i64> %s, splat (i64 7)
  store <2 x ptr> splat (ptr @g), ptr %out, align 16
  br i1 %c, label %loop, label %exit

loop:
  %ph = phi <2 x i8> [ splat (i8 0), %entry ], [ %n, %loop ]
  %n = add <2 x i8> %ph, splat (i8 1)
  br i1 %c, label %loop, label %exit

exit:
  ret <4 x i32> %b
}
