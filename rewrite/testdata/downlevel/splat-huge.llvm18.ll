; options: llvm=18
; A splat too long to write out: the vector literal would be gigabytes.
@small = global <2 x i16> splat (i16 3)
@huge = global <9999999999999992 x i8> splat (i8 1)
