//! A raw tracepoint program: counts the system calls of each number the
//! system makes, through the sys_enter raw tracepoint.
//!
//! Test it with `oxbpf test`, and run it with `oxbpf run --interval 1s`:
//! attached, it prints the counts every second and when you stop it with
//! Ctrl-C.
#![no_std]
#![no_main]

use oxbpf_ebpf::prelude::*;

license!("GPL");

/// Calls per system call number, per CPU.
static SYSCALLS: PerCpuArray<u64> = PerCpuArray::with_max_entries(512, 0);

raw_tracepoint! {
    "sys_enter",
    fn count_syscalls(ctx: RawTracePointContext) -> u32 {
        // sys_enter(struct pt_regs *regs, long id)
        let id = ctx.arg(1);
        if let Some(n) = SYSCALLS.get_ptr_mut(id as u32) {
            unsafe { *n += 1 };
        }
        0
    }
}
