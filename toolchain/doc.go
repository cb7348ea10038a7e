// Package toolchain finds and runs the programs oxbpf drives: cargo and
// rustc, which emit the crate's LLVM IR, and LLVM's opt and llc, which turn
// the rewritten IR into a BPF object.
//
// Discover looks for opt and llc in a fixed order (explicit paths, rustup's
// llvm-tools, versioned system tools, plain names on PATH), records where
// each came from and picks a matching pair. Cargo, Opt and Llc build their
// command lines from typed arguments and the option table of the LLVM major
// at hand; all of them run through Run, which captures stderr, enforces a
// timeout and kills the whole process group on cancellation. A failed child
// is a *ToolError whose message is one line.
package toolchain
