package helpers

import (
	"strings"
	"testing"

	"github.com/cilium/ebpf/asm"
)

func TestLookup(t *testing.T) {
	for _, tt := range []struct {
		name string
		id   int32
	}{
		{"bpf_map_lookup_elem", 1},
		{"bpf_ktime_get_ns", 5},
		{"bpf_trace_printk", 6},
		{"bpf_ringbuf_output", 130},
		{"bpf_cgrp_storage_delete", 211},
	} {
		h, ok := Lookup(tt.name)
		if !ok || h.ID != tt.id || h.Name != tt.name {
			t.Errorf("Lookup(%q) = %+v, %v; want helper %d", tt.name, h, ok, tt.id)
		}
		if h, ok := ByID(tt.id); !ok || h.Name != tt.name {
			t.Errorf("ByID(%d) = %+v, %v; want %s", tt.id, h, ok, tt.name)
		}
	}
	for _, name := range []string{"", "bpf_", "map_lookup_elem", "bpf_map_lookup_elem2"} {
		if h, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %+v, want none", name, h)
		}
	}
	for _, id := range []int32{0, -1, int32(len(table)) + 1} {
		if h, ok := ByID(id); ok {
			t.Errorf("ByID(%d) = %+v, want none", id, h)
		}
	}
}

func TestClosest(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"bpf_ktime_get_nsec", "bpf_ktime_get_ns"},
		{"bpf_map_lookup", "bpf_map_lookup_elem"},
		{"bpf_get_current_pid", "bpf_get_current_pid_tgid"},
		{"bpf_trace_printf", "bpf_trace_printk"},
		{"bpf_frobnicate_everything_now", ""},
	} {
		h, _ := Closest(tt.name)
		if h.Name != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.name, h.Name, tt.want)
		}
	}
}

// TestAgreesWithCilium checks every number against cilium/ebpf's own
// list of helpers (asm.BuiltinFunc), which comes from the kernel's UAPI
// by another road: bpf_map_lookup_elem is FnMapLookupElem.
func TestAgreesWithCilium(t *testing.T) {
	for _, h := range table {
		fn := asm.BuiltinFunc(h.ID).String()
		want := "Fn" + strings.ReplaceAll(strings.TrimPrefix(h.Name, "bpf_"), "_", "")
		if !strings.EqualFold(fn, want) {
			t.Errorf("helper %d is %s here, %s in cilium/ebpf", h.ID, h.Name, fn)
		}
	}
}
