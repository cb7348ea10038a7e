; Typed-pointer IR (rustc 1.64 and older): the helper's constant has the
; declaration's function pointer type.
define i64 @prog(i8* %ctx) section "xdp" {
  %v = call i8* @bpf_map_lookup_elem(i8* null, i8* %ctx)
  %t = call i64 @bpf_ktime_get_ns()
  ret i64 %t
}

declare i64 @bpf_ktime_get_ns()
declare i8* @bpf_map_lookup_elem(i8*, i8*)
