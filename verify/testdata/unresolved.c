// References to symbols the object does not define, which no loader can
// resolve: memcpy of an unknown size (as a compiler emits it when it cannot
// expand the copy), an extern function and an extern variable.
#include "common.h"

void *memcpy(void *dst, const void *src, unsigned long n);
extern int checksum(struct xdp_md *ctx);
extern int threshold;

SEC("xdp")
__attribute__((no_builtin("memcpy")))
int xdp_memcpy(struct xdp_md *ctx)
{
	char a[16] = {1}, b[16];
	memcpy(b, a, ctx->rx_queue_index & 15);
	return b[0] ? XDP_PASS : 0;
}

SEC("xdp")
int xdp_extern(struct xdp_md *ctx)
{
	return checksum(ctx) ? XDP_PASS : 0;
}

SEC("xdp")
int xdp_extern_var(struct xdp_md *ctx)
{
	return ctx->rx_queue_index > threshold ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
