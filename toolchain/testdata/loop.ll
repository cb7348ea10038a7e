; A BPF program with an alwaysinline helper, a 200-iteration loop over ctx
; that O3 alone does not unroll, and debug info; the real-tool tests run it
; through opt and llc. loop14.ll is the typed-pointer twin for LLVM 14.
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "bpfel"

define internal i32 @helper(i32 %x) #0 {
  %y = mul i32 %x, 3
  ret i32 %y
}

define i32 @prog(ptr %ctx) #1 section "xdp" !dbg !5 {
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i32 [ 0, %entry ], [ %acc.next, %loop ]
  %p = getelementptr i8, ptr %ctx, i64 %i
  %b = load volatile i8, ptr %p, align 1
  %z = zext i8 %b to i32
  %h = call i32 @helper(i32 %z), !dbg !8
  %acc.next = add i32 %acc, %h
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, 200
  br i1 %done, label %exit, label %loop

exit:
  ret i32 %acc.next
}

attributes #0 = { alwaysinline }
attributes #1 = { nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "oxbpf test", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "prog.c", directory: "/tmp")
!3 = !{i32 7, !"Dwarf Version", i32 4}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 1, type: !6, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 2, column: 1, scope: !5)
