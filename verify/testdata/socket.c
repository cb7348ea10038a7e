// A good socket filter: keeps the whole packet.
#include "common.h"

SEC("socket")
int keep_all(struct __sk_buff *skb)
{
	return skb->len;
}

char _license[] SEC("license") = "GPL";
