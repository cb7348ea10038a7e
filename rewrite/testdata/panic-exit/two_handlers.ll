; Both manglings of the panic handler: an error, and both still exit.
target triple = "bpfel"

define hidden void @rust_begin_unwind(ptr %info) unnamed_addr #0 {
  br label %loop

loop:
  br label %loop
}

define hidden void @_RNvCsfLfy6EI15iL_7___rustc17rust_begin_unwind(ptr %info) unnamed_addr #0 { ; want "error: second panic handler __rustc::rust_begin_unwind besides rust_begin_unwind"
  br label %loop

loop:
  br label %loop
}

attributes #0 = { noreturn nounwind }
