; A bin built without #![no_std]: std's functions are in the module.
define void @_ZN3std2io5stdio6_print17h0123456789abcdefE(ptr %args) { ; want "defines std::io::stdio::_?print from Rust's standard library: a BPF program must be #!\\[no_std\\]"
start:
  ret void
}

define i32 @prog(ptr %ctx) section "xdp" {
start:
  call void @_ZN3std2io5stdio6_print17h0123456789abcdefE(ptr %ctx)
  ret i32 2
}
