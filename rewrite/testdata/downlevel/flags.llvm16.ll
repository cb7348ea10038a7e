; options: llvm=16
; Flags that only promise something about the operands are dropped, in
; instructions and in constant expressions: getelementptr nuw/nusw (keeping
; inbounds) and inrange(a, b), trunc nuw/nsw, uitofp nneg (19), zext nneg
; and or disjoint (18), icmp samesign (20). ptrtoaddr (22) becomes ptrtoint.
target triple = "x86_64-unknown-linux-gnu"

@g = global [4 x i8] zeroinitializer
@p = global ptr getelementptr inbounds nuw (i8, ptr @g, i64 1)
@q = global ptr getelementptr nusw (i8, ptr @g, i64 2)
@r = global ptr getelementptr inbounds inrange(-1, 3) (i8, ptr @g, i64 1)
@s = global i64 ptrtoaddr (ptr @g to i64)

define i1 @f(ptr %p, i64 %x, i32 %y, i32 %z) {
  %a = getelementptr inbounds nuw i8, ptr %p, i64 %x
  %b = getelementptr nusw nuw i8, ptr %a, i64 1
  %t = trunc nuw nsw i64 %x to i32
  %t2 = trunc nsw i64 %x to i16
  %e = zext nneg i32 %y to i64
  %u = uitofp nneg i32 %y to double
  %o = or disjoint i32 %y, %z
  %c = icmp samesign ult i32 %o, %t
  %i = ptrtoaddr ptr %b to i64
  ret i1 %c
}
