use super::{map_ptr, MapDef, PIN_BY_NAME, PIN_NONE};
use crate::consts::BPF_MAP_TYPE_RINGBUF;
use crate::helpers::{raw, status};
use core::ffi::c_void;
use core::mem::{size_of, MaybeUninit};

/// A ring buffer of events of type `T` to user space
/// (`BPF_MAP_TYPE_RINGBUF`, Linux 5.8), shared by all CPUs: events arrive
/// in order, and a reservation writes an event in place. oxbpf records `T`
/// in the object's BTF, so that `oxbpf run` prints the events field by
/// field and the Go bindings declare their type.
///
/// ```no_run
/// use oxbpf_ebpf::maps::RingBuf;
///
/// #[repr(C)]
/// struct Event {
///     pid: u32,
///     bytes: u64,
/// }
///
/// static EVENTS: RingBuf<Event> = RingBuf::with_byte_size(16 * 4096, 0);
///
/// fn report(pid: u32, bytes: u64) {
///     if let Some(mut entry) = EVENTS.reserve(0) {
///         entry.write(Event { pid, bytes });
///         entry.submit(0);
///     }
/// }
/// ```
#[repr(C)]
pub struct RingBuf<T = ()> {
    bpf_map_def: MapDef,
    event: [T; 0],
}

// The kernel owns the map; the static is only its name.
unsafe impl<T> Sync for RingBuf<T> {}

impl<T> RingBuf<T> {
    /// A ring buffer of `byte_size` bytes, a power of two and a multiple
    /// of the page size (4096).
    pub const fn with_byte_size(byte_size: u32, flags: u32) -> Self {
        RingBuf {
            bpf_map_def: MapDef::new(BPF_MAP_TYPE_RINGBUF, 0, 0, byte_size, flags, PIN_NONE),
            event: [],
        }
    }

    /// The same map, pinned by name in `/sys/fs/bpf` (see [`PIN_BY_NAME`](super::PIN_BY_NAME)).
    pub const fn pinned(byte_size: u32, flags: u32) -> Self {
        RingBuf {
            bpf_map_def: MapDef::new(BPF_MAP_TYPE_RINGBUF, 0, 0, byte_size, flags, PIN_BY_NAME),
            event: [],
        }
    }

    /// Copies `event` into the buffer.
    #[inline(always)]
    pub fn output(&self, event: &T, flags: u64) -> Result<(), i64> {
        status(unsafe {
            raw::bpf_ringbuf_output(
                map_ptr(self),
                event as *const T as *mut c_void,
                size_of::<T>() as u64,
                flags,
            )
        })
    }

    /// Reserves room for a `T`, or `None` if the buffer is full. The entry
    /// must be submitted or discarded on every path, or the verifier
    /// refuses the program ("Unreleased reference").
    #[inline(always)]
    pub fn reserve(&self, flags: u64) -> Option<RingBufEntry<T>> {
        let p = unsafe { raw::bpf_ringbuf_reserve(map_ptr(self), size_of::<T>() as u64, flags) } as *mut MaybeUninit<T>;
        unsafe { p.as_mut() }.map(RingBufEntry)
    }
}

/// Room for one `T` in a [`RingBuf`], to fill and then submit or discard.
#[must_use = "an entry must be submitted or discarded on every path, or the verifier refuses the program"]
pub struct RingBufEntry<T: 'static>(&'static mut MaybeUninit<T>);

impl<T> RingBufEntry<T> {
    /// Writes the whole event.
    #[inline(always)]
    pub fn write(&mut self, event: T) -> &mut T {
        self.0.write(event)
    }

    /// A pointer to the event, to fill it field by field.
    #[inline(always)]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.0.as_mut_ptr()
    }

    /// Hands the event to user space.
    #[inline(always)]
    pub fn submit(self, flags: u64) {
        unsafe { raw::bpf_ringbuf_submit(self.0.as_mut_ptr() as *mut c_void, flags) }
    }

    /// Gives the room back unsent.
    #[inline(always)]
    pub fn discard(self, flags: u64) {
        unsafe { raw::bpf_ringbuf_discard(self.0.as_mut_ptr() as *mut c_void, flags) }
    }
}
