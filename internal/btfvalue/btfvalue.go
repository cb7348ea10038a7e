// Package btfvalue reads the bytes of a map key, a map value or an event
// record through the BTF type that describes them, for people and for
// JSON: numbers, enum variants by name, text for NUL-padded byte arrays
// of text, arrays, and fields by name. oxbpf test prints keys and values
// with it, oxbpf run the maps and events.
package btfvalue

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/cilium/ebpf/btf"
)

// Format writes b, of type t, for people, as test cases write values:
// 17, "Udp", "eth0", [1, 2], { src = 80, dst = 8080 }. Only the bytes
// under mask count (all when mask is nil): fields and elements wholly
// outside it are left out. Without a type, b is a number (up to 8 bytes)
// or hex.
func Format(b []byte, t btf.Type, mask []byte) string {
	if t == nil {
		if len(b) <= 8 {
			return strconv.FormatUint(le(b), 10)
		}
		return fmt.Sprintf("%x", b)
	}
	switch t := btf.UnderlyingType(t).(type) {
	case *btf.Int:
		if t.Encoding == btf.Signed {
			return strconv.FormatInt(sint(b), 10)
		}
		return strconv.FormatUint(le(b), 10)
	case *btf.Enum:
		if name := enumName(t, le(b)); name != "" {
			return strconv.Quote(name)
		}
		return strconv.FormatUint(le(b), 10)
	case *btf.Pointer:
		return fmt.Sprintf("%#x", le(b))
	case *btf.Array:
		if text, ok := asText(b, t, mask); ok {
			return strconv.Quote(text)
		}
		elem, _ := btf.Sizeof(t.Type)
		if elem <= 0 {
			return "[]"
		}
		var items []string
		for i := 0; i+elem <= len(b); i += elem {
			if mask != nil && allZero(mask[i:i+elem]) {
				continue
			}
			items = append(items, Format(b[i:i+elem], t.Type, sub(mask, i, elem)))
		}
		return "[" + strings.Join(items, ", ") + "]"
	case *btf.Struct:
		return formatFields(b, t.Members, mask)
	case *btf.Union:
		return formatFields(b, t.Members, mask)
	}
	return fmt.Sprintf("%x", b)
}

func formatFields(b []byte, members []btf.Member, mask []byte) string {
	var fields []string
	eachField(b, members, mask, func(name string, fb []byte, t btf.Type, fmask []byte) {
		fields = append(fields, name+" = "+Format(fb, t, fmask))
	})
	return "{ " + strings.Join(fields, ", ") + " }"
}

// Value returns b, of type t, as a value for encoding/json: a number, an
// enum variant's name, text, a slice, or a map of fields.
func Value(b []byte, t btf.Type) any {
	if t == nil {
		if len(b) <= 8 {
			return le(b)
		}
		return fmt.Sprintf("%x", b)
	}
	switch t := btf.UnderlyingType(t).(type) {
	case *btf.Int:
		if t.Encoding == btf.Signed {
			return sint(b)
		}
		return le(b)
	case *btf.Enum:
		if name := enumName(t, le(b)); name != "" {
			return name
		}
		return le(b)
	case *btf.Pointer:
		return le(b)
	case *btf.Array:
		if text, ok := asText(b, t, nil); ok {
			return text
		}
		elem, _ := btf.Sizeof(t.Type)
		items := []any{}
		for i := 0; elem > 0 && i+elem <= len(b); i += elem {
			items = append(items, Value(b[i:i+elem], t.Type))
		}
		return items
	case *btf.Struct:
		return fieldValues(b, t.Members)
	case *btf.Union:
		return fieldValues(b, t.Members)
	}
	return fmt.Sprintf("%x", b)
}

func fieldValues(b []byte, members []btf.Member) map[string]any {
	out := map[string]any{}
	eachField(b, members, nil, func(name string, fb []byte, t btf.Type, _ []byte) {
		out[name] = Value(fb, t)
	})
	return out
}

// eachField calls fn for each named, byte-aligned field of b under mask.
func eachField(b []byte, members []btf.Member, mask []byte, fn func(name string, fb []byte, t btf.Type, fmask []byte)) {
	for _, m := range members {
		if m.Name == "" || m.BitfieldSize > 0 || m.Offset%8 != 0 {
			continue
		}
		off := int(m.Offset / 8)
		size, err := btf.Sizeof(m.Type)
		if err != nil || off+size > len(b) || mask != nil && allZero(mask[off:off+size]) {
			continue
		}
		fn(m.Name, b[off:off+size], m.Type, sub(mask, off, size))
	}
}

// asText reports whether a byte array holds text: printable bytes, then
// NULs to the end, as a task's comm or an interface's name does.
func asText(b []byte, t *btf.Array, mask []byte) (string, bool) {
	elem, ok := btf.UnderlyingType(t.Type).(*btf.Int)
	if !ok || elem.Size != 1 || mask != nil && !full(mask) {
		return "", false
	}
	end := 0
	for end < len(b) && b[end] != 0 {
		if b[end] < 0x20 || b[end] > 0x7e {
			return "", false
		}
		end++
	}
	if end == 0 || !allZero(b[end:]) {
		return "", false
	}
	return string(b[:end]), true
}

func enumName(t *btf.Enum, v uint64) string {
	for _, e := range t.Values {
		if e.Value == v {
			return e.Name
		}
	}
	return ""
}

// le reads b, at most 8 bytes, little-endian.
func le(b []byte) uint64 {
	var buf [8]byte
	copy(buf[:], b)
	return binary.LittleEndian.Uint64(buf[:])
}

// sint reads b as a signed number of its length.
func sint(b []byte) int64 {
	u := le(b)
	if n := len(b); n > 0 && n < 8 && u>>(8*n-1)&1 == 1 {
		u |= ^uint64(0) << (8 * n)
	}
	return int64(u)
}

func sub(mask []byte, off, n int) []byte {
	if mask == nil {
		return nil
	}
	return mask[off : off+n]
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

func full(b []byte) bool {
	for _, x := range b {
		if x != 0xff {
			return false
		}
	}
	return true
}
