; Three panic exits opt inlined into a program: the first that stands
; alone becomes the program's return of 0, the others jump to it, the one
; in a block with other work returns 0 itself. A BPF-to-BPF callee keeps
; its exit: returning from it would not end the program.
define i32 @prog(ptr %ctx, i64 %a, i64 %b) section "xdp" {
start:
  %x = icmp ult i64 %a, 8
  br i1 %x, label %second, label %panic1

panic1:
  call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"(), !srcloc !1
  unreachable

second:
  %y = icmp ult i64 %b, 8
  br i1 %y, label %done, label %panic2

panic2:
  call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"()
  unreachable

done:
  %z = icmp eq i64 %a, %b
  br i1 %z, label %work, label %ok

work:
  store i64 %a, ptr %ctx
  call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"()
  unreachable

ok:
  %r = call i32 @callee(i64 %a)
  ret i32 %r
}

define internal i32 @callee(i64 %a) {
  %c = icmp ult i64 %a, 4
  br i1 %c, label %fine, label %panic

fine:
  ret i32 2

panic:
  call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"()
  unreachable
}

!1 = !{i64 7}
