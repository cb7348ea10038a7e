package testrun

import (
	"encoding/binary"
	"fmt"
	"math"
	"net/netip"
	"slices"
	"sort"
	"strings"

	"github.com/cilium/ebpf/btf"
)

// An encoded value is a key or value as the map holds it, and a mask of
// the bytes the case wrote: a struct given some of its fields leaves the
// others, and the padding, unchecked.
type encoded struct {
	bytes, mask []byte
}

// encode writes v, a value from a case file, as the BTF type t of size
// bytes; without a type (a map that has none) v is a number or hex.
func encode(v any, t btf.Type, size int) (encoded, error) {
	e := encoded{make([]byte, size), make([]byte, size)}
	if t == nil {
		switch v := v.(type) {
		case string:
			b, err := hexBytes(v)
			if err != nil || len(b) != size {
				return e, fmt.Errorf("want %d bytes of hex, or a number", size)
			}
			copy(e.bytes, b)
		default:
			if err := putInt(e.bytes, v, false); err != nil {
				return e, err
			}
		}
		fill(e.mask)
		return e, nil
	}
	return e, encodeAt(v, t, e.bytes, e.mask)
}

func fill(b []byte) {
	for i := range b {
		b[i] = 0xff
	}
}

func encodeAt(v any, t btf.Type, b, mask []byte) error {
	t = btf.UnderlyingType(t)
	size, err := btf.Sizeof(t)
	if err != nil {
		return err
	}
	if size > len(b) {
		return fmt.Errorf("type %v does not fit", t)
	}
	b, mask = b[:size], mask[:size]
	switch t := t.(type) {
	case *btf.Int:
		if bv, ok := v.(bool); ok {
			if bv {
				v = int64(1)
			} else {
				v = int64(0)
			}
		}
		if err := putInt(b, v, t.Encoding == btf.Signed); err != nil {
			return err
		}
	case *btf.Enum:
		if name, ok := v.(string); ok {
			i := slices.IndexFunc(t.Values, func(e btf.EnumValue) bool { return e.Name == name })
			if i < 0 {
				return fmt.Errorf("%q is no value of enum %s", name, t.Name)
			}
			v = int64(t.Values[i].Value)
		}
		if err := putInt(b, v, t.Signed); err != nil {
			return err
		}
	case *btf.Float:
		f, ok := v.(float64)
		if n, isInt := v.(int64); isInt {
			f, ok = float64(n), true
		}
		if !ok {
			return fmt.Errorf("want a number, not %v", v)
		}
		if size == 4 {
			binary.LittleEndian.PutUint32(b, math.Float32bits(float32(f)))
		} else {
			binary.LittleEndian.PutUint64(b, math.Float64bits(f))
		}
	case *btf.Pointer:
		if err := putInt(b, v, false); err != nil {
			return err
		}
	case *btf.Array:
		return encodeArray(v, t, b, mask)
	case *btf.Struct:
		return encodeFields(v, t.Name, t.Members, b, mask, false)
	case *btf.Union:
		return encodeFields(v, t.Name, t.Members, b, mask, true)
	default:
		return fmt.Errorf("cannot write a value of type %v", t)
	}
	fill(mask)
	return nil
}

func encodeArray(v any, t *btf.Array, b, mask []byte) error {
	elem, err := btf.Sizeof(t.Type)
	if err != nil {
		return err
	}
	if s, ok := v.(string); ok && elem == 1 {
		// Bytes as text: an IP address of the array's length, else text,
		// NUL-padded.
		raw := []byte(s)
		if a, err := netip.ParseAddr(s); err == nil && a.BitLen() == 8*len(b) {
			raw = a.AsSlice()
		}
		if len(raw) > len(b) {
			return fmt.Errorf("%q is longer than %d bytes", s, len(b))
		}
		copy(b, raw)
		fill(mask)
		return nil
	}
	items, ok := v.([]any)
	if !ok {
		return fmt.Errorf("want an array of %d, not %v", t.Nelems, v)
	}
	if len(items) > int(t.Nelems) {
		return fmt.Errorf("%d items for an array of %d", len(items), t.Nelems)
	}
	for i, item := range items {
		if err := encodeAt(item, t.Type, b[i*elem:], mask[i*elem:]); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil // elements not given, like fields, are not checked
}

func encodeFields(v any, name string, members []btf.Member, b, mask []byte, union bool) error {
	fields, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("want a table of %s's fields (%s), not %v", cmpName(name), memberNames(members), v)
	}
	if union && len(fields) != 1 {
		return fmt.Errorf("want one field of union %s (%s)", cmpName(name), memberNames(members))
	}
	for _, key := range sortedKeys(fields) {
		i := slices.IndexFunc(members, func(m btf.Member) bool { return m.Name == key })
		if i < 0 {
			return fmt.Errorf("%s has no field %q: want %s", cmpName(name), key, memberNames(members))
		}
		m := members[i]
		if m.BitfieldSize > 0 || m.Offset%8 != 0 {
			return fmt.Errorf("field %s is a bitfield, which cases cannot write", key)
		}
		off := int(m.Offset / 8)
		if err := encodeAt(fields[key], m.Type, b[off:], mask[off:]); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	return nil
}

func cmpName(name string) string {
	if name == "" {
		return "the struct"
	}
	return name
}

func memberNames(members []btf.Member) string {
	var names []string
	for _, m := range members {
		if m.Name != "" {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, ", ")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// putInt writes the number v into b, little-endian, refusing what does
// not fit.
func putInt(b []byte, v any, signed bool) error {
	n, ok := parseNumber(v)
	if !ok {
		return fmt.Errorf("want a number, not %v", v)
	}
	bits := 8 * len(b)
	if bits < 64 {
		lo, hi := int64(0), int64(1)<<bits-1
		if signed {
			lo, hi = -(int64(1) << (bits - 1)), int64(1)<<(bits-1)-1
		}
		if n < lo || n > hi {
			return fmt.Errorf("%d does not fit in %d bits", n, bits)
		}
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], uint64(n))
	copy(b, buf[:])
	return nil
}

// matches reports whether got holds want's bytes wherever want's mask is set.
func (want encoded) matches(got []byte) bool {
	if len(got) != len(want.bytes) {
		return false
	}
	for i := range got {
		if (got[i]^want.bytes[i])&want.mask[i] != 0 {
			return false
		}
	}
	return true
}
