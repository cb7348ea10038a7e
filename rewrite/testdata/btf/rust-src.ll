; options: btf rustc-commit=59807616e1fa2540724bfbac14d7976d7e4a3860
; With rust-src installed, rustc names the standard library's files by
; their place in the sysroot, under the user's home: they become
; library/... in /rustc/<commit>, as rustc writes them without rust-src.
; A Windows sysroot (backslashes), a file split into directory and name,
; the crate's own file and an already virtual file; the last two stay.
define i32 @prog(ptr %ctx) section "xdp" !dbg !10 {
  ret i32 2
}

!llvm.dbg.cu = !{!0}
!llvm.ident = !{!9}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "clang LLVM (rustc version 1.95.0 (59807616e 2026-04-14))", isOptimized: true, emissionKind: FullDebug)
!1 = !DIFile(filename: "src/main.rs", directory: "")
!2 = !DIFile(filename: "/home/ann/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/core/src/option.rs", directory: "", checksumkind: CSK_MD5, checksum: "9b875f3ee90b4abbf50efdba3db39504")
!3 = !DIFile(filename: "C:\5CUsers\5Cann\5C.rustup\5Ctoolchains\5Cstable-x86_64-pc-windows-msvc\5Clib\5Crustlib\5Csrc\5Crust\5Clibrary\5Ccore\5Csrc\5Ccmp.rs", directory: "")
!4 = !DIFile(filename: "library/core/src/ptr/mod.rs", directory: "/opt/rust/toolchains/1.95.0-x86_64-unknown-linux-gnu/lib/rustlib/src/rust")
!5 = !DIFile(filename: "library/core/src/num/mod.rs", directory: "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860")
!9 = !{!"rustc version 1.95.0 (59807616e 2026-04-14)"}
!10 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 1, type: !11, unit: !0)
!11 = !DISubroutineType(types: !12)
!12 = !{}
!13 = !{!2, !3, !4, !5}
