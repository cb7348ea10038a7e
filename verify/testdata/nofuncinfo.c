// A BPF-to-BPF call into a function without debug info: the caller has func
// info in .BTF.ext and the callee none, which the kernel refuses.
#include "common.h"

static __attribute__((noinline, nodebug)) int add(int a, int b)
{
	return a + b;
}

SEC("xdp")
int xdp_nofuncinfo(struct xdp_md *ctx)
{
	return add(ctx->rx_queue_index, 1) > 0 ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
