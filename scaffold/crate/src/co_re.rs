//! CO-RE, compile once – run everywhere: read kernel structs at the
//! offsets of the kernel the program runs on, not of the one it was built
//! against.
//!
//! A [`Relocatable`] type describes a kernel type by name (the types
//! `oxbpf gen types` writes are all relocatable). Every field access
//! through [`core_field!`](crate::core_field) or
//! [`core_read!`](crate::core_read) on such a type becomes what clang
//! makes of a `preserve_access_index` struct: oxbpf turns it into LLVM's
//! `llvm.preserve.*.access.index` calls, llc writes a CO-RE relocation
//! into `.BTF.ext`, and the loader (cilium/ebpf, libbpf) fixes the offset
//! against the running kernel's BTF. A field the kernel lacks fails the
//! load, unless the program asks first with
//! [`core_field_exists!`](crate::core_field_exists) and takes another
//! path: the check itself is a relocation, a constant once loaded.
//! Bitfields relocate too: [`core_read_bitfield!`](crate::core_read_bitfield).
//! [`core_field_size!`](crate::core_field_size),
//! [`core_type_exists!`](crate::core_type_exists),
//! [`core_type_size!`](crate::core_type_size),
//! [`core_enum_value!`](crate::core_enum_value) and
//! [`core_enum_value_exists!`](crate::core_enum_value_exists) ask the
//! running kernel the same way.
//!
//! ```no_run
//! # mod vmlinux {
//! #     #[repr(C)] pub struct task_struct { pub pid: i32, pub tgid: i32, pub real_parent: *const task_struct }
//! #     unsafe impl oxbpf_ebpf::co_re::Relocatable for task_struct {}
//! # }
//! use oxbpf_ebpf::{core_read, helpers::get_current_task};
//! use vmlinux::task_struct;
//!
//! fn parent_pid() -> Result<i32, i64> {
//!     let task = get_current_task() as *const task_struct;
//!     core_read!(task, real_parent, tgid) // task->real_parent->tgid
//! }
//! ```
//!
//! A field written as plain Rust (`(*task).pid`) is read at the offset
//! the type was built with: only the macros relocate.

use core::ffi::c_void;
use core::marker::PhantomData;

/// A `#[repr(C)]` struct or union that describes a kernel type, whose
/// field accesses through [`core_field!`](crate::core_field) and
/// [`core_read!`](crate::core_read) relocate.
///
/// The loader matches the type by name, ignoring a `___suffix` (a
/// "flavor": `task_struct___v510` describes another layout of
/// `task_struct`), and each field by name, so a relocatable type needs to
/// declare only the fields a program reads, in any order.
///
/// # Safety
///
/// The type must be `#[repr(C)]`, and the kernel type of its name must
/// have a field of the same type for every field a program reads.
pub unsafe trait Relocatable {}

// oxbpf replaces every call to these with LLVM's CO-RE intrinsics, before
// anything links: there is no definition. The type is known by its name
// (type_name) and found in the program's debug info; a field by its path.
extern "C" {
    fn __oxbpf_core_field(
        base: *const c_void,
        ty: *const u8,
        ty_len: usize,
        path: *const u8,
        path_len: usize,
    ) -> *const c_void;
    fn __oxbpf_core_field_info(ty: *const u8, ty_len: usize, path: *const u8, path_len: usize, kind: u32) -> u32;
    fn __oxbpf_core_type_info(ty: *const u8, ty_len: usize, kind: u32) -> u32;
    fn __oxbpf_core_enum_value(
        ty: *const u8,
        ty_len: usize,
        name: *const u8,
        name_len: usize,
        value: i64,
        size: u32,
        signed: u32,
        kind: u32,
    ) -> i64;
}

