// Package vm checks BPF objects against kernels the machine does not run:
// it boots a kernel image under qemu (KVM when it works, TCG otherwise; one
// CPU, no network, no disk) with an initramfs that holds the objects, their
// test cases and oxbpf itself as /init. There, the guest side (Guest)
// loads every map and program with verify.Load, as --load does on the
// host, runs the test cases with testrun, prints the result on the serial
// console and powers off; the host side (Run) reads it back.
//
// The guest needs nothing installed: the initramfs holds the init binary
// and, when it is dynamically linked, its interpreter and libraries.
// Where kernel images come from is up to the caller; scripts/
// fetch-kernels.sh fetches Debian's.
package vm
