// Command oxbpf builds Rust eBPF crates into BPF objects that the kernel
// verifier accepts.
//
//	oxbpf build [crate dir] [--bin B]... [--out DIR] [--load] [-- rustc flags]
//	oxbpf compile IN.ll -o OUT.o
//	oxbpf verify OBJ.o [--load]
//	oxbpf rewrite IN.ll [-o OUT.ll] [--passes LIST|bpf|none]
//	oxbpf doctor
//	oxbpf version
//
// It is a thin layer over package pipeline: flags become pipeline.Options, and
// results are printed as tables or, with --json, as pipeline.Result's JSON.
// Run oxbpf --help for the exit codes and oxbpf <command> --help for each
// command's flags and examples.
package main
