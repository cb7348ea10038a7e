use super::{map_ptr, MapDef};
use crate::consts::{BPF_MAP_TYPE_QUEUE, BPF_MAP_TYPE_STACK};
use crate::helpers::{raw, status};
use core::borrow::Borrow;
use core::ffi::c_void;
use core::mem::{size_of, MaybeUninit};

/// Defines a map type of values `T` without keys, with push, pop and peek.
macro_rules! queue_map {
    ($(#[$doc:meta])* $name:ident, $map_type:expr, $order:literal) => {
        $(#[$doc])*
        #[repr(C)]
        pub struct $name<T> {
            bpf_map_def: MapDef,
            value: [T; 0],
        }

        // The kernel owns the map; the static is only its name.
        unsafe impl<T> Sync for $name<T> {}

        impl<T> $name<T> {
            max_entries_constructors!("values");

            const fn define(max_entries: u32, flags: u32, pinning: u32) -> Self {
                $name {
                    bpf_map_def: MapDef::new($map_type, 0, size_of::<T>(), max_entries, flags, pinning),
                    value: [],
                }
            }

            /// Adds `value`; with `BPF_EXIST` in `flags` a full map drops
            #[doc = concat!("its ", $order, " value to make room, else pushing to a full map fails.")]
            #[inline(always)]
            pub fn push(&self, value: impl Borrow<T>, flags: u64) -> Result<(), i64> {
                status(unsafe { raw::bpf_map_push_elem(map_ptr(self), value.borrow() as *const T as *const c_void, flags) })
            }

            #[doc = concat!("Takes the ", $order, " value out, if there is one.")]
            #[inline(always)]
            pub fn pop(&self) -> Option<T> {
                let mut v = MaybeUninit::<T>::uninit();
                let ret = unsafe { raw::bpf_map_pop_elem(map_ptr(self), v.as_mut_ptr() as *mut c_void) };
                (ret == 0).then(|| unsafe { v.assume_init() })
            }

            #[doc = concat!("The ", $order, " value, left in place.")]
            #[inline(always)]
            pub fn peek(&self) -> Option<T> {
                let mut v = MaybeUninit::<T>::uninit();
                let ret = unsafe { raw::bpf_map_peek_elem(map_ptr(self), v.as_mut_ptr() as *mut c_void) };
                (ret == 0).then(|| unsafe { v.assume_init() })
            }
        }
    };
}

queue_map!(
    /// A first-in, first-out queue of values (`BPF_MAP_TYPE_QUEUE`).
    ///
    /// ```no_run
    /// use oxbpf_ebpf::maps::Queue;
    ///
    /// static WORK: Queue<u64> = Queue::with_max_entries(128, 0);
    ///
    /// fn next() -> u64 {
    ///     WORK.pop().unwrap_or(0)
    /// }
    /// ```
    Queue,
    BPF_MAP_TYPE_QUEUE,
    "oldest"
);

queue_map!(
    /// A last-in, first-out stack of values (`BPF_MAP_TYPE_STACK`).
    Stack,
    BPF_MAP_TYPE_STACK,
    "newest"
);
