; rustc 1.63 (LLVM 14): typed pointers, probe-stack naming the function,
; no header at all for the data layout.
target triple = "x86_64-unknown-linux-gnu"

%"core::panic::location::Location" = type { { [0 x i8]*, i64 }, i32, i32 }

define dso_local i32 @bounds_index(i8* %data, i64 %len) unnamed_addr #0 section "xdp" {
start:
  %_0 = load i8, i8* %data, align 1
  %r = zext i8 %_0 to i32
  ret i32 %r
}

declare void @_ZN4core9panicking18panic_bounds_check17haa0aa704ba684d7fE(i64, i64, %"core::panic::location::Location"* noalias noundef readonly align 8 dereferenceable(24)) unnamed_addr #1

attributes #0 = { nounwind nonlazybind uwtable "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
attributes #1 = { cold noinline noreturn nounwind nonlazybind uwtable "probe-stack"="__rust_probestack" "target-cpu"="x86-64" }
