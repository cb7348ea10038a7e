// No license section.
#include "common.h"

SEC("xdp")
int xdp_nolicense(struct xdp_md *ctx)
{
	return XDP_PASS;
}
