; options: btf
; Calls that cannot relocate: each an error at its line naming the
; function, and the module left as it was.
source_filename = "probe.ab12cd-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@task.name = private unnamed_addr constant [15 x i8] c"probe::vm::task", align 1
@nope.name = private unnamed_addr constant [15 x i8] c"probe::vm::nope", align 1
@errs = private unnamed_addr constant [58 x i8] c"inner.ccomm[16]comm[i]pid.xpid[0]inner..b_bitfield_1_pad_1", align 1

define i64 @read(ptr %t, i64 %n) !dbg !40 {
start:
  %0 = call ptr @__oxbpf_core_field(ptr %t, ptr @nope.name, i64 15, ptr @errs, i64 7), !dbg !50 ; want "no debug info describes probe::vm::nope as a struct or union"
  %1 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr @errs, i64 7), !dbg !50 ; want "field \"inner.c\" of probe::vm::task: inner has no field c"
  %2 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 7), i64 8), !dbg !50 ; want "index 16 is out of bounds of an array of 16"
  %3 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 15), i64 7), !dbg !50 ; want "index \"i\" is not a literal"
  %4 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 22), i64 5), !dbg !50 ; want ".x names a field of i32, which is no struct or union"
  %5 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 27), i64 6), !dbg !50 ; want "\\[0\\] indexes i32, which is no array"
  %6 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 33), i64 8), !dbg !50 ; want "expected a field name"
  %7 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 41), i64 11), !dbg !50 ; want "task._bitfield_1 holds bitfields: core_read_bitfield! reads each by its name"
  %8 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @errs, i64 52), i64 6), !dbg !50 ; want "task._pad_1 is padding"
  %9 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 %n, ptr @errs, i64 7), !dbg !50 ; want "argument 2 of __oxbpf_core_field is not a constant"
  %10 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 99, ptr @errs, i64 7), !dbg !50 ; want "holds 15 bytes, not 99 at 0"
  %k = trunc i64 %n to i32
  %11 = call i32 @__oxbpf_core_type_info(ptr @task.name, i64 15, i32 %k), !dbg !50 ; want "argument 2 of __oxbpf_core_type_info is not a constant"
  ret i64 0
}

declare noundef ptr @__oxbpf_core_field(ptr noundef, ptr noundef, i64 noundef, ptr noundef, i64 noundef) unnamed_addr #0
declare noundef i32 @__oxbpf_core_field_info(ptr noundef, i64 noundef, ptr noundef, i64 noundef, i32 noundef) unnamed_addr #0
declare noundef i32 @__oxbpf_core_type_info(ptr noundef, i64 noundef, i32 noundef) unnamed_addr #0

attributes #0 = { nounwind }
attributes #1 = { nounwind }

!llvm.module.flags = !{!0, !1}
!llvm.dbg.cu = !{!2}

