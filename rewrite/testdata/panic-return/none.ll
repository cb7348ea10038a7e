; A program without panic paths is left alone, and so is a void one.
define i32 @prog(ptr %ctx) section "xdp" {
  ret i32 2
}

define void @odd(ptr %ctx) section "xdp" {
  call void asm sideeffect "r0 = 0\0Aexit", "~{r0}"()
  unreachable
}
