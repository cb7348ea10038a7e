; Every host-only attribute, inline and in groups, on definitions,
; declarations and call sites; a group left empty; module asm.
source_filename = "host.2b3c-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

module asm ".globl __rust_probestack"
module asm "__rust_probestack: ret"

define i32 @prog(ptr %ctx) unnamed_addr #0 section "xdp" {
start:
  %r = call i32 @helper(ptr %ctx) #2
  call void @ext() nonlazybind
  ret i32 %r
}

define internal i32 @helper(ptr %p) unnamed_addr uwtable(sync) "frame-pointer"="all" nounwind {
  ret i32 2
}

declare void @ext() unnamed_addr #1

attributes #0 = { nounwind nonlazybind uwtable "probe-stack"="inline-asm" "target-cpu"="x86-64" "target-features"="+sse2" "tune-cpu"="generic" }
attributes #1 = { nonlazybind "target-cpu"="x86-64" }
attributes #2 = { nounwind }
