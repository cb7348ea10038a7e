; options: btf
; IR whose debug info describes no types (rustc's -C debuginfo=1, as
; --btf=false builds): a CO-RE call is an error saying what is missing.
source_filename = "probe.ab12cd-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@task.name = private unnamed_addr constant [15 x i8] c"probe::vm::task", align 1
@pid = private unnamed_addr constant [3 x i8] c"pid", align 1

define i64 @read(ptr %t) !dbg !4 {
start:
  %0 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr @pid, i64 3), !dbg !7 ; want "the IR describes no types \\(built with --btf=false\\?\\)"
  ret i64 0
}

declare ptr @__oxbpf_core_field(ptr, ptr, i64, ptr, i64)

!llvm.module.flags = !{!0, !1}
!llvm.dbg.cu = !{!2}

!0 = !{i32 7, !"Dwarf Version", i32 4}
!1 = !{i32 2, !"Debug Info Version", i32 3}
!2 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !3, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "src/main.rs", directory: "/probe")
!4 = distinct !DISubprogram(name: "read", linkageName: "read", scope: null, file: !3, line: 1, type: !5, scopeLine: 1, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !2)
!5 = !DISubroutineType(types: !6)
!6 = !{}
!7 = !DILocation(line: 2, column: 5, scope: !4)
