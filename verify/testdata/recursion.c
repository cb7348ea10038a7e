#include "common.h"

static __attribute__((noinline)) int even(int n);
static __attribute__((noinline)) int odd(int n) { return n == 0 ? 0 : even(n - 1); }
static __attribute__((noinline)) int even(int n) { return n == 0 ? 1 : odd(n - 1); }

SEC("xdp")
int xdp_recursion(struct xdp_md *ctx)
{
	return even(ctx->rx_queue_index & 7) ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