/// What a field query asks, as `enum bpf_field_info_kind`.
#[doc(hidden)]
pub const FIELD_BYTE_OFFSET: u32 = 0;
#[doc(hidden)]
pub const FIELD_BYTE_SIZE: u32 = 1;
#[doc(hidden)]
pub const FIELD_EXISTS: u32 = 2;
#[doc(hidden)]
pub const FIELD_SIGNED: u32 = 3;
#[doc(hidden)]
pub const FIELD_LSHIFT_U64: u32 = 4;
#[doc(hidden)]
pub const FIELD_RSHIFT_U64: u32 = 5;
/// What a type query asks, as `enum bpf_type_info_kind`.
#[doc(hidden)]
pub const TYPE_EXISTS: u32 = 0;
#[doc(hidden)]
pub const TYPE_SIZE: u32 = 1;
/// What an enum query asks, as `enum bpf_enum_value_kind`.
#[doc(hidden)]
pub const ENUM_EXISTS: u32 = 0;
#[doc(hidden)]
pub const ENUM_VALUE: u32 = 1;

/// A C bitfield of a relocatable type: `BITS` bits of type `T` at bit
/// `BIT_OFFSET` of the struct. It takes no room: `oxbpf gen types` puts
/// one beside the bytes that hold the bitfields, named as the bitfield,
/// and oxbpf describes it to the loader as the bitfield it stands for.
/// Read it with [`core_read_bitfield!`](crate::core_read_bitfield).
#[derive(Clone, Copy)]
pub struct Bitfield<T, const BIT_OFFSET: u32, const BITS: u32>(PhantomData<T>);

/// The integer (or bool) types a bitfield can have.
pub trait BitfieldValue: Copy {
    /// The value of the low bits of `bits`, sign-extended already where
    /// the kernel's type is signed.
    fn from_bits(bits: u64) -> Self;
}

macro_rules! bitfield_values {
    ($($t:ty),*) => {
        $(impl BitfieldValue for $t {
            #[inline(always)]
            fn from_bits(bits: u64) -> Self {
                bits as $t
            }
        })*
    };
}
bitfield_values!(u8, u16, u32, u64, i8, i16, i32, i64);

impl BitfieldValue for bool {
    #[inline(always)]
    fn from_bits(bits: u64) -> Self {
        bits != 0
    }
}

/// Reads the bitfield at `path` of the `T` at `base` from kernel memory
/// as `BPF_CORE_READ_BITFIELD_PROBED` does: the bytes that hold it, at
/// the running kernel's offset and size, shifted as that kernel lays the
/// bits out.
#[doc(hidden)]
#[inline(always)]
pub unsafe fn __read_bitfield<T: Relocatable, V: BitfieldValue, const O: u32, const B: u32>(
    base: *const T,
    path: &'static str,
    field: fn(*const T) -> *const Bitfield<V, O, B>,
) -> Result<V, i64> {
    let info = |kind| __field_info(path, kind, field);
    let mut bits = 0u64;
    // Little-endian: the bytes go to the low end of the word.
    let src = unsafe { (base as *const u8).add(info(FIELD_BYTE_OFFSET) as usize) };
    let size = info(FIELD_BYTE_SIZE);
    crate::helpers::status(unsafe {
        crate::helpers::raw::bpf_probe_read_kernel(&mut bits as *mut u64 as *mut c_void, size, src as *const c_void)
    })?;
    let (left, right) = (info(FIELD_LSHIFT_U64), info(FIELD_RSHIFT_U64));
    // The loader's shifts are below 64: without saying so, Rust's shift
    // masks them, two instructions each that the relocated constants
    // keep LLVM from folding.
    unsafe { core::hint::assert_unchecked(left < 64 && right < 64) };
    bits <<= left;
    Ok(V::from_bits(if info(FIELD_SIGNED) != 0 {
        ((bits as i64) >> right) as u64
    } else {
        bits >> right
    }))
}

