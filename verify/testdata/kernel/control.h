/* What the control objects share: each uses one thing a kernel release
 * brought, so that --kernel refuses it before that release and the real
 * kernels refuse or take it as the table says (verify/kernel_test.go).
 * Just enough of libbpf's macros to build with clang alone. */
#pragma once

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define __array(name, val) typeof(val) *name[]

char _license[] SEC("license") = "GPL";
