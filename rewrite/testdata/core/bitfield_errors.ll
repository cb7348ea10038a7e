; options: btf
; A bitfield has no address, and nothing lies in it: errors naming the
; function, and the module left as it was.
source_filename = "probe.ab12cd-cgu.0"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@bits.name = private unnamed_addr constant [15 x i8] c"probe::vm::bits", align 1
@low = private unnamed_addr constant [3 x i8] c"low", align 1
@mid = private unnamed_addr constant [3 x i8] c"mid", align 1
@mid.x = private unnamed_addr constant [5 x i8] c"mid.x", align 1
@wide = private unnamed_addr constant [4 x i8] c"wide", align 1
@_license = constant [4 x i8] c"GPL\00", section "license", align 1

define i64 @read(ptr %b) section "raw_tracepoint/x" !dbg !40 {
start:
  %0 = call ptr @__oxbpf_core_field(ptr %b, ptr @bits.name, i64 15, ptr @mid, i64 3), !dbg !50 ; want "field \"mid\" of probe::vm::bits is a bitfield, which has no address: core_read_bitfield! reads it"
  %1 = call i32 @__oxbpf_core_field_info(ptr @bits.name, i64 15, ptr @mid.x, i64 5, i32 2), !dbg !50 ; want "bits.mid is a bitfield: nothing lies in it"
  %2 = call i32 @__oxbpf_core_field_info(ptr @bits.name, i64 15, ptr @wide, i64 4, i32 0), !dbg !50 ; want "bits.wide does not lie in one 4-byte unit of its struct, as llc reads bitfields"
  ret i64 0
}

declare noundef ptr @__oxbpf_core_field(ptr noundef, ptr noundef, i64 noundef, ptr noundef, i64 noundef) unnamed_addr #0
declare noundef i32 @__oxbpf_core_field_info(ptr noundef, i64 noundef, ptr noundef, i64 noundef, i32 noundef) unnamed_addr #0

attributes #0 = { nounwind }

!llvm.module.flags = !{!0, !1}
!llvm.dbg.cu = !{!2}

!0 = !{i32 7, !"Dwarf Version", i32 4}
!1 = !{i32 2, !"Debug Info Version", i32 3}
!2 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !3, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "src/main.rs", directory: "/probe")
!4 = !DINamespace(name: "probe", scope: null)
!5 = !DINamespace(name: "vm", scope: !4)
!6 = !DICompositeType(tag: DW_TAG_structure_type, name: "bits", scope: !5, file: !3, size: 64, align: 32, flags: DIFlagPublic, elements: !7, templateParams: !39, identifier: "2a")
!7 = !{!8, !10, !13, !20, !25, !60}
!8 = !DIDerivedType(tag: DW_TAG_member, name: "a", scope: !6, file: !3, baseType: !9, size: 32, align: 32, flags: DIFlagPublic)
!9 = !DIBasicType(name: "u32", size: 32, encoding: DW_ATE_unsigned)
!10 = !DIDerivedType(tag: DW_TAG_member, name: "_bitfield_4", scope: !6, file: !3, baseType: !11, size: 16, align: 8, offset: 32, flags: DIFlagPublic)
!11 = !DICompositeType(tag: DW_TAG_array_type, baseType: !12, size: 16, align: 8, elements: !30)
!12 = !DIBasicType(name: "u8", size: 8, encoding: DW_ATE_unsigned)
!13 = !DIDerivedType(tag: DW_TAG_member, name: "low", scope: !6, file: !3, baseType: !14, align: 8, offset: 48, flags: DIFlagPublic)
!14 = !DICompositeType(tag: DW_TAG_structure_type, name: "Bitfield<u8, 32, 3>", scope: !16, file: !3, align: 8, flags: DIFlagPublic, elements: !39, templateParams: !18, identifier: "2b")
!15 = !DINamespace(name: "oxbpf_ebpf", scope: null)
!16 = !DINamespace(name: "co_re", scope: !15)
!17 = !DITemplateTypeParameter(name: "T", type: !12)
!18 = !{!17}
!20 = !DIDerivedType(tag: DW_TAG_member, name: "mid", scope: !6, file: !3, baseType: !21, align: 8, offset: 48, flags: DIFlagPublic)
!21 = !DICompositeType(tag: DW_TAG_structure_type, name: "Bitfield<i16, 35, 9>", scope: !16, file: !3, align: 8, flags: DIFlagPublic, elements: !39, templateParams: !23, identifier: "2c")
!22 = !DITemplateTypeParameter(name: "T", type: !24)
!23 = !{!22}
!24 = !DIBasicType(name: "i16", size: 16, encoding: DW_ATE_signed)
!25 = !DIDerivedType(tag: DW_TAG_member, name: "tail", scope: !6, file: !3, baseType: !26, size: 16, align: 16, offset: 48, flags: DIFlagPublic)
!26 = !DIBasicType(name: "u16", size: 16, encoding: DW_ATE_unsigned)
!30 = !{!31}
!31 = !DISubrange(count: 2, lowerBound: 0)
!32 = !DIDerivedType(tag: DW_TAG_pointer_type, name: "*const probe::vm::bits", baseType: !6, size: 64, align: 64, dwarfAddressSpace: 0)
!39 = !{}
!40 = distinct !DISubprogram(name: "read", linkageName: "read", scope: !4, file: !3, line: 1, type: !41, scopeLine: 1, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !2, templateParams: !39, retainedNodes: !39)
!41 = !DISubroutineType(types: !42)
!42 = !{!9, !32}
!50 = !DILocation(line: 2, column: 5, scope: !40)
!51 = !DILocation(line: 3, column: 5, scope: !40)
!60 = !DIDerivedType(tag: DW_TAG_member, name: "wide", scope: !6, file: !3, baseType: !61, align: 8, offset: 48, flags: DIFlagPublic)
!61 = !DICompositeType(tag: DW_TAG_structure_type, name: "Bitfield<u32, 30, 4>", scope: !16, file: !3, align: 8, flags: DIFlagPublic, elements: !39, templateParams: !63, identifier: "2d")
!62 = !DITemplateTypeParameter(name: "T", type: !9)
!63 = !{!62}
