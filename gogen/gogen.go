//go:build !windows

// Package gogen writes Go bindings for a BPF object, as bpf2go does for
// C programs, through cilium/ebpf's own cmd/bpf2go/gen package: the
// object embedded, load<Stem>Objects, typed structs of its programs,
// maps and variables, and Go types for the maps' keys and values and for
// the records of ring buffers and perf event arrays, from the object's
// BTF. cilium/ebpf builds that package for Linux and macOS, not Windows.
package gogen

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"github.com/cilium/ebpf/cmd/bpf2go/gen"
	"github.com/oxbpf/oxbpf/internal/output"
	"github.com/oxbpf/oxbpf/verify"
)

// Options say what to bind and where to write it.
type Options struct {
	// Object is the BPF object.
	Object string
	// Package is the Go package the file belongs to.
	Package string
	// Dir is where the Go file and the object's copy go; empty means the
	// object's own directory.
	Dir string
	// Stem prefixes the Go names; empty means the object's name in lower
	// camel case (xdp_count: xdpCountObjects, loadXdpCountObjects).
	Stem string
}

// Result names the files written.
type Result struct {
	Go     string `json:"go"`
	Object string `json:"object"`
}

// Generate writes <name>_bpfel.go and, beside it, <name>_bpfel.o, the
// object the Go file embeds, for little-endian architectures.
func Generate(opts Options) (*Result, error) {
	if !isIdentifier(opts.Package) {
		return nil, fmt.Errorf("go package %q is no Go identifier", opts.Package)
	}
	data, err := os.ReadFile(opts.Object)
	if err != nil {
		return nil, err
	}
	spec, err := ebpf.LoadCollectionSpecFromReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Object, err)
	}
	name := strings.TrimSuffix(filepath.Base(opts.Object), ".o")
	stem := opts.Stem
	if stem == "" {
		stem = lowerCamel(name)
	}
	dir := opts.Dir
	if dir == "" {
		dir = filepath.Dir(opts.Object)
	}
	target, arches, err := gen.FindTarget("bpfel")
	if err != nil {
		return nil, err
	}
	base := name + "_" + target.Suffix()
	res := &Result{Go: filepath.Join(dir, base+".go"), Object: filepath.Join(dir, base+".o")}
	var src bytes.Buffer
	err = gen.Generate(gen.GenerateArgs{
		Package:     opts.Package,
		Stem:        stem,
		Constraints: arches.Constraint(),
		Maps:        names(spec.Maps, func(n string) bool { return !strings.HasPrefix(n, ".") }),
		Variables:   names(spec.Variables, nil),
		Programs:    names(spec.Programs, nil),
		Types:       types(spec),
		ObjectFile:  base + ".o",
		Output:      &src,
	})
	if err != nil {
		return nil, fmt.Errorf("bindings for %s: %w", opts.Object, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if filepath.Clean(res.Object) != filepath.Clean(opts.Object) {
		if err := output.WriteFile(res.Object, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return nil, err
		}
	}
	if err := output.WriteFile(res.Go, func(w io.Writer) error { _, err := w.Write(src.Bytes()); return err }); err != nil {
		return nil, err
	}
	return res, nil
}

// types are the types to declare in Go: bpf2go's (the maps' keys and
// values, the variables'), and the record types oxbpf recorded.
func types(spec *ebpf.CollectionSpec) []btf.Type {
	out := gen.CollectGlobalTypes(spec)
	events := verify.EventTypes(spec.Types)
	for _, m := range slices.Sorted(maps.Keys(events)) {
		t := events[m]
		if btf.QualifiedType(t).TypeName() == "" {
			continue
		}
		if !slices.ContainsFunc(out, func(o btf.Type) bool { return o.TypeName() == t.TypeName() }) {
			out = append(out, btf.QualifiedType(t))
		}
	}
	return out
}

func names[V any](m map[string]V, keep func(string) bool) []string {
	var out []string
	for n := range m {
		if keep == nil || keep(n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// lowerCamel turns xdp_count into xdpCount.
func lowerCamel(s string) string {
	var b strings.Builder
	upper := false
	for i, r := range s {
		switch {
		case r == '_' || r == '-' || r == '.':
			upper = i > 0
		case upper:
			b.WriteString(strings.ToUpper(string(r)))
			upper = false
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" || out[0] >= '0' && out[0] <= '9' {
		out = "bpf" + out
	}
	return out
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if r != '_' && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
