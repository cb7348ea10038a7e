package btfvalue

import (
	"encoding/json"
	"testing"

	"github.com/cilium/ebpf/btf"
)

func TestFormatValue(t *testing.T) {
	u8 := &btf.Int{Name: "u8", Size: 1}
	s32 := &btf.Int{Name: "i32", Size: 4, Encoding: btf.Signed}
	u32 := &btf.Int{Name: "u32", Size: 4}
	comm := &btf.Array{Index: u32, Type: u8, Nelems: 8}
	kind := &btf.Enum{Name: "Kind", Size: 1, Values: []btf.EnumValue{{Name: "Exec", Value: 1}}}
	event := &btf.Struct{Name: "Event", Size: 16, Members: []btf.Member{
		{Name: "pid", Type: u32}, {Name: "ret", Type: s32, Offset: 32}, {Name: "comm", Type: comm, Offset: 64},
	}}
	rec := &btf.Struct{Name: "Rec", Size: 2, Members: []btf.Member{{Name: "kind", Type: kind}, {Name: "raw", Type: &btf.Typedef{Name: "byte_t", Type: u8}, Offset: 8}}}
	for _, tt := range []struct {
		b    []byte
		t    btf.Type
		text string
		json string
	}{
		{[]byte{7, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 't', 'r', 'u', 'e', 0, 0, 0, 0}, event, `{ pid = 7, ret = -2, comm = "true" }`, `{"comm":"true","pid":7,"ret":-2}`},
		{[]byte{1, 9}, rec, `{ kind = "Exec", raw = 9 }`, `{"kind":"Exec","raw":9}`},
		{[]byte{2, 0}, rec, `{ kind = 2, raw = 0 }`, `{"kind":2,"raw":0}`},
		{[]byte{10, 0, 0, 1, 0, 0, 0, 0}, comm, `[10, 0, 0, 1, 0, 0, 0, 0]`, `[10,0,0,1,0,0,0,0]`},
		{[]byte{'a', 0, 'b', 0, 0, 0, 0, 0}, comm, `[97, 0, 98, 0, 0, 0, 0, 0]`, `[97,0,98,0,0,0,0,0]`},
		{[]byte{1, 2}, nil, `513`, `513`},
	} {
		if got := Format(tt.b, tt.t, nil); got != tt.text {
			t.Errorf("Format(% x, %v) = %s, want %s", tt.b, tt.t, got, tt.text)
		}
		j, err := json.Marshal(Value(tt.b, tt.t))
		if err != nil || string(j) != tt.json {
			t.Errorf("Value(% x, %v) = %s, %v; want %s", tt.b, tt.t, j, err, tt.json)
		}
	}
	// Only the fields under the mask.
	mask := make([]byte, 16)
	for i := 4; i < 8; i++ {
		mask[i] = 0xff
	}
	if got := Format(make([]byte, 16), event, mask); got != "{ ret = 0 }" {
		t.Errorf("masked: %s", got)
	}
}
