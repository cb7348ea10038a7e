; options: bigendian
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu" ; want "bpfeb output from IR compiled for a little-endian host \\(x86_64-unknown-linux-gnu\\)"

define i16 @to_be(i16 %x) {
  %r = call i16 @llvm.bswap.i16(i16 %x)
  ret i16 %r
}

declare i16 @llvm.bswap.i16(i16)
