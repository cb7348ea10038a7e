//! oxbpf's bundled example: an XDP program that counts IPv4 packets per IP
//! protocol in a hash map and drops UDP packets to the discard and chargen
//! ports (9, 19).
//!
//! It is written on oxbpf-ebpf, the support crate `oxbpf new` vendors into
//! every crate it writes: the map is a static, the program a macro, the
//! headers typed and read through a bounds-checked cursor. A panic (the
//! table index below can fail) ends the program with return value 0,
//! XDP_ABORTED: oxbpf rewrites every panic into `return 0`.
#![no_std]
#![no_main]

use core::sync::atomic::{AtomicU64, Ordering};
use oxbpf_ebpf::prelude::*;

license!("GPL");

/// Packets per IP protocol number.
static PROTOCOLS: HashMap<u32, u64> = HashMap::with_max_entries(256, 0);

/// UDP ports whose packets are dropped: discard and chargen.
const DROPPED_PORTS: [u16; 2] = [9, 19];

xdp! {
    fn xdp_count(ctx: XdpContext) -> u32 {
        let mut cur = ctx.cursor();
        let Some(eth) = cur.read::<EthHdr>() else { return XDP_PASS };
        if eth.ether_type() != ETH_P_IP {
            return XDP_PASS;
        }
        // IPv4 without options, then UDP.
        let Some(ip) = cur.read::<Ipv4Hdr>() else { return XDP_PASS };
        let Some(udp) = cur.read::<UdpHdr>() else { return XDP_PASS };
        count(ip.protocol as u32);
        if ip.protocol == IPPROTO_UDP {
            // The slot comes from the packet and can be out of range: then
            // the index panics and the program returns 0, XDP_ABORTED.
            let slot = (udp.check[1] & 3) as usize;
            if udp.dst_port() == DROPPED_PORTS[slot] {
                return XDP_DROP;
            }
        }
        XDP_PASS
    }
}

fn count(protocol: u32) {
    match PROTOCOLS.get_ptr_mut(&protocol) {
        Some(n) => unsafe { AtomicU64::from_ptr(n).fetch_add(1, Ordering::Relaxed) },
        None => {
            let _ = PROTOCOLS.insert(protocol, 1, BPF_NOEXIST);
            0
        }
    };
}
