use super::{checked_ptr, Context};
use crate::consts::BPF_HDR_START_NET;
use crate::helpers::{raw, status};
use core::ffi::c_void;
use core::mem::{size_of, MaybeUninit};

/// The context of socket filter, tc and cgroup skb programs, as the
/// kernel lays it out (`struct __sk_buff`). Which fields a program may
/// read or write depends on its type; the verifier says.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct __sk_buff {
    pub len: u32,
    pub pkt_type: u32,
    pub mark: u32,
    pub queue_mapping: u32,
    /// The EtherType in network order.
    pub protocol: u32,
    pub vlan_present: u32,
    pub vlan_tci: u32,
    pub vlan_proto: u32,
    pub priority: u32,
    pub ingress_ifindex: u32,
    pub ifindex: u32,
    pub tc_index: u32,
    pub cb: [u32; 5],
    pub hash: u32,
    pub tc_classid: u32,
    pub data: u32,
    pub data_end: u32,
    pub napi_id: u32,
    pub family: u32,
    pub remote_ip4: u32,
    pub local_ip4: u32,
    pub remote_ip6: [u32; 4],
    pub local_ip6: [u32; 4],
    pub remote_port: u32,
    pub local_port: u32,
    pub data_meta: u32,
    pub flow_keys: u64,
    pub tstamp: u64,
    pub wire_len: u32,
    pub gso_segs: u32,
    pub sk: u64,
    pub gso_size: u32,
    pub tstamp_type: u8,
    _pad: [u8; 3],
    pub hwtstamp: u64,
}

/// A socket buffer: the packet of a socket filter, tc or cgroup skb
/// program, read through helpers (every such type) or directly (tc).
///
/// ```no_run
/// use oxbpf_ebpf::context::SkBuffContext;
/// use oxbpf_ebpf::consts::{ETH_P_IP, IPPROTO_UDP};
///
/// fn is_udp(skb: &SkBuffContext) -> bool {
///     skb.protocol() == ETH_P_IP && skb.load::<u8>(14 + 9) == Ok(IPPROTO_UDP)
/// }
/// ```
#[repr(transparent)]
pub struct SkBuffContext {
    skb: *mut __sk_buff,
}

impl Context for SkBuffContext {
    unsafe fn from_raw(ctx: *mut c_void) -> Self {
        SkBuffContext {
            skb: ctx as *mut __sk_buff,
        }
    }

    fn as_ptr(&self) -> *mut c_void {
        self.skb as *mut c_void
    }
}

impl SkBuffContext {
    /// The packet's length in bytes, with what is not in the linear part.
    #[inline(always)]
    pub fn len(&self) -> u32 {
        unsafe { (*self.skb).len }
    }

    /// Whether the packet is empty.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The EtherType, in host order ([`ETH_P_IP`](crate::consts::ETH_P_IP), ...).
    #[inline(always)]
    pub fn protocol(&self) -> u16 {
        let protocol = unsafe { (*self.skb).protocol };
        // The kernel widens a 16-bit field: said so, the comparisons need
        // no mask of the upper half.
        unsafe { core::hint::assert_unchecked(protocol <= 0xffff) };
        u16::from_be(protocol as u16)
    }

    /// The packet's mark.
    #[inline(always)]
    pub fn mark(&self) -> u32 {
        unsafe { (*self.skb).mark }
    }

    /// Sets the packet's mark (tc).
    #[inline(always)]
    pub fn set_mark(&self, mark: u32) {
        unsafe { (*self.skb).mark = mark }
    }

    /// The interface the packet is on.
    #[inline(always)]
    pub fn ifindex(&self) -> u32 {
        unsafe { (*self.skb).ifindex }
    }

    /// The interface the packet came in on.
    #[inline(always)]
    pub fn ingress_ifindex(&self) -> u32 {
        unsafe { (*self.skb).ingress_ifindex }
    }

