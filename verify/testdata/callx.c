#include "common.h"

typedef int (*op_fn)(int);
static __attribute__((noinline)) int twice(int x) { return 2 * x; }
static __attribute__((noinline)) int inc(int x) { return x + 1; }
static op_fn ops[2] = { twice, inc };

SEC("xdp")
int xdp_callx(struct xdp_md *ctx)
{
	return ops[ctx->rx_queue_index & 1](ctx->ingress_ifindex) > 0 ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