/// The address of the field at `path` (`pid`, `se.vruntime`, `comm[3]`)
/// of the `T` at `base`, relocated. `_field` is never called: it gives
/// the field's type, and fails the build for a path `T` lacks.
#[doc(hidden)]
#[inline(always)]
pub unsafe fn __field<T: Relocatable, F>(
    base: *const T,
    path: &'static str,
    _field: fn(*const T) -> *const F,
) -> *const F {
    let ty = core::any::type_name::<T>();
    unsafe { __oxbpf_core_field(base as *const c_void, ty.as_ptr(), ty.len(), path.as_ptr(), path.len()) as *const F }
}

/// `kind` of the field at `path` of `T`, as the running kernel has it.
#[doc(hidden)]
#[inline(always)]
pub fn __field_info<T: Relocatable, F>(path: &'static str, kind: u32, _field: fn(*const T) -> *const F) -> u32 {
    let ty = core::any::type_name::<T>();
    unsafe { __oxbpf_core_field_info(ty.as_ptr(), ty.len(), path.as_ptr(), path.len(), kind) }
}

/// `kind` of `T` as the running kernel has it.
#[doc(hidden)]
#[inline(always)]
pub fn __type_info<T: Relocatable>(kind: u32) -> u32 {
    let ty = core::any::type_name::<T>();
    unsafe { __oxbpf_core_type_info(ty.as_ptr(), ty.len(), kind) }
}

/// `kind` of the enumerator `name` (this build's value: `value`) of the
/// integer type `ty` stands for, as the running kernel has it.
#[doc(hidden)]
#[inline(always)]
pub fn __enum_value(ty: &'static str, name: &'static str, value: i64, size: usize, signed: bool, kind: u32) -> i64 {
    unsafe {
        __oxbpf_core_enum_value(
            ty.as_ptr(),
            ty.len(),
            name.as_ptr(),
            name.len(),
            value,
            size as u32,
            signed as u32,
            kind,
        )
    }
}

/// The address of a field of a [`Relocatable`] type, relocated:
/// `core_field!(task, pid)` is `&task->pid` at the running kernel's offset,
/// a `*const i32`. The path may go into structs and arrays held by value:
/// `core_field!(task, se.vruntime)`, `core_field!(task, comm[0])`.
///
/// Programs whose context holds BTF-typed pointers (tp_btf, fentry) may
/// read the result directly; others read it with
/// [`core_read!`](crate::core_read) or
/// [`probe_read_kernel`](crate::helpers::probe_read_kernel).
#[macro_export]
macro_rules! core_field {
    ($base:expr, $($path:tt)+) => {
        unsafe {
            $crate::co_re::__field($base, stringify!($($path)+), $crate::__core_field_type!($($path)+))
        }
    };
}

/// Reads a field of a [`Relocatable`] type from kernel memory, relocated,
/// following pointers as C's `BPF_CORE_READ` does:
/// `core_read!(task, real_parent, tgid)` reads `task->real_parent`, then
/// that task's `tgid`. Each step is a field path without indexes
/// (`se.vruntime`). Evaluates to `Result<F, i64>`, the error a failed
/// `bpf_probe_read_kernel`'s.
#[macro_export]
macro_rules! core_read {
    ($base:expr, $f:ident $(. $g:ident)*) => {
        unsafe { $crate::helpers::probe_read_kernel($crate::core_field!($base, $f $(. $g)*)) }
    };
    ($base:expr, $f:ident $(. $g:ident)*, $($rest:tt)+) => {
        match $crate::core_read!($base, $f $(. $g)*) {
            Ok(next) => $crate::core_read!(next, $($rest)+),
            Err(e) => Err(e),
        }
    };
}

/// Whether the running kernel's `T` has the field at `path`
/// (`bpf_core_field_exists`): `core_field_exists!(task_struct, __state)`.
/// A constant once loaded; the branch not taken is dead code the verifier
/// skips, so it may use fields the kernel lacks.
#[macro_export]
macro_rules! core_field_exists {
    ($t:ty, $($path:tt)+) => {
        $crate::__core_field_query!($crate::co_re::FIELD_EXISTS, $t, $($path)+) != 0
    };
}

