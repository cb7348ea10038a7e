target datalayout = "e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-i128:128-f64:32:64-f80:32-n8:16:32-S128" ; want "IR for a 32-bit target \\(i686-unknown-linux-gnu\\)"
; A 32-bit host's IR: its offsets and layouts are not BPF's, so nothing
; is rewritten.
target triple = "i686-unknown-linux-gnu"

define i32 @prog(ptr %p) section "xdp" {
  ret i32 2
}
