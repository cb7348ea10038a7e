use super::{delete, lookup, update, MapDef};
use crate::consts::{BPF_MAP_TYPE_HASH, BPF_MAP_TYPE_LRU_HASH, BPF_MAP_TYPE_PERCPU_HASH};
use core::borrow::Borrow;
use core::mem::size_of;

/// Defines a map type of keys `K` and values `V` with the hash map's methods.
macro_rules! hash_map {
    ($(#[$doc:meta])* $name:ident, $map_type:expr) => {
        $(#[$doc])*
        #[repr(C)]
        pub struct $name<K, V> {
            bpf_map_def: MapDef,
            key: [K; 0],
            value: [V; 0],
        }

        // The kernel owns the map; the static is only its name.
        unsafe impl<K, V> Sync for $name<K, V> {}

        impl<K, V> $name<K, V> {
            max_entries_constructors!("entries");

            const fn define(max_entries: u32, flags: u32, pinning: u32) -> Self {
                $name {
                    bpf_map_def: MapDef::new($map_type, size_of::<K>(), size_of::<V>(), max_entries, flags, pinning),
                    key: [],
                    value: [],
                }
            }

            /// The value for `key`, if the map has one. Other CPUs and user
            /// space may change it while the program runs.
            #[inline(always)]
            pub fn get(&self, key: &K) -> Option<&V> {
                unsafe { lookup::<_, K, V>(self, key).as_ref() }
            }

            /// A pointer to the value for `key`, to change it in place.
            #[inline(always)]
            pub fn get_ptr_mut(&self, key: &K) -> Option<*mut V> {
                let p = lookup::<_, K, V>(self, key);
                (!p.is_null()).then_some(p)
            }

            /// Sets the value for `key`; `flags` is [`BPF_ANY`](crate::consts::BPF_ANY),
            /// [`BPF_NOEXIST`](crate::consts::BPF_NOEXIST) or [`BPF_EXIST`](crate::consts::BPF_EXIST).
            ///
            /// Key and value come by value or by reference: a literal
            /// (`insert(k, 1, ..)`) then lives on the stack, not in
            /// `.rodata`, which kernels before 5.2 lack.
            #[inline(always)]
            pub fn insert(&self, key: impl Borrow<K>, value: impl Borrow<V>, flags: u64) -> Result<(), i64> {
                update(self, key.borrow(), value.borrow(), flags)
            }

            /// Removes the entry for `key`.
            #[inline(always)]
            pub fn remove(&self, key: &K) -> Result<(), i64> {
                delete(self, key)
            }
        }
    };
}

hash_map!(
    /// A hash map (`BPF_MAP_TYPE_HASH`).
    ///
    /// ```no_run
    /// use oxbpf_ebpf::maps::HashMap;
    ///
    /// static PORTS: HashMap<u16, u64> = HashMap::with_max_entries(1024, 0);
    ///
    /// fn count(port: u16) {
    ///     match PORTS.get_ptr_mut(&port) {
    ///         Some(n) => unsafe { *n += 1 },
    ///         None => {
    ///             let _ = PORTS.insert(port, 1, 0);
    ///         }
    ///     }
    /// }
    /// ```
    HashMap,
    BPF_MAP_TYPE_HASH
);

hash_map!(
    /// A hash map that evicts the least recently used entry when full
    /// (`BPF_MAP_TYPE_LRU_HASH`).
    LruHashMap,
    BPF_MAP_TYPE_LRU_HASH
);

hash_map!(
    /// A hash map with a value per CPU (`BPF_MAP_TYPE_PERCPU_HASH`): the
    /// program sees its own CPU's, and needs no atomics to change it.
    PerCpuHashMap,
    BPF_MAP_TYPE_PERCPU_HASH
);
