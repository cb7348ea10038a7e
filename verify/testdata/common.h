/* Just enough of the kernel's UAPI for the test programs, so that they build
 * with clang alone: no libbpf or kernel headers on the include path. */
#pragma once

typedef unsigned char __u8;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

/* The legacy map definition loaders read from sections named "maps". */
struct bpf_map_def {
	__u32 type;
	__u32 key_size;
	__u32 value_size;
	__u32 max_entries;
	__u32 map_flags;
};

#define BPF_MAP_TYPE_ARRAY 2

struct xdp_md {
	__u32 data;
	__u32 data_end;
	__u32 data_meta;
	__u32 ingress_ifindex;
	__u32 rx_queue_index;
	__u32 egress_ifindex;
};

#define XDP_PASS 2

struct __sk_buff {
	__u32 len;
};

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
