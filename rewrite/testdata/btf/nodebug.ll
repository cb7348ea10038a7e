; options: btf
; A program without a DISubprogram (IR built without -g): no BTF can
; describe it, so the pass says so and changes nothing.
define i32 @prog(ptr %ctx) section "xdp" { ; want "program prog has no debug info"
  ret i32 2
}
