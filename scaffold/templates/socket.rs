//! A socket filter: keeps the UDP packets a socket would receive and drops
//! the rest, counting both.
//!
//! Build it with `oxbpf build`, then attach the program to a socket from
//! user space (SO_ATTACH_BPF with the loaded program's file descriptor).
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
