//! A tracepoint program: counts the files each process opens, through the
//! syscalls/sys_enter_openat tracepoint.
//!
//! Run it with `oxbpf run --interval 1s`: attached to the tracepoint, it
//! prints the counts every second and when you stop it with Ctrl-C.
#![no_std]
#![no_main]

use oxbpf_ebpf::helpers::current_pid;
use oxbpf_ebpf::prelude::*;

license!("GPL");

/// openat calls per process id.
static OPENS: LruHashMap<u32, u64> = LruHashMap::with_max_entries(1024, 0);

tracepoint! {
    "syscalls/sys_enter_openat",
    fn count_opens(ctx: TracePointContext) -> u32 {
        let pid = current_pid();
        match OPENS.get_ptr_mut(&pid) {
            Some(n) => unsafe { *n += 1 },
            None => {
                let _ = OPENS.insert(pid, 1, BPF_NOEXIST);
            }
        }
        0
    }
}
