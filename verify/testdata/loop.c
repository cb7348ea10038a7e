// A bounded loop kept as a loop: kernels before 5.3 reject the back edge.
#include "common.h"

SEC("xdp")
int xdp_loop(struct xdp_md *ctx)
{
	__u8 *data = (__u8 *)(long)ctx->data;
	__u8 *end = (__u8 *)(long)ctx->data_end;
	__u32 sum = 0;
#pragma nounroll
	for (int i = 0; i < 16; i++) {
		if (data + i + 1 > end)
			break;
		sum += data[i];
	}
	return sum & 1 ? 0 : XDP_PASS;
}

char _license[] SEC("license") = "GPL";
