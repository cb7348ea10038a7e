use super::{delete, lookup, update, MapDef};
use crate::consts::{BPF_F_NO_PREALLOC, BPF_MAP_TYPE_LPM_TRIE};
use core::borrow::Borrow;
use core::mem::size_of;

/// A key of an [`LpmTrie`]: the first `prefix_len` bits of `data` (in
/// network order, as in the packet) count.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LpmKey<K> {
    /// How many leading bits of `data` the key covers.
    pub prefix_len: u32,
    /// The address or other bytes, in network order.
    pub data: K,
}

impl<K> LpmKey<K> {
    /// The key for the first `prefix_len` bits of `data`.
    pub const fn new(prefix_len: u32, data: K) -> Self {
        LpmKey { prefix_len, data }
    }
}

/// A longest-prefix-match trie (`BPF_MAP_TYPE_LPM_TRIE`), for routes and
/// address ranges: a lookup finds the entry with the longest prefix that
/// covers the key.
///
/// ```no_run
/// use oxbpf_ebpf::maps::{LpmKey, LpmTrie};
///
/// static BLOCKED: LpmTrie<[u8; 4], u32> = LpmTrie::with_max_entries(1024, 0);
///
/// fn blocked(addr: [u8; 4]) -> bool {
///     BLOCKED.get(&LpmKey::new(32, addr)).is_some()
/// }
/// ```
#[repr(C)]
pub struct LpmTrie<K, V> {
    bpf_map_def: MapDef,
    key: [LpmKey<K>; 0],
    value: [V; 0],
}

// The kernel owns the map; the static is only its name.
unsafe impl<K, V> Sync for LpmTrie<K, V> {}

impl<K, V> LpmTrie<K, V> {
    max_entries_constructors!("prefixes (the kernel requires `BPF_F_NO_PREALLOC`, which is added to `flags`)");

    const fn define(max_entries: u32, flags: u32, pinning: u32) -> Self {
        LpmTrie {
            bpf_map_def: MapDef::new(
                BPF_MAP_TYPE_LPM_TRIE,
                size_of::<LpmKey<K>>(),
                size_of::<V>(),
                max_entries,
                flags | BPF_F_NO_PREALLOC,
                pinning,
            ),
            key: [],
            value: [],
        }
    }

    /// The value of the longest prefix that covers `key`.
    #[inline(always)]
    pub fn get(&self, key: &LpmKey<K>) -> Option<&V> {
        unsafe { lookup::<_, LpmKey<K>, V>(self, key).as_ref() }
    }

    /// Sets the value for the prefix `key`.
    #[inline(always)]
    pub fn insert(&self, key: impl Borrow<LpmKey<K>>, value: impl Borrow<V>, flags: u64) -> Result<(), i64> {
        update(self, key.borrow(), value.borrow(), flags)
    }

    /// Removes the prefix `key`.
    #[inline(always)]
    pub fn remove(&self, key: &LpmKey<K>) -> Result<(), i64> {
        delete(self, key)
    }
}
