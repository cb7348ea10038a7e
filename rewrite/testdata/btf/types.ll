; options: btf
; rustc's debug info for the kinds of types kernel BTF refuses as they are:
; a generic and a tuple (names), a pointer with a name, members in layout
; order, the unit type, a data-carrying enum (a variant part whose
; discriminant is at offset 0) and one whose discriminant sits in a niche
; at offset 32. Two types whose names clash once sanitized stay distinct.
source_filename = "types.a01d3aea936ab58-cgu.0"

@M = global i32 0, section ".maps", !dbg !40
@prog.state = internal global i32 0, !dbg !41

define i32 @prog(ptr %ctx) section "xdp" !dbg !30 {
  ret i32 2
}

define internal i32 @helper(i32 %x) !dbg !31 {
  ret i32 %x
}

!llvm.dbg.cu = !{!0}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "rustc", isOptimized: true, emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs/@/types.a01d3aea936ab58-cgu.0", directory: "")
!2 = !DIFile(filename: "src/main.rs", directory: "")
!3 = !DIBasicType(name: "u16", size: 16, encoding: DW_ATE_unsigned)
!4 = !DIBasicType(name: "u8", size: 8, encoding: DW_ATE_unsigned)
!5 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
!6 = !DICompositeType(tag: DW_TAG_structure_type, name: "Ports<u16>", file: !2, size: 32, elements: !7, identifier: "p16")
!7 = !{!8, !9}
!8 = !DIDerivedType(tag: DW_TAG_member, name: "src", scope: !6, baseType: !3, size: 16)
!9 = !DIDerivedType(tag: DW_TAG_member, name: "dst", scope: !6, baseType: !3, size: 16, offset: 16)
!10 = !DICompositeType(tag: DW_TAG_structure_type, name: "(u8, u64)", file: !2, size: 128, elements: !11, identifier: "t")
!11 = !{!12, !13}
!12 = !DIDerivedType(tag: DW_TAG_member, name: "__1", scope: !10, baseType: !5, size: 64, offset: 64)
!13 = !DIDerivedType(tag: DW_TAG_member, name: "__0", scope: !10, baseType: !4, size: 8)
!14 = !DIDerivedType(tag: DW_TAG_pointer_type, name: "*const u8", baseType: !4, size: 64)
!15 = !DIBasicType(name: "()", encoding: DW_ATE_unsigned)
!16 = !DICompositeType(tag: DW_TAG_structure_type, name: "Ports(u16)", file: !2, size: 32, elements: !{}, identifier: "p16b")
!17 = !DICompositeType(tag: DW_TAG_structure_type, name: "E", file: !2, size: 64, elements: !18, identifier: "e")
!18 = !{!19}
!19 = !DICompositeType(tag: DW_TAG_variant_part, scope: !17, file: !2, size: 64, elements: !20, identifier: "ev", discriminator: !25)
!20 = !{!21, !23}
!21 = !DIDerivedType(tag: DW_TAG_member, name: "A", scope: !19, file: !2, baseType: !22, size: 64, extraData: i8 0)
!22 = !DICompositeType(tag: DW_TAG_structure_type, name: "A", scope: !17, file: !2, size: 64, elements: !{}, identifier: "ea")
!23 = !DIDerivedType(tag: DW_TAG_member, name: "B", scope: !19, file: !2, baseType: !24, size: 64, extraData: i8 1)
!24 = !DICompositeType(tag: DW_TAG_structure_type, name: "B", scope: !17, file: !2, size: 64, elements: !{}, identifier: "eb")
!25 = !DIDerivedType(tag: DW_TAG_member, scope: !17, file: !2, baseType: !4, size: 8, flags: DIFlagArtificial)
!26 = !DICompositeType(tag: DW_TAG_structure_type, name: "Option<&u8>", file: !2, size: 64, elements: !27, identifier: "o")
!27 = !{!28}
!28 = !DICompositeType(tag: DW_TAG_variant_part, scope: !26, file: !2, size: 64, elements: !{}, identifier: "ov", discriminator: !29)
!29 = !DIDerivedType(tag: DW_TAG_member, scope: !26, file: !2, baseType: !5, size: 32, offset: 32, flags: DIFlagArtificial)
!30 = distinct !DISubprogram(name: "prog", scope: !2, file: !2, line: 3, type: !32, spFlags: DISPFlagDefinition, unit: !0)
!31 = distinct !DISubprogram(name: "helper<u8>", linkageName: "_ZN5types6helper17h249e63a413496ea9E", scope: !2, file: !2, line: 9, type: !32, spFlags: DISPFlagDefinition, unit: !0)
!32 = !DISubroutineType(types: !{!3})
!40 = !DIGlobalVariableExpression(var: !42, expr: !DIExpression())
!41 = !DIGlobalVariableExpression(var: !43, expr: !DIExpression())
!42 = distinct !DIGlobalVariable(name: "M", scope: !2, file: !2, line: 1, type: !3, isLocal: false, isDefinition: true)
!43 = distinct !DIGlobalVariable(name: "prog::STATE", scope: !2, file: !2, line: 2, type: !3, isLocal: true, isDefinition: true)
