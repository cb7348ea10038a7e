use super::{map_ptr, MapDef};
use crate::consts::BPF_MAP_TYPE_PROG_ARRAY;
use crate::context::Context;
use crate::helpers::raw;
use core::convert::Infallible;
use core::mem::size_of;

/// Programs to jump to (`BPF_MAP_TYPE_PROG_ARRAY`): a tail call replaces
/// the running program with the one at an index, which user space puts
/// there.
///
/// ```no_run
/// use oxbpf_ebpf::context::XdpContext;
/// use oxbpf_ebpf::consts::XDP_PASS;
/// use oxbpf_ebpf::maps::ProgramArray;
///
/// static STAGES: ProgramArray = ProgramArray::with_max_entries(8, 0);
///
/// fn next_stage(ctx: &XdpContext) -> u32 {
///     let _ = STAGES.tail_call(ctx, 1);
///     XDP_PASS // no program at index 1
/// }
/// ```
#[repr(C)]
pub struct ProgramArray {
    bpf_map_def: MapDef,
}

// The kernel owns the map; the static is only its name.
unsafe impl Sync for ProgramArray {}

impl ProgramArray {
    max_entries_constructors!("programs");

    const fn define(max_entries: u32, flags: u32, pinning: u32) -> Self {
        ProgramArray {
            bpf_map_def: MapDef::new(
                BPF_MAP_TYPE_PROG_ARRAY,
                size_of::<u32>(),
                size_of::<u32>(),
                max_entries,
                flags,
                pinning,
            ),
        }
    }

    /// Jumps to the program at `index`, never to return; it returns the
    /// error if there is none (or after 33 tail calls in a row).
    #[inline(always)]
    pub fn tail_call<C: Context>(&self, ctx: &C, index: u32) -> Result<Infallible, i64> {
        Err(unsafe { raw::bpf_tail_call(ctx.as_ptr(), map_ptr(self), index) })
    }
}
