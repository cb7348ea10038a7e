; options: btf
; Debug info that loops, which no compiler writes but a damaged file may
; hold: a scope that is its own, a typedef of itself. The pass reports,
; and does not hang.
source_filename = "probe.ab12cd-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@loop.name = private unnamed_addr constant [10 x i8] c"loop::task", align 1
@task.name = private unnamed_addr constant [10 x i8] c"probe::ok", align 1
@a.b = private unnamed_addr constant [3 x i8] c"a.b", align 1

define i64 @read(ptr %t) !dbg !20 {
start:
  %0 = call ptr @__oxbpf_core_field(ptr %t, ptr @loop.name, i64 10, ptr @a.b, i64 3), !dbg !23 ; want "no debug info describes loop::task"
  %1 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 9, ptr @a.b, i64 3), !dbg !23 ; want "no debug info for the type holding .b"
  ret i64 0
}

declare ptr @__oxbpf_core_field(ptr, ptr, i64, ptr, i64)

!llvm.module.flags = !{!0, !1}
!llvm.dbg.cu = !{!2}

!0 = !{i32 7, !"Dwarf Version", i32 4}
!1 = !{i32 2, !"Debug Info Version", i32 3}
!2 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !3, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "src/main.rs", directory: "/probe")
!4 = !DINamespace(name: "loop", scope: !4)
!5 = !DICompositeType(tag: DW_TAG_structure_type, name: "task", scope: !4, file: !3, size: 64, align: 32, elements: !6, identifier: "3a")
!6 = !{!7}
!7 = !DIDerivedType(tag: DW_TAG_member, name: "a", scope: !5, file: !3, baseType: !8, size: 32, align: 32)
!8 = !DIDerivedType(tag: DW_TAG_typedef, name: "a_t", baseType: !8)
!9 = !DINamespace(name: "probe", scope: null)
!10 = !DICompositeType(tag: DW_TAG_structure_type, name: "ok", scope: !9, file: !3, size: 64, align: 32, elements: !6, identifier: "3b")
!20 = distinct !DISubprogram(name: "read", linkageName: "read", scope: null, file: !3, line: 1, type: !21, scopeLine: 1, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !2)
!21 = !DISubroutineType(types: !22)
!22 = !{}
!23 = !DILocation(line: 2, column: 5, scope: !20)
