//! Network headers as they sit in a packet. Multi-byte fields are byte
//! arrays in network order, so every header has alignment 1 and a
//! reference to one is valid wherever the packet puts it; the methods give
//! the numbers in host order.

/// A type that can be read in place from a packet: plain bytes of
/// alignment 1.
///
/// # Safety
///
/// The type must be `#[repr(C)]` (or `packed`), of alignment 1, and valid
/// for every bit pattern.
pub unsafe trait Header {}

/// An Ethernet header.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EthHdr {
    /// The destination MAC address.
    pub dst: [u8; 6],
    /// The source MAC address.
    pub src: [u8; 6],
    /// The EtherType, in network order; see [`ether_type`](Self::ether_type).
    pub proto: [u8; 2],
}

unsafe impl Header for EthHdr {}

impl EthHdr {
    /// The header's length in bytes.
    pub const LEN: usize = 14;

    /// The EtherType in host order ([`ETH_P_IP`](crate::consts::ETH_P_IP), ...).
    #[inline(always)]
    pub fn ether_type(&self) -> u16 {
        u16::from_be_bytes(self.proto)
    }
}

/// An IPv4 header, without options.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ipv4Hdr {
    /// The version (4) in the high nibble, the header length in 32-bit words in the low.
    pub version_ihl: u8,
    /// The type of service (DSCP and ECN).
    pub tos: u8,
    /// The total length, in network order.
    pub tot_len: [u8; 2],
    /// The identification, in network order.
    pub id: [u8; 2],
    /// Flags and fragment offset, in network order.
    pub frag_off: [u8; 2],
    /// The time to live.
    pub ttl: u8,
    /// The protocol of the payload ([`IPPROTO_TCP`](crate::consts::IPPROTO_TCP), ...).
    pub protocol: u8,
    /// The header checksum, in network order.
    pub check: [u8; 2],
    /// The source address, in network order.
    pub saddr: [u8; 4],
    /// The destination address, in network order.
    pub daddr: [u8; 4],
}

unsafe impl Header for Ipv4Hdr {}

impl Ipv4Hdr {
    /// The length of a header without options.
    pub const LEN: usize = 20;

    /// The header's length in bytes, options included.
    #[inline(always)]
    pub fn header_len(&self) -> usize {
        ((self.version_ihl & 0x0f) as usize) * 4
    }

    /// The packet's total length, in host order.
    #[inline(always)]
    pub fn total_len(&self) -> u16 {
        u16::from_be_bytes(self.tot_len)
    }

    /// The source address, in host order.
    #[inline(always)]
    pub fn src_addr(&self) -> u32 {
        u32::from_be_bytes(self.saddr)
    }

    /// The destination address, in host order.
    #[inline(always)]
    pub fn dst_addr(&self) -> u32 {
        u32::from_be_bytes(self.daddr)
    }
}

/// An IPv6 header, without extension headers.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ipv6Hdr {
    /// Version, traffic class and flow label, in network order.
    pub version_tc_flow: [u8; 4],
    /// The payload's length, in network order.
    pub payload_len: [u8; 2],
    /// The next header: the payload's protocol or an extension header.
    pub next_hdr: u8,
    /// The hop limit.
    pub hop_limit: u8,
    /// The source address.
    pub saddr: [u8; 16],
    /// The destination address.
    pub daddr: [u8; 16],
}

unsafe impl Header for Ipv6Hdr {}

impl Ipv6Hdr {
    /// The header's length in bytes.
    pub const LEN: usize = 40;

    /// The payload's length, in host order.
    #[inline(always)]
    pub fn payload_len(&self) -> u16 {
        u16::from_be_bytes(self.payload_len)
    }
}

/// A TCP header, without options.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TcpHdr {
    /// The source port, in network order.
    pub source: [u8; 2],
    /// The destination port, in network order.
    pub dest: [u8; 2],
    /// The sequence number, in network order.
    pub seq: [u8; 4],
    /// The acknowledgement number, in network order.
    pub ack_seq: [u8; 4],
    /// The data offset in the high nibble of the first byte, the flags in the second.
    pub doff_flags: [u8; 2],
    /// The window, in network order.
    pub window: [u8; 2],
    /// The checksum, in network order.
    pub check: [u8; 2],
    /// The urgent pointer, in network order.
    pub urg_ptr: [u8; 2],
}

unsafe impl Header for TcpHdr {}

impl TcpHdr {
    /// The length of a header without options.
    pub const LEN: usize = 20;
    /// The FIN flag.
    pub const FIN: u8 = 0x01;
    /// The SYN flag.
    pub const SYN: u8 = 0x02;
    /// The RST flag.
    pub const RST: u8 = 0x04;
    /// The PSH flag.
    pub const PSH: u8 = 0x08;
    /// The ACK flag.
    pub const ACK: u8 = 0x10;

    /// The source port, in host order.
    #[inline(always)]
    pub fn src_port(&self) -> u16 {
        u16::from_be_bytes(self.source)
    }

    /// The destination port, in host order.
    #[inline(always)]
    pub fn dst_port(&self) -> u16 {
        u16::from_be_bytes(self.dest)
    }

    /// The flags ([`SYN`](Self::SYN), [`ACK`](Self::ACK), ...).
    #[inline(always)]
    pub fn flags(&self) -> u8 {
        self.doff_flags[1]
    }

    /// The header's length in bytes, options included.
    #[inline(always)]
    pub fn header_len(&self) -> usize {
        ((self.doff_flags[0] >> 4) as usize) * 4
    }
}

/// A UDP header.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UdpHdr {
    /// The source port, in network order.
    pub source: [u8; 2],
    /// The destination port, in network order.
    pub dest: [u8; 2],
    /// The length of header and payload, in network order.
    pub len: [u8; 2],
    /// The checksum, in network order.
    pub check: [u8; 2],
}

unsafe impl Header for UdpHdr {}

impl UdpHdr {
    /// The header's length in bytes.
    pub const LEN: usize = 8;

    /// The source port, in host order.
    #[inline(always)]
    pub fn src_port(&self) -> u16 {
        u16::from_be_bytes(self.source)
    }

    /// The destination port, in host order.
    #[inline(always)]
    pub fn dst_port(&self) -> u16 {
        u16::from_be_bytes(self.dest)
    }
}
