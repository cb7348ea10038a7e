; ModuleID = 'verify/testdata/jumptable.c'
source_filename = "verify/testdata/jumptable.c"
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "bpfel"

@_license = dso_local global [4 x i8] c"GPL\00", section "license", align 1
@llvm.compiler.used = appending global [2 x ptr] [ptr @_license, ptr @xdp_switch], section "llvm.metadata"

; Function Attrs: mustprogress nofree norecurse nosync nounwind willreturn memory(argmem: read)
define dso_local range(i32 0, 4) i32 @xdp_switch(ptr nocapture noundef readonly %0) #0 section "xdp" {
  %2 = getelementptr inbounds i8, ptr %0, i64 12
  %3 = load i32, ptr %2, align 4, !tbaa !2
  %4 = getelementptr inbounds i8, ptr %0, i64 16
  %5 = load i32, ptr %4, align 4, !tbaa !7
  switch i32 %5, label %74 [
    i32 0, label %6
    i32 1, label %8
    i32 2, label %11
    i32 3, label %71
    i32 4, label %14
    i32 5, label %17
    i32 6, label %20
    i32 7, label %23
    i32 8, label %26
    i32 9, label %29
    i32 10, label %32
    i32 11, label %71
    i32 12, label %35
    i32 13, label %38
    i32 14, label %41
    i32 15, label %44
    i32 16, label %47
    i32 17, label %50
    i32 18, label %53
    i32 19, label %56
    i32 20, label %59
    i32 21, label %62
    i32 22, label %65
    i32 23, label %68
  ]

6:                                                ; preds = %1
  %7 = mul i32 %3, 3
  br label %71

8:                                                ; preds = %1
  %9 = mul i32 %3, 10
  %10 = or disjoint i32 %9, 1
  br label %71

11:                                               ; preds = %1
  %12 = mul i32 %3, 17
  %13 = add i32 %12, 2
  br label %71

14:                                               ; preds = %1
  %15 = mul i32 %3, 31
  %16 = add i32 %15, 4
  br label %71

17:                                               ; preds = %1
  %18 = mul i32 %3, 38
  %19 = add i32 %18, 5
  br label %71

20:                                               ; preds = %1
  %21 = mul i32 %3, 45
  %22 = add i32 %21, 6
  br label %71

23:                                               ; preds = %1
  %24 = mul i32 %3, 52
  %25 = add i32 %24, 7
  br label %71

26:                                               ; preds = %1
  %27 = mul i32 %3, 59
  %28 = add i32 %27, 8
  br label %71

29:                                               ; preds = %1
  %30 = mul i32 %3, 66
  %31 = add i32 %30, 9
  br label %71

32:                                               ; preds = %1
  %33 = mul i32 %3, 73
  %34 = add i32 %33, 10
  br label %71

35:                                               ; preds = %1
  %36 = mul i32 %3, 87
  %37 = add i32 %36, 12
  br label %71

38:                                               ; preds = %1
  %39 = mul i32 %3, 94
  %40 = add i32 %39, 13
  br label %71

41:                                               ; preds = %1
  %42 = mul i32 %3, 101
  %43 = add i32 %42, 14
  br label %71

44:                                               ; preds = %1
  %45 = mul i32 %3, 108
  %46 = add i32 %45, 15
  br label %71

47:                                               ; preds = %1
  %48 = mul i32 %3, 115
  %49 = add i32 %48, 16
  br label %71

50:                                               ; preds = %1
  %51 = mul i32 %3, 122
  %52 = add i32 %51, 17
  br label %71

53:                                               ; preds = %1
  %54 = mul i32 %3, 129
  %55 = add i32 %54, 18
  br label %71

56:                                               ; preds = %1
  %57 = mul i32 %3, 136
  %58 = add i32 %57, 19
  br label %71

59:                                               ; preds = %1
  %60 = mul i32 %3, 143
  %61 = add i32 %60, 20
  br label %71

62:                                               ; preds = %1
  %63 = mul i32 %3, 150
  %64 = add i32 %63, 21
  br label %71

65:                                               ; preds = %1
  %66 = mul i32 %3, 157
  %67 = add i32 %66, 22
  br label %71

68:                                               ; preds = %1
  %69 = mul i32 %3, 164
  %70 = add i32 %69, 23
  br label %71

71:                                               ; preds = %1, %1, %68, %65, %62, %59, %56, %53, %50, %47, %44, %41, %38, %35, %32, %29, %26, %23, %20, %17, %14, %11, %8, %6
  %72 = phi i32 [ %70, %68 ], [ %67, %65 ], [ %64, %62 ], [ %61, %59 ], [ %58, %56 ], [ %55, %53 ], [ %52, %50 ], [ %49, %47 ], [ %46, %44 ], [ %43, %41 ], [ %40, %38 ], [ %37, %35 ], [ %34, %32 ], [ %31, %29 ], [ %28, %26 ], [ %25, %23 ], [ %22, %20 ], [ %19, %17 ], [ %16, %14 ], [ %13, %11 ], [ %10, %8 ], [ %7, %6 ], [ %5, %1 ], [ %5, %1 ]
  %73 = and i32 %72, 3
  br label %74

74:                                               ; preds = %1, %71
  %75 = phi i32 [ %73, %71 ], [ 1, %1 ]
  ret i32 %75
}

attributes #0 = { mustprogress nofree norecurse nosync nounwind willreturn memory(argmem: read) "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" }

!llvm.module.flags = !{!0, !1}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 7, !"frame-pointer", i32 2}
!2 = !{!3, !4, i64 12}
!3 = !{!"xdp_md", !4, i64 0, !4, i64 4, !4, i64 8, !4, i64 12, !4, i64 16, !4, i64 20}
!4 = !{!"int", !5, i64 0}
!5 = !{!"omnipotent char", !6, i64 0}
!6 = !{!"Simple C/C++ TBAA"}
!7 = !{!3, !4, i64 16}
