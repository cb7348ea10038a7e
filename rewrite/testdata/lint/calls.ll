; What lint reports about calls, and what it leaves alone.
target triple = "bpfel"

define i32 @prog(ptr %ctx, ptr %fp, i64 %n, i32 %x) #0 section "xdp" {
start:
  %buf = alloca [64 x i8], align 8
  ; fine: BPF helpers, intrinsics llc lowers, inline asm
  %h = call i64 inttoptr (i64 1 to ptr)(ptr %ctx, ptr %buf)
  call void @llvm.lifetime.start.p0(i64 64, ptr %buf)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %buf, ptr align 8 %ctx, i64 64, i1 false)
  call void @llvm.memset.p0.i64(ptr align 8 %buf, i8 0, i64 8, i1 false)
  call void @llvm.assume(i1 true)
  %e = call i1 @llvm.expect.i1(i1 true, i1 true)
  %f = call double @llvm.fabs.f64(double 1.0)
  call void asm sideeffect "r0 = 0", "~{r0}"()
  %ok = call i32 @inlined(i32 %x)
  ; reported
  call void @memcpy(ptr %buf, ptr %ctx, i64 %n) ; want "call to memcpy, which is not in the module: BPF programs cannot call libraries \\(in prog\\)"
  %w = call i128 @__multi3(i128 1, i128 2) ; want "call to __multi3, which is not in the module: a compiler-rt builtin"
  call void @_ZN4core3fmt5write17h0123456789abcdefE(ptr %buf) ; want "call to core::fmt::write, which is not in the module: IR built without LTO"
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %buf, ptr align 1 %ctx, i64 %n, i1 false) ; want "llvm.memcpy.p0.p0.i64 becomes a call to memcpy"
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %buf, ptr align 1 %ctx, i64 1025, i1 false) ; want "llvm.memcpy.p0.p0.i64 becomes a call to memcpy"
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %buf, ptr align 1 %ctx, i64 1024, i1 false)
  call void @llvm.memset.p0.i64(ptr align 8 %buf, i8 0, i64 16, i1 false)
  call void @llvm.memset.p0.i64(ptr align 8 %buf, i8 0, i64 %n, i1 false) ; want "llvm.memset.p0.i64 becomes a call to memset, which BPF does not have"
  call void @llvm.memmove.p0.p0.i64(ptr align 1 %buf, ptr align 1 %ctx, i64 2048, i1 false) ; want "llvm.memmove.p0.p0.i64 becomes a call to memmove"
  %m = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 3) ; want "llvm.umul.with.overflow.i64 becomes a call to __multi3"
  %i = call i32 %fp(i32 1) ; want "indirect call through %fp: the verifier allows calls only to helpers"
  %v = call i32 (i32, ...) @sum(i32 2, i32 1, i32 2) ; want "call to variadic function sum"
  call void @llvm.trap() ; want "llvm.trap becomes a call to abort"
  unreachable
}

define internal i32 @inlined(i32 %x) #0 {
  ret i32 %x
}

define internal i32 @sum(i32 %n, ...) #0 {
  ret i32 %n
}

; Not reachable from anything exported: opt drops it, lint ignores it.
define internal void @dead(ptr %p) #0 {
  call void @memcpy(ptr %p, ptr %p, i64 8)
  ret void
}

declare void @memcpy(ptr, ptr, i64)
declare i128 @__multi3(i128, i128)
declare void @_ZN4core3fmt5write17h0123456789abcdefE(ptr)
declare void @llvm.lifetime.start.p0(i64 immarg, ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1 immarg)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1 immarg)
declare void @llvm.assume(i1)
declare i1 @llvm.expect.i1(i1, i1)
declare double @llvm.fabs.f64(double)
declare { i64, i1 } @llvm.umul.with.overflow.i64(i64, i64)
declare void @llvm.trap()

attributes #0 = { nounwind alwaysinline }
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
