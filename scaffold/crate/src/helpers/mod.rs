//! The kernel's helper functions: every one of them, unsafe and by name,
//! in [`raw`], and safe wrappers of the common ones here. Map and packet
//! helpers are methods of the [maps](crate::maps) and
//! [contexts](crate::context); [`trace_printk!`](crate::trace_printk)
//! prints to the trace pipe.

pub mod raw;

use core::ffi::c_void;
use core::mem::{size_of, MaybeUninit};

/// A helper's status as a `Result`: a negative errno is the error, 0
/// success. Testing the sign, as C does, compiles to one branch where
/// testing for 0 took two.
#[inline(always)]
pub(crate) fn status(ret: i64) -> Result<(), i64> {
    if ret < 0 {
        Err(ret)
    } else {
        Ok(())
    }
}

/// Nanoseconds since boot, not counting suspend (`bpf_ktime_get_ns`).
#[inline(always)]
pub fn ktime_get_ns() -> u64 {
    unsafe { raw::bpf_ktime_get_ns() }
}

/// Nanoseconds since boot, counting suspend (`bpf_ktime_get_boot_ns`, Linux 5.8).
#[inline(always)]
pub fn ktime_get_boot_ns() -> u64 {
    unsafe { raw::bpf_ktime_get_boot_ns() }
}

/// The current task's thread group id (the process id user space sees) in
/// the upper 32 bits and its thread id in the lower (`bpf_get_current_pid_tgid`).
#[inline(always)]
pub fn get_current_pid_tgid() -> u64 {
    unsafe { raw::bpf_get_current_pid_tgid() }
}

/// The current process's id, as user space calls it (the kernel's tgid).
#[inline(always)]
pub fn current_pid() -> u32 {
    (get_current_pid_tgid() >> 32) as u32
}

/// The current thread's id (the kernel's pid).
#[inline(always)]
pub fn current_tid() -> u32 {
    get_current_pid_tgid() as u32
}

/// The current task's `struct task_struct *` (`bpf_get_current_task`): read
/// its fields with [`core_read!`](crate::core_read) on a relocatable
/// `task_struct` (`oxbpf gen types task_struct`).
#[inline(always)]
pub fn get_current_task() -> *const c_void {
    unsafe { raw::bpf_get_current_task() as *const c_void }
}

/// The current task's group id in the upper 32 bits and user id in the
/// lower (`bpf_get_current_uid_gid`).
#[inline(always)]
pub fn get_current_uid_gid() -> u64 {
    unsafe { raw::bpf_get_current_uid_gid() }
}

/// The current task's name, NUL-padded (`bpf_get_current_comm`); all
/// zeros where there is no current task, which is how the kernel fills
/// it then.
#[inline(always)]
pub fn get_current_comm() -> [u8; 16] {
    // Two words, not 16 bytes, and no Result around them: in a struct an
    // array of u8 is copied byte by byte (BPF has no unaligned loads),
    // words in two instructions. The helper writes all 16 bytes, a name
    // or zeros, so they need no zeroing first.
    let mut comm = MaybeUninit::<[u64; 2]>::uninit();
    unsafe { raw::bpf_get_current_comm(comm.as_mut_ptr() as *mut c_void, 16) };
    unsafe { core::mem::transmute::<[u64; 2], [u8; 16]>(comm.assume_init()) }
}

/// A pseudo-random number, not fit for cryptography (`bpf_get_prandom_u32`).
#[inline(always)]
pub fn get_prandom_u32() -> u32 {
    unsafe { raw::bpf_get_prandom_u32() }
}

/// The CPU the program runs on (`bpf_get_smp_processor_id`).
#[inline(always)]
pub fn get_smp_processor_id() -> u32 {
    unsafe { raw::bpf_get_smp_processor_id() }
}

/// Sends the packet to the interface `ifindex`: return the result from an
/// XDP or tc program (`bpf_redirect`; `flags`:
/// [`BPF_F_INGRESS`](crate::consts::BPF_F_INGRESS) for tc).
#[inline(always)]
pub fn redirect(ifindex: u32, flags: u64) -> i64 {
    unsafe { raw::bpf_redirect(ifindex, flags) }
}

/// Defines a probe read of a `T` and of a string from one address space.
macro_rules! probe_reads {
    ($read:ident, $read_str:ident, $helper:ident, $helper_str:ident, $memory:literal, $since:literal) => {
        #[doc = concat!("Reads a `T` from ", $memory, " at `src` (`", stringify!($helper), "`, ", $since, ").")]
        ///
        /// # Safety
        ///
        /// `T` must be valid for any bytes found at `src`.
        #[inline(always)]
        pub unsafe fn $read<T>(src: *const T) -> Result<T, i64> {
            let mut v = MaybeUninit::<T>::uninit();
            status(unsafe { raw::$helper(v.as_mut_ptr() as *mut c_void, size_of::<T>() as u32, src as *const c_void) })?;
            Ok(unsafe { v.assume_init() })
        }

        #[doc = concat!("Copies the NUL-terminated string at `src` in ", $memory, " into `dst` (`", stringify!($helper_str), "`) and returns the bytes before the NUL.")]
        ///
        /// # Safety
        ///
        /// A bad `src` is an error, not a fault, but `dst` gets what is there.
        #[inline(always)]
        pub unsafe fn $read_str(src: *const u8, dst: &mut [u8]) -> Result<&[u8], i64> {
            let n = unsafe { raw::$helper_str(dst.as_mut_ptr() as *mut c_void, dst.len() as u32, src as *const c_void) };
            str_bytes(n, dst)
        }
    };
}

probe_reads!(
    probe_read_kernel,
    probe_read_kernel_str_bytes,
    bpf_probe_read_kernel,
    bpf_probe_read_kernel_str,
    "kernel memory",
    "Linux 5.5"
);
probe_reads!(
    probe_read_user,
    probe_read_user_str_bytes,
    bpf_probe_read_user,
    bpf_probe_read_user_str,
    "the current process's memory",
    "Linux 5.5"
);

/// The string a `*_str` helper copied: it returns the length with the NUL.
#[inline(always)]
fn str_bytes(n: i64, dst: &[u8]) -> Result<&[u8], i64> {
    if n < 0 {
        return Err(n);
    }
    let len = (n as usize).saturating_sub(1);
    // The bound is for the verifier, which cannot tie n to dst's length.
    Ok(&dst[..len.min(dst.len())])
}
