//! The macros that declare a program, its license, and print to the trace
//! pipe. They are `macro_rules!`, so a crate needs no proc-macro
//! dependency, and they write `#[unsafe(no_mangle)]` and
//! `#[unsafe(link_section)]`, which editions 2021 and 2024 both take.

/// Declares the object's license, which the kernel checks before it lets a
/// program call GPL-only helpers (`bpf_probe_read`, `bpf_trace_printk`,
/// `bpf_perf_event_output`, ...): a section `license` holding the string.
///
/// ```no_run
/// oxbpf_ebpf::license!("GPL");
/// ```
#[macro_export]
macro_rules! license {
    ($license:literal) => {
        #[unsafe(no_mangle)]
        #[unsafe(link_section = "license")]
        pub static _LICENSE: [u8; $license.len() + 1] = $crate::__nul_terminated($license);
    };
}

/// The bytes of `s` and a NUL, for [`license!`].
#[doc(hidden)]
pub const fn __nul_terminated<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        out[i] = b[i];
        i += 1;
    }
    out
}

/// Declares a program in the section `$section`: an `extern "C"` function
/// that the loader finds by its name and the section, whose body sees
/// its context as the type given, a [`Context`](crate::context::Context). The typed macros ([`xdp!`](crate::xdp), [`tc!`](crate::tc),
/// [`kprobe!`](crate::kprobe), ...) choose the section for a program type.
///
/// ```no_run
/// use oxbpf_ebpf::context::XdpContext;
///
/// oxbpf_ebpf::program! {
///     "xdp.frags",
///     fn jumbo(ctx: XdpContext) -> u32 {
///         2 // XDP_PASS
///     }
/// }
/// ```
#[macro_export]
macro_rules! program {
    ($section:expr, $(#[$attr:meta])* fn $name:ident($ctx:ident : $ty:ty) -> $ret:ident $body:tt) => {
        // The context types are #[repr(transparent)] over the pointer the
        // kernel passes. The body is the user's own tokens, so its lines,
        // and not the macro's, are those the verifier names.
        $(#[$attr])*
        #[unsafe(no_mangle)]
        #[unsafe(link_section = $section)]
        pub extern "C" fn $name($ctx: $ty) -> $ret $body
    };
}

/// Declares an XDP program (section `xdp`), which sees an
/// [`XdpContext`](crate::context::XdpContext) and returns an `XDP_*` verdict.
///
/// ```no_run
/// use oxbpf_ebpf::consts::{XDP_DROP, XDP_PASS};
/// use oxbpf_ebpf::context::XdpContext;
///
/// oxbpf_ebpf::xdp! {
///     fn drop_runts(ctx: XdpContext) -> u32 {
///         if ctx.len() < 60 { XDP_DROP } else { XDP_PASS }
///     }
/// }
/// ```
#[macro_export]
macro_rules! xdp {
    ($($program:tt)*) => { $crate::program!("xdp", $($program)*); };
}

/// Declares a tc program (section `tc`, a classifier), which sees an
/// [`SkBuffContext`](crate::context::SkBuffContext) and returns a `TC_ACT_*` verdict (`i32`).
#[macro_export]
macro_rules! tc {
    ($($program:tt)*) => { $crate::program!("tc", $($program)*); };
}

/// Declares a socket filter (section `socket`), which sees an
/// [`SkBuffContext`](crate::context::SkBuffContext) and returns how many
/// bytes of the packet to keep (0 drops it).
#[macro_export]
macro_rules! socket_filter {
    ($($program:tt)*) => { $crate::program!("socket", $($program)*); };
}

/// Declares a cgroup skb program (section `cgroup_skb/ingress` or
/// `cgroup_skb/egress`), which sees an
/// [`SkBuffContext`](crate::context::SkBuffContext) and returns 1 to allow
/// the packet, 0 to drop it.
///
/// ```no_run
/// use oxbpf_ebpf::context::SkBuffContext;
///
/// oxbpf_ebpf::cgroup_skb! {
///     "egress",
///     fn allow_all(skb: SkBuffContext) -> u32 {
///         1
///     }
/// }
/// ```
#[macro_export]
macro_rules! cgroup_skb {
    ($direction:literal, $($program:tt)*) => { $crate::program!(concat!("cgroup_skb/", $direction), $($program)*); };
}

/// Declares a kprobe on the kernel function `$function` (section
/// `kprobe/<function>`), which sees a
/// [`ProbeContext`](crate::context::ProbeContext) at the function's entry.
///
/// ```no_run
/// use oxbpf_ebpf::context::ProbeContext;
///
/// oxbpf_ebpf::kprobe! {
///     "do_unlinkat",
///     fn on_unlink(ctx: ProbeContext) -> u32 {
///         let _dfd = ctx.arg::<i32>(0);
///         0
///     }
/// }
/// ```
#[macro_export]
macro_rules! kprobe {
    ($function:literal, $($program:tt)*) => { $crate::program!(concat!("kprobe/", $function), $($program)*); };
}

/// Declares a kretprobe on the kernel function `$function` (section
/// `kretprobe/<function>`), which sees the function's return value through
/// [`ProbeContext::ret`](crate::context::ProbeContext::ret).
#[macro_export]
macro_rules! kretprobe {
    ($function:literal, $($program:tt)*) => { $crate::program!(concat!("kretprobe/", $function), $($program)*); };
}

/// Declares a uprobe (section `uprobe`, attached by user space to a
/// function of a binary), which sees a
/// [`ProbeContext`](crate::context::ProbeContext).
#[macro_export]
macro_rules! uprobe {
    ($($program:tt)*) => { $crate::program!("uprobe", $($program)*); };
}

/// Declares a uretprobe (section `uretprobe`), which sees the function's
/// return value through [`ProbeContext::ret`](crate::context::ProbeContext::ret).
#[macro_export]
macro_rules! uretprobe {
    ($($program:tt)*) => { $crate::program!("uretprobe", $($program)*); };
}

/// Declares a program on the tracepoint `$tracepoint`, `category/name`
/// (section `tracepoint/<category>/<name>`), which sees a
/// [`TracePointContext`](crate::context::TracePointContext).
///
/// ```no_run
/// use oxbpf_ebpf::context::TracePointContext;
///
/// oxbpf_ebpf::tracepoint! {
///     "syscalls/sys_enter_openat",
///     fn on_openat(ctx: TracePointContext) -> u32 {
///         0
///     }
/// }
/// ```
#[macro_export]
macro_rules! tracepoint {
    ($tracepoint:literal, $($program:tt)*) => { $crate::program!(concat!("tracepoint/", $tracepoint), $($program)*); };
}

/// Declares a program on the raw tracepoint `$tracepoint` (section
/// `raw_tracepoint/<name>`), which sees a
/// [`RawTracePointContext`](crate::context::RawTracePointContext).
#[macro_export]
macro_rules! raw_tracepoint {
    ($tracepoint:literal, $($program:tt)*) => { $crate::program!(concat!("raw_tracepoint/", $tracepoint), $($program)*); };
}

/// Declares a program on the BTF-typed tracepoint `$tracepoint` (section
/// `tp_btf/<name>`, Linux 5.5), which sees a
/// [`BtfTracePointContext`](crate::context::BtfTracePointContext): the
/// loader finds the tracepoint's prototype in the kernel's BTF.
#[macro_export]
macro_rules! tp_btf {
    ($tracepoint:literal, $($program:tt)*) => { $crate::program!(concat!("tp_btf/", $tracepoint), $($program)*); };
}

/// Prints to the trace pipe (`/sys/kernel/tracing/trace_pipe`) with the
/// kernel's `printf` subset (`%d`, `%u`, `%x`, `%s`, `%p`, ... and `l`/`ll`
/// sizes), at most three arguments: `bpf_trace_printk`, for debugging.
/// Evaluates to the helper's result.
///
/// ```no_run
/// let len = 60u64;
/// oxbpf_ebpf::trace_printk!("packet of %llu bytes\n", len);
/// ```
#[macro_export]
macro_rules! trace_printk {
    ($fmt:literal) => {
        $crate::trace_printk!($fmt, 0, 0, 0)
    };
    ($fmt:literal, $a:expr) => {
        $crate::trace_printk!($fmt, $a, 0, 0)
    };
    ($fmt:literal, $a:expr, $b:expr) => {
        $crate::trace_printk!($fmt, $a, $b, 0)
    };
    ($fmt:literal, $a:expr, $b:expr, $c:expr) => {{
        let fmt = concat!($fmt, "\0");
        unsafe {
            $crate::helpers::raw::bpf_trace_printk(
                fmt.as_ptr() as *const ::core::ffi::c_char,
                fmt.len() as u32,
                $a as u64,
                $b as u64,
                $c as u64,
            )
        }
    }};
}
