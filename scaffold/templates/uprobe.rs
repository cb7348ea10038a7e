//! A uprobe: counts the calls each process makes to a function of a
//! program or library, such as libc's malloc, with the first argument's
//! sum (for malloc: the bytes asked for).
//!
//! Run it with `oxbpf run --uprobe /lib/x86_64-linux-gnu/libc.so.6:malloc`
//! (or any BINARY:SYMBOL): it prints the counts when you stop it with
//! Ctrl-C. Your own program attaches it with cilium/ebpf's
//! link.OpenExecutable(path).Uprobe(symbol, ...).
#![no_std]
#![no_main]

use oxbpf_ebpf::helpers::current_pid;
use oxbpf_ebpf::prelude::*;

license!("GPL");

/// Calls and the sum of the first argument, per process id.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Calls {
    pub count: u64,
    pub arg_sum: u64,
}

static CALLS: LruHashMap<u32, Calls> = LruHashMap::with_max_entries(1024, 0);

uprobe! {
    fn count_calls(ctx: ProbeContext) -> u32 {
        let pid = current_pid();
        let arg = ctx.arg::<u64>(0).unwrap_or(0);
        match CALLS.get_ptr_mut(&pid) {
            Some(calls) => unsafe {
                (*calls).count += 1;
                (*calls).arg_sum += arg;
            },
            None => {
                let _ = CALLS.insert(pid, Calls { count: 1, arg_sum: arg }, BPF_NOEXIST);
            }
        }
        0
    }
}
