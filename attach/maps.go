//go:build linux

package attach

import (
	"encoding/binary"
	"maps"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/oxbpf/oxbpf/internal/btfvalue"
)

// maxEntries bounds the entries reported per map.
const maxEntries = 64

// reportMaps reports the entries of every map that holds keys and values.
func (r *run) reportMaps() {
	var dumps []MapDump
	for _, o := range r.objects {
		for _, name := range slices.Sorted(maps.Keys(o.spec.Maps)) {
			if d, ok := dump(o, name); ok {
				dumps = append(dumps, d)
			}
		}
	}
	r.emit(Report{Kind: Maps, Maps: dumps})
}

// dumpable are the map types whose entries are keys and values.
var dumpable = []ebpf.MapType{ebpf.Hash, ebpf.Array, ebpf.LRUHash, ebpf.LPMTrie, ebpf.PerCPUHash, ebpf.PerCPUArray, ebpf.LRUCPUHash}

func dump(o *object, name string) (MapDump, bool) {
	ms := o.spec.Maps[name]
	if strings.HasPrefix(name, ".") || !slices.Contains(dumpable, ms.Type) {
		return MapDump{}, false
	}
	perCPU := ms.Type == ebpf.PerCPUHash || ms.Type == ebpf.PerCPUArray || ms.Type == ebpf.LRUCPUHash
	array := ms.Type == ebpf.Array || ms.Type == ebpf.PerCPUArray
	d := MapDump{Object: o.name, Map: name, Entries: []Entry{}}
	var key, value []byte
	var values [][]byte
	it := o.coll.Maps[name].Iterate()
	for {
		var ok bool
		if perCPU {
			ok = it.Next(&key, &values)
		} else {
			ok = it.Next(&key, &value)
			values = [][]byte{value}
		}
		if !ok {
			break
		}
		if array && slices.IndexFunc(values, func(v []byte) bool { return !isZero(v) }) < 0 {
			continue // an array holds every index: only those set count
		}
		if len(d.Entries) == maxEntries {
			d.More++
			continue
		}
		e := Entry{Key: btfvalue.Value(key, ms.Key), KeyText: btfvalue.Format(key, ms.Key, nil)}
		if !perCPU || ms.ValueSize <= 8 {
			v := sumPerCPU(values, int(ms.ValueSize))
			e.Value, e.ValueText = btfvalue.Value(v, ms.Value), btfvalue.Format(v, ms.Value, nil)
		} else {
			// A struct per CPU has no sum: each CPU's, in order.
			var items []any
			var texts []string
			for _, v := range values {
				items, texts = append(items, btfvalue.Value(v, ms.Value)), append(texts, btfvalue.Format(v, ms.Value, nil))
			}
			e.Value, e.ValueText = items, "per CPU ["+strings.Join(texts, ", ")+"]"
		}
		d.Entries = append(d.Entries, e)
	}
	if err := it.Err(); err != nil {
		d.Err = err.Error()
	}
	return d, true
}

// sumPerCPU adds the CPUs' values as little-endian numbers of up to 8
// bytes, wrapping as the type would; one CPU's value is itself.
func sumPerCPU(values [][]byte, size int) []byte {
	if len(values) == 1 {
		return values[0]
	}
	var sum uint64
	for _, v := range values {
		var buf [8]byte
		copy(buf[:], v)
		sum += binary.LittleEndian.Uint64(buf[:])
	}
	out := make([]byte, 8)
	binary.LittleEndian.PutUint64(out, sum)
	return out[:size]
}

func isZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
