; options: llvm=16
; A field of each kind that LLVM 20 to 22 added to debug-info nodes (and
; LLVM 19's pointer authentication): every one is dropped for LLVM 16,
; which would refuse it ("invalid field"). A compile unit that named its
; language only the new way gets language: DW_LANG_C.
target triple = "x86_64-unknown-linux-gnu"

define void @f() !dbg !3 {
start:
  call void @llvm.donothing(), !dbg !9
  ret void
}

declare void @llvm.donothing()

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!8}

!0 = distinct !DICompileUnit(sourceLanguageName: DW_LNAME_Rust, sourceLanguageVersion: 0, file: !1, producer: "rustc", isOptimized: true, emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "/build")
!2 = !DISubroutineType(types: !{null})
!3 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 1, type: !2, spFlags: DISPFlagDefinition, unit: !0, keyInstructions: true)
!4 = !DIBasicType(name: "bool", size: 8, encoding: DW_ATE_boolean, num_extra_inhabitants: 254)
!5 = !DICompositeType(tag: DW_TAG_structure_type, name: "S", file: !1, size: 8, elements: !{}, num_extra_inhabitants: 1, enumKind: DW_APPLE_ENUM_KIND_Closed, identifier: "S")
!6 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !4, size: 64, ptrAuthKey: 2, ptrAuthIsAddressDiscriminated: true, ptrAuthExtraDiscriminator: 7)
!7 = !DILabel(scope: !3, name: "l", file: !1, line: 2, column: 3, isArtificial: true, coroSuspendIdx: 1)
!8 = !{i32 2, !"Debug Info Version", i32 3}
!9 = !DILocation(line: 1, column: 2, scope: !3, atomGroup: 1, atomRank: 1)
