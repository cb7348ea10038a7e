use super::{map_ptr, MapDef, PIN_NONE};
use crate::consts::{BPF_F_CURRENT_CPU, BPF_MAP_TYPE_PERF_EVENT_ARRAY};
use crate::context::Context;
use crate::helpers::{raw, status};
use core::ffi::c_void;
use core::mem::size_of;

/// Events of type `T` sent to user space through a per-CPU perf buffer
/// (`BPF_MAP_TYPE_PERF_EVENT_ARRAY`). A [`RingBuf`](super::RingBuf) (Linux
/// 5.8) is the better choice where the kernel has it.
///
/// ```no_run
/// use oxbpf_ebpf::context::XdpContext;
/// use oxbpf_ebpf::maps::PerfEventArray;
///
/// #[repr(C)]
/// struct Seen {
///     len: u32,
/// }
///
/// static SEEN: PerfEventArray<Seen> = PerfEventArray::new(0);
///
/// fn report(ctx: &XdpContext) {
///     let _ = SEEN.output(ctx, &Seen { len: ctx.len() as u32 });
/// }
/// ```
#[repr(C)]
pub struct PerfEventArray<T> {
    bpf_map_def: MapDef,
    event: [T; 0],
}

// The kernel owns the map; the static is only its name.
unsafe impl<T> Sync for PerfEventArray<T> {}

impl<T> PerfEventArray<T> {
    /// A perf event array with one entry per CPU, which the loader sizes.
    pub const fn new(flags: u32) -> Self {
        PerfEventArray {
            bpf_map_def: MapDef::new(
                BPF_MAP_TYPE_PERF_EVENT_ARRAY,
                size_of::<u32>(),
                size_of::<u32>(),
                0,
                flags,
                PIN_NONE,
            ),
            event: [],
        }
    }

    /// Sends `event` to the current CPU's buffer.
    #[inline(always)]
    pub fn output<C: Context>(&self, ctx: &C, event: &T) -> Result<(), i64> {
        self.output_at_index(ctx, event, BPF_F_CURRENT_CPU)
    }

    /// Sends `event` to the buffer at `index` (a CPU number, or
    /// `BPF_F_CURRENT_CPU`).
    #[inline(always)]
    pub fn output_at_index<C: Context>(&self, ctx: &C, event: &T, index: u64) -> Result<(), i64> {
        status(unsafe {
            raw::bpf_perf_event_output(
                ctx.as_ptr(),
                map_ptr(self),
                index,
                event as *const T as *mut c_void,
                size_of::<T>() as u64,
            )
        })
    }
}
