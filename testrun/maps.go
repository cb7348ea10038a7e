package testrun

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/oxbpf/oxbpf/internal/btfvalue"
)

// perCPU are the map types with a value per CPU: a case writes one value
// for all CPUs, and expects the sum over them (numbers only).
var perCPU = []ebpf.MapType{ebpf.PerCPUHash, ebpf.PerCPUArray, ebpf.LRUCPUHash}

// mapOf returns the loaded map and its spec, or an error naming the maps.
func mapOf(coll *ebpf.Collection, spec *ebpf.CollectionSpec, name string) (*ebpf.Map, *ebpf.MapSpec, error) {
	m, ms := coll.Maps[name], spec.Maps[name]
	if m == nil || ms == nil {
		var names []string
		for n := range spec.Maps {
			if !strings.HasPrefix(n, ".") {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		return nil, nil, fmt.Errorf("no map %s: the object has %s", name, strings.Join(names, ", "))
	}
	return m, ms, nil
}

// put writes a case's entry into its map.
func put(coll *ebpf.Collection, spec *ebpf.CollectionSpec, e MapEntry) error {
	m, ms, err := mapOf(coll, spec, e.Map)
	if err != nil {
		return err
	}
	key, err := encode(e.Key, ms.Key, int(ms.KeySize))
	if err != nil {
		return fmt.Errorf("key: %w", err)
	}
	value, err := encode(e.Value, ms.Value, int(ms.ValueSize))
	if err != nil {
		return fmt.Errorf("value: %w", err)
	}
	if slices.Contains(perCPU, ms.Type) {
		values := make([][]byte, ebpf.MustPossibleCPU())
		for i := range values {
			values[i] = value.bytes
		}
		return m.Put(key.bytes, values)
	}
	return m.Put(key.bytes, value.bytes)
}

// checkEntry compares what the map holds for an expected entry, and says
// what differs ("" when nothing does).
func checkEntry(coll *ebpf.Collection, spec *ebpf.CollectionSpec, e MapEntry) string {
	m, ms, err := mapOf(coll, spec, e.Map)
	if err != nil {
		return err.Error()
	}
	key, err := encode(e.Key, ms.Key, int(ms.KeySize))
	if err != nil {
		return fmt.Sprintf("map %s: key: %v", e.Map, err)
	}
	where := fmt.Sprintf("map %s[%s]", e.Map, btfvalue.Format(key.bytes, ms.Key, key.mask))
	got, err := lookup(m, ms, key.bytes)
	if errors.Is(err, ebpf.ErrKeyNotExist) && !full(key.mask) {
		// The key's padding, or fields the case leaves out, may hold
		// anything: find the key that matches what the case gives.
		if k, ok := findKey(m, key); ok {
			got, err = lookup(m, ms, k)
		}
	}
	switch {
	case errors.Is(err, ebpf.ErrKeyNotExist) && e.Absent:
		return ""
	case errors.Is(err, ebpf.ErrKeyNotExist):
		return where + ": no such key, want " + btfvalue.Format(mustEncode(e, ms).bytes, ms.Value, mustEncode(e, ms).mask)
	case err != nil:
		return fmt.Sprintf("%s: %v", where, err)
	case e.Absent:
		return fmt.Sprintf("%s: got %s, want no such key", where, btfvalue.Format(got, ms.Value, nil))
	}
	want, err := encode(e.Value, ms.Value, int(ms.ValueSize))
	if err != nil {
		return fmt.Sprintf("%s: value: %v", where, err)
	}
	if !want.matches(got) {
		return fmt.Sprintf("%s: got %s, want %s", where, btfvalue.Format(got, ms.Value, want.mask), btfvalue.Format(want.bytes, ms.Value, want.mask))
	}
	return ""
}

func mustEncode(e MapEntry, ms *ebpf.MapSpec) encoded {
	v, _ := encode(e.Value, ms.Value, int(ms.ValueSize))
	return v
}

// lookup reads a key's value; a per-CPU map's values are summed, which
// only numbers of up to 8 bytes allow.
func lookup(m *ebpf.Map, ms *ebpf.MapSpec, key []byte) ([]byte, error) {
	if !slices.Contains(perCPU, ms.Type) {
		var v []byte
		err := m.Lookup(key, &v)
		return v, err
	}
	if ms.ValueSize > 8 {
		return nil, fmt.Errorf("per-CPU values of %d bytes: cases can check sums of numbers only", ms.ValueSize)
	}
	var values [][]byte
	if err := m.Lookup(key, &values); err != nil {
		return nil, err
	}
	var sum uint64
	for _, v := range values {
		var buf [8]byte
		copy(buf[:], v)
		sum += binary.LittleEndian.Uint64(buf[:])
	}
	out := make([]byte, ms.ValueSize)
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], sum)
	copy(out, buf[:])
	return out, nil
}

// full reports whether a mask covers every byte.
func full(mask []byte) bool {
	for _, b := range mask {
		if b != 0xff {
			return false
		}
	}
	return true
}

// findKey returns a key of m that matches want under its mask.
func findKey(m *ebpf.Map, want encoded) ([]byte, bool) {
	var key []byte
	var value []byte
	it := m.Iterate()
	for it.Next(&key, &value) {
		if want.matches(key) {
			return key, true
		}
	}
	return nil, false
}
