//! A BTF-typed tracepoint with CO-RE: counts the tasks each process
//! starts, through the task_newtask tracepoint, reading the new task's
//! parent straight from the kernel's task_struct.
//!
//! `task_struct` below declares only the fields read. It is relocatable:
//! the loader moves each field to where the running kernel has it, so the
//! object runs on every kernel with BTF. For every field of a kernel type,
//! write it with `oxbpf gen types task_struct -o src/vmlinux.rs`.
//!
//! Run it with `oxbpf run --interval 1s`: attached, it prints the counts
//! every second and when you stop it with Ctrl-C.
#![no_std]
#![no_main]

use oxbpf_ebpf::co_re::Relocatable;
use oxbpf_ebpf::core_field;
use oxbpf_ebpf::prelude::*;

license!("GPL");

/// The kernel's `struct task_struct`, as far as the program reads it.
#[repr(C)]
struct task_struct {
    tgid: i32,
    real_parent: *const task_struct,
}
unsafe impl Relocatable for task_struct {}

/// Tasks started, by the process id of their parent.
static STARTED: HashMap<u32, u64> = HashMap::with_max_entries(10240, 0);

tp_btf! {
    "task_newtask",
    fn count_new_tasks(ctx: BtfTracePointContext) -> u32 {
        // task_newtask(struct task_struct *task, u64 clone_flags)
        let task = ctx.arg_ptr::<task_struct>(0);
        // The arguments are typed by the kernel's BTF: the verifier lets
        // the program read the structs directly, at relocated offsets.
        let parent = unsafe { *core_field!(task, real_parent) };
        let ppid = unsafe { *core_field!(parent, tgid) } as u32;
        match STARTED.get_ptr_mut(&ppid) {
            Some(n) => unsafe { *n += 1 },
            None => {
                let _ = STARTED.insert(ppid, 1, BPF_ANY);
            }
        }
        0
    }
}
