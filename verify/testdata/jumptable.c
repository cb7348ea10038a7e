// A switch that llc-22 compiles into a jump table at -mcpu v4: a
// .jumptables section and BPF.JT.* symbols, which loaders cannot place.
// clang-19 writes the IR; llc-22 compiles it (see the Makefile).
#include "common.h"

SEC("xdp")
int xdp_switch(struct xdp_md *ctx)
{
	__u32 x = ctx->ingress_ifindex;
	switch (ctx->rx_queue_index) {
	case 0: x = x * 3 + 0; break;
	case 1: x = x * 10 + 1; break;
	case 2: x = x * 17 + 2; break;
	case 3: x = x * 24 + 3; break;
	case 4: x = x * 31 + 4; break;
	case 5: x = x * 38 + 5; break;
	case 6: x = x * 45 + 6; break;
	case 7: x = x * 52 + 7; break;
	case 8: x = x * 59 + 8; break;
	case 9: x = x * 66 + 9; break;
	case 10: x = x * 73 + 10; break;
	case 11: x = x * 80 + 11; break;
	case 12: x = x * 87 + 12; break;
	case 13: x = x * 94 + 13; break;
	case 14: x = x * 101 + 14; break;
	case 15: x = x * 108 + 15; break;
	case 16: x = x * 115 + 16; break;
	case 17: x = x * 122 + 17; break;
	case 18: x = x * 129 + 18; break;
	case 19: x = x * 136 + 19; break;
	case 20: x = x * 143 + 20; break;
	case 21: x = x * 150 + 21; break;
	case 22: x = x * 157 + 22; break;
	case 23: x = x * 164 + 23; break;
	default: return 1;
	}
	return x & 3;
}

char _license[] SEC("license") = "GPL";
