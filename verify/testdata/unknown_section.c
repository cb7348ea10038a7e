// A section name that no loader maps to a program type.
#include "common.h"

SEC("probe/whatever")
int mystery(void *ctx)
{
	return 0;
}

char _license[] SEC("license") = "GPL";
