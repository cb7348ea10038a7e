; Cycles of calls, which always-inline cannot remove.
target triple = "bpfel"

define i32 @prog(i32 %n) #0 section "xdp" {
  %a = call i32 @fib(i32 %n)
  %b = call i32 @even(i32 %n)
  %c = call i32 @leaf(i32 %n)
  %s = add i32 %a, %b
  %r = add i32 %s, %c
  ret i32 %r
}

define internal i32 @fib(i32 %n) #0 {
  %small = icmp ult i32 %n, 2
  br i1 %small, label %done, label %more

more:
  %m = sub i32 %n, 1
  %r = call i32 @fib(i32 %m) ; want "recursion: fib calls itself, which cannot be inlined \\(in fib\\)"
  ret i32 %r

done:
  ret i32 %n
}

define internal i32 @even(i32 %n) #0 {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %yes, label %no

yes:
  ret i32 1

no:
  %m = sub i32 %n, 1
  %r = call i32 @odd(i32 %m) ; want "recursion: even → odd → even, which cannot be inlined \\(in even\\)"
  ret i32 %r
}

define internal i32 @odd(i32 %n) #0 {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %yes, label %no

yes:
  ret i32 0

no:
  %m = sub i32 %n, 1
  %r = call i32 @even(i32 %m)
  ret i32 %r
}

define internal i32 @leaf(i32 %n) #0 {
  ret i32 %n
}

attributes #0 = { nounwind alwaysinline }
