; rustc's IR for AtomicU64::fetch_add(3, Relaxed) and kin: relaxed
; read-modify-writes whose old value is used become seq_cst; unused ones,
; other orderings and cmpxchg stay as they are.
@C = global i64 5, align 8
@F = global i32 0, align 4

define i64 @used(ptr %ctx) {
start:
  %old = atomicrmw add ptr @C, i64 3 monotonic, align 8
  %sub = atomicrmw volatile sub ptr @C, i64 1 syncscope("one-as") monotonic, align 8
  %or = atomicrmw or ptr @F, i32 4 monotonic, align 4
  %x = zext i32 %or to i64
  %s = add i64 %old, %sub
  %r = add i64 %s, %x
  ret i64 %r
}

define i32 @unused(ptr %ctx) {
start:
  %0 = atomicrmw add ptr @C, i64 1 monotonic, align 8
  %1 = atomicrmw add ptr @C, i64 1 acquire, align 8
  %2 = cmpxchg ptr @F, i32 0, i32 1 monotonic monotonic, align 4
  ret i32 2
}

define i64 @phi_use(i1 %c) {
start:
  %old = atomicrmw xor ptr @C, i64 1 monotonic, align 8
  br i1 %c, label %a, label %b
a:
  br label %b
b:
  %v = phi i64 [ %old, %start ], [ 0, %a ]
  ret i64 %v
}
