//! The numbers of the kernel's BPF UAPI that programs return or pass:
//! verdicts, protocols, map types and flags, as in `linux/bpf.h`,
//! `linux/pkt_cls.h`, `linux/if_ether.h` and `linux/in.h`.

/// XDP verdicts (`enum xdp_action`), what an XDP program returns: an
/// error; the packet is dropped and a trace event says so.
pub const XDP_ABORTED: u32 = 0;
/// Drop the packet.
pub const XDP_DROP: u32 = 1;
/// Hand the packet to the network stack.
pub const XDP_PASS: u32 = 2;
/// Send the packet back out of the interface it came in on.
pub const XDP_TX: u32 = 3;
/// Send the packet where `bpf_redirect` or `bpf_redirect_map` said.
pub const XDP_REDIRECT: u32 = 4;

/// tc verdicts (`TC_ACT_*`), what a tc (classifier) program returns:
/// use the filter's default action.
pub const TC_ACT_UNSPEC: i32 = -1;
/// Let the packet through.
pub const TC_ACT_OK: i32 = 0;
/// Classify the packet again.
pub const TC_ACT_RECLASSIFY: i32 = 1;
/// Drop the packet.
pub const TC_ACT_SHOT: i32 = 2;
/// Go on with the next action.
pub const TC_ACT_PIPE: i32 = 3;
/// The packet was consumed.
pub const TC_ACT_STOLEN: i32 = 4;
/// The packet is queued.
pub const TC_ACT_QUEUED: i32 = 5;
/// Run the action again.
pub const TC_ACT_REPEAT: i32 = 6;
/// Send the packet where `bpf_redirect` said.
pub const TC_ACT_REDIRECT: i32 = 7;

/// Verdicts of `sk_skb` and socket-lookup programs: drop.
pub const SK_DROP: u32 = 0;
/// Verdicts of `sk_skb` and socket-lookup programs: pass.
pub const SK_PASS: u32 = 1;

/// EtherTypes (`ETH_P_*`) in host order, to compare with
/// [`EthHdr::ether_type`](crate::net::EthHdr::ether_type): IPv4.
pub const ETH_P_IP: u16 = 0x0800;
/// ARP.
pub const ETH_P_ARP: u16 = 0x0806;
/// IPv6.
pub const ETH_P_IPV6: u16 = 0x86DD;
/// An 802.1Q VLAN tag.
pub const ETH_P_8021Q: u16 = 0x8100;
/// An 802.1ad (QinQ) VLAN tag.
pub const ETH_P_8021AD: u16 = 0x88A8;
/// Every protocol, for packet sockets.
pub const ETH_P_ALL: u16 = 0x0003;

/// IP protocol numbers (`IPPROTO_*`): ICMP.
pub const IPPROTO_ICMP: u8 = 1;
/// IP in IP.
pub const IPPROTO_IPIP: u8 = 4;
/// TCP.
pub const IPPROTO_TCP: u8 = 6;
/// UDP.
pub const IPPROTO_UDP: u8 = 17;
/// IPv6 in IP.
pub const IPPROTO_IPV6: u8 = 41;
/// GRE.
pub const IPPROTO_GRE: u8 = 47;
/// ICMPv6.
pub const IPPROTO_ICMPV6: u8 = 58;
/// SCTP.
pub const IPPROTO_SCTP: u8 = 132;

/// Map update flags: create or replace.
pub const BPF_ANY: u64 = 0;
/// Map update flags: create only; fail if the key exists.
pub const BPF_NOEXIST: u64 = 1;
/// Map update flags: replace only; fail if the key does not exist.
pub const BPF_EXIST: u64 = 2;
/// Map update flags: update under the value's `bpf_spin_lock`.
pub const BPF_F_LOCK: u64 = 4;

