//! Write BPF programs in stable Rust for [oxbpf](https://github.com/oxbpf/oxbpf):
//! typed, BTF-defined maps declared as statics, every kernel helper by
//! name, program contexts and network headers, and macros that declare
//! programs and the license. No dependencies, no proc macros, no nightly.
//!
//! A program is a bin whose `main.rs` starts with `#![no_std]` and
//! `#![no_main]`, then:
//!
//! ```no_run
//! use oxbpf_ebpf::prelude::*;
//!
//! license!("GPL");
//!
//! /// Packets per IP protocol.
//! static PROTOCOLS: HashMap<u8, u64> = HashMap::with_max_entries(256, 0);
//!
//! xdp! {
//!     fn count(ctx: XdpContext) -> u32 {
//!         let Some(eth) = ctx.header::<EthHdr>(0) else { return XDP_PASS };
//!         if eth.ether_type() != ETH_P_IP {
//!             return XDP_PASS;
//!         }
//!         let Some(ip) = ctx.header::<Ipv4Hdr>(EthHdr::LEN) else { return XDP_PASS };
//!         match PROTOCOLS.get_ptr_mut(&ip.protocol) {
//!             Some(n) => unsafe { *n += 1 },
//!             None => {
//!                 let _ = PROTOCOLS.insert(ip.protocol, 1, BPF_ANY);
//!             }
//!         }
//!         XDP_PASS
//!     }
//! }
//! ```
//!
//! `oxbpf new my-probe --type xdp` writes a crate like this one; `oxbpf
//! build` makes each bin an object that libbpf, bpftool, iproute2 and
//! cilium/ebpf load.
//!
//! - [`maps`]: hash maps, arrays, per-CPU maps, ring buffers, perf event
//!   arrays, program arrays, LPM tries, queues and stacks.
//! - [`helpers`]: the common helpers, safe; [`helpers::raw`] has all of them.
//! - [`context`]: what each program type gets, typed.
//! - [`net`]: Ethernet, IPv4, IPv6, TCP and UDP headers.
//! - [`co_re`]: kernel structs read at the running kernel's offsets
//!   (`core_read!`), and what that kernel has (`core_field_exists!`).
//! - [`consts`]: verdicts, protocols and flags.
//!
//! # Panics
//!
//! A program cannot unwind or print a panic message: oxbpf makes every
//! panic end the program with return value 0 (the crate's default
//! `panic-handler` feature supplies the handler a `no_std` bin needs). An
//! out-of-bounds index therefore means `XDP_ABORTED` for XDP, `TC_ACT_OK`
//! for tc.
//!
//! # Kernel versions
//!
//! `oxbpf build --kernel X.Y` tells every crate of the build which kernel
//! the objects must load on: `cfg(kernel_version = "X.Y")`, and
//! `cfg(kernel_at_least = "A.B")` for every release up to X.Y, so code can
//! choose a feature by the kernel that brought it:
//!
//! ```no_run
//! #[cfg(kernel_at_least = "5.8")]
//! static EVENTS: oxbpf_ebpf::maps::RingBuf<u64> = oxbpf_ebpf::maps::RingBuf::with_byte_size(4096, 0);
//! ```
//!
//! Without `--kernel`, every `kernel_at_least` of the releases oxbpf knows
//! holds.
#![no_std]

pub mod co_re;
pub mod consts;
pub mod context;
pub mod helpers;
mod macros;
pub mod maps;
pub mod net;

#[doc(hidden)]
pub use macros::__nul_terminated;

/// What most programs use, to import with `use oxbpf_ebpf::prelude::*`.
pub mod prelude {
    pub use crate::consts::*;
    pub use crate::context::{
        BtfTracePointContext, Context, ProbeContext, RawTracePointContext, SkBuffContext, TracePointContext, XdpContext,
    };
    pub use crate::helpers::{get_current_pid_tgid, ktime_get_ns};
    pub use crate::maps::{
        Array, HashMap, LpmKey, LpmTrie, LruHashMap, PerCpuArray, PerCpuHashMap, PerfEventArray, ProgramArray, Queue,
        RingBuf, Stack,
    };
    pub use crate::net::{EthHdr, Header, Ipv4Hdr, Ipv6Hdr, TcpHdr, UdpHdr};
    pub use crate::{
        cgroup_skb, kprobe, kretprobe, license, program, raw_tracepoint, socket_filter, tc, tp_btf, trace_printk,
        tracepoint, uprobe, uretprobe, xdp,
    };
}

/// Never reached in a loaded program: oxbpf replaces every panic with
/// `return 0`. It exists so that rustc can build a `no_std` bin.
#[cfg(all(feature = "panic-handler", not(test)))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {}
}
