// A classifier in a section cilium/ebpf knows (tc_ingress) and libbpf does
// not: a warning, not a problem.
#include "common.h"

SEC("tc_ingress")
int tc_in(void *ctx)
{
	return 0;
}

char _license[] SEC("license") = "GPL";
