// Package ir reads and writes textual LLVM IR (the .ll files rustc emits)
// losslessly, for LLVM 14 through 22, with typed or opaque pointers.
//
// Parse builds a Module: a model of the header, types, globals, functions,
// blocks, instructions, attribute groups and metadata that rewrite passes can
// query. Every node records where its text lies in the source. Edits made
// through the Module's methods are recorded as replacements of those ranges,
// so Fprint writes every byte nobody changed exactly as it was read, and only
// the edited pieces in the spelling the edit supplied. Print(Parse(x)) == x
// for every input the parser accepts, including syntax it only passes over,
// such as attributes from a newer LLVM.
//
// The package knows nothing about BPF; that belongs to package rewrite.
package ir
