; options: btf
; Field paths of every shape on a relocatable struct, as the oxbpf-ebpf
; crate's macros call them: a member of a member held by value, an array
; element, a union member, an element of an array of structs, a member of
; an anonymous struct (gen types' __anon_N), a pointer member, a tuple
; field, a path with spaces (as stringify! may write it); field existence
; and size, type existence and size; enum values and their existence, of
; an unsigned and a signed enum, which the pass describes itself. Strings
; merged into one constant come through a getelementptr. pipeline's
; TestCOREFieldsMatch compiles it with each LLVM and reads the
; relocations llc wrote.
source_filename = "probe.ab12cd-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@task.name = private unnamed_addr constant [15 x i8] c"probe::vm::task", align 1
@pair.name = private unnamed_addr constant [15 x i8] c"probe::vm::pair", align 1
@paths = private unnamed_addr constant [49 x i8] c"inner.bcomm[3]un.yarr[2].b__anon_1.xparentpidcomm", align 1
@spaced.path = private unnamed_addr constant [9 x i8] c"inner . a", align 1
@tuple.path = private unnamed_addr constant [1 x i8] c"1", align 1
@enum.type = private unnamed_addr constant [15 x i8] c"vm::bpf_func_id", align 1
@enum.loop = private unnamed_addr constant [13 x i8] c"BPF_FUNC_loop", align 1
@enum.map = private unnamed_addr constant [30 x i8] c"vm :: BPF_FUNC_map_lookup_elem", align 1
@signed.type = private unnamed_addr constant [4 x i8] c"prio", align 1
@signed.low = private unnamed_addr constant [3 x i8] c"LOW", align 1
@_license = constant [4 x i8] c"GPL\00", section "license", align 1

define i64 @read(ptr %t, ptr %p) section "raw_tracepoint/x" !dbg !40 {
start:
  %0 = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr @paths, i64 7), !dbg !50
  %1 = load i32, ptr %0, align 4
  %comm3 = tail call noundef ptr @__oxbpf_core_field(ptr noundef %t, ptr noundef nonnull @task.name, i64 noundef 15, ptr getelementptr inbounds (i8, ptr @paths, i64 7), i64 7) #1, !dbg !51
  %2 = load i8, ptr %comm3, align 1
  %y = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @paths, i64 14), i64 4), !dbg !52
  %3 = load i64, ptr %y, align 8
  %b = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @paths, i64 18), i64 8), !dbg !53
  %4 = load i32, ptr %b, align 4
  %x = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @paths, i64 26), i64 10), !dbg !54
  %5 = load i32, ptr %x, align 4
  %parent = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @paths, i64 36), i64 6), !dbg !55
  %6 = load ptr, ptr %parent, align 8
  %7 = call ptr @__oxbpf_core_field(ptr %p, ptr @pair.name, i64 15, ptr @tuple.path, i64 1), !dbg !56
  %8 = load i32, ptr %7, align 4
  %a = call ptr @__oxbpf_core_field(ptr %t, ptr @task.name, i64 15, ptr @spaced.path, i64 9), !dbg !56
  %9 = load i32, ptr %a, align 4
  %exists = call i32 @__oxbpf_core_field_info(ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @paths, i64 45), i64 4, i32 2), !dbg !57
  %size = call i32 @__oxbpf_core_field_info(ptr @task.name, i64 15, ptr getelementptr inbounds (i8, ptr @paths, i64 42), i64 3, i32 1), !dbg !57
  %type = call i32 @__oxbpf_core_type_info(ptr @task.name, i64 15, i32 0), !dbg !58
  %tsize = call i32 @__oxbpf_core_type_info(ptr @pair.name, i64 15, i32 1)
  %loop = call i64 @__oxbpf_core_enum_value(ptr @enum.type, i64 15, ptr @enum.loop, i64 13, i64 181, i32 4, i32 0, i32 1), !dbg !58
  %map = call i64 @__oxbpf_core_enum_value(ptr @enum.type, i64 15, ptr @enum.map, i64 30, i64 1, i32 4, i32 0, i32 0), !dbg !58
  %low = call i64 @__oxbpf_core_enum_value(ptr @signed.type, i64 4, ptr @signed.low, i64 3, i64 -2, i32 1, i32 1, i32 1), !dbg !58
  %e1 = add i64 %loop, %map
  %e2 = add i64 %e1, %low
  %s1 = add i32 %1, %4
  %s2 = add i32 %s1, %5
  %s3a = add i32 %s2, %8
  %s3 = add i32 %s3a, %9
  %s4 = add i32 %s3, %exists
  %s5 = add i32 %s4, %size
  %s6 = add i32 %s5, %type
  %s7 = add i32 %s6, %tsize
  %w = zext i32 %s7 to i64
  %c = zext i8 %2 to i64
  %s8 = add i64 %w, %c
  %s9 = add i64 %s8, %3
  %pi = ptrtoint ptr %6 to i64
  %s10 = add i64 %s9, %pi
  %s11 = add i64 %s10, %e2
  ret i64 %s11
}

declare noundef ptr @__oxbpf_core_field(ptr noundef, ptr noundef, i64 noundef, ptr noundef, i64 noundef) unnamed_addr #0
declare noundef i32 @__oxbpf_core_field_info(ptr noundef, i64 noundef, ptr noundef, i64 noundef, i32 noundef) unnamed_addr #0
declare noundef i32 @__oxbpf_core_type_info(ptr noundef, i64 noundef, i32 noundef) unnamed_addr #0
declare noundef i64 @__oxbpf_core_enum_value(ptr noundef, i64 noundef, ptr noundef, i64 noundef, i64 noundef, i32 noundef, i32 noundef, i32 noundef) unnamed_addr #0

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
!6 = !DICompositeType(tag: DW_TAG_structure_type, name: "task", scope: !5, file: !3, size: 704, align: 64, flags: DIFlagPublic, elements: !7, templateParams: !39, identifier: "1a")
!7 = !{!8, !10, !15, !17, !22, !26, !30}
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
!42 = !{!36, !31, !32}
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
