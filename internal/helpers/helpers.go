// Package helpers lists the kernel's BPF helper functions: the number a
// program calls each by, its name and its C prototype.
//
// The table is generated (go generate, see gen/) from libbpf's
// bpf_helper_defs.h as Debian's libbpf-dev pins it, the same source the
// Rust support crate's helper bindings come from, so the rewrite's
// helpers-by-name and the crate always agree.
package helpers

import (
	"sort"
	"strings"

	"github.com/oxbpf/oxbpf/internal/words"
)

//go:generate go run ./gen -header /usr/include/bpf/bpf_helper_defs.h -go table.go -rust ../../scaffold/crate/src/helpers/raw.rs

// A Helper is one helper function of the kernel's BPF UAPI.
type Helper struct {
	// ID is the number a program calls it by: call ID.
	ID int32
	// Name is its name in the UAPI, bpf_map_lookup_elem.
	Name string
	// Proto is its C prototype, as libbpf declares it.
	Proto string
}

// Lookup returns the helper called name.
func Lookup(name string) (Helper, bool) {
	i := sort.Search(len(byName), func(i int) bool { return table[byName[i]].Name >= name })
	if i < len(byName) && table[byName[i]].Name == name {
		return table[byName[i]], true
	}
	return Helper{}, false
}

// ByID returns the helper with number id.
func ByID(id int32) (Helper, bool) {
	if id < 1 || int(id) > len(table) {
		return Helper{}, false
	}
	return table[id-1], true
}

// Closest returns the helper a mistyped name most likely meant, for "did
// you mean" messages: the shortest whose name begins with name (a
// truncated name), else the nearest in single-byte edits, if at most a
// third of the name's length away.
func Closest(name string) (Helper, bool) {
	var best Helper
	for _, h := range table {
		if strings.HasPrefix(h.Name, name) && (best.Name == "" || len(h.Name) < len(best.Name)) {
			best = h
		}
	}
	if best.Name != "" {
		return best, true
	}
	dist := len(name)/3 + 1
	for _, h := range table {
		if d := words.Distance(name, h.Name); d < dist {
			best, dist = h, d
		}
	}
	return best, best.Name != ""
}

// byName indexes table by name, sorted.
var byName = func() []int {
	idx := make([]int, len(table))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return strings.Compare(table[idx[i]].Name, table[idx[j]].Name) < 0 })
	return idx
}()
