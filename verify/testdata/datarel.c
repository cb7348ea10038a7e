#include "common.h"

static int limits[2] = { 10, 20 };
int *const limit_ptr = &limits[1];

SEC("xdp")
int xdp_datarel(struct xdp_md *ctx)
{
	return ctx->rx_queue_index < *limit_ptr ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
