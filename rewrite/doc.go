// Package rewrite holds the passes that turn the IR rustc emits for the host
// into IR that opt and llc compile for BPF: retarget, helpers (helpers
// declared by name), inline-all, panic-exit, atomics, btf and btf-maps
// (debug info and maps as kernel BTF), downlevel (newer LLVM syntax to the
// LLVM that will run) and lint; and, on opt's output, undef-zero and
// user-lines. It is step 2 of RedBPF's cargo-bpf, done on text with
// package ir.
//
// A pass is a value with a name, a doc line, the passes it requires and a
// Run function. Passes edit the module through ir's edit methods and
// report what they changed as counts per rule, and what they found as
// diagnostics; the caller decides what to print and whether warnings fail
// the build.
package rewrite
