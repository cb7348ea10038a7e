; The const pointer arguments of helper calls get readonly and
; nocapture: map_update_elem's key and value, not its map; an
; argument with attributes of its own keeps them; a call that is no
; helper, and a helper's non-pointer arguments, stay as they are.
define i32 @prog(ptr %ctx, ptr %map) section "xdp" {
  %key = alloca i32, align 4
  %value = alloca i64, align 8
  %1 = call i64 inttoptr (i64 2 to ptr)(ptr %map, ptr nonnull %key, ptr noundef %value, i64 0)
  %2 = call ptr inttoptr (i64 1 to ptr)(ptr %map, ptr %key)
  %3 = call i64 @other(ptr %key)
  %4 = call i64 inttoptr (i64 4 to ptr)(ptr %value, i32 8, ptr %ctx)
  ret i32 2
}

declare i64 @other(ptr)