!0 = !{i32 7, !"Dwarf Version", i32 4}
!1 = !{i32 2, !"Debug Info Version", i32 3}
!2 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !3, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "src/main.rs", directory: "/probe")
!4 = !DINamespace(name: "probe", scope: null)
!5 = !DINamespace(name: "vm", scope: !4)
!6 = !DICompositeType(tag: DW_TAG_structure_type, name: "task", scope: !5, file: !3, size: 720, align: 64, flags: DIFlagPublic, elements: !7, templateParams: !39, identifier: "1a")
!7 = !{!8, !10, !15, !17, !22, !26, !30, !62, !63}
!8 = !DIDerivedType(tag: DW_TAG_member, name: "pid", scope: !6, file: !3, baseType: !9, size: 32, align: 32, flags: DIFlagPublic)
!9 = !DIBasicType(name: "i32", size: 32, encoding: DW_ATE_signed)
!10 = !DIDerivedType(tag: DW_TAG_member, name: "inner", scope: !6, file: !3, baseType: !11, size: 64, align: 32, offset: 32, flags: DIFlagPublic)
!11 = !DICompositeType(tag: DW_TAG_structure_type, name: "inner", scope: !5, file: !3, size: 64, align: 32, flags: DIFlagPublic, elements: !12, templateParams: !39, identifier: "1b")
!12 = !{!13, !14}
!13 = !DIDerivedType(tag: DW_TAG_member, name: "a", scope: !11, file: !3, baseType: !9, size: 32, align: 32, flags: DIFlagPublic)
!14 = !DIDerivedType(tag: DW_TAG_member, name: "b", scope: !11, file: !3, baseType: !9, size: 32, align: 32, offset: 32, flags: DIFlagPublic)
!15 = !DIDerivedType(tag: DW_TAG_member, name: "comm", scope: !6, file: !3, baseType: !16, size: 128, align: 8, offset: 96, flags: DIFlagPublic)
!16 = !DICompositeType(tag: DW_TAG_array_type, baseType: !33, size: 128, align: 8, elements: !34)
!17 = !DIDerivedType(tag: DW_TAG_member, name: "un", scope: !6, file: !3, baseType: !18, size: 64, align: 64, offset: 256, flags: DIFlagPublic)
!18 = !DICompositeType(tag: DW_TAG_union_type, name: "u", scope: !5, file: !3, size: 64, align: 64, flags: DIFlagPublic, elements: !19, templateParams: !39, identifier: "1c")
!19 = !{!20, !21}
!20 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !18, file: !3, baseType: !9, size: 32, align: 32, flags: DIFlagPublic)
!21 = !DIDerivedType(tag: DW_TAG_member, name: "y", scope: !18, file: !3, baseType: !36, size: 64, align: 64, flags: DIFlagPublic)
!22 = !DIDerivedType(tag: DW_TAG_member, name: "arr", scope: !6, file: !3, baseType: !23, size: 256, align: 32, offset: 320, flags: DIFlagPublic)
!23 = !DICompositeType(tag: DW_TAG_array_type, baseType: !11, size: 256, align: 32, elements: !24)
!24 = !{!25}
!25 = !DISubrange(count: 4, lowerBound: 0)
!26 = !DIDerivedType(tag: DW_TAG_member, name: "__anon_1", scope: !6, file: !3, baseType: !27, size: 32, align: 32, offset: 576, flags: DIFlagPublic)
!27 = !DICompositeType(tag: DW_TAG_structure_type, name: "task__anon_1", scope: !5, file: !3, size: 32, align: 32, flags: DIFlagPublic, elements: !28, templateParams: !39, identifier: "1d")
!28 = !{!29}
!29 = !DIDerivedType(tag: DW_TAG_member, name: "x", scope: !27, file: !3, baseType: !9, size: 32, align: 32, flags: DIFlagPublic)
!30 = !DIDerivedType(tag: DW_TAG_member, name: "parent", scope: !6, file: !3, baseType: !31, size: 64, align: 64, offset: 640, flags: DIFlagPublic)
!31 = !DIDerivedType(tag: DW_TAG_pointer_type, name: "*const probe::vm::task", baseType: !6, size: 64, align: 64, dwarfAddressSpace: 0)
!32 = !DIDerivedType(tag: DW_TAG_pointer_type, name: "*const probe::vm::pair", baseType: !37, size: 64, align: 64, dwarfAddressSpace: 0)
!33 = !DIBasicType(name: "u8", size: 8, encoding: DW_ATE_unsigned)
!34 = !{!35}
!35 = !DISubrange(count: 16, lowerBound: 0)
!36 = !DIBasicType(name: "i64", size: 64, encoding: DW_ATE_signed)
!37 = !DICompositeType(tag: DW_TAG_structure_type, name: "pair", scope: !5, file: !3, size: 64, align: 32, flags: DIFlagPublic, elements: !38, templateParams: !39, identifier: "1e")
!38 = !{!60, !61}
!39 = !{}
!40 = distinct !DISubprogram(name: "read", linkageName: "read", scope: !4, file: !3, line: 1, type: !41, scopeLine: 1, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !2, templateParams: !39, retainedNodes: !39)
!41 = !DISubroutineType(types: !42)
!42 = !{!36, !31, !36}
!50 = !DILocation(line: 2, column: 5, scope: !40)
!51 = !DILocation(line: 3, column: 5, scope: !40)
!52 = !DILocation(line: 4, column: 5, scope: !40)
!53 = !DILocation(line: 5, column: 5, scope: !40)
!54 = !DILocation(line: 6, column: 5, scope: !40)
!55 = !DILocation(line: 7, column: 5, scope: !40)
!56 = !DILocation(line: 8, column: 5, scope: !40)
!57 = !DILocation(line: 9, column: 5, scope: !40)
!58 = !DILocation(line: 10, column: 5, scope: !40)
!60 = !DIDerivedType(tag: DW_TAG_member, name: "__0", scope: !37, file: !3, baseType: !9, size: 32, align: 32, flags: DIFlagPublic)
!61 = !DIDerivedType(tag: DW_TAG_member, name: "__1", scope: !37, file: !3, baseType: !9, size: 32, align: 32, offset: 32, flags: DIFlagPublic)
!62 = !DIDerivedType(tag: DW_TAG_member, name: "_bitfield_1", scope: !6, file: !3, baseType: !33, size: 8, align: 8, offset: 704, flags: DIFlagPublic)
!63 = !DIDerivedType(tag: DW_TAG_member, name: "_pad_1", scope: !6, file: !3, baseType: !33, size: 8, align: 8, offset: 712, flags: DIFlagPublic)
