// 4,102 instructions (4,100 of them "r0 = 0"): too many for kernels before 5.2.
#include "common.h"

#define I1 asm volatile("r0 = 0" ::: "r0");
#define I10 I1 I1 I1 I1 I1 I1 I1 I1 I1 I1
#define I100 I10 I10 I10 I10 I10 I10 I10 I10 I10 I10
#define I1000 I100 I100 I100 I100 I100 I100 I100 I100 I100 I100

SEC("xdp")
int xdp_big(struct xdp_md *ctx)
{
	I1000 I1000 I1000 I1000 I100
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