/// A closure, never called, from a `T` to its field at `path`: what gives
/// the field's type, and fails the build for a path `T` lacks.
#[doc(hidden)]
#[macro_export]
macro_rules! __core_field_type {
    ($($path:tt)+) => {
        |p| {
            #[allow(unused_unsafe)]
            unsafe {
                ::core::ptr::addr_of!((*p).$($path)+)
            }
        }
    };
}

/// A field query of `kind` (`bpf_field_info_kind`): the body of
/// core_field_exists! and core_field_size!.
#[doc(hidden)]
#[macro_export]
macro_rules! __core_field_query {
    ($kind:expr, $t:ty, $($path:tt)+) => {
        $crate::co_re::__field_info::<$t, _>(stringify!($($path)+), $kind, $crate::__core_field_type!($($path)+))
    };
}

/// The size in bytes of the field at `path` of the running kernel's `T`
/// (`bpf_core_field_size`).
#[macro_export]
macro_rules! core_field_size {
    ($t:ty, $($path:tt)+) => {
        $crate::__core_field_query!($crate::co_re::FIELD_BYTE_SIZE, $t, $($path)+)
    };
}

/// Whether the running kernel has a type of `T`'s name
/// (`bpf_core_type_exists`).
#[macro_export]
macro_rules! core_type_exists {
    ($t:ty) => {
        $crate::co_re::__type_info::<$t>($crate::co_re::TYPE_EXISTS) != 0
    };
}

/// The size in bytes of the running kernel's type of `T`'s name
/// (`bpf_core_type_size`).
#[macro_export]
macro_rules! core_type_size {
    ($t:ty) => {
        $crate::co_re::__type_info::<$t>($crate::co_re::TYPE_SIZE)
    };
}

/// The value the running kernel gives an enumerator of a kernel enum
/// (`bpf_core_enum_value`): `core_enum_value!(bpf_func_id,
/// BPF_FUNC_loop)`. The enum is the integer type `oxbpf gen types` writes
/// for it, the enumerator its constant; the loader matches both by name.
/// Evaluates to an `i64`.
#[macro_export]
macro_rules! core_enum_value {
    ($t:ty, $v:path) => {
        $crate::__core_enum_query!($crate::co_re::ENUM_VALUE, $t, $v)
    };
}

/// Whether the running kernel's enum has the enumerator
/// (`bpf_core_enum_value_exists`): `core_enum_value_exists!(bpf_func_id,
/// BPF_FUNC_loop)`.
#[macro_export]
macro_rules! core_enum_value_exists {
    ($t:ty, $v:path) => {
        $crate::__core_enum_query!($crate::co_re::ENUM_EXISTS, $t, $v) != 0
    };
}

/// An enum query of `kind` (`bpf_enum_value_kind`): the body of
/// core_enum_value! and core_enum_value_exists!.
#[doc(hidden)]
#[macro_export]
macro_rules! __core_enum_query {
    ($kind:expr, $t:ty, $v:path) => {
        $crate::co_re::__enum_value(
            stringify!($t),
            stringify!($v),
            $v as i64,
            ::core::mem::size_of::<$t>(),
            <$t>::MIN != 0,
            $kind,
        )
    };
}

/// Reads a bitfield of a [`Relocatable`] type from kernel memory,
/// relocated (`BPF_CORE_READ_BITFIELD_PROBED`): `core_read_bitfield!(task,
/// in_execve)`, for the [`Bitfield`] `oxbpf gen types` writes for each.
/// Evaluates to `Result<V, i64>`, `V` the bitfield's type.
#[macro_export]
macro_rules! core_read_bitfield {
    ($base:expr, $($path:tt)+) => {
        unsafe { $crate::co_re::__read_bitfield($base, stringify!($($path)+), $crate::__core_field_type!($($path)+)) }
    };
}
