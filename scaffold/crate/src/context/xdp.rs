use super::{checked_ptr, Context};
use core::ffi::c_void;
use core::marker::PhantomData;

/// The context of an XDP program, as the kernel lays it out
/// (`struct xdp_md`).
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct xdp_md {
    /// Where the packet starts.
    pub data: u32,
    /// Where the packet ends.
    pub data_end: u32,
    /// Where the metadata before the packet starts.
    pub data_meta: u32,
    /// The interface the packet came in on.
    pub ingress_ifindex: u32,
    /// The receive queue it came in on.
    pub rx_queue_index: u32,
    /// The interface it leaves on (devmap programs).
    pub egress_ifindex: u32,
}

/// An XDP program's packet, with bounds-checked access to its bytes.
///
/// ```no_run
/// use oxbpf_ebpf::context::XdpContext;
/// use oxbpf_ebpf::consts::{ETH_P_IP, XDP_PASS};
/// use oxbpf_ebpf::net::{EthHdr, Ipv4Hdr};
///
/// fn protocol(ctx: &XdpContext) -> Option<u8> {
///     let eth = ctx.header::<EthHdr>(0)?;
///     if eth.ether_type() != ETH_P_IP {
///         return None;
///     }
///     Some(ctx.header::<Ipv4Hdr>(EthHdr::LEN)?.protocol)
/// }
/// ```
#[repr(transparent)]
pub struct XdpContext {
    ctx: *mut xdp_md,
}

impl Context for XdpContext {
    unsafe fn from_raw(ctx: *mut c_void) -> Self {
        XdpContext {
            ctx: ctx as *mut xdp_md,
        }
    }

    fn as_ptr(&self) -> *mut c_void {
        self.ctx as *mut c_void
    }
}

impl XdpContext {
    /// The address of the packet's first byte.
    #[inline(always)]
    pub fn data(&self) -> usize {
        unsafe { (*self.ctx).data as usize }
    }

    /// The address just past the packet's last byte.
    #[inline(always)]
    pub fn data_end(&self) -> usize {
        unsafe { (*self.ctx).data_end as usize }
    }

    /// The packet's length in bytes.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.data_end() - self.data()
    }

    /// Whether the packet is empty.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The interface the packet came in on.
    #[inline(always)]
    pub fn ingress_ifindex(&self) -> u32 {
        unsafe { (*self.ctx).ingress_ifindex }
    }

    /// The receive queue the packet came in on.
    #[inline(always)]
    pub fn rx_queue_index(&self) -> u32 {
        unsafe { (*self.ctx).rx_queue_index }
    }

    /// A pointer to a `T` at `offset`, if the packet holds all of it.
    #[inline(always)]
    pub fn ptr_at<T>(&self, offset: usize) -> Option<*const T> {
        checked_ptr::<T>(self.data(), self.data_end(), offset).map(|p| p as *const T)
    }

    /// A pointer to a `T` at `offset` to change the packet, if it holds all of it.
    #[inline(always)]
    pub fn ptr_at_mut<T>(&self, offset: usize) -> Option<*mut T> {
        checked_ptr::<T>(self.data(), self.data_end(), offset)
    }

    /// The header `T` at `offset`, if the packet holds all of it. `T` is
    /// one of [`crate::net`]'s headers or another type of alignment 1.
    #[inline(always)]
    pub fn header<T: crate::net::Header>(&self, offset: usize) -> Option<&T> {
        self.ptr_at::<T>(offset).map(|p| unsafe { &*p })
    }

    /// The header `T` at `offset`, to change it, if the packet holds all of it.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)] // the packet is the kernel's, not self's
    pub fn header_mut<T: crate::net::Header>(&self, offset: usize) -> Option<&mut T> {
        self.ptr_at_mut::<T>(offset).map(|p| unsafe { &mut *p })
    }

    /// A cursor at the packet's first byte, to read headers one after the
    /// other, each checked against the packet's end where it lies.
    #[inline(always)]
    pub fn cursor(&self) -> Cursor<'_> {
        Cursor {
            pos: self.data(),
            end: self.data_end(),
            packet: PhantomData,
        }
    }

    /// Grows (negative `delta`) or shrinks the packet at its head
    /// (`bpf_xdp_adjust_head`); every pointer into the packet is stale after.
    #[inline(always)]
    pub fn adjust_head(&self, delta: i32) -> Result<(), i64> {
        crate::helpers::status(unsafe { crate::helpers::raw::bpf_xdp_adjust_head(self.as_ptr(), delta) })
    }
}

/// Reads a packet's headers in order: each [`read`](Self::read) checks that
/// the packet holds the header at the cursor, and moves past it. Costs no
/// more than the pointer arithmetic written out by hand.
///
/// ```no_run
/// use oxbpf_ebpf::context::XdpContext;
/// use oxbpf_ebpf::net::{EthHdr, Ipv4Hdr, UdpHdr};
///
/// fn udp_port(ctx: &XdpContext) -> Option<u16> {
///     let mut cur = ctx.cursor();
///     cur.read::<EthHdr>()?;
///     let ip = cur.read::<Ipv4Hdr>()?;
///     cur.skip(ip.header_len().checked_sub(Ipv4Hdr::LEN)?);
///     Some(cur.read::<UdpHdr>()?.dst_port())
/// }
/// ```
pub struct Cursor<'a> {
    pos: usize,
    end: usize,
    packet: PhantomData<&'a XdpContext>,
}

impl<'a> Cursor<'a> {
    /// The header at the cursor, if the packet holds all of it; the cursor
    /// moves past it.
    #[inline(always)]
    pub fn read<T: crate::net::Header>(&mut self) -> Option<&'a T> {
        let p = checked_ptr::<T>(self.pos, self.end, 0)?;
        self.pos += core::mem::size_of::<T>();
        Some(unsafe { &*p })
    }

    /// Moves the cursor `n` bytes on (past IPv4 options, say); the next
    /// read checks the bounds.
    #[inline(always)]
    pub fn skip(&mut self, n: usize) {
        self.pos += n;
    }

    /// The address the cursor is at.
    #[inline(always)]
    pub fn pos(&self) -> usize {
        self.pos
    }
}
