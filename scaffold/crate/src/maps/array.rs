use super::{lookup, update, MapDef};
use crate::consts::{BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_PERCPU_ARRAY};
use core::borrow::Borrow;
use core::mem::size_of;

/// Defines an array map type of values `V`, indexed by `u32`.
macro_rules! array_map {
    ($(#[$doc:meta])* $name:ident, $map_type:expr) => {
        $(#[$doc])*
        #[repr(C)]
        pub struct $name<V> {
            bpf_map_def: MapDef,
            key: [u32; 0],
            value: [V; 0],
        }

        // The kernel owns the map; the static is only its name.
        unsafe impl<V> Sync for $name<V> {}

        impl<V> $name<V> {
            max_entries_constructors!("values, all zero at first");

            const fn define(max_entries: u32, flags: u32, pinning: u32) -> Self {
                $name {
                    bpf_map_def: MapDef::new($map_type, size_of::<u32>(), size_of::<V>(), max_entries, flags, pinning),
                    key: [],
                    value: [],
                }
            }

            /// The value at `index`, or `None` past the end.
            #[inline(always)]
            pub fn get(&self, index: u32) -> Option<&V> {
                unsafe { lookup::<_, u32, V>(self, &index).as_ref() }
            }

            /// A pointer to the value at `index`, to change it in place.
            #[inline(always)]
            pub fn get_ptr_mut(&self, index: u32) -> Option<*mut V> {
                let p = lookup::<_, u32, V>(self, &index);
                (!p.is_null()).then_some(p)
            }

            /// Sets the value at `index`.
            #[inline(always)]
            pub fn set(&self, index: u32, value: impl Borrow<V>, flags: u64) -> Result<(), i64> {
                update(self, &index, value.borrow(), flags)
            }
        }
    };
}

array_map!(
    /// An array (`BPF_MAP_TYPE_ARRAY`): `max_entries` values that always
    /// exist, zero until set.
    ///
    /// ```no_run
    /// use oxbpf_ebpf::maps::Array;
    ///
    /// static LIMITS: Array<u64> = Array::with_max_entries(2, 0);
    ///
    /// fn limit() -> u64 {
    ///     LIMITS.get(0).copied().unwrap_or(1500)
    /// }
    /// ```
    Array,
    BPF_MAP_TYPE_ARRAY
);

array_map!(
    /// An array with a value per CPU (`BPF_MAP_TYPE_PERCPU_ARRAY`): the
    /// program sees its own CPU's, and needs no atomics to change it.
    PerCpuArray,
    BPF_MAP_TYPE_PERCPU_ARRAY
);
