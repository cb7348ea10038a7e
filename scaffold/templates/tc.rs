//! A tc classifier: counts the bytes of each EtherType that pass an
//! interface, marks IPv4 packets, and lets everything through.
//!
//! Test it with `oxbpf test`, and run it with `oxbpf run --iface eth0`:
//! attached to eth0's ingress, it prints the counts when you stop it with
//! Ctrl-C. Or attach it with `tc qdisc add dev eth0 clsact` and
//! `tc filter add dev eth0 ingress bpf da obj target/bpf/{{.Bin}}.o sec tc`,
//! and read the counts with `bpftool map dump name BYTES`.
#![no_std]
#![no_main]

use oxbpf_ebpf::prelude::*;

license!("GPL");

/// Bytes per EtherType (0x0800 IPv4, 0x86dd IPv6, ...).
static BYTES: HashMap<u16, u64> = HashMap::with_max_entries(64, 0);

/// The mark IPv4 packets get, for routing rules or iptables to match.
const IPV4_MARK: u32 = 0x4;

tc! {
    fn count_bytes(skb: SkBuffContext) -> i32 {
        let ether_type = skb.protocol();
        match BYTES.get_ptr_mut(&ether_type) {
            Some(bytes) => unsafe { *bytes += skb.len() as u64 },
            None => {
                let _ = BYTES.insert(ether_type, skb.len() as u64, BPF_NOEXIST);
            }
        }
        if ether_type == ETH_P_IP {
            skb.set_mark(IPV4_MARK);
        }
        TC_ACT_OK
    }
}
