; Stores of the same value in sibling branches: neither dominates the
; other, so each keeps its slot; a different value or type is never
; shared.
define i32 @prog(i16 %k, i32 %w, i1 %c) section "xdp" {
start:
  %a = alloca [2 x i8], align 2
  %b = alloca [2 x i8], align 2
  %x = alloca [4 x i8], align 4
  %y = alloca [2 x i8], align 2
  br i1 %c, label %left, label %right

left:
  store i16 %k, ptr %a, align 2
  %1 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly nocapture %a)
  store i32 %w, ptr %x, align 4
  %2 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly nocapture %x)
  br label %out

right:
  store i16 %k, ptr %b, align 2
  %3 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly nocapture %b)
  store i16 7, ptr %y, align 2
  %4 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly nocapture %y)
  br label %out

out:
  ret i32 2
}

@M = external global [0 x i8]
