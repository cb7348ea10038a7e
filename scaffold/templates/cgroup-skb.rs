//! A cgroup skb program: counts the packets and bytes the processes of a
//! cgroup send, and allows them all.
//!
//! Test it with `oxbpf test`, and run it with `oxbpf run --cgroup
//! /sys/fs/cgroup/<group>`: it counts until Ctrl-C, then prints the counts
//! and detaches. Or attach it with `bpftool cgroup attach`.
#![no_std]
#![no_main]

use oxbpf_ebpf::prelude::*;

license!("GPL");

/// [0] packets, [1] bytes, per CPU.
static SENT: PerCpuArray<u64> = PerCpuArray::with_max_entries(2, 0);

cgroup_skb! {
    "egress",
    fn count_egress(skb: SkBuffContext) -> u32 {
        if let Some(packets) = SENT.get_ptr_mut(0) {
            unsafe { *packets += 1 };
        }
        if let Some(bytes) = SENT.get_ptr_mut(1) {
            unsafe { *bytes += skb.len() as u64 };
        }
        1 // allow
    }
}
