// A tracing program (fentry): this host's kernel (6.18) refuses to load it
// with EPERM even as root; the report must not blame privilege.
#include "common.h"
SEC("fentry/bpf_fentry_test1")
int on_entry(void *ctx)
{
	return 0;
}
char _license[] SEC("license") = "GPL";
