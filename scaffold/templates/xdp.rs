//! An XDP program: counts the packets of each IP protocol arriving on an
//! interface, and passes them all on.
//!
//! Test it with `oxbpf test`, and run it with `oxbpf run --iface eth0`:
//! attached to eth0, it prints the counts when you stop it with Ctrl-C. Or
//! attach it with `ip link set dev eth0 xdp obj target/bpf/{{.Bin}}.o sec
//! xdp` and read the counts with `bpftool map dump name PROTOCOLS`.
#![no_std]
#![no_main]

use oxbpf_ebpf::prelude::*;

license!("GPL");

/// Packets per IP protocol number (6 TCP, 17 UDP, ...), per CPU.
static PROTOCOLS: PerCpuArray<u64> = PerCpuArray::with_max_entries(256, 0);

xdp! {
    fn count_protocols(ctx: XdpContext) -> u32 {
        let Some(eth) = ctx.header::<EthHdr>(0) else {
            return XDP_PASS;
        };
        let protocol = match eth.ether_type() {
            ETH_P_IP => match ctx.header::<Ipv4Hdr>(EthHdr::LEN) {
                Some(ip) => ip.protocol,
                None => return XDP_PASS,
            },
            ETH_P_IPV6 => match ctx.header::<Ipv6Hdr>(EthHdr::LEN) {
                Some(ip) => ip.next_hdr,
                None => return XDP_PASS,
            },
            _ => return XDP_PASS,
        };
        if let Some(count) = PROTOCOLS.get_ptr_mut(protocol as u32) {
            unsafe { *count += 1 };
        }
        XDP_PASS
    }
}
