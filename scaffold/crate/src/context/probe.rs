use super::Context;
use core::ffi::c_void;

/// The registers of a kprobe, kretprobe, uprobe or uretprobe, as the
/// kernel saves them (`struct pt_regs`), for the architecture the crate is
/// built for: x86_64 or aarch64.
///
/// ```no_run
/// use oxbpf_ebpf::context::ProbeContext;
///
/// // int do_unlinkat(int dfd, struct filename *name)
/// fn dfd(ctx: &ProbeContext) -> i32 {
///     ctx.arg::<i32>(0).unwrap_or(-1)
/// }
/// ```
#[repr(transparent)]
pub struct ProbeContext {
    regs: *mut c_void,
}

impl Context for ProbeContext {
    unsafe fn from_raw(ctx: *mut c_void) -> Self {
        ProbeContext { regs: ctx }
    }

    fn as_ptr(&self) -> *mut c_void {
        self.regs
    }
}

/// Where the calling convention puts the arguments and the return value:
/// the registers' slots in `struct pt_regs`, in u64 words.
#[cfg(target_arch = "x86_64")]
mod abi {
    // r15 r14 r13 r12 bp bx r11 r10 r9 r8 ax cx dx si di orig_ax ip cs flags sp ss
    pub const ARGS: [usize; 6] = [14, 13, 12, 11, 9, 8]; // di si dx cx r8 r9
    pub const RET: usize = 10; // ax
}

#[cfg(target_arch = "aarch64")]
mod abi {
    // regs[31] sp pc pstate
    pub const ARGS: [usize; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
    pub const RET: usize = 0;
}

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
impl ProbeContext {
    /// The `n`th argument (from 0) of the probed function, if the calling
    /// convention passes it in a register (6 on x86_64, 8 on aarch64).
    /// Valid at the function's entry: in a kprobe or uprobe.
    #[inline(always)]
    pub fn arg<T: FromRegister>(&self, n: usize) -> Option<T> {
        let slot = *abi::ARGS.get(n)?;
        Some(T::from_register(self.register(slot)))
    }

    /// The probed function's return value: in a kretprobe or uretprobe.
    #[inline(always)]
    pub fn ret<T: FromRegister>(&self) -> T {
        T::from_register(self.register(abi::RET))
    }

    #[inline(always)]
    fn register(&self, slot: usize) -> u64 {
        unsafe { *(self.regs as *const u64).add(slot) }
    }
}

/// A type an argument register holds: integers and pointers.
pub trait FromRegister {
    /// The value from the register's 64 bits (truncated for narrower types).
    fn from_register(reg: u64) -> Self;
}

macro_rules! from_register {
    ($($t:ty),*) => {
        $(impl FromRegister for $t {
            #[inline(always)]
            fn from_register(reg: u64) -> Self {
                reg as $t
            }
        })*
    };
}

from_register!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T> FromRegister for *const T {
    #[inline(always)]
    fn from_register(reg: u64) -> Self {
        reg as usize as *const T
    }
}

impl<T> FromRegister for *mut T {
    #[inline(always)]
    fn from_register(reg: u64) -> Self {
        reg as usize as *mut T
    }
}
