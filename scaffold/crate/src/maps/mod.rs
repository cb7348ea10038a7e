//! BPF maps, declared as statics with a `const` constructor:
//!
//! ```no_run
//! use oxbpf_ebpf::maps::{Array, HashMap, RingBuf};
//!
//! static PACKETS: HashMap<u32, u64> = HashMap::with_max_entries(1024, 0);
//! static CONFIG: Array<u32> = Array::with_max_entries(4, 0);
//! static EVENTS: RingBuf<[u8; 64]> = RingBuf::with_byte_size(64 * 4096, 0);
//! ```
//!
//! `oxbpf build` turns each such static into a BTF-defined map in the
//! `.maps` section, named as the static (`PACKETS`), with its key and value
//! types in BTF: libbpf, bpftool, iproute2 and cilium/ebpf load it, and
//! `bpftool map dump` prints the values field by field. No `#[no_mangle]`
//! or `#[link_section]` is needed; a static the program never uses is
//! dropped, map and all.
//!
//! The methods call the kernel's map helpers. A value the kernel returns
//! is shared with other CPUs and with user space: read counters with
//! atomics (`AtomicU64::from_ptr` on [`HashMap::get_ptr_mut`]) rather
//! than through `&V` when others write them.

/// The constructors of a map type whose size is a number of entries; the
/// type has `const fn define(max_entries, flags, pinning) -> Self`.
macro_rules! max_entries_constructors {
    ($what:literal) => {
        #[doc = concat!("A map of at most `max_entries` ", $what, "; `flags` are `BPF_F_*` map flags.")]
        pub const fn with_max_entries(max_entries: u32, flags: u32) -> Self {
            Self::define(max_entries, flags, super::PIN_NONE)
        }

        /// The same map, pinned by name in `/sys/fs/bpf` (see [`PIN_BY_NAME`](super::PIN_BY_NAME)).
        pub const fn pinned(max_entries: u32, flags: u32) -> Self {
            Self::define(max_entries, flags, super::PIN_BY_NAME)
        }
    };
}

mod array;
mod hash;
mod lpm_trie;
mod perf;
mod prog_array;
mod queue;
mod ring_buf;

pub use array::{Array, PerCpuArray};
pub use hash::{HashMap, LruHashMap, PerCpuHashMap};
pub use lpm_trie::{LpmKey, LpmTrie};
pub use perf::PerfEventArray;
pub use prog_array::ProgramArray;
pub use queue::{Queue, Stack};
pub use ring_buf::{RingBuf, RingBufEntry};

use crate::helpers::{raw, status};
use core::ffi::c_void;

/// The definition of a map, as `BPF_MAP_CREATE` takes it. Every map type
/// of this module starts with one in a field named `bpf_map_def`, which is
/// how oxbpf knows a map static: it reads the numbers from the static's
/// initializer and writes them, with the key and value types, as the BTF
/// map definition loaders read.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapDef {
    /// The map type, one of the `BPF_MAP_TYPE_*` constants.
    pub map_type: u32,
    /// The size of a key in bytes.
    pub key_size: u32,
    /// The size of a value in bytes.
    pub value_size: u32,
    /// How many entries the map holds at most (a ring buffer's size in bytes).
    pub max_entries: u32,
    /// `BPF_F_*` flags.
    pub map_flags: u32,
    /// [`PIN_NONE`] or [`PIN_BY_NAME`].
    pub pinning: u32,
}

/// The map is not pinned: it lives as long as programs or user space hold it.
pub const PIN_NONE: u32 = 0;
/// The loader pins the map in `/sys/fs/bpf` under its name and reuses a
/// map pinned there (libbpf's `LIBBPF_PIN_BY_NAME`, cilium/ebpf's `PinByName`).
pub const PIN_BY_NAME: u32 = 1;

impl MapDef {
    /// A definition for keys of `key_size` and values of `value_size` bytes.
    pub const fn new(
        map_type: u32,
        key_size: usize,
        value_size: usize,
        max_entries: u32,
        map_flags: u32,
        pinning: u32,
    ) -> Self {
        MapDef {
            map_type,
            key_size: key_size as u32,
            value_size: value_size as u32,
            max_entries,
            map_flags,
            pinning,
        }
    }
}

/// The map's address, as helpers take it.
#[inline(always)]
fn map_ptr<M>(map: &M) -> *mut c_void {
    map as *const M as *mut c_void
}

/// `bpf_map_lookup_elem`: the value for key, or null.
#[inline(always)]
fn lookup<M, K, V>(map: &M, key: &K) -> *mut V {
    unsafe { raw::bpf_map_lookup_elem(map_ptr(map), key as *const K as *const c_void) as *mut V }
}

/// `bpf_map_update_elem`.
#[inline(always)]
fn update<M, K, V>(map: &M, key: &K, value: &V, flags: u64) -> Result<(), i64> {
    status(unsafe {
        raw::bpf_map_update_elem(
            map_ptr(map),
            key as *const K as *const c_void,
            value as *const V as *const c_void,
            flags,
        )
    })
}

/// `bpf_map_delete_elem`.
#[inline(always)]
fn delete<M, K>(map: &M, key: &K) -> Result<(), i64> {
    status(unsafe { raw::bpf_map_delete_elem(map_ptr(map), key as *const K as *const c_void) })
}
