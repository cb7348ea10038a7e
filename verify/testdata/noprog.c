// Maps and a license, but no program.
#include "common.h"

struct bpf_map_def SEC("maps") lonely = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u32),
	.max_entries = 4,
};

char _license[] SEC("license") = "GPL";
