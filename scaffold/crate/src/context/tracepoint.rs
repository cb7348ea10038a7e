use super::Context;
use core::ffi::c_void;

/// The record of a tracepoint: the fields its format file in tracefs
/// lists (`/sys/kernel/tracing/events/<category>/<name>/format`), after
/// the common header. `oxbpf gen types --tracepoint category/name` writes
/// the record as a Rust struct to read with [`args`](Self::args).
///
/// ```no_run
/// use oxbpf_ebpf::context::TracePointContext;
///
/// // syscalls/sys_enter_openat: the flags are at offset 32
/// fn flags(ctx: &TracePointContext) -> i64 {
///     unsafe { ctx.read_at::<i64>(32) }
/// }
/// ```
#[repr(transparent)]
pub struct TracePointContext {
    record: *mut c_void,
}

impl Context for TracePointContext {
    unsafe fn from_raw(ctx: *mut c_void) -> Self {
        TracePointContext { record: ctx }
    }

    fn as_ptr(&self) -> *mut c_void {
        self.record
    }
}

impl TracePointContext {
    /// The field of type `T` at `offset` in the record.
    ///
    /// # Safety
    ///
    /// The record must hold a `T` there, as its format file says.
    #[inline(always)]
    pub unsafe fn read_at<T: Copy>(&self, offset: usize) -> T {
        unsafe { core::ptr::read_unaligned((self.record as *const u8).add(offset) as *const T) }
    }

    /// The record as a `T`, such as the struct `oxbpf gen types --tracepoint` writes.
    ///
    /// # Safety
    ///
    /// `T` must describe the tracepoint's record.
    #[inline(always)]
    pub unsafe fn args<T>(&self) -> &T {
        unsafe { &*(self.record as *const T) }
    }
}

/// The arguments of a raw tracepoint: the tracepoint's own arguments as
/// u64 words (`struct bpf_raw_tracepoint_args`), without a record.
///
/// ```no_run
/// use oxbpf_ebpf::context::RawTracePointContext;
///
/// // sys_enter(struct pt_regs *regs, long id)
/// fn syscall(ctx: &RawTracePointContext) -> u64 {
///     ctx.arg(1)
/// }
/// ```
#[repr(transparent)]
pub struct RawTracePointContext {
    args: *mut c_void,
}

impl Context for RawTracePointContext {
    unsafe fn from_raw(ctx: *mut c_void) -> Self {
        RawTracePointContext { args: ctx }
    }

    fn as_ptr(&self) -> *mut c_void {
        self.args
    }
}

impl RawTracePointContext {
    /// The `n`th argument (from 0) of the tracepoint.
    #[inline(always)]
    pub fn arg(&self, n: usize) -> u64 {
        unsafe { *(self.args as *const u64).add(n) }
    }
}

/// The arguments of a BTF-typed tracepoint (`tp_btf`): the tracepoint's
/// own arguments as u64 words, typed by the kernel's BTF, so that the
/// verifier lets the program read kernel structs they point to directly,
/// without probe reads. fentry and fexit programs get their function's
/// arguments the same way (`program!("fentry/FUNCTION", ...)`; fexit's
/// return value follows the arguments). With a
/// [`Relocatable`](crate::co_re::Relocatable) type the read relocates:
///
/// ```no_run
/// # mod vmlinux {
/// #     #[repr(C)] pub struct task_struct { pub pid: i32 }
/// #     unsafe impl oxbpf_ebpf::co_re::Relocatable for task_struct {}
/// # }
/// use oxbpf_ebpf::context::BtfTracePointContext;
/// use vmlinux::task_struct;
///
/// // task_newtask(struct task_struct *task, u64 clone_flags)
/// fn new_pid(ctx: &BtfTracePointContext) -> i32 {
///     let task = ctx.arg_ptr::<task_struct>(0);
///     unsafe { *oxbpf_ebpf::core_field!(task, pid) }
/// }
/// ```
#[repr(transparent)]
pub struct BtfTracePointContext {
    args: *mut c_void,
}

impl Context for BtfTracePointContext {
    unsafe fn from_raw(ctx: *mut c_void) -> Self {
        BtfTracePointContext { args: ctx }
    }

    fn as_ptr(&self) -> *mut c_void {
        self.args
    }
}

impl BtfTracePointContext {
    /// The `n`th argument (from 0) of the tracepoint.
    #[inline(always)]
    pub fn arg(&self, n: usize) -> u64 {
        unsafe { *(self.args as *const u64).add(n) }
    }

    /// The `n`th argument (from 0), a pointer to a kernel `T`.
    #[inline(always)]
    pub fn arg_ptr<T>(&self, n: usize) -> *const T {
        self.arg(n) as *const T
    }
}
