//! What the kernel passes a program, by program type: the packet of an
//! XDP program ([`XdpContext`]), the socket buffer of socket filters, tc
//! and cgroup programs ([`SkBuffContext`]), the registers of kprobes and
//! uprobes ([`ProbeContext`]), and the records of tracepoints
//! ([`TracePointContext`], [`RawTracePointContext`],
//! [`BtfTracePointContext`]).
//!
//! The program macros ([`xdp!`](crate::xdp), [`kprobe!`](crate::kprobe),
//! ...) hand a program its context; wrapping the pointer costs nothing.

mod probe;
mod skb;
mod tracepoint;
mod xdp;

pub use probe::{FromRegister, ProbeContext};
pub use skb::{__sk_buff, SkBuffContext};
pub use tracepoint::{BtfTracePointContext, RawTracePointContext, TracePointContext};
pub use xdp::{xdp_md, Cursor, XdpContext};

use core::ffi::c_void;
use core::mem::size_of;

/// A program's context: the pointer the kernel passes it, typed. Every
/// context type is `#[repr(transparent)]` over the pointer, so a program
/// takes it as its argument.
pub trait Context {
    /// Wraps the context pointer of a program.
    ///
    /// # Safety
    ///
    /// `ctx` must be what the kernel passed a program of this context's type.
    unsafe fn from_raw(ctx: *mut c_void) -> Self;

    /// The pointer, as helpers take it.
    fn as_ptr(&self) -> *mut c_void;
}

/// A pointer to a `T` at `offset` in `[start, end)`, if all of it lies
/// there: the bounds check the verifier wants before every packet access.
#[inline(always)]
fn checked_ptr<T>(start: usize, end: usize, offset: usize) -> Option<*mut T> {
    // The pointer first, then its end: the register that holds the
    // pointer is the one the verifier checked.
    let p = start + offset;
    if p + size_of::<T>() > end {
        return None;
    }
    Some(p as *mut T)
}