    /// The raw context, for fields without a method.
    #[inline(always)]
    pub fn raw(&self) -> *mut __sk_buff {
        self.skb
    }

    /// A pointer to a `T` at `offset` in the packet's linear part, if it
    /// holds all of it: direct packet access, for tc and cgroup programs
    /// (socket filters use [`load`](Self::load)).
    #[inline(always)]
    pub fn ptr_at<T>(&self, offset: usize) -> Option<*mut T> {
        let (start, end) = unsafe { ((*self.skb).data as usize, (*self.skb).data_end as usize) };
        checked_ptr::<T>(start, end, offset)
    }

    /// Copies a `T` from `offset` in the packet (`bpf_skb_load_bytes`),
    /// also from the part direct access cannot reach.
    #[inline(always)]
    pub fn load<T: Copy>(&self, offset: u32) -> Result<T, i64> {
        let mut v = MaybeUninit::<T>::uninit();
        status(unsafe {
            raw::bpf_skb_load_bytes(
                self.as_ptr() as *const c_void,
                offset,
                v.as_mut_ptr() as *mut c_void,
                size_of::<T>() as u32,
            )
        })?;
        Ok(unsafe { v.assume_init() })
    }

    /// Copies a `T` from `offset` after the network (IP) header's start
    /// (`bpf_skb_load_bytes_relative`, Linux 4.18): the same offsets
    /// whether the packet starts at its Ethernet header (tc, packet
    /// sockets) or at its IP header (cgroup programs, other sockets).
    #[inline(always)]
    pub fn load_network<T: Copy>(&self, offset: u32) -> Result<T, i64> {
        let mut v = MaybeUninit::<T>::uninit();
        status(unsafe {
            raw::bpf_skb_load_bytes_relative(
                self.as_ptr() as *const c_void,
                offset,
                v.as_mut_ptr() as *mut c_void,
                size_of::<T>() as u32,
                BPF_HDR_START_NET,
            )
        })?;
        Ok(unsafe { v.assume_init() })
    }

    /// Writes `value` at `offset` in the packet (`bpf_skb_store_bytes`;
    /// `flags`: [`BPF_F_RECOMPUTE_CSUM`](crate::consts::BPF_F_RECOMPUTE_CSUM),
    /// [`BPF_F_INVALIDATE_HASH`](crate::consts::BPF_F_INVALIDATE_HASH)).
    #[inline(always)]
    pub fn store<T>(&self, offset: u32, value: &T, flags: u64) -> Result<(), i64> {
        status(unsafe {
            raw::bpf_skb_store_bytes(
                self.as_ptr(),
                offset,
                value as *const T as *const c_void,
                size_of::<T>() as u32,
                flags,
            )
        })
    }

    /// Fixes the IPv4 header checksum at `offset` after a field of `size`
    /// bytes (2 or 4) changed from `from` to `to` (`bpf_l3_csum_replace`).
    #[inline(always)]
    pub fn l3_csum_replace(&self, offset: u32, from: u64, to: u64, size: u64) -> Result<(), i64> {
        status(unsafe { raw::bpf_l3_csum_replace(self.as_ptr(), offset, from, to, size) })
    }

    /// Fixes the TCP or UDP checksum at `offset` after a field changed
    /// (`bpf_l4_csum_replace`; `flags` holds the field's size and
    /// [`BPF_F_PSEUDO_HDR`](crate::consts::BPF_F_PSEUDO_HDR) for addresses).
    #[inline(always)]
    pub fn l4_csum_replace(&self, offset: u32, from: u64, to: u64, flags: u64) -> Result<(), i64> {
        status(unsafe { raw::bpf_l4_csum_replace(self.as_ptr(), offset, from, to, flags) })
    }

    /// Makes the first `len` bytes direct-accessible (`bpf_skb_pull_data`).
    #[inline(always)]
    pub fn pull_data(&self, len: u32) -> Result<(), i64> {
        status(unsafe { raw::bpf_skb_pull_data(self.as_ptr(), len) })
    }
}
