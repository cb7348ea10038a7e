package rewrite

import (
	"slices"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// Retarget points the module at BPF.
var Retarget = &Pass{
	Name: "retarget",
	Doc: `retarget the module from the host to BPF

Sets the target triple to bpfel (bpfeb with BigEndian), which is what
rustc's own bpfel-unknown-none target and clang --target=bpfel write and
what llc's BPF backend and aya's bpf-linker accept, and the BPF data
layout e-m:e-p:64:64-i64:64-i128:128-n32:64-S128 (E-… for bpfeb).
Removes the function attributes that only mean something to the host's
code generator ("target-cpu", "target-features", "tune-cpu",
"probe-stack", "frame-pointer", nonlazybind, uwtable in any form) from
attribute groups, function headers and call sites, and every module asm
(x86 code such as __rust_probestack cannot be assembled for BPF).

rustc has already folded the host's byte order into the IR (from_be,
to_ne_bytes, constants), so retargeting little-endian IR to bpfeb is
reported as a warning.`,
	Run: runRetarget,
}

const (
	bpfDataLayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
	bpfelTriple   = "bpfel"
	bpfebTriple   = "bpfeb"
)

// pointerBits reads the size of pointers in address space 0 from a data
// layout ("p:32:32", "p0:64:64:64"); LLVM's default, and that of a module
// without a layout, is 64.
func pointerBits(layout string) int {
	for spec := range strings.SplitSeq(layout, "-") {
		rest, ok := strings.CutPrefix(spec, "p")
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "0")
		size, _, ok := strings.Cut(strings.TrimPrefix(rest, ":"), ":")
		if !ok || !strings.HasPrefix(rest, ":") {
			continue // p1:..., another address space
		}
		if n, err := strconv.Atoi(size); err == nil {
			return n
		}
	}
	return 64
}

// hostAttrs are the function attributes retarget removes, by key.
var hostAttrs = map[string]bool{
	"target-cpu":      true,
	"target-features": true,
	"tune-cpu":        true,
	"probe-stack":     true,
	"frame-pointer":   true,
	"nonlazybind":     true,
	"uwtable":         true, // also uwtable(sync) and uwtable(async)
}

func runRetarget(c *Context) error {
	m := c.Module
	if bits := pointerBits(headerValue(m.DataLayout)); bits != 64 {
		c.Error(m.DataLayout, nil, "IR for a %d-bit target (%s): its pointers, offsets and struct layouts are not BPF's, which is 64-bit; "+
			"emit the IR for a 64-bit host (x86_64 or aarch64), as oxbpf build does", bits, headerValue(m.Triple))
		return nil
	}
	triple, layout := bpfelTriple, bpfDataLayout
	if c.Options.BigEndian {
		triple, layout = bpfebTriple, "E"+bpfDataLayout[1:]
		if m.DataLayout == nil || strings.HasPrefix(m.DataLayout.Value.Value(), "e") {
			var at ir.Node
			if m.Triple != nil {
				at = m.Triple
			}
			c.Warn(at, nil, "bpfeb output from IR compiled for a little-endian host (%s): byte-order-dependent code keeps the host's order", headerValue(m.Triple))
		}
	}
	if headerValue(m.Triple) != triple {
		m.SetHeader("triple", triple)
		c.Count("triple", 1)
	}
	if headerValue(m.DataLayout) != layout {
		m.SetHeader("datalayout", layout)
		c.Count("datalayout", 1)
	}
	for _, g := range m.AttrGroups {
		c.Count("host-attribute", removeHostAttrs(m, &g.Attrs))
	}
	for _, f := range m.Funcs {
		c.Count("host-attribute", removeHostAttrs(m, &f.Attrs))
		eachCall(f, func(_ *ir.Block, in *ir.Instr) {
			c.Count("host-attribute", removeHostAttrs(m, &in.Call.FnAttrs))
		})
	}
	for _, a := range slices.Clone(m.ModuleAsm) {
		m.Remove(a)
		c.Count("module-asm", 1)
	}
	c.Count("empty-group", dropEmptyGroups(m))
	return nil
}

func headerValue(h *ir.HeaderField) string {
	if h == nil {
		return ""
	}
	return h.Value.Value()
}

func removeHostAttrs(m *ir.Module, list *ir.AttrList) int {
	n := 0
	for i := len(list.Attrs) - 1; i >= 0; i-- {
		if a := list.Attrs[i]; a.Kind != ir.GroupRef && hostAttrs[a.Key] {
			m.RemoveAttr(list, i)
			n++
		}
	}
	return n
}
