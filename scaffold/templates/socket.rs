//! A socket filter: keeps the UDP packets a socket would receive and drops
//! the rest, counting both.
//!
//! Test it with `oxbpf test`, and run it with `oxbpf run --iface eth0`,
//! which attaches it to a raw socket on eth0 and prints the counts when you
//! stop it with Ctrl-C. Your own program attaches it to its socket with
//! SO_ATTACH_BPF and the loaded program's file descriptor.
#![no_std]
#![no_main]

use oxbpf_ebpf::prelude::*;

license!("GPL");

/// [0] packets kept, [1] packets dropped.
static VERDICTS: Array<u64> = Array::with_max_entries(2, 0);

fn count(slot: u32) {
    if let Some(n) = VERDICTS.get_ptr_mut(slot) {
        unsafe { *n += 1 };
    }
}

socket_filter! {
    fn keep_udp(skb: SkBuffContext) -> u32 {
        // Offsets from the network header hold whatever the socket's
        // packets start with.
        let udp = skb.protocol() == ETH_P_IP
            && matches!(skb.load_network::<Ipv4Hdr>(0), Ok(ip) if ip.protocol == IPPROTO_UDP);
        if udp {
            count(0);
            skb.len() // keep all of it
        } else {
            count(1);
            0 // drop
        }
    }
}
