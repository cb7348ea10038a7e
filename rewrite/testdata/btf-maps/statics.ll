; options: btf
; Map statics of the oxbpf-ebpf crate as rustc writes them: a hash map
; of u8 to u64 (its name mangled, used by a call, a constant expression
; and a debug record), a queue of u64 (no key), and a ring buffer of
; Event records (no key or value; the record type goes to
; .debug_oxbpf_events) pinned by name. Each becomes a BTF map of its
; static's name with the key and value types; a hand-written BTF map with
; a mangled name gets its static's name.
target triple = "bpfel"

@_ZN3cr19PROTOCOLS17h758be4e461710475E = internal constant [24 x i8] c"\01\00\00\00\01\00\00\00\08\00\00\00\00\01\00\00\00\00\00\00\00\00\00\00", align 8, !dbg !8
@_ZN3cr14WORK17h0000000000000001E = internal constant [24 x i8] c"\16\00\00\00\00\00\00\00\08\00\00\00\80\00\00\00\00\00\00\00\00\00\00\00", align 8, !dbg !40
@_ZN3cr16EVENTS17h0000000000000002E = internal constant [24 x i8] c"\1B\00\00\00\00\00\00\00\00\00\00\00\00\00\01\00\00\00\00\00\01\00\00\00", align 8, !dbg !50
@_ZN3cr15FLOWS17h0000000000000003E = internal global { ptr, ptr } zeroinitializer, section ".maps", align 8, !dbg !60
@table = internal constant [2 x ptr] [ptr @_ZN3cr14WORK17h0000000000000001E, ptr getelementptr (i8, ptr @_ZN3cr16EVENTS17h0000000000000002E, i64 0)]

define i32 @prog(ptr %ctx) section "xdp" !dbg !5 {
  %v = call ptr inttoptr (i64 1 to ptr)(ptr @_ZN3cr19PROTOCOLS17h758be4e461710475E, ptr %ctx)
    #dbg_value(ptr @_ZN3cr19PROTOCOLS17h758be4e461710475E, !7, !DIExpression(), !6)
  %w = call ptr inttoptr (i64 1 to ptr)(ptr @_ZN3cr15FLOWS17h0000000000000003E, ptr %ctx)
  %t = load ptr, ptr @table
  ret i32 2
}

!llvm.dbg.cu = !{!0}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "rustc", emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!5 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 3, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DILocation(line: 4, scope: !5)
!7 = !DILocalVariable(name: "map", scope: !5, file: !1, line: 4, type: !10)
!8 = !DIGlobalVariableExpression(var: !9, expr: !DIExpression())
!9 = distinct !DIGlobalVariable(name: "PROTOCOLS", scope: !1, file: !1, line: 8, type: !10, isLocal: true, isDefinition: true, align: 64)
!10 = !DICompositeType(tag: DW_TAG_structure_type, name: "HashMap<u8, u64>", file: !1, size: 192, align: 64, elements: !15, templateParams: !34)
!15 = !{!16, !27, !31}
!16 = !DIDerivedType(tag: DW_TAG_member, name: "bpf_map_def", scope: !10, file: !1, baseType: !17, size: 192, align: 32)
!17 = !DICompositeType(tag: DW_TAG_structure_type, name: "MapDef", file: !1, size: 192, align: 32, elements: !18)
!18 = !{!19}
!19 = !DIDerivedType(tag: DW_TAG_member, name: "map_type", scope: !17, file: !1, baseType: !20, size: 32, align: 32)
!20 = !DIBasicType(name: "u32", size: 32, encoding: DW_ATE_unsigned)
!21 = !DIBasicType(name: "u8", size: 8, encoding: DW_ATE_unsigned)
!27 = !DIDerivedType(tag: DW_TAG_member, name: "key", scope: !10, file: !1, baseType: !28, align: 8, offset: 192)
!28 = !DICompositeType(tag: DW_TAG_array_type, baseType: !21, align: 8, elements: !29)
!29 = !{!30}
!30 = !DISubrange(count: 0, lowerBound: 0)
!31 = !DIDerivedType(tag: DW_TAG_member, name: "value", scope: !10, file: !1, baseType: !32, align: 64, offset: 192)
!32 = !DICompositeType(tag: DW_TAG_array_type, baseType: !33, align: 64, elements: !29)
!33 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
!34 = !{}
!40 = !DIGlobalVariableExpression(var: !41, expr: !DIExpression())
!41 = distinct !DIGlobalVariable(name: "WORK", scope: !1, file: !1, line: 9, type: !42, isLocal: true, isDefinition: true, align: 64)
!42 = !DICompositeType(tag: DW_TAG_structure_type, name: "Queue<u64>", file: !1, size: 192, align: 64, elements: !43)
!43 = !{!16, !31}
!50 = !DIGlobalVariableExpression(var: !51, expr: !DIExpression())
!51 = distinct !DIGlobalVariable(name: "EVENTS", scope: !1, file: !1, line: 10, type: !52, isLocal: true, isDefinition: true, align: 32)
!52 = !DICompositeType(tag: DW_TAG_structure_type, name: "RingBuf<Event>", file: !1, size: 192, align: 32, elements: !53)
!53 = !{!16, !54}
!54 = !DIDerivedType(tag: DW_TAG_member, name: "event", scope: !52, file: !1, baseType: !55, align: 32, offset: 192)
!55 = !DICompositeType(tag: DW_TAG_array_type, baseType: !56, align: 32, elements: !29)
!56 = !DICompositeType(tag: DW_TAG_structure_type, name: "Event", file: !1, size: 64, align: 32, elements: !34)
!60 = !DIGlobalVariableExpression(var: !61, expr: !DIExpression())
!61 = distinct !DIGlobalVariable(name: "FLOWS", scope: !1, file: !1, line: 11, type: !62, isLocal: true, isDefinition: true, align: 64)
!62 = !DICompositeType(tag: DW_TAG_structure_type, name: "Flows", file: !1, size: 128, align: 64, elements: !34)
