// Programs the verifier refuses, each for a reason the tests expect.
#include "common.h"

// Reads the packet without checking data_end.
SEC("xdp")
int xdp_unchecked(struct xdp_md *ctx)
{
	__u8 *data = (__u8 *)(long)ctx->data;
	return data[0] ? XDP_PASS : 0;
}

// Exits without setting the return value, as a bare "exit" in a panic
// handler does.
SEC("xdp")
__attribute__((naked))
int xdp_noret(struct xdp_md *ctx)
{
	asm volatile("exit");
}

char _license[] SEC("license") = "GPL";
