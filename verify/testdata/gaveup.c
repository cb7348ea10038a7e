// A loop the verifier walks until it gives up ("the sequence of 8193
// jumps is too complex"), a load that Linux 6.18 fails with EFAULT.
#include "common.h"

SEC("xdp")
int xdp_spin(struct xdp_md *ctx)
{
	volatile __u32 sum = 0;
	for (__u32 i = 0; i < ctx->rx_queue_index; i++) {
		sum += i * 7;
		if (sum == 12345)
			sum ^= i;
	}
	return sum & 1 ? 2 : 1;
}

char _license[] SEC("license") = "GPL";
