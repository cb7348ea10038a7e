//! oxbpf's bundled example: an XDP program that counts IPv4 packets per IP
//! protocol in a hash map and drops UDP packets to the discard port (9).
//!
//! Everything a BPF program needs is here, with no dependencies: the
//! license, a map in the legacy `maps` section, helper calls through
//! constant function pointers, and bounds checks against `data_end` that
//! the verifier can follow. A panic (the slice index below can fail) ends
//! the program with return value 0, XDP_ABORTED: oxbpf rewrites the panic
//! handler into `r0 = 0; exit`.
#![no_std]
#![no_main]

use core::ffi::c_void;

#[unsafe(no_mangle)]
#[unsafe(link_section = "license")]
pub static _license: [u8; 4] = *b"GPL\0";

/// A legacy map definition: type, key size, value size, max entries, flags.
#[repr(C)]
pub struct MapDef {
    kind: u32,
    key_size: u32,
    value_size: u32,
    max_entries: u32,
    flags: u32,
}

const BPF_MAP_TYPE_HASH: u32 = 1;

#[unsafe(no_mangle)]
#[unsafe(link_section = "maps")]
pub static PROTOCOLS: MapDef = MapDef { kind: BPF_MAP_TYPE_HASH, key_size: 4, value_size: 8, max_entries: 256, flags: 0 };

/// The XDP context as the kernel passes it.
#[repr(C)]
pub struct XdpMd {
    data: u32,
    data_end: u32,
    data_meta: u32,
    ingress_ifindex: u32,
    rx_queue_index: u32,
}

const XDP_DROP: u32 = 1;
const XDP_PASS: u32 = 2;

/// UDP ports whose packets are dropped: discard and chargen.
const DROPPED_PORTS: [u16; 2] = [9, 19];

#[unsafe(no_mangle)]
#[unsafe(link_section = "xdp")]
pub extern "C" fn xdp_count(ctx: *const XdpMd) -> u32 {
    let ctx = unsafe { &*ctx };
    let (data, end) = (ctx.data as usize, ctx.data_end as usize);
    // Ethernet (14 bytes) + IPv4 without options (20) + UDP header (8).
    if data + 42 > end {
        return XDP_PASS;
    }
    let packet = unsafe { core::slice::from_raw_parts(data as *const u8, 42) };
    if packet[12] != 0x08 || packet[13] != 0x00 {
        return XDP_PASS; // not IPv4
    }
    let protocol = packet[23] as u32;
    count(protocol);
    if protocol == 17 {
        let port = u16::from_be_bytes([packet[36], packet[37]]);
        // The slot comes from the packet and can be out of range: then the
        // index panics and the program returns 0, XDP_ABORTED.
        let slot = (packet[41] & 3) as usize;
        if port == DROPPED_PORTS[slot] {
            return XDP_DROP;
        }
    }
    XDP_PASS
}

fn count(protocol: u32) {
    let map = &PROTOCOLS as *const MapDef as *mut c_void;
    let key = &protocol as *const u32 as *const c_void;
    unsafe {
        let lookup: unsafe extern "C" fn(*mut c_void, *const c_void) -> *mut u64 = core::mem::transmute(1usize);
        let update: unsafe extern "C" fn(*mut c_void, *const c_void, *const c_void, u64) -> i64 = core::mem::transmute(2usize);
        let value = lookup(map, key);
        if value.is_null() {
            let one = 1u64;
            update(map, key, &one as *const u64 as *const c_void, 0);
        } else {
            core::sync::atomic::AtomicU64::from_ptr(value).fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        }
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
