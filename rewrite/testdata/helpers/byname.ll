; Helpers declared by name: called directly, and passed as a function
; pointer; a bpf_ name that is no helper is an error naming the nearest.
; A defined bpf_ function stays.
define i64 @prog(ptr %ctx) section "xdp" {
  %t = call i64 @bpf_ktime_get_ns()
  %v = call ptr @bpf_map_lookup_elem(ptr null, ptr %ctx)
  %n = call i64 @bpf_ktime_get_nsec()
  %f = call i32 @bpf_local(ptr @bpf_get_prandom_u32)
  ret i64 %t
}

define i32 @bpf_local(ptr %fn) {
  ret i32 0
}

declare i64 @bpf_ktime_get_ns()
declare ptr @bpf_map_lookup_elem(ptr, ptr)
declare i64 @bpf_ktime_get_nsec() ; want "bpf_ktime_get_nsec is declared but is no kernel helper: did you mean bpf_ktime_get_ns \\(helper 5"
declare i32 @bpf_get_prandom_u32()