/// Map flags: do not allocate every entry up front (required for LPM tries).
pub const BPF_F_NO_PREALLOC: u32 = 1 << 0;
/// Map flags: an LRU map with a free list per CPU.
pub const BPF_F_NO_COMMON_LRU: u32 = 1 << 1;
/// Map flags: user space may only read the map.
pub const BPF_F_RDONLY: u32 = 1 << 3;
/// Map flags: user space may only write the map.
pub const BPF_F_WRONLY: u32 = 1 << 4;
/// Map flags: programs may only read the map.
pub const BPF_F_RDONLY_PROG: u32 = 1 << 7;
/// Map flags: programs may only write the map.
pub const BPF_F_WRONLY_PROG: u32 = 1 << 8;
/// Map flags: user space may mmap the array.
pub const BPF_F_MMAPABLE: u32 = 1 << 10;

/// Perf event output: the current CPU's buffer.
pub const BPF_F_CURRENT_CPU: u64 = 0xffff_ffff;
/// Perf event output: the bits of the flags that hold a CPU index.
pub const BPF_F_INDEX_MASK: u64 = 0xffff_ffff;

/// `bpf_skb_store_bytes`: recompute the checksum over the bytes stored.
pub const BPF_F_RECOMPUTE_CSUM: u64 = 1 << 0;
/// `bpf_skb_store_bytes`: invalidate the packet's hash.
pub const BPF_F_INVALIDATE_HASH: u64 = 1 << 1;
/// Checksum replace: the bits that hold the size of the field changed.
pub const BPF_F_HDR_FIELD_MASK: u64 = 0xf;
/// `bpf_l4_csum_replace`: the field is part of the pseudo-header (an address).
pub const BPF_F_PSEUDO_HDR: u64 = 1 << 4;
/// `bpf_l4_csum_replace`: a zero checksum stays zero (UDP over IPv4).
pub const BPF_F_MARK_MANGLED_0: u64 = 1 << 5;
/// `bpf_redirect`: to the interface's ingress instead of its egress.
pub const BPF_F_INGRESS: u64 = 1 << 0;

/// `bpf_skb_load_bytes_relative`: offsets from the MAC (Ethernet) header.
pub const BPF_HDR_START_MAC: u32 = 0;
/// `bpf_skb_load_bytes_relative`: offsets from the network (IP) header.
pub const BPF_HDR_START_NET: u32 = 1;

/// Ring buffer submit flags: do not wake up the reader.
pub const BPF_RB_NO_WAKEUP: u64 = 1 << 0;
/// Ring buffer submit flags: wake up the reader.
pub const BPF_RB_FORCE_WAKEUP: u64 = 1 << 1;

/// Map types (`enum bpf_map_type`): a hash map.
pub const BPF_MAP_TYPE_HASH: u32 = 1;
/// An array.
pub const BPF_MAP_TYPE_ARRAY: u32 = 2;
/// An array of programs for tail calls.
pub const BPF_MAP_TYPE_PROG_ARRAY: u32 = 3;
/// Perf event buffers, one per CPU.
pub const BPF_MAP_TYPE_PERF_EVENT_ARRAY: u32 = 4;
/// A hash map with a value per CPU.
pub const BPF_MAP_TYPE_PERCPU_HASH: u32 = 5;
/// An array with a value per CPU.
pub const BPF_MAP_TYPE_PERCPU_ARRAY: u32 = 6;
/// Stack traces, for `bpf_get_stackid`.
pub const BPF_MAP_TYPE_STACK_TRACE: u32 = 7;
/// A hash map that evicts its least recently used entries.
pub const BPF_MAP_TYPE_LRU_HASH: u32 = 9;
/// An LRU hash map with a value per CPU.
pub const BPF_MAP_TYPE_LRU_PERCPU_HASH: u32 = 10;
/// A longest-prefix-match trie.
pub const BPF_MAP_TYPE_LPM_TRIE: u32 = 11;
/// Network devices to redirect to.
pub const BPF_MAP_TYPE_DEVMAP: u32 = 14;
/// AF_XDP sockets to redirect to.
pub const BPF_MAP_TYPE_XSKMAP: u32 = 17;
/// A first-in, first-out queue.
pub const BPF_MAP_TYPE_QUEUE: u32 = 22;
/// A last-in, first-out stack.
pub const BPF_MAP_TYPE_STACK: u32 = 23;
/// A ring buffer to user space.
pub const BPF_MAP_TYPE_RINGBUF: u32 = 27;
