; The error path of a helper call: a block that ends a lifetime and jumps
; to the join loses the lifetime end; a block that also does work keeps
; its own, and a conditional branch is no forwarder.
define i32 @prog(ptr %ctx) section "socket" {
start:
  %v = alloca [1 x i8], align 1
  call void @llvm.lifetime.start.p0(ptr nonnull %v)
  %ret = call i64 inttoptr (i64 26 to ptr)(ptr %ctx, i32 0, ptr %v, i32 1)
  %err = icmp slt i64 %ret, 0
  br i1 %err, label %fail, label %ok

fail:
    #dbg_value(i64 %ret, !1, !DIExpression(), !2)
  call void @llvm.lifetime.end.p0(ptr nonnull %v)
  br label %out

ok:
  %b = load i8, ptr %v, align 1
  call void @llvm.lifetime.end.p0(ptr nonnull %v)
  %w = zext i8 %b to i32
  %c = icmp eq i32 %w, 64
  br i1 %c, label %out, label %other

other:
  call void @llvm.lifetime.end.p0(ptr nonnull %v)
  br i1 %c, label %out, label %out

out:
  %r = phi i32 [ 0, %fail ], [ %w, %ok ], [ 1, %other ], [ 1, %other ]
  ret i32 %r
}

declare void @llvm.lifetime.start.p0(ptr)
declare void @llvm.lifetime.end.p0(ptr)

!1 = !DILocalVariable(name: "ret", scope: !3)
!2 = !DILocation(line: 1, scope: !3)
!3 = distinct !DISubprogram(name: "prog", unit: !4)
!4 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !5)
!5 = !DIFile(filename: "src/main.rs", directory: "")
