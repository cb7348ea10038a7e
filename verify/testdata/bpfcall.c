// A BPF-to-BPF call: add is kept out of line on purpose.
#include "common.h"

static __attribute__((noinline)) int add(int a, int b)
{
	return a + b;
}

SEC("xdp")
int xdp_call(struct xdp_md *ctx)
{
	return add(ctx->rx_queue_index, 1) > 0 ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
