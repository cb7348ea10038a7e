// A tentative definition built with -fcommon lands in SHN_COMMON, which
// loaders cannot place: cilium/ebpf refuses the whole object.
#include "common.h"

__u32 hits;

SEC("xdp")
int xdp_common(struct xdp_md *ctx)
{
	return hits ? XDP_PASS : 0;
}

char _license[] SEC("license") = "GPL";
