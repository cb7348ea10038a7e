// Package gogen writes Go bindings for a BPF object, as bpf2go does. On
// Windows it cannot: cilium/ebpf's cmd/bpf2go/gen does not build there.
package gogen

import "errors"

// Options say what to bind and where to write it.
type Options struct {
	Object, Package, Dir, Stem string
}

// Result names the files written.
type Result struct {
	Go     string `json:"go"`
	Object string `json:"object"`
}

// Generate fails: see the package comment.
func Generate(Options) (*Result, error) {
	return nil, errors.New("no Go bindings on Windows: cilium/ebpf's bpf2go generator does not build there; run oxbpf on Linux or macOS")
}
