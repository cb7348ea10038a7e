//! A kprobe: reports each file removal (the kernel's do_unlinkat) to user
//! space through a ring buffer, with the process that asked for it.
//!
//! Run it with `oxbpf run`: it attaches the kprobe (on kernels that have
//! kprobes) and prints each event of the EVENTS ring buffer as a line
//! until Ctrl-C.
#![no_std]
#![no_main]

use oxbpf_ebpf::helpers::{current_pid, get_current_comm};
use oxbpf_ebpf::prelude::*;

license!("GPL");

/// One removal: who asked, and the directory descriptor it named.
#[repr(C)]
pub struct Unlink {
    pub pid: u32,
    pub dfd: i32,
    pub comm: [u8; 16],
}

static EVENTS: RingBuf<Unlink> = RingBuf::with_byte_size(64 * 4096, 0);

kprobe! {
    "do_unlinkat",
    fn on_unlink(ctx: ProbeContext) -> u32 {
        // int do_unlinkat(int dfd, struct filename *name)
        let dfd = ctx.arg::<i32>(0).unwrap_or(-1);
        if let Some(mut event) = EVENTS.reserve(0) {
            event.write(Unlink { pid: current_pid(), dfd, comm: get_current_comm() });
            event.submit(0);
        }
        0
    }
}
