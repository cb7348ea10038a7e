; Typed pointers (rustc 1.63): the same, behind a bitcast.
define i32 @prog(i8* %map, i32* %key) section "xdp" {
  %k = bitcast i32* %key to i8*
  %1 = call i8* bitcast (i8* (i8*, i8*)* inttoptr (i64 1 to i8* (i8*, i8*)*) to i8* (i8*, i8*)*)(i8* %map, i8* %k)
  ret i32 2
}
