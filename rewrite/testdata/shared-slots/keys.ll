; A key stored in three slots for three helper calls: the first store,
; in the entry block, dominates the others (in both branches), so they
; use the first slot, their stores and all lifetime markers go, and the
; debug record of a merged slot points at the kept one. %loaded is read
; back and %leaked passed to a call that may write: neither is shared.
define i32 @prog(ptr %ctx, i16 %k, i1 %c) section "xdp" {
start:
  %a = alloca [2 x i8], align 2
  %b = alloca [2 x i8], align 2
  %d = alloca [2 x i8], align 2
  %loaded = alloca [2 x i8], align 2
  %leaked = alloca [2 x i8], align 2
  call void @llvm.lifetime.start.p0(ptr nonnull %a)
  store i16 %k, ptr %a, align 2
    #dbg_declare(ptr %a, !1, !DIExpression(), !2)
  %1 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly nocapture %a)
  call void @llvm.lifetime.end.p0(ptr nonnull %a)
  br i1 %c, label %left, label %right

left:
  store i16 %k, ptr %b, align 2
    #dbg_declare(ptr %b, !3, !DIExpression(), !2)
  %2 = call i64 inttoptr (i64 2 to ptr)(ptr @M, ptr readonly nocapture %b, ptr readonly nocapture %ctx, i64 0)
  store i16 %k, ptr %loaded, align 2
  %3 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly nocapture %loaded)
  %4 = load i16, ptr %loaded, align 2
  br label %out

right:
  store i16 %k, ptr %d, align 2
  %5 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr readonly captures(none) %d)
  store i16 %k, ptr %leaked, align 2
  %6 = call ptr inttoptr (i64 1 to ptr)(ptr @M, ptr %leaked)
  br label %out

out:
  ret i32 2
}

@M = external global [0 x i8]

declare void @llvm.lifetime.start.p0(ptr)
declare void @llvm.lifetime.end.p0(ptr)

!1 = !DILocalVariable(name: "a", scope: !4)
!2 = !DILocation(line: 1, scope: !4)
!3 = !DILocalVariable(name: "b", scope: !4)
!4 = distinct !DISubprogram(name: "prog", unit: !5)
!5 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !6)
!6 = !DIFile(filename: "src/main.rs", directory: "")
